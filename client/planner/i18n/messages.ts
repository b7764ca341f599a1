import type { Lang } from '../../i18n/i18n';
import type { IndicatorResult } from '../types';
import { plannerEn } from './en';
import { plannerZh, type PlannerMessages } from './zh';

const MESSAGES: Record<Lang, PlannerMessages> = { zh: plannerZh, en: plannerEn };

/** The planner texts of a language. */
export function plannerMessages(lang: Lang): PlannerMessages {
  return MESSAGES[lang];
}

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** A number for people: grouped thousands, at most `decimals` decimals (2 below 10, else 1, by default). */
export function formatNumber(value: number, lang: Lang, decimals?: number): string {
  const digits = decimals ?? (Math.abs(value) < 10 ? 2 : 1);
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
}

/** A head count: a whole number with grouped thousands. */
export function formatCount(value: number, lang: Lang): string {
  return formatNumber(value, lang, 0);
}

/** An indicator's unit in the interface language (the API names units in English). */
export function unitLabel(unit: string, messages: PlannerMessages): string {
  return messages.units[unit] ?? unit;
}

function withUnit(number: string, unit: string): string {
  return unit.startsWith('%') ? `${number}${unit}` : `${number} ${unit}`;
}

/** An indicator's value with its unit; a range when only bounds are known; "no value" otherwise. */
export function formatIndicatorValue(row: IndicatorResult, messages: PlannerMessages, lang: Lang): string {
  const unit = unitLabel(row.unit, messages);
  if (row.value !== null) return withUnit(formatNumber(row.value, lang), unit);
  if (row.lowerBound !== null && row.upperBound !== null) {
    return messages.range(
      withUnit(formatNumber(row.lowerBound, lang), unit),
      withUnit(formatNumber(row.upperBound, lang), unit),
    );
  }
  return messages.noValue;
}

/** An indicator's target: every target is a minimum. */
export function formatTarget(
  row: Pick<IndicatorResult, 'target' | 'unit'>,
  messages: PlannerMessages,
  lang: Lang,
): string {
  return messages.targetAtLeast(withUnit(formatNumber(row.target, lang), unitLabel(row.unit, messages)));
}

/** A calendar date in China Standard Time, in the interface language. */
export function formatDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(date);
}

/** Today's date in China (YYYY-MM-DD), for file names. */
export function chinaDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
