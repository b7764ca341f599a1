import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDistance, formatFee, messagesFor } from '../../client/i18n/i18n';

const zh = messagesFor('zh');
const en = messagesFor('en');

describe('formatting for people', () => {
  it('gives distances in metres below a kilometre, else in kilometres', () => {
    expect(formatDistance(347, zh)).toBe('350 米');
    expect(formatDistance(1000, zh)).toBe('1 公里');
    expect(formatDistance(1549, en)).toBe('1.5 km');
  });

  it('gives monthly fees as a range in the interface language', () => {
    expect(formatFee(2000, 3500, zh)).toBe('2000–3500 元/月');
    expect(formatFee(2000, 2000, en)).toBe('2000 CNY/month');
    expect(formatFee(null, null, zh)).toBeNull();
  });

  it('gives the time of a vacancy update in China Standard Time', () => {
    expect(formatDateTime('2026-10-29T01:13:00Z', 'zh')).toBe('2026年10月29日 09:13');
    expect(formatDateTime('2026-10-29T01:13:00Z', 'en')).toBe('29 Oct 2026, 09:13');
  });
});
