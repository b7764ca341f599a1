/** Home-care service types (居家养老服务). */
export const CARE_SERVICE_TYPES: ReadonlySet<string> = new Set([
  'MEAL_ASSISTANCE', // 助餐
  'BATHING', // 助浴
  'CLEANING', // 助洁
  'MEDICAL_ASSISTANCE', // 助医
  'DAY_CARE', // 日间照料
  'PERSONAL_CARE', // 生活照料
  'REHABILITATION', // 康复护理
  'VISIT', // 探访关爱
  'OTHER',
]);

/** Who paid: government purchase (政府购买), long-term-care insurance (长护险), the family, other. */
export const FUNDING_SOURCES: ReadonlySet<string> = new Set([
  'GOVERNMENT',
  'LTC_INSURANCE',
  'SELF_PAID',
  'OTHER',
]);

/** The recipient's assessed level: 自理, 轻度/中度/重度失能, 失智. */
export const NEED_LEVELS: ReadonlySet<string> = new Set([
  'SELF_CARE',
  'MILD',
  'MODERATE',
  'SEVERE',
  'DEMENTIA',
]);

/** Counts from 1 to this are suppressed for everyone but ADMIN (null with a flag). */
export const SUPPRESS_BELOW = 5;

/** How a summary groups the records. */
export const CareServiceGrouping = {
  COMMUNITY: 'COMMUNITY',
  PROVIDER: 'PROVIDER',
  CONSORTIUM: 'CONSORTIUM',
} as const;
export type CareServiceGrouping = (typeof CareServiceGrouping)[keyof typeof CareServiceGrouping];
