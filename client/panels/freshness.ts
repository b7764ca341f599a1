import { formatDateTime, type Lang } from '../i18n/i18n';
import type { Messages } from '../i18n/zh';

/** Vacancy older than this many days is marked stale ("N 天前更新"). */
export const STALE_VACANCY_DAYS = 7;

const DAY_MS = 86_400_000;

/** Whole days since a vacancy was reported when that is more than STALE_VACANCY_DAYS, else null. */
export function vacancyAgeDays(
  updatedAt: string | null,
  now: number,
  staleAfterDays = STALE_VACANCY_DAYS,
): number | null {
  if (!updatedAt) return null;
  const days = Math.floor((now - new Date(updatedAt).getTime()) / DAY_MS);
  return days > staleAfterDays ? days : null;
}

/** Opening hours for people: OpenStreetMap's `24/7` as "open 24 hours", anything else as written. */
export function formatOpeningHours(hours: string | null, allDay: string): string | null {
  if (hours === null) return null;
  return hours.trim() === '24/7' ? allDay : hours;
}

/** Vacant beds with the time they were reported. */
export function vacancyText(
  vacantBeds: number | null,
  updatedAt: string | null,
  m: Messages,
  lang: Lang,
): string {
  if (vacantBeds === null) return m.vacancyUnknown;
  const age = vacancyAgeDays(updatedAt, Date.now());
  const stale = age !== null ? ` ⚠ ${m.staleVacancy(age)}` : '';
  return `${vacantBeds}${updatedAt ? ` (${m.vacancyUpdated(formatDateTime(updatedAt, lang))})` : ''}${stale}`;
}
