const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of a YYYY-MM-DD date at 00:00 UTC; throws on anything else. */
export function parseIsoDate(date: string): number {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(time) ||
    new Date(time).toISOString().slice(0, 10) !== date
  ) {
    throw new Error(`expected a date as YYYY-MM-DD, got "${date}"`);
  }
  return time;
}

/** The YYYY-MM-DD date a number of whole days before the given time. */
export function isoDateDaysBefore(time: number, days: number): string {
  return new Date(time - days * DAY_MS).toISOString().slice(0, 10);
}

/** An ISO timestamp (UTC, to the minute) some minutes before the given time. */
export function isoTimestampMinutesBefore(time: number, minutes: number): string {
  return new Date(time - minutes * 60_000).toISOString().replace(/:\d{2}\.\d{3}Z$/, ':00Z');
}
