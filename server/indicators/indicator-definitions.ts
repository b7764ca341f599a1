import { FacilityType } from '../facilities/facility-kind';
import { RegionLevel } from '../regions/region-level';

/** The targets a planner checks (../shared/domain.md, "Targets a planner checks"). */
export const IndicatorCode = {
  NURSING_BED_SHARE: 'NURSING_BED_SHARE',
  NURSING_BEDS_PER_100_ELDERLY: 'NURSING_BEDS_PER_100_ELDERLY',
  REHAB_ROOM_IN_LARGE_INSTITUTIONS: 'REHAB_ROOM_IN_LARGE_INSTITUTIONS',
  MEDICAL_CARE_IN_INSTITUTIONS_50_RESIDENTS: 'MEDICAL_CARE_IN_INSTITUTIONS_50_RESIDENTS',
  INSTITUTIONS_SIGNED_WITH_MEDICAL: 'INSTITUTIONS_SIGNED_WITH_MEDICAL',
  STREETS_WITH_CONSORTIUM: 'STREETS_WITH_CONSORTIUM',
  ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE: 'ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE',
  ELDERLY_WITHIN_20_MIN_MEDICAL_AND_CARE: 'ELDERLY_WITHIN_20_MIN_MEDICAL_AND_CARE',
  COMMUNITIES_WITH_MEAL_SERVICE: 'COMMUNITIES_WITH_MEAL_SERVICE',
  DEMENTIA_BED_SHARE_IN_DESIGNATED: 'DEMENTIA_BED_SHARE_IN_DESIGNATED',
  SOCIAL_WORKERS_PER_60_BEDS: 'SOCIAL_WORKERS_PER_60_BEDS',
  CERTIFIED_SOCIAL_WORKERS_PER_500_ELDERLY: 'CERTIFIED_SOCIAL_WORKERS_PER_500_ELDERLY',
  FAMILY_DOCTOR_SIGNING_65PLUS: 'FAMILY_DOCTOR_SIGNING_65PLUS',
  ELDERLY_SERVICE_AREA_IN_NEW_HOUSING: 'ELDERLY_SERVICE_AREA_IN_NEW_HOUSING',
} as const;
export type IndicatorCode = (typeof IndicatorCode)[keyof typeof IndicatorCode];

/** What one indicator measures; every target is a minimum (value ≥ target passes). */
export interface IndicatorDefinition {
  readonly code: IndicatorCode;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  /** How the value is computed, in Chinese, for planners. */
  readonly methodZh: string;
  /** The seed's default target. */
  readonly defaultTarget: number;
  /** The seed documents (seeds/) that state the target. */
  readonly seeds: string;
  /** Levels where the indicator means something (streets with a consortium is not asked of a community). */
  readonly levels: readonly RegionLevel[];
}

const ALL_LEVELS: readonly RegionLevel[] = Object.values(RegionLevel);
const ABOVE_COMMUNITY = ALL_LEVELS.filter((level) => level !== RegionLevel.COMMUNITY);

/** Every indicator of the scorecard, in the order of the domain brief's table. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: IndicatorCode.NURSING_BED_SHARE,
    nameZh: '护理型床位占比',
    nameEn: 'Nursing-type beds as a share of institution beds',
    unit: '%',
    methodZh: '区域内养老机构和护理院的护理型床位数 ÷ 床位总数（按登记数据）。',
    defaultTarget: 55,
    seeds: '001',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.NURSING_BEDS_PER_100_ELDERLY,
    nameZh: '每百名老年人拥有护理型床位数',
    nameEn: 'Nursing-type beds per 100 older people (60+)',
    unit: 'beds per 100 older people',
    methodZh: '区域内养老机构和护理院的护理型床位数 ÷ 60 岁以上老年人口 × 100。',
    defaultTarget: 2,
    seeds: '002',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.REHAB_ROOM_IN_LARGE_INSTITUTIONS,
    nameZh: '百张床位以上养老机构设康复室比例',
    nameEn: 'Institutions with 100+ beds that have a rehabilitation room',
    unit: '%',
    methodZh: '床位 100 张及以上的养老机构和护理院中设有康复室的比例。',
    defaultTarget: 100,
    seeds: '000, 001',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.MEDICAL_CARE_IN_INSTITUTIONS_50_RESIDENTS,
    nameZh: '入住50人以上机构内设医疗机构或签约医疗机构比例',
    nameEn: 'Institutions with 50+ residents that have in-house medical care or a medical partner',
    unit: '%',
    methodZh: '入住 50 人及以上的养老机构和护理院中，内设医疗机构或有在效签约医疗机构的比例。',
    defaultTarget: 100,
    seeds: '004',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.INSTITUTIONS_SIGNED_WITH_MEDICAL,
    nameZh: '养老机构与医疗机构签约率（含基层医疗机构）',
    nameEn: 'Care institutions signed with a medical institution, at least one primary-level',
    unit: '%',
    methodZh:
      '养老机构和护理院中与医疗机构（至少一家为基层医疗卫生机构）签约且在效的比例；签约登记视为完整，无记录即未签约。',
    defaultTarget: 100,
    seeds: '004',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.STREETS_WITH_CONSORTIUM,
    nameZh: '康养联合体街道覆盖率',
    nameEn: 'Streets covered by a care consortium',
    unit: '%',
    methodZh: '已登记在效街道级康养联合体的街道所占比例。',
    defaultTarget: 100,
    seeds: '001',
    levels: ABOVE_COMMUNITY,
  },
  {
    code: IndicatorCode.ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE,
    nameZh: '15分钟康养服务圈覆盖率',
    nameEn: 'Older people within 15 minutes of community care',
    unit: '%',
    methodZh:
      '沿路网按每分钟 60 米步行，15 分钟内可达社区照料设施的 60 岁以上老年人比例（小区域人口为示例数据）。',
    defaultTarget: 100,
    seeds: '001',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.ELDERLY_WITHIN_20_MIN_MEDICAL_AND_CARE,
    nameZh: '20分钟医养服务圈覆盖率',
    nameEn: 'Older people within 20 minutes of medical and elderly care',
    unit: '%',
    methodZh:
      '沿路网按每分钟 60 米步行，20 分钟内可达医养服务设施的 60 岁以上老年人比例（小区域人口为示例数据）。',
    defaultTarget: 100,
    seeds: '002',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.COMMUNITIES_WITH_MEAL_SERVICE,
    nameZh: '社区助餐服务覆盖率',
    nameEn: 'Communities with meal service',
    unit: '%',
    methodZh: '边界内有助餐点或提供助餐、送餐服务设施的社区所占比例。',
    defaultTarget: 100,
    seeds: '001',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.DEMENTIA_BED_SHARE_IN_DESIGNATED,
    nameZh: '失智照护定点机构失智床位占比',
    nameEn: 'Dementia beds in institutions designated for dementia care',
    unit: '% of their beds',
    methodZh: '失智照护定点机构的失智床位数 ÷ 其床位总数。',
    defaultTarget: 5,
    seeds: '001',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.SOCIAL_WORKERS_PER_60_BEDS,
    nameZh: '每60张床位配备社会工作者数',
    nameEn: 'Social workers per 60 institution beds',
    unit: 'social workers per 60 beds',
    methodZh: '区域登记的社会工作者数，按养老机构和护理院每 60 张床位折算。',
    defaultTarget: 1,
    seeds: '001',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.CERTIFIED_SOCIAL_WORKERS_PER_500_ELDERLY,
    nameZh: '每500名老年人配备持证社会工作者数',
    nameEn: 'Certified social workers per 500 older people (60+)',
    unit: 'certified social workers per 500 older people',
    methodZh: '区域登记的持证社会工作者数，按每 500 名 60 岁以上老年人折算。',
    defaultTarget: 1,
    seeds: '001',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.FAMILY_DOCTOR_SIGNING_65PLUS,
    nameZh: '65岁以上老年人家庭医生签约率',
    nameEn: 'Family-doctor signing and health management of people 65+',
    unit: '%',
    methodZh: '65 岁以上签约家庭医生并接受健康管理的人数 ÷ 65 岁以上人口。',
    defaultTarget: 70,
    seeds: '002',
    levels: ALL_LEVELS,
  },
  {
    code: IndicatorCode.ELDERLY_SERVICE_AREA_IN_NEW_HOUSING,
    nameZh: '新建住宅小区社区养老服务用房配建',
    nameEn: 'Community elderly-service floor area in new housing',
    unit: 'm² per 100 households',
    methodZh: '新建住宅小区配建的社区养老服务用房面积，按每百户折算。',
    defaultTarget: 20,
    seeds: '003',
    levels: ALL_LEVELS,
  },
];

/** The definition of an indicator. */
export function indicatorDefinition(code: IndicatorCode): IndicatorDefinition {
  return INDICATORS.find((definition) => definition.code === code)!;
}

/** Community home-care services of the 15-minute circle (社区居家养老服务). */
export const COMMUNITY_CARE_TYPES: readonly FacilityType[] = [
  FacilityType.STREET_CARE_CENTER,
  FacilityType.COMMUNITY_CARE_STATION,
];

/**
 * The 20-minute medical-and-elderly care circle (医养服务圈): an elderly-care service AND a medical
 * service within 20 minutes; a nursing hospital (护理院) is both.
 */
export const MEDICAL_AND_CARE_GROUPS: readonly (readonly FacilityType[])[] = [
  [
    FacilityType.NURSING_HOME,
    FacilityType.NURSING_HOSPITAL,
    FacilityType.STREET_CARE_CENTER,
    FacilityType.COMMUNITY_CARE_STATION,
  ],
  [FacilityType.HOSPITAL, FacilityType.PRIMARY_CARE, FacilityType.NURSING_HOSPITAL],
];

/** Region figures no facility row carries, recorded per region (table region_statistic). */
export const StatisticKind = {
  SOCIAL_WORKERS: 'SOCIAL_WORKERS',
  CERTIFIED_SOCIAL_WORKERS: 'CERTIFIED_SOCIAL_WORKERS',
  FAMILY_DOCTOR_SIGNED_65PLUS: 'FAMILY_DOCTOR_SIGNED_65PLUS',
  NEW_HOUSING_HOUSEHOLDS: 'NEW_HOUSING_HOUSEHOLDS',
  NEW_HOUSING_ELDERLY_SERVICE_M2: 'NEW_HOUSING_ELDERLY_SERVICE_M2',
} as const;
export type StatisticKind = (typeof StatisticKind)[keyof typeof StatisticKind];
