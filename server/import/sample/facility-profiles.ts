import {
  FACILITY_SERVICES,
  type CareFacilityType,
  type FacilityService,
  type OperatorType,
} from '../vocabulary';
import type { Random } from './prng';

/** The attributes of a sample facility other than its place, name and keys. */
export interface FacilityProfile {
  operatorType: OperatorType;
  services: FacilityService[];
  openingHours: string;
  beds: number | null;
  nursingBeds: number | null;
  dementiaBeds: number | null;
  vacantBeds: number | null;
  residents: number | null;
  monthlyFeeMin: number | null;
  monthlyFeeMax: number | null;
  starRating: number | null;
  hasRehabRoom: boolean;
  hasInhouseMedical: boolean;
  ltcInsurance: boolean;
  medicalInsurance: boolean;
}

type BedFields = Pick<FacilityProfile, 'beds' | 'nursingBeds' | 'dementiaBeds' | 'vacantBeds' | 'residents'>;
type FeeFields = Pick<FacilityProfile, 'monthlyFeeMin' | 'monthlyFeeMax'>;

const NO_BEDS: BedFields = {
  beds: null,
  nursingBeds: null,
  dementiaBeds: null,
  vacantBeds: null,
  residents: null,
};
const NO_FEES: FeeFields = { monthlyFeeMin: null, monthlyFeeMax: null };

/** Services in vocabulary order: the core ones plus each optional one that wins its draw. */
function services(
  random: Random,
  core: FacilityService[],
  optional: Partial<Record<FacilityService, number>>,
): FacilityService[] {
  const chosen = new Set(core);
  for (const service of FACILITY_SERVICES) {
    const probability = optional[service];
    if (probability !== undefined && random.chance(probability)) chosen.add(service);
  }
  return FACILITY_SERVICES.filter((service) => chosen.has(service));
}

function bedsOf(
  random: Random,
  beds: number,
  nursingBeds: number,
  dementiaBeds: number,
  maxVacantShare: number,
): BedFields {
  const vacantBeds = random.int(0, Math.floor(beds * maxVacantShare));
  return { beds, nursingBeds, dementiaBeds, vacantBeds, residents: beds - vacantBeds };
}

/** A monthly fee range in CNY, rounded to 100, never above `cap`. */
function feesOf(random: Random, min: [number, number], spread: [number, number], cap: number): FeeFields {
  const monthlyFeeMin = random.int(min[0] / 100, min[1] / 100) * 100;
  const monthlyFeeMax = Math.min(cap, monthlyFeeMin + random.int(spread[0] / 100, spread[1] / 100) * 100);
  return { monthlyFeeMin, monthlyFeeMax };
}

/**
 * An elderly-care institution (养老机构). Large ones have 100–300 beds, small ones 30–99; nursing-type beds
 * are 40–75 % of beds (the 55 % target is missed by some); about half have dementia beds.
 */
export function nursingHomeProfile(random: Random, large: boolean, hasRehabRoom: boolean): FacilityProfile {
  const beds = large ? random.int(100, 300) : random.int(30, 99);
  const nursingBeds = Math.round(beds * (0.4 + random.next() * 0.35));
  const dementiaBeds = random.chance(0.5)
    ? Math.min(nursingBeds, Math.round(beds * (0.03 + random.next() * 0.12)))
    : 0;
  const operatorType = random.weighted({
    PUBLIC: 0.3,
    PRIVATE: 0.4,
    PUBLIC_BUILT_PRIVATE_RUN: 0.3,
  });
  const hasInhouseMedical = random.chance(large ? 0.6 : 0.2);
  const fees =
    operatorType === 'PUBLIC'
      ? feesOf(random, [3000, 4500], [1000, 3000], 12000)
      : feesOf(random, [3500, 7000], [2000, 5000], 12000);
  const starRating = large ? random.int(3, 5) : random.int(1, 3);
  const core: FacilityService[] = ['NURSING', 'MEAL'];
  if (hasRehabRoom) core.push('REHABILITATION');
  if (dementiaBeds > 0) core.push('DEMENTIA_CARE');
  if (hasInhouseMedical) core.push('MEDICAL');
  const optional = {
    TCM: 0.4,
    RESPITE: 0.5,
    HEALTH_CHECK: 0.6,
    BATHING: 0.3,
    ...(hasInhouseMedical ? { HOSPICE: 0.3 } : {}),
  };
  return {
    operatorType,
    services: services(random, core, optional),
    openingHours: '24/7',
    ...bedsOf(random, beds, nursingBeds, dementiaBeds, 0.35),
    ...fees,
    starRating,
    hasRehabRoom,
    hasInhouseMedical,
    ltcInsurance: random.chance(0.6),
    // A 医保定点 designation needs an in-house medical institution.
    medicalInsurance: hasInhouseMedical && random.chance(0.8),
  };
}

/** Any sample resource other than an elderly-care institution. */
export function resourceProfile(
  type: Exclude<CareFacilityType, 'NURSING_HOME'>,
  random: Random,
): FacilityProfile {
  const base = {
    starRating: null,
    hasRehabRoom: false,
    hasInhouseMedical: false,
    ltcInsurance: false,
    medicalInsurance: false,
  };
  switch (type) {
    case 'NURSING_HOSPITAL': {
      const beds = random.int(80, 200);
      const dementiaBeds = random.chance(0.5) ? Math.round(beds * 0.1) : 0;
      const core: FacilityService[] = ['NURSING', 'REHABILITATION', 'MEDICAL', 'HOSPICE', 'HEALTH_CHECK'];
      if (dementiaBeds > 0) core.push('DEMENTIA_CARE');
      return {
        ...base,
        operatorType: random.weighted({ PUBLIC: 0.4, PRIVATE: 0.6 }),
        services: services(random, core, { TCM: 0.6 }),
        openingHours: '24/7',
        // Every bed of a 护理院 is a nursing-type bed.
        ...bedsOf(random, beds, beds, dementiaBeds, 0.2),
        ...feesOf(random, [5000, 7000], [3000, 5000], 12000),
        hasRehabRoom: true,
        hasInhouseMedical: true,
        ltcInsurance: true,
        medicalInsurance: true,
      };
    }
    case 'STREET_CARE_CENTER': {
      const beds = random.int(10, 30);
      return {
        ...base,
        operatorType: random.weighted({ PUBLIC: 0.2, PUBLIC_BUILT_PRIVATE_RUN: 0.8 }),
        services: services(
          random,
          ['DAY_CARE', 'HOME_VISIT', 'MEAL', 'MEAL_DELIVERY', 'BATHING', 'REHABILITATION', 'HEALTH_CHECK'],
          {
            RESPITE: 0.6,
            ASSISTIVE_DEVICES: 0.5,
            DEMENTIA_CARE: 0.3,
            EMERGENCY: 0.5,
          },
        ),
        openingHours: 'Mo-Su 07:30-19:00',
        ...bedsOf(random, beds, Math.round(beds * (0.3 + random.next() * 0.3)), 0, 0.4),
        ...feesOf(random, [1200, 2500], [500, 1500], 4000),
        hasRehabRoom: true,
        ltcInsurance: random.chance(0.5),
      };
    }
    case 'COMMUNITY_CARE_STATION': {
      const beds = random.int(4, 12);
      return {
        ...base,
        operatorType: random.weighted({ PUBLIC: 0.4, PUBLIC_BUILT_PRIVATE_RUN: 0.6 }),
        services: services(random, ['DAY_CARE', 'HOME_VISIT'], {
          MEAL: 0.7,
          MEAL_DELIVERY: 0.4,
          BATHING: 0.3,
          HEALTH_CHECK: 0.6,
          FAMILY_DOCTOR: 0.5,
          TCM: 0.3,
          REHABILITATION: 0.3,
          EMERGENCY: 0.3,
        }),
        openingHours: random.pick(['Mo-Su 07:30-19:00', 'Mo-Fr 08:00-17:00', 'Mo-Sa 08:00-17:30']),
        ...bedsOf(random, beds, 0, 0, 0.5),
        ...feesOf(random, [600, 1500], [200, 800], 2500),
      };
    }
    case 'MEAL_POINT':
      return {
        ...base,
        operatorType: random.weighted({
          PUBLIC: 0.3,
          PRIVATE: 0.2,
          PUBLIC_BUILT_PRIVATE_RUN: 0.5,
        }),
        services: services(random, ['MEAL'], { MEAL_DELIVERY: 0.5 }),
        openingHours: 'Mo-Su 10:30-12:30,16:30-18:00',
        ...NO_BEDS,
        ...NO_FEES,
      };
    case 'REHABILITATION':
      return {
        ...base,
        operatorType: random.weighted({ PUBLIC: 0.2, PRIVATE: 0.8 }),
        services: services(random, ['REHABILITATION'], { TCM: 0.6, HOME_VISIT: 0.4, ASSISTIVE_DEVICES: 0.3 }),
        openingHours: 'Mo-Sa 08:30-17:30',
        ...NO_BEDS,
        ...NO_FEES,
        hasRehabRoom: true,
        hasInhouseMedical: true,
        medicalInsurance: random.chance(0.6),
      };
    case 'ASSISTIVE_DEVICE_RENTAL':
      return {
        ...base,
        operatorType: random.weighted({ PRIVATE: 0.5, PUBLIC_BUILT_PRIVATE_RUN: 0.5 }),
        services: services(random, ['ASSISTIVE_DEVICES'], { HOME_VISIT: 0.5 }),
        openingHours: 'Mo-Fr 09:00-17:00',
        ...NO_BEDS,
        ...NO_FEES,
      };
  }
}
