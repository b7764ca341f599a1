import { describe, expect, it } from 'vitest';
import { formatOpeningHours, vacancyAgeDays } from '../../client/panels/freshness';
import { listedPrice } from '../../client/panels/listed-price';
import { messagesFor } from '../../client/i18n/i18n';

const NOW = Date.parse('2026-12-01T08:00:00Z');

describe('freshness and clarity of what the lists and details say', () => {
  it('marks a month-old vacancy stale with its age in days, a week-old one not', () => {
    expect(vacancyAgeDays('2026-10-31T08:00:00Z', NOW)).toBe(31);
    expect(vacancyAgeDays('2026-11-25T08:00:00Z', NOW)).toBeNull();
    expect(vacancyAgeDays(null, NOW)).toBeNull();
    expect(messagesFor('zh').staleVacancy(31)).toBe('31 天前更新，可能已有变化');
  });

  it('shows 24/7 as open all day, other hours as written', () => {
    expect(formatOpeningHours('24/7', '全天24小时')).toBe('全天24小时');
    expect(formatOpeningHours('Mo-Fr 08:00-17:00', '全天24小时')).toBe('Mo-Fr 08:00-17:00');
    expect(formatOpeningHours(null, '全天24小时')).toBeNull();
  });

  it('lists the price for the chosen care level, else the range', () => {
    const home = {
      id: '1',
      type: 'NURSING_HOME' as const,
      name: '颐乐园',
      isSample: true,
      vacantBeds: 3,
      feeMinMonthly: 3400,
      feeMaxMonthly: 4400,
      fees: [{ careLevel: 'DISABLED' as const, totalMonthly: 4100 }],
    };
    const zh = messagesFor('zh');
    expect(listedPrice(home, zh, 'DISABLED')).toBe('失能 4100 元/月');
    expect(listedPrice(home, zh, null)).toBe('3400–4400 元/月');
    expect(listedPrice(home, zh, 'DEMENTIA')).toBe('3400–4400 元/月');
  });
});
