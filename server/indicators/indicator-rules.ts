import type { FacilityType } from '../facilities/facility-kind';
import type { RegionLevel } from '../regions/region-level';
import { IndicatorCode, StatisticKind } from './indicator-definitions';

/** Whether a region meets a target. */
export const IndicatorStatus = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  /** The data to decide is absent; missingData names it. */
  UNKNOWN: 'UNKNOWN',
} as const;
export type IndicatorStatus = (typeof IndicatorStatus)[keyof typeof IndicatorStatus];

/** A care institution (养老机构 or 护理院) inside the region. */
export interface InstitutionFacts {
  readonly id: string;
  readonly name: string;
  readonly type: FacilityType;
  readonly totalBeds: number | null;
  readonly nursingBeds: number | null;
  readonly dementiaBeds: number | null;
  readonly residents: number | null;
  readonly hasRehabRoom: boolean | null;
  readonly hasInhouseMedical: boolean | null;
  /** Pairings in force with a medical institution, and how many of those are primary-level. */
  readonly medicalPartners: number;
  readonly primaryPartners: number;
  readonly dementiaDesignated: boolean;
  readonly isSample: boolean;
}

/** A street at or below the region and the consortia registered for it. */
export interface StreetFacts {
  readonly code: string;
  readonly name: string;
  readonly consortiumIds: readonly string[];
}

/** A community at or below the region and the facilities with meal service inside it. */
export interface CommunityFacts {
  readonly code: string;
  readonly name: string;
  readonly hasBoundary: boolean;
  readonly mealFacilityIds: readonly string[];
}

/** A recorded region figure. */
export interface StatisticFact {
  readonly value: number;
  readonly asOf: string;
  readonly isSample: boolean;
}

/** Older people of an age group: the census, or the population cells where there is no census figure. */
export interface PopulationFact {
  readonly count: number;
  readonly fromCells: boolean;
  readonly isSample: boolean;
}

/** Coverage of the region's older people (60+), from its population cells. */
export interface CoverageFact {
  readonly cellCount: number;
  readonly cellElderly: number;
  readonly withinReach: number;
  readonly noNetworkAccess: number;
  readonly noNetworkCellCount: number;
  /** Census 60+ where recorded; people of the census not in any cell are unknown. */
  readonly census: number | null;
  /** Facilities that are the soonest within reach for some cell of the region. */
  readonly facilityIds: readonly string[];
  readonly isSample: boolean;
}

/** Everything the scorecard knows about one region. */
export interface RegionFacts {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** Institutions inside the boundary; null when the region has no boundary to place them with. */
  readonly institutions: readonly InstitutionFacts[] | null;
  readonly elderly60plus: PopulationFact | null;
  readonly elderly65plus: PopulationFact | null;
  /** Streets at or below the region (the street itself for a street row). */
  readonly streets: readonly StreetFacts[];
  /** Communities at or below the region. */
  readonly communities: readonly CommunityFacts[];
  readonly statistics: Readonly<Partial<Record<StatisticKind, StatisticFact>>>;
  readonly communityCare15: CoverageFact;
  readonly medicalAndCare20: CoverageFact;
}

/** One indicator's answer for one region. */
export interface IndicatorOutcome {
  /** The exact value; null unless all data to compute it is present. */
  readonly value: number | null;
  /** The lowest and highest value the absent data allows (equal to value when it is known). */
  readonly lowerBound: number | null;
  readonly upperBound: number | null;
  readonly status: IndicatorStatus;
  readonly missingData: readonly MissingReason[];
  readonly facilityIds: readonly string[];
  readonly failingFacilityIds: readonly string[];
  readonly note: string;
  readonly isSample: boolean;
}

const label = (facility: { id: string; name: string }) => `${facility.name} (id ${facility.id})`;

/** Why a value is unknown, written for planners: Chinese, and English for the English page. */
export interface MissingReason {
  readonly zh: string;
  readonly en: string;
}

const reason = (zh: string, en: string): MissingReason => ({ zh, en });

/** Facility fields as planners name them. */
const FIELD_NAMES: Readonly<Record<string, MissingReason>> = {
  totalBeds: reason('总床位数', 'total beds'),
  nursingBeds: reason('护理型床位数', 'nursing-type beds'),
  dementiaBeds: reason('失智床位数', 'dementia beds'),
  residents: reason('在住老人数', 'residents'),
  hasRehabRoom: reason('是否设康复室', 'whether it has a rehabilitation room'),
  hasInhouseMedical: reason('是否内设医疗机构', 'whether it has an in-house medical institution'),
};

function fieldMissing(institution: { id: string; name: string }, fields: readonly string[]): MissingReason {
  return reason(
    `${institution.name}未填报${fields.map((field) => FIELD_NAMES[field].zh).join('、')}`,
    `${fields.map((field) => FIELD_NAMES[field].en).join(' and ')} of ${label(institution)} not reported`,
  );
}

function exact(
  value: number,
  target: number,
  rest: Omit<IndicatorOutcome, 'value' | 'lowerBound' | 'upperBound' | 'status' | 'missingData'>,
): IndicatorOutcome {
  return {
    value,
    lowerBound: value,
    upperBound: value,
    status: value >= target ? IndicatorStatus.PASS : IndicatorStatus.FAIL,
    missingData: [],
    ...rest,
  };
}

function unknown(
  missingData: MissingReason[],
  rest: Omit<IndicatorOutcome, 'value' | 'lowerBound' | 'upperBound' | 'status' | 'missingData'>,
): IndicatorOutcome {
  return {
    value: null,
    lowerBound: null,
    upperBound: null,
    status: IndicatorStatus.UNKNOWN,
    missingData,
    ...rest,
  };
}

/** An item counted by a share indicator: it meets the requirement, it does not, or its data is absent. */
interface ShareItem {
  readonly id: string;
  readonly verdict: 'yes' | 'no' | 'unknown';
  /** What is absent, for an unknown item. */
  readonly missing?: MissingReason;
}

/**
 * A share in percent of items meeting a requirement. With absent data it is bounded: PASS when even
 * the lowest share meets the target, FAIL when even the highest misses it, UNKNOWN between. No item
 * at all passes: there is nothing that misses the requirement.
 */
function shareOutcome(
  items: readonly ShareItem[],
  target: number,
  rest: {
    facilityIds: readonly string[];
    note: string;
    isSample: boolean;
    emptyNote: string;
    facilityItems: boolean;
  },
): IndicatorOutcome {
  const base = {
    facilityIds: rest.facilityIds,
    failingFacilityIds: rest.facilityItems
      ? items.filter((item) => item.verdict === 'no').map((item) => item.id)
      : [],
    isSample: rest.isSample,
  };
  if (items.length === 0) {
    return {
      value: null,
      lowerBound: null,
      upperBound: null,
      status: IndicatorStatus.PASS,
      missingData: [],
      note: `${rest.emptyNote} ${rest.note}`,
      ...base,
    };
  }
  const yes = items.filter((item) => item.verdict === 'yes').length;
  const unknownItems = items.filter((item) => item.verdict === 'unknown');
  const low = (100 * yes) / items.length;
  const high = (100 * (yes + unknownItems.length)) / items.length;
  const status =
    low >= target ? IndicatorStatus.PASS : high < target ? IndicatorStatus.FAIL : IndicatorStatus.UNKNOWN;
  return {
    value: unknownItems.length === 0 ? low : null,
    lowerBound: low,
    upperBound: high,
    status,
    missingData: unknownItems.map((item) => item.missing ?? reason(item.id, item.id)),
    note: rest.note,
    ...base,
  };
}

function sampleOf(institutions: readonly InstitutionFacts[]): boolean {
  return institutions.some((institution) => institution.isSample);
}

function noBoundary(facts: RegionFacts): MissingReason {
  return reason(
    `${facts.name}（${facts.code}）没有边界数据，无法判断哪些设施在区内`,
    `no boundary of ${facts.name} (${facts.code}) to tell which facilities lie inside it`,
  );
}

/** Sums a bed field over institutions, or names those that lack it. */
function bedSum(
  institutions: readonly InstitutionFacts[],
  fields: readonly ('totalBeds' | 'nursingBeds' | 'dementiaBeds')[],
): { sums: number[]; missing: MissingReason[] } {
  const missing = institutions
    .filter((institution) => fields.some((field) => institution[field] === null))
    .map((institution) =>
      fieldMissing(
        institution,
        fields.filter((field) => institution[field] === null),
      ),
    );
  const sums = fields.map((field) =>
    institutions.reduce((sum, institution) => sum + (institution[field] ?? 0), 0),
  );
  return { sums, missing };
}

function populationMissing(facts: RegionFacts, age: string): MissingReason {
  return reason(
    `${facts.name}（${facts.code}）没有 ${age} 老年人口数据（人口普查数或人口网格）`,
    `no ${age} population for ${facts.name} (${facts.code}): neither a census count nor population cells`,
  );
}

function populationNote(population: PopulationFact): string {
  return population.fromCells
    ? 'Older people from the population cells (SAMPLE: census spread over OpenStreetMap housing).'
    : 'Older people from the 2020 census (resident, not registered 户籍, population).';
}

function nursingBedShare(facts: RegionFacts, target: number): IndicatorOutcome {
  const note = 'Nursing-type beds ÷ all beds of 养老机构 and 护理院 inside the region, as recorded.';
  if (!facts.institutions)
    return unknown([noBoundary(facts)], { facilityIds: [], failingFacilityIds: [], note, isSample: false });
  const institutions = facts.institutions;
  const rest = {
    facilityIds: institutions.map((institution) => institution.id),
    note,
    isSample: sampleOf(institutions),
  };
  const { sums, missing } = bedSum(institutions, ['totalBeds', 'nursingBeds']);
  if (missing.length) return unknown(missing, { ...rest, failingFacilityIds: [] });
  const [total, nursing] = sums;
  if (total === 0) {
    return unknown(
      [
        reason(
          `${facts.name}没有登记任何养老机构床位，占比无法计算`,
          `no care-institution beds are recorded in ${facts.name}, so the share is undefined`,
        ),
      ],
      {
        ...rest,
        failingFacilityIds: [],
      },
    );
  }
  return exact((100 * nursing) / total, target, {
    ...rest,
    failingFacilityIds: institutions
      .filter(
        (institution) =>
          institution.totalBeds! > 0 && (100 * institution.nursingBeds!) / institution.totalBeds! < target,
      )
      .map((institution) => institution.id),
  });
}

function nursingBedsPer100(facts: RegionFacts, target: number): IndicatorOutcome {
  const population = facts.elderly60plus;
  const baseNote = 'Nursing-type beds of 养老机构 and 护理院 inside the region per 100 older people (60+).';
  if (!facts.institutions) {
    return unknown([noBoundary(facts)], {
      facilityIds: [],
      failingFacilityIds: [],
      note: baseNote,
      isSample: false,
    });
  }
  const institutions = facts.institutions;
  const note = population ? `${baseNote} ${populationNote(population)}` : baseNote;
  const rest = {
    facilityIds: institutions.map((institution) => institution.id),
    failingFacilityIds: [],
    note,
    isSample: sampleOf(institutions) || (population?.isSample ?? false),
  };
  const { sums, missing } = bedSum(institutions, ['nursingBeds']);
  if (!population || population.count === 0) missing.push(populationMissing(facts, '60+'));
  if (missing.length) return unknown(missing, rest);
  return exact((100 * sums[0]) / population!.count, target, rest);
}

function rehabRoomInLarge(facts: RegionFacts, target: number): IndicatorOutcome {
  const note = '养老机构 and 护理院 with 100 or more beds that have a rehabilitation room.';
  if (!facts.institutions)
    return unknown([noBoundary(facts)], { facilityIds: [], failingFacilityIds: [], note, isSample: false });
  const items: ShareItem[] = facts.institutions.flatMap((institution): ShareItem[] => {
    if (institution.totalBeds === null) {
      return [{ id: institution.id, verdict: 'unknown', missing: fieldMissing(institution, ['totalBeds']) }];
    }
    if (institution.totalBeds < 100) return [];
    if (institution.hasRehabRoom === null) {
      return [
        { id: institution.id, verdict: 'unknown', missing: fieldMissing(institution, ['hasRehabRoom']) },
      ];
    }
    return [{ id: institution.id, verdict: institution.hasRehabRoom ? 'yes' : 'no' }];
  });
  return shareOutcome(items, target, {
    facilityIds: items.map((item) => item.id),
    note,
    isSample: sampleOf(facts.institutions),
    emptyNote: 'No institution in the region has 100 or more beds: nothing misses the target.',
    facilityItems: true,
  });
}

function medicalCareFor50(facts: RegionFacts, target: number): IndicatorOutcome {
  const note =
    '养老机构 and 护理院 with 50 or more residents that have an in-house medical institution (内设医疗机构) or a medical pairing in force.';
  if (!facts.institutions)
    return unknown([noBoundary(facts)], { facilityIds: [], failingFacilityIds: [], note, isSample: false });
  const items: ShareItem[] = facts.institutions.flatMap((institution): ShareItem[] => {
    if (institution.residents === null) {
      return [{ id: institution.id, verdict: 'unknown', missing: fieldMissing(institution, ['residents']) }];
    }
    if (institution.residents < 50) return [];
    if (institution.hasInhouseMedical === true || institution.medicalPartners > 0) {
      return [{ id: institution.id, verdict: 'yes' }];
    }
    if (institution.hasInhouseMedical === null) {
      return [
        { id: institution.id, verdict: 'unknown', missing: fieldMissing(institution, ['hasInhouseMedical']) },
      ];
    }
    return [{ id: institution.id, verdict: 'no' }];
  });
  return shareOutcome(items, target, {
    facilityIds: items.map((item) => item.id),
    note,
    isSample: sampleOf(facts.institutions),
    emptyNote: 'No institution in the region has 50 or more residents: nothing misses the target.',
    facilityItems: true,
  });
}

function signedWithMedical(facts: RegionFacts, target: number): IndicatorOutcome {
  const note =
    '养老机构 and 护理院 with a pairing in force (签约: signed on or before today, not ended) with a medical institution, at least one of them primary-level (基层医疗卫生机构). The pairing register is complete by definition: no row means not signed.';
  if (!facts.institutions)
    return unknown([noBoundary(facts)], { facilityIds: [], failingFacilityIds: [], note, isSample: false });
  const items: ShareItem[] = facts.institutions.map((institution) => ({
    id: institution.id,
    verdict: institution.medicalPartners > 0 && institution.primaryPartners > 0 ? 'yes' : 'no',
  }));
  return shareOutcome(items, target, {
    facilityIds: items.map((item) => item.id),
    note,
    isSample: sampleOf(facts.institutions),
    emptyNote: 'No care institution in the region: nothing misses the target.',
    facilityItems: true,
  });
}

function streetsWithConsortium(facts: RegionFacts, target: number): IndicatorOutcome {
  const note = 'Streets (街道) with a street-level consortium (康养联合体) in force registered for them.';
  if (facts.streets.length === 0) {
    return unknown(
      [
        reason(
          `${facts.name}（${facts.code}）下没有街道区划及边界数据（尚无公开来源）`,
          `no street (街道) regions with boundaries under ${facts.name} (${facts.code}); no public source gives them yet`,
        ),
      ],
      { facilityIds: [], failingFacilityIds: [], note, isSample: false },
    );
  }
  const items: ShareItem[] = facts.streets.map((street) => ({
    id: street.code,
    verdict: street.consortiumIds.length > 0 ? 'yes' : 'no',
  }));
  return shareOutcome(items, target, {
    facilityIds: [],
    note: `${note} Without one: ${
      items
        .filter((item) => item.verdict === 'no')
        .map((item) => item.id)
        .join(', ') || 'none'
    }.`,
    isSample: false,
    emptyNote: '',
    facilityItems: false,
  });
}

function coverageOutcome(
  facts: RegionFacts,
  coverage: CoverageFact,
  target: number,
  what: string,
): IndicatorOutcome {
  const notInCells = coverage.census === null ? 0 : Math.max(0, coverage.census - coverage.cellElderly);
  const population = coverage.census ?? (coverage.cellCount > 0 ? coverage.cellElderly : null);
  const note = `${what} Walking 60 m/min along the street network from each population cell (SAMPLE small-area counts).`;
  const rest = {
    facilityIds: coverage.facilityIds,
    failingFacilityIds: [],
    note,
    isSample: coverage.isSample,
  };
  if (population === null || population === 0 || coverage.cellCount === 0) {
    return unknown(
      [
        reason(
          `${facts.name}（${facts.code}）没有老年人口数据（无人口网格），不计算覆盖率`,
          `no population data for ${facts.name} (${facts.code}) (no population cells): coverage is not computed`,
        ),
      ],
      rest,
    );
  }
  const missing: MissingReason[] = [];
  if (coverage.noNetworkAccess > 0) {
    missing.push(
      reason(
        `${coverage.noNetworkAccess} 位老年人（${coverage.noNetworkCellCount} 个网格）住处 300 米内无路网数据，步行时间未知`,
        `no street data within 300 m of the homes of ${coverage.noNetworkAccess} older people (${coverage.noNetworkCellCount} cells): their walking time is unknown`,
      ),
    );
  }
  if (notInCells > 0)
    missing.push(
      reason(
        `人口普查中有 ${notInCells} 位老年人不在任何人口网格内`,
        `${notInCells} older people of the census are in no population cell`,
      ),
    );
  const low = (100 * coverage.withinReach) / population;
  const high = (100 * (coverage.withinReach + coverage.noNetworkAccess + notInCells)) / population;
  return {
    value: missing.length === 0 ? low : null,
    lowerBound: low,
    upperBound: Math.min(100, high),
    status:
      low >= target ? IndicatorStatus.PASS : high < target ? IndicatorStatus.FAIL : IndicatorStatus.UNKNOWN,
    missingData: missing,
    ...rest,
  };
}

function communitiesWithMeals(facts: RegionFacts, target: number): IndicatorOutcome {
  const note =
    'Communities (社区) with a meal point or a facility offering meals or meal delivery (助餐) inside their boundary.';
  if (facts.communities.length === 0) {
    return unknown(
      [
        reason(
          `${facts.name}（${facts.code}）下没有社区区划及边界数据`,
          `no community (社区) regions with boundaries under ${facts.name} (${facts.code})`,
        ),
      ],
      { facilityIds: [], failingFacilityIds: [], note, isSample: false },
    );
  }
  const items: ShareItem[] = facts.communities.map((community) =>
    community.hasBoundary
      ? { id: community.code, verdict: community.mealFacilityIds.length > 0 ? 'yes' : 'no' }
      : {
          id: community.code,
          verdict: 'unknown',
          missing: reason(
            `社区${community.name}（${community.code}）没有边界数据`,
            `no boundary of community ${community.name} (${community.code})`,
          ),
        },
  );
  return shareOutcome(items, target, {
    facilityIds: [...new Set(facts.communities.flatMap((community) => community.mealFacilityIds))],
    note,
    isSample: false,
    emptyNote: '',
    facilityItems: false,
  });
}

function dementiaBedShare(facts: RegionFacts, target: number): IndicatorOutcome {
  const note =
    'Dementia beds (失智床位) ÷ all beds of the institutions designated for dementia care (失智照护定点).';
  if (!facts.institutions)
    return unknown([noBoundary(facts)], { facilityIds: [], failingFacilityIds: [], note, isSample: false });
  const designated = facts.institutions.filter((institution) => institution.dementiaDesignated);
  const rest = {
    facilityIds: designated.map((institution) => institution.id),
    note,
    isSample: sampleOf(designated),
  };
  if (designated.length === 0) {
    return unknown(
      [
        reason(
          `${facts.name}尚未登记失智照护定点机构`,
          `no institution in ${facts.name} is recorded as designated for dementia care (失智照护定点)`,
        ),
      ],
      { ...rest, failingFacilityIds: [] },
    );
  }
  const { sums, missing } = bedSum(designated, ['totalBeds', 'dementiaBeds']);
  if (missing.length) return unknown(missing, { ...rest, failingFacilityIds: [] });
  const [total, dementia] = sums;
  if (total === 0)
    return unknown(
      [
        reason(
          `${facts.name}失智照护定点机构未登记床位`,
          `no beds recorded for the designated institutions in ${facts.name}`,
        ),
      ],
      {
        ...rest,
        failingFacilityIds: [],
      },
    );
  return exact((100 * dementia) / total, target, {
    ...rest,
    failingFacilityIds: designated
      .filter(
        (institution) => (100 * institution.dementiaBeds!) / Math.max(1, institution.totalBeds!) < target,
      )
      .map((institution) => institution.id),
  });
}

/** Region figures as planners name them. */
const STATISTIC_NAMES: Readonly<Record<StatisticKind, string>> = {
  SOCIAL_WORKERS: '养老机构社会工作者人数',
  CERTIFIED_SOCIAL_WORKERS: '持证社会工作者人数',
  FAMILY_DOCTOR_SIGNED_65PLUS: '65 岁以上家庭医生签约人数（卫健部门数据）',
  NEW_HOUSING_HOUSEHOLDS: '新建住宅小区户数',
  NEW_HOUSING_ELDERLY_SERVICE_M2: '新建住宅小区养老服务用房面积',
};

function statisticMissing(facts: RegionFacts, kind: StatisticKind, what: string): MissingReason {
  return reason(
    `${facts.name}（${facts.code}）尚未填报${STATISTIC_NAMES[kind]}`,
    `${what} of ${facts.name} (${facts.code}) not reported`,
  );
}

function socialWorkersPer60Beds(facts: RegionFacts, target: number): IndicatorOutcome {
  const note = 'Social workers (社会工作者) recorded for the region per 60 beds of its 养老机构 and 护理院.';
  const workers = facts.statistics.SOCIAL_WORKERS;
  const institutions = facts.institutions ?? [];
  const rest = {
    facilityIds: institutions.map((institution) => institution.id),
    failingFacilityIds: [],
    note,
    isSample: sampleOf(institutions) || (workers?.isSample ?? false),
  };
  const missing: MissingReason[] = [];
  if (!workers)
    missing.push(
      statisticMissing(facts, StatisticKind.SOCIAL_WORKERS, 'social workers in care institutions'),
    );
  if (!facts.institutions) missing.push(noBoundary(facts));
  const beds = bedSum(institutions, ['totalBeds']);
  missing.push(...beds.missing);
  if (facts.institutions && beds.missing.length === 0 && beds.sums[0] === 0) {
    missing.push(
      reason(
        `${facts.name}没有登记任何养老机构床位`,
        `no care-institution beds are recorded in ${facts.name}`,
      ),
    );
  }
  if (missing.length) return unknown(missing, rest);
  return exact((workers!.value * 60) / beds.sums[0], target, rest);
}

function ratioOfStatistic(
  facts: RegionFacts,
  target: number,
  options: {
    kind: StatisticKind;
    what: string;
    population: PopulationFact | null;
    age: string;
    scale: number;
    note: string;
  },
): IndicatorOutcome {
  const statistic = facts.statistics[options.kind];
  const population = options.population;
  const rest = {
    facilityIds: [],
    failingFacilityIds: [],
    note: population ? `${options.note} ${populationNote(population)}` : options.note,
    isSample: (statistic?.isSample ?? false) || (population?.isSample ?? false),
  };
  const missing: MissingReason[] = [];
  if (!statistic) missing.push(statisticMissing(facts, options.kind, options.what));
  if (!population || population.count === 0) missing.push(populationMissing(facts, options.age));
  if (missing.length) return unknown(missing, rest);
  return exact((statistic!.value * options.scale) / population!.count, target, rest);
}

function serviceAreaInNewHousing(facts: RegionFacts, target: number): IndicatorOutcome {
  const area = facts.statistics.NEW_HOUSING_ELDERLY_SERVICE_M2;
  const households = facts.statistics.NEW_HOUSING_HOUSEHOLDS;
  const rest = {
    facilityIds: [],
    failingFacilityIds: [],
    note: 'Community elderly-service floor area built in new housing developments per 100 of their households.',
    isSample: (area?.isSample ?? false) || (households?.isSample ?? false),
  };
  const missing: MissingReason[] = [];
  if (!area) {
    missing.push(
      statisticMissing(
        facts,
        StatisticKind.NEW_HOUSING_ELDERLY_SERVICE_M2,
        'elderly-service floor area in new housing',
      ),
    );
  }
  if (!households || households.value === 0) {
    missing.push(statisticMissing(facts, StatisticKind.NEW_HOUSING_HOUSEHOLDS, 'households of new housing'));
  }
  if (missing.length) return unknown(missing, rest);
  return exact((100 * area!.value) / households!.value, target, rest);
}

/** Evaluates one indicator for one region against a target. */
export function evaluateIndicator(code: IndicatorCode, facts: RegionFacts, target: number): IndicatorOutcome {
  switch (code) {
    case IndicatorCode.NURSING_BED_SHARE:
      return nursingBedShare(facts, target);
    case IndicatorCode.NURSING_BEDS_PER_100_ELDERLY:
      return nursingBedsPer100(facts, target);
    case IndicatorCode.REHAB_ROOM_IN_LARGE_INSTITUTIONS:
      return rehabRoomInLarge(facts, target);
    case IndicatorCode.MEDICAL_CARE_IN_INSTITUTIONS_50_RESIDENTS:
      return medicalCareFor50(facts, target);
    case IndicatorCode.INSTITUTIONS_SIGNED_WITH_MEDICAL:
      return signedWithMedical(facts, target);
    case IndicatorCode.STREETS_WITH_CONSORTIUM:
      return streetsWithConsortium(facts, target);
    case IndicatorCode.ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE:
      return coverageOutcome(
        facts,
        facts.communityCare15,
        target,
        'Older people (60+) within 15 minutes of a 街道居家养老服务中心 or 社区照料中心.',
      );
    case IndicatorCode.ELDERLY_WITHIN_20_MIN_MEDICAL_AND_CARE:
      return coverageOutcome(
        facts,
        facts.medicalAndCare20,
        target,
        'Older people (60+) within 20 minutes of both an elderly-care service (养老机构, 护理院, 街道中心, 社区照料中心) and a medical service (医院, 基层医疗, 护理院).',
      );
    case IndicatorCode.COMMUNITIES_WITH_MEAL_SERVICE:
      return communitiesWithMeals(facts, target);
    case IndicatorCode.DEMENTIA_BED_SHARE_IN_DESIGNATED:
      return dementiaBedShare(facts, target);
    case IndicatorCode.SOCIAL_WORKERS_PER_60_BEDS:
      return socialWorkersPer60Beds(facts, target);
    case IndicatorCode.CERTIFIED_SOCIAL_WORKERS_PER_500_ELDERLY:
      return ratioOfStatistic(facts, target, {
        kind: StatisticKind.CERTIFIED_SOCIAL_WORKERS,
        what: 'certified social workers (持证社会工作者)',
        population: facts.elderly60plus,
        age: '60+',
        scale: 500,
        note: 'Certified social workers recorded for the region per 500 older people (60+).',
      });
    case IndicatorCode.FAMILY_DOCTOR_SIGNING_65PLUS:
      return ratioOfStatistic(facts, target, {
        kind: StatisticKind.FAMILY_DOCTOR_SIGNED_65PLUS,
        what: 'people 65+ signed with a family doctor and under health management (卫健 records)',
        population: facts.elderly65plus,
        age: '65+',
        scale: 100,
        note: 'People 65+ signed with a family doctor and under health management ÷ people 65+.',
      });
    case IndicatorCode.ELDERLY_SERVICE_AREA_IN_NEW_HOUSING:
      return serviceAreaInNewHousing(facts, target);
  }
}
