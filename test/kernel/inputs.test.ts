import { describe, expect, test } from 'vitest';
import { checkCalendarDate, today } from '../../server/kernel/dates';
import { canonicalId, parseId } from '../../server/kernel/ids';
import { isMember, vocabularyOf } from '../../server/kernel/vocabulary';

describe('ids are canonical decimals', () => {
  test.each([
    '0x16',
    ' 22',
    '22 ',
    '22.0',
    '022',
    '1e1',
    '-1',
    '0',
    '',
    '2147483648',
    '99999999999999999999',
    '２２',
  ])('%j is not an id', (raw) => {
    expect(canonicalId(raw)).toBeNull();
    expect(() => parseId(raw, 'facilityId')).toThrow(/facilityId: .* is not an id/);
  });

  test('22, 1 and 2147483647 are ids, returned as written', () => {
    expect(['22', '1', '2147483647'].map(canonicalId)).toEqual(['22', '1', '2147483647']);
    expect(canonicalId(22)).toBeNull();
  });
});

describe('calendar dates', () => {
  test.each(['2023-02-30', '0000-01-01', '1899-12-31', '2023-13-01', '2023-04-31', '2100-02-29'])(
    '%s is refused',
    (date) => expect(checkCalendarDate(date, 'FUTURE').problem).toBeDefined(),
  );

  test('a past-only date stops at today; an end date may lie ahead; Date objects are read as UTC days', () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(checkCalendarDate(today(), 'PAST')).toEqual({ date: today() });
    expect(checkCalendarDate(tomorrow, 'PAST').problem).toMatch(/to /);
    expect(checkCalendarDate(tomorrow, 'FUTURE')).toEqual({ date: tomorrow });
    expect(checkCalendarDate(new Date('2024-02-29T00:00:00Z'), 'PAST')).toEqual({ date: '2024-02-29' });
  });
});

describe('vocabularies', () => {
  test('inherited names (constructor, toString, __proto__) are not members', () => {
    const grades = vocabularyOf({ GRADE_1: 'GRADE_1' });
    expect(['constructor', 'toString', '__proto__', 'hasOwnProperty'].some((v) => isMember(grades, v))).toBe(
      false,
    );
    expect(isMember(grades, 'GRADE_1')).toBe(true);
  });
});
