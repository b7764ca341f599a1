/** Care resource types generated as sample data (the OSM health facility types are in osm/health-facilities). */
export const CARE_FACILITY_TYPES = [
  'NURSING_HOME',
  'NURSING_HOSPITAL',
  'STREET_CARE_CENTER',
  'COMMUNITY_CARE_STATION',
  'MEAL_POINT',
  'REHABILITATION',
  'ASSISTIVE_DEVICE_RENTAL',
] as const;
export type CareFacilityType = (typeof CARE_FACILITY_TYPES)[number];

/** Services a facility offers (日间照料, 上门, 助餐, 送餐, 助浴, 护理, 康复, 失智照护, 医疗, 中医, 喘息, 安宁疗护, 体检, 家庭医生, 辅具, 紧急援助). */
export const FACILITY_SERVICES = [
  'DAY_CARE',
  'HOME_VISIT',
  'MEAL',
  'MEAL_DELIVERY',
  'BATHING',
  'NURSING',
  'REHABILITATION',
  'DEMENTIA_CARE',
  'MEDICAL',
  'TCM',
  'RESPITE',
  'HOSPICE',
  'HEALTH_CHECK',
  'FAMILY_DOCTOR',
  'ASSISTIVE_DEVICES',
  'EMERGENCY',
] as const;
export type FacilityService = (typeof FACILITY_SERVICES)[number];

/** Services of a care–medical pairing (巡诊, 随访, 中医药, 远程医疗, 上门体检). */
export const PARTNERSHIP_SERVICES = ['ROUNDS', 'FOLLOW_UP', 'TCM', 'TELEMEDICINE', 'HOME_CHECKUP'] as const;
export type PartnershipService = (typeof PARTNERSHIP_SERVICES)[number];

/** 公办, 民办, 公建民营. */
export type OperatorType = 'PUBLIC' | 'PRIVATE' | 'PUBLIC_BUILT_PRIVATE_RUN';

/** The source line every generated row carries, so sample data is never mistaken for real records. */
export const SAMPLE_SOURCE = '示例数据 sample: generated from OpenStreetMap building footprints (ODbL)';
