import { en } from './en';
import { zh, type Messages } from './zh';

/** Languages of the interface; Chinese is the default. */
export type Lang = 'zh' | 'en';

const MESSAGES: Record<Lang, Messages> = { zh, en };

/** The texts of a language. */
export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** A distance for people: metres below 1 km, else kilometres with one decimal. */
export function formatDistance(meters: number, messages: Messages): string {
  if (meters < 1000) return messages.meters(Math.round(meters / 10) * 10);
  return messages.kilometers(String(Number((meters / 1000).toFixed(1))));
}

/** A monthly fee range in CNY, or null when none is known. */
export function formatFee(min: number | null, max: number | null, messages: Messages): string | null {
  if (min === null && max === null) return null;
  const range = min !== null && max !== null && max !== min ? `${min}–${max}` : String(min ?? max);
  return `${range} ${messages.perMonth}`;
}

/** A date-time in the interface language, in China Standard Time (the data's local time). */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}
