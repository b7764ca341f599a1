import { badUserInput } from './errors';

/** Earliest date accepted anywhere: nothing in the directory predates it. */
export const EARLIEST_DATE = '1900-01-01';

/** How far ahead a date that may lie in the future (an end or expiry date) may go. */
export const MAX_FUTURE_YEARS = 50;

/** Which dates a field accepts: up to today (a verification or signing date) or also the future (an end date). */
export type DateRange = 'PAST' | 'FUTURE';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today in UTC as YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function latest(range: DateRange): string {
  if (range === 'PAST') return today();
  const limit = new Date();
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_FUTURE_YEARS);
  return limit.toISOString().slice(0, 10);
}

/**
 * The date as YYYY-MM-DD when it is a real calendar date in range, else the reason it is not. Takes the
 * text of an import cell or the `Date` that the GraphQL `Date` scalar hands over (midnight UTC).
 */
export function checkCalendarDate(
  value: unknown,
  range: DateRange,
): { date: string; problem?: undefined } | { date?: undefined; problem: string } {
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: 'is not a date' };
    text = value.toISOString().slice(0, 10);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { problem: 'must be a date, YYYY-MM-DD' };
  }
  const match = ISO_DATE.exec(text);
  if (!match) return { problem: 'must be a date, YYYY-MM-DD' };
  const [year, month, day] = match.slice(1).map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  probe.setUTCFullYear(year);
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return { problem: `${text} is not a calendar date` };
  const last = latest(range);
  if (text < EARLIEST_DATE || text > last)
    return { problem: `must be from ${EARLIEST_DATE} to ${last}, got ${text}` };
  return { date: text };
}

/** A date argument as YYYY-MM-DD, or BAD_USER_INPUT naming the argument (see {@link checkCalendarDate}). */
export function parseCalendarDate(value: unknown, argument: string, range: DateRange): string {
  const checked = checkCalendarDate(value, range);
  if (checked.problem !== undefined) throw badUserInput(`${argument} ${checked.problem}`, argument);
  return checked.date;
}
