/** Kinds of care resource shown on the map (../shared/domain.md, "Resource types"). */
export const FacilityType = {
  NURSING_HOME: 'NURSING_HOME',
  NURSING_HOSPITAL: 'NURSING_HOSPITAL',
  STREET_CARE_CENTER: 'STREET_CARE_CENTER',
  COMMUNITY_CARE_STATION: 'COMMUNITY_CARE_STATION',
  MEAL_POINT: 'MEAL_POINT',
  RURAL_CARE: 'RURAL_CARE',
  HOSPITAL: 'HOSPITAL',
  PRIMARY_CARE: 'PRIMARY_CARE',
  REHABILITATION: 'REHABILITATION',
  ASSISTIVE_DEVICE_RENTAL: 'ASSISTIVE_DEVICE_RENTAL',
  PHARMACY: 'PHARMACY',
} as const;
export type FacilityType = (typeof FacilityType)[keyof typeof FacilityType];

/** Chinese and English names of each facility type, Chinese first. */
export const FACILITY_TYPE_LABELS: Record<FacilityType, { zh: string; en: string }> = {
  NURSING_HOME: { zh: '养老机构', en: 'Elderly-care institution' },
  NURSING_HOSPITAL: { zh: '护理院/康复医院', en: 'Nursing or rehabilitation hospital' },
  STREET_CARE_CENTER: { zh: '街道居家养老服务中心', en: 'Street home-care centre' },
  COMMUNITY_CARE_STATION: { zh: '社区照料中心', en: 'Community care station' },
  MEAL_POINT: { zh: '老年食堂/助餐点', en: 'Meal point' },
  RURAL_CARE: { zh: '农村幸福院', en: 'Rural care home' },
  HOSPITAL: { zh: '医院', en: 'Hospital' },
  PRIMARY_CARE: { zh: '基层医疗卫生机构', en: 'Primary health care' },
  REHABILITATION: { zh: '康复场所', en: 'Rehabilitation site' },
  ASSISTIVE_DEVICE_RENTAL: { zh: '康复辅具租赁', en: 'Assistive-device rental' },
  PHARMACY: { zh: '药店', en: 'Pharmacy' },
};

/** Types that are care institutions in the sense of the pairing target (004). */
export const CARE_INSTITUTION_TYPES: readonly FacilityType[] = [
  FacilityType.NURSING_HOME,
  FacilityType.NURSING_HOSPITAL,
];

/** Types that count as medical institutions for pairings. */
export const MEDICAL_TYPES: readonly FacilityType[] = [
  FacilityType.HOSPITAL,
  FacilityType.PRIMARY_CARE,
  FacilityType.NURSING_HOSPITAL,
  FacilityType.REHABILITATION,
];

/** Services a facility can offer. */
export const FacilityService = {
  DAY_CARE: 'DAY_CARE',
  HOME_VISIT: 'HOME_VISIT',
  MEAL: 'MEAL',
  MEAL_DELIVERY: 'MEAL_DELIVERY',
  BATHING: 'BATHING',
  NURSING: 'NURSING',
  REHABILITATION: 'REHABILITATION',
  DEMENTIA_CARE: 'DEMENTIA_CARE',
  MEDICAL: 'MEDICAL',
  TCM: 'TCM',
  RESPITE: 'RESPITE',
  HOSPICE: 'HOSPICE',
  HEALTH_CHECK: 'HEALTH_CHECK',
  FAMILY_DOCTOR: 'FAMILY_DOCTOR',
  ASSISTIVE_DEVICES: 'ASSISTIVE_DEVICES',
  EMERGENCY: 'EMERGENCY',
} as const;
export type FacilityService = (typeof FacilityService)[keyof typeof FacilityService];

/** Who runs a facility. */
export const OperatorType = {
  PUBLIC: 'PUBLIC',
  PRIVATE: 'PRIVATE',
  PUBLIC_BUILT_PRIVATE_RUN: 'PUBLIC_BUILT_PRIVATE_RUN',
} as const;
export type OperatorType = (typeof OperatorType)[keyof typeof OperatorType];

/** Hospital grade (医院等级). */
export const HospitalGrade = {
  GRADE_1: 'GRADE_1',
  GRADE_2: 'GRADE_2',
  GRADE_3: 'GRADE_3',
} as const;
export type HospitalGrade = (typeof HospitalGrade)[keyof typeof HospitalGrade];
