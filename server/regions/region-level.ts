/** Administrative levels (区划 levels, GB/T 2260 and below). */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
}
