import type { TravelMode } from '../routing/travel-kind';
import { FACILITY_TYPE_LABELS, type FacilityType } from '../facilities/facility-kind';
import { RegionLevel } from '../regions/region-level';
import type { CellCoverageResult } from '../routing/cell-coverage';
import { isBelowDistrict, levelBelow, type RegionNode } from './cell-regions';
import type { RegionScope } from './coverage-scope';
import { percentOf, tallyCells, type CoverageTally, type Headcount } from './coverage-tally';
import type { CoverageFacilityRow } from './coverage.repository';
import { ALLOCATION_RULE } from '../routing/capacity';
import type { CapacityAllocation, CoverageArea, CoverageReport } from './coverage.type';

/** Chinese and English names of each level. */
export const LEVEL_LABELS: Readonly<Record<RegionLevel, { zh: string; en: string }>> = {
  PROVINCE: { zh: '省', en: 'province' },
  CITY: { zh: '市', en: 'city' },
  DISTRICT: { zh: '区/县', en: 'district' },
  STREET: { zh: '街道', en: 'street' },
  COMMUNITY: { zh: '社区', en: 'community' },
};

/** The question a report answers. */
export interface CoverageSettings {
  readonly types: readonly FacilityType[];
  readonly minutes: number;
  readonly speedMetersPerMinute: number;
  readonly mode: TravelMode;
  readonly basket: boolean;
  readonly capacityAware: boolean;
}

function areaOf(region: RegionNode | null, name: string, tally: CoverageTally): CoverageArea {
  const census = region?.census ?? null;
  const minus = (a: Headcount, b: Headcount): Headcount => ({
    age60plus: Math.max(0, a.age60plus - b.age60plus),
    age65plus: Math.max(0, a.age65plus - b.age65plus),
    age80plus: Math.max(0, a.age80plus - b.age80plus),
  });
  return {
    regionCode: region?.code ?? null,
    name,
    level: region?.level ?? null,
    hasPopulationData: tally.cellCount > 0,
    cellCount: tally.cellCount,
    elderly: tally.total,
    withinReach: tally.withinReach,
    withinReachPercent: percentOf(tally.withinReach, tally.total),
    beyondReach: tally.beyondReach,
    noNetworkAccess: tally.noNetworkAccess,
    noNetworkCellCount: tally.noNetworkCellCount,
    served: tally.served,
    servedPercent: tally.served ? percentOf(tally.served, tally.total) : null,
    unservedNearUnrecordedPlaces: tally.unservedNearUnrecordedPlaces,
    census,
    notInCells: census ? minus(census, tally.total) : null,
  };
}

/** The child regions that can hold cells: districts by code, streets and communities only with a boundary. */
export function subRegionsOf(scope: RegionScope): { usable: RegionNode[]; withoutBoundary: RegionNode[] } {
  const children = [...scope.regions.values()]
    .filter((node) => node.parentCode === scope.region.code)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const needsBoundary = (node: RegionNode) => isBelowDistrict(node.level) && !node.hasBoundary;
  return {
    usable: children.filter((node) => !needsBoundary(node)),
    withoutBoundary: children.filter(needsBoundary),
  };
}

/** Rows per sub-region, plus one for the cells in none of them; they add up to the region. */
export function subRegionAreas(
  scope: RegionScope,
  result: CellCoverageResult,
  capacityAware: boolean,
): CoverageArea[] {
  const { usable } = subRegionsOf(scope);
  const rows = usable.map((child) =>
    areaOf(
      child,
      child.name,
      tallyCells(
        scope.cells,
        result.cells,
        (index) => scope.chains[index].includes(child.code),
        capacityAware,
      ),
    ),
  );
  const childCodes = new Set(usable.map((child) => child.code));
  const outside = tallyCells(
    scope.cells,
    result.cells,
    (index) => !scope.chains[index].some((code) => childCodes.has(code)),
    capacityAware,
  );
  const below = levelBelow(scope.region.level);
  if (outside.cellCount > 0 && below) {
    rows.push(
      areaOf(
        null,
        `不属于任何${LEVEL_LABELS[below].zh} / in no ${LEVEL_LABELS[below].en} of ${scope.region.name}`,
        outside,
      ),
    );
  }
  return rows;
}

/** Says which sub-region data is absent; null when every child region can be counted. */
export function subRegionNote(scope: RegionScope): string | null {
  const below = levelBelow(scope.region.level);
  if (!below) return null;
  const { usable, withoutBoundary } = subRegionsOf(scope);
  const { region } = scope;
  const label = LEVEL_LABELS[below];
  const notes: string[] = [];
  if (usable.length === 0) {
    notes.push(
      `No ${label.en} (${label.zh}) regions with a boundary under ${region.name} (${region.code}): ${label.en}-level numbers need region rows of level ${below} with a boundary. Per-cell detail is what gaps gives (PLANNER).`,
    );
  }
  if (withoutBoundary.length > 0) {
    notes.push(
      `${withoutBoundary.map((node) => `${node.name} (${node.code})`).join(', ')} ${withoutBoundary.length === 1 ? 'has' : 'have'} no boundary, so no cell can be placed in ${withoutBoundary.length === 1 ? 'it' : 'them'}.`,
    );
  }
  return notes.length ? notes.join(' ') : null;
}

/** The full report of a coverage question. */
export function coverageReport(
  scope: RegionScope,
  facilities: readonly CoverageFacilityRow[],
  result: CellCoverageResult,
  settings: CoverageSettings,
): Omit<CoverageReport, 'scenario' | 'comparison'> {
  const regionTally = tallyCells(scope.cells, result.cells, () => true, settings.capacityAware);
  const counted = new Set(result.facilitiesCounted);
  const capacity: CapacityAllocation | null = result.capacity
    ? {
        rule: ALLOCATION_RULE,
        placesOffered: result.capacity.placesOffered,
        placesTaken: result.capacity.placesTaken,
        facilitiesWithPlaces: [...result.capacity.facilitiesWithPlaces],
        facilitiesWithoutPlacesData: [...result.capacity.facilitiesWithoutPlacesData],
      }
    : null;
  return {
    region: areaOf(scope.region, scope.region.name, regionTally),
    subRegionLevel: levelBelow(scope.region.level),
    subRegions: subRegionAreas(scope, result, settings.capacityAware),
    subRegionNote: subRegionNote(scope),
    types: [...settings.types],
    minutes: settings.minutes,
    speedMetersPerMinute: settings.speedMetersPerMinute,
    mode: settings.mode,
    basket: settings.basket,
    capacityAware: settings.capacityAware,
    facilitiesCounted: counted.size,
    facilitiesOffNetwork: [...result.facilitiesOffNetwork],
    searches: result.searches,
    capacity,
    isSample:
      scope.cells.some((cell) => cell.isSample) ||
      facilities.some((facility) => facility.isSample && counted.has(facility.id)),
    ...coverageNotes(scope, facilities, result, regionTally, settings),
  };
}

function coverageNotes(
  scope: RegionScope,
  facilities: readonly CoverageFacilityRow[],
  result: CellCoverageResult,
  tally: CoverageTally,
  settings: CoverageSettings,
): { notes: string[]; notesZh: string[] } {
  const notes: string[] = [];
  const notesZh: string[] = [];
  const note = (en: string, zh: string) => {
    notes.push(en);
    notesZh.push(zh);
  };
  const typeNames = settings.types.map((type) => FACILITY_TYPE_LABELS[type].zh).join('、');
  if (settings.basket) {
    note(
      `Basket: an older person counts as within reach only when every type (${typeNames}) is within ${settings.minutes} minutes.`,
      `组合：只有每一类设施（${typeNames}）都在 ${settings.minutes} 分钟内可达，老年人才计为可达。`,
    );
  } else {
    note(
      `Within reach: at least one facility of ${typeNames} within ${settings.minutes} minutes.`,
      `可达：${settings.minutes} 分钟内至少有一处${typeNames}。`,
    );
  }
  if (settings.mode === 'WALK') {
    note(
      `Walking at ${settings.speedMetersPerMinute} m/min along the street and footpath network from each population cell's centroid, the walks to and from the street included (steps count 1.5×).`,
      `从每个人口网格的中心点出发，沿道路和步行道网络按每分钟 ${settings.speedMetersPerMinute} 米步行，含往返道路的步行段（台阶按 1.5 倍计）。`,
    );
  } else {
    note(
      `Travelling ${settings.mode} (TravelMode) along the network from each population cell's centroid to the facility, one-way streets and closed ways as the mode's rules say; the way to and from the street at ${Math.round(settings.speedMetersPerMinute)} m/min.`,
      `按出行方式 ${settings.mode} 沿路网从每个人口网格的中心点前往设施，单行道和禁行道路按该方式的规则处理；往返道路的一段按每分钟 ${Math.round(settings.speedMetersPerMinute)} 米计。`,
    );
  }
  if (scope.cells.some((cell) => cell.isSample)) {
    note(
      'Small-area counts are SAMPLE data (示例): the 2020 census older people of each district spread over OpenStreetMap housing; district totals are the census.',
      '小区域人口为示例数据：将各区 2020 年人口普查的老年人口按 OpenStreetMap 住宅分布摊分；区级合计即普查数。',
    );
  }
  if (tally.noNetworkCellCount > 0) {
    note(
      `${tally.noNetworkAccess.age60plus} older people (60+) in ${tally.noNetworkCellCount} cells have no network access (centroid more than 300 m from every street of the loaded network): counted as noNetworkAccess, not as beyond reach.`,
      `${tally.noNetworkCellCount} 个网格中的 ${tally.noNetworkAccess.age60plus} 名 60 岁以上老年人没有路网数据（网格中心距已载入路网的所有道路都超过 300 米）：单列为“无路网数据”，不计为不可达。`,
    );
  }
  if (result.facilitiesOffNetwork.length > 0) {
    note(
      `${result.facilitiesOffNetwork.length} facilities of the types are more than 300 m from every street and could not count: ${result.facilitiesOffNetwork.join(', ')}.`,
      `${result.facilitiesOffNetwork.length} 处所选类型的设施距所有道路都超过 300 米，未能计入：${result.facilitiesOffNetwork.join('、')}。`,
    );
  }
  if (!facilities.some((facility) => result.facilitiesCounted.includes(facility.id))) {
    note(
      'No facility of the types is on the network: no one is within reach.',
      '没有所选类型的设施位于路网上：无人可达。',
    );
  }
  const withoutCells = [scope.region, ...subRegionsOf(scope).usable].filter(
    (node) => node.census && !scope.chains.some((chain) => chain.includes(node.code)),
  );
  if (withoutCells.length > 0) {
    note(
      `No population cells for ${withoutCells.map((node) => `${node.name} (${node.code})`).join(', ')}: their census older people are in notInCells, not in the counts.`,
      `${withoutCells.map((node) => `${node.name}（${node.code}）`).join('、')}没有人口网格数据：其普查老年人口列入“未落入网格”，不计入统计。`,
    );
  }
  const unmeasured = [scope.region, ...subRegionsOf(scope).usable].filter(
    (node) => !node.census && !scope.chains.some((chain) => chain.includes(node.code)),
  );
  if (unmeasured.length > 0) {
    note(
      `No population data for ${unmeasured.map((node) => `${node.name} (${node.code})`).join(', ')}: coverage there is not computed (hasPopulationData false), not zero.`,
      `${unmeasured.map((node) => `${node.name}（${node.code}）`).join('、')}没有人口数据：不计算覆盖情况（无数据），而非 0。`,
    );
  }
  return { notes, notesZh };
}
