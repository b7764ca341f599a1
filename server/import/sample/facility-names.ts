import type { CareFacilityType } from '../vocabulary';
import type { Random } from './prng';

/** Endings of real Chinese names for each resource type; one is picked per facility. */
const NAME_ENDINGS: Record<CareFacilityType, readonly string[]> = {
  NURSING_HOME: ['颐养院', '老年公寓', '养老院', '康养中心', '护养院', '颐乐园'],
  NURSING_HOSPITAL: ['护理院'],
  STREET_CARE_CENTER: ['居家养老服务中心'],
  COMMUNITY_CARE_STATION: ['社区居家养老服务照料中心'],
  MEAL_POINT: ['老年食堂', '社区助餐点'],
  REHABILITATION: ['康复中心', '中医推拿馆', '康复诊所'],
  ASSISTIVE_DEVICE_RENTAL: ['康复辅助器具租赁服务点'],
};

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A Chinese numeral for 1–99 (一, 十二, 二十三); larger numbers stay in Arabic digits. */
export function chineseNumeral(value: number): string {
  if (value >= 100) return String(value);
  if (value < 10) return DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * A name not yet in `taken`: district + the nearest street name still free + a type ending
 * (上城区解放路社区居家养老服务照料中心); with no street free, an ordinal instead (上城区第三…).
 */
export function uniqueFacilityName(
  type: CareFacilityType,
  districtName: string,
  streetNames: readonly string[],
  taken: Set<string>,
  random: Random,
): string {
  const ending = random.pick(NAME_ENDINGS[type]);
  let name = streetNames
    .map((street) => `${districtName}${street}${ending}`)
    .find((candidate) => !taken.has(candidate));
  for (let ordinal = 1; name === undefined; ordinal++) {
    const candidate = `${districtName}第${chineseNumeral(ordinal)}${ending}`;
    if (!taken.has(candidate)) name = candidate;
  }
  taken.add(name);
  return name;
}
