import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '../auth/role';
import type { PopulationCell } from '../routing/cell-coverage';
import { ancestorsOf, isBelowDistrict, type RegionNode } from '../coverage/cell-regions';
import { LEVEL_LABELS } from '../coverage/coverage-report';
import { readsSmallAreas, type RegionScope } from '../coverage/coverage-scope';
import { tallyCells } from '../coverage/coverage-tally';
import type { CellRow } from '../coverage/coverage.repository';
import { CoverageService, type RegionCoverage } from '../coverage/coverage.service';
import type { Computation } from '../compute/compute-pool';
import type { StoredChange } from '../scenarios/scenario-changes';
import { travelProfile } from '../routing/profile';
import { RegionLevel } from '../regions/region-level';
import { canonicalId } from '../kernel/ids';
import {
  COMMUNITY_CARE_TYPES,
  INDICATORS,
  MEDICAL_AND_CARE_GROUPS,
  type IndicatorCode,
  type IndicatorDefinition,
} from './indicator-definitions';
import {
  evaluateIndicator,
  IndicatorStatus,
  type CoverageFact,
  type IndicatorOutcome,
  type PopulationFact,
  type RegionFacts,
} from './indicator-rules';
import { targetOf } from './indicator-target.service';
import { IndicatorRepository } from './indicator.repository';
import type { IndicatorResult } from './indicator.type';

/** Today's date in China (YYYY-MM-DD): pairings are in force by the local calendar. */
export function chinaDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** The regions of a scope at and below its region, parents before children, codes in order. */
function regionsInTreeOrder(scope: RegionScope): RegionNode[] {
  const children = new Map<string, RegionNode[]>();
  for (const node of scope.regions.values()) {
    if (node.parentCode === null) continue;
    children.set(node.parentCode, [...(children.get(node.parentCode) ?? []), node]);
  }
  const ordered: RegionNode[] = [];
  const visit = (node: RegionNode) => {
    ordered.push(node);
    for (const child of (children.get(node.code) ?? []).sort((a, b) => (a.code < b.code ? -1 : 1)))
      visit(child);
  };
  visit(scope.region);
  return ordered;
}

/** Rules of the scorecard: which regions, which facts, which targets, who may see which rows. */
export class IndicatorService {
  private readonly indicators: IndicatorRepository;
  private readonly coverage: CoverageService;

  constructor(
    em: EntityManager,
    computation: Computation,
    private readonly principal: Principal,
  ) {
    this.indicators = new IndicatorRepository(em);
    this.coverage = new CoverageService(em, computation, principal);
  }

  /**
   * Every indicator for a region and each region below it (streets and communities for planners
   * only), plus UNKNOWN rows for a district whose streets are not recorded.
   */
  async scorecard(
    regionCode: string,
    now = new Date(),
    scenarioId: string | null = null,
  ): Promise<IndicatorResult[]> {
    const scenario = await this.coverage.scenario(scenarioId);
    const scope = await this.coverage.scope(regionCode);
    if (!scenario) return this.scorecardOf(scope, now, []);
    // A scenario changes facilities, so only the travel-time indicators can differ from today.
    const [today, planned] = await Promise.all([
      this.scorecardOf(scope, now, []),
      this.scorecardOf(scope, now, scenario.changes),
    ]);
    return planned.map((result, index) => ({
      ...result,
      scenarioId: scenario.id,
      valueToday: today[index].value,
      lowerBoundToday: today[index].lowerBound,
    }));
  }

  private async scorecardOf(
    scope: RegionScope,
    now: Date,
    changes: readonly StoredChange[],
  ): Promise<IndicatorResult[]> {
    const planner = readsSmallAreas(this.principal);
    const rows = regionsInTreeOrder(scope).filter((node) => planner || !isBelowDistrict(node.level));
    const boundaryCodes = rows.filter((node) => node.hasBoundary).map((node) => node.code);
    const streetCodes = [...scope.regions.values()]
      .filter((node) => node.level === RegionLevel.STREET)
      .map((node) => node.code);
    const communityCodes = [...scope.regions.values()]
      .filter((node) => node.level === RegionLevel.COMMUNITY && node.hasBoundary)
      .map((node) => node.code);
    const profile = travelProfile('WALK');
    const asOf = chinaDate(now);
    const [stored, institutions, meals, consortia, statistics, care15, care20] = await Promise.all([
      this.indicators.storedTargets(),
      this.indicators.institutionsIn(boundaryCodes, asOf),
      this.indicators.mealFacilitiesIn(communityCodes),
      this.indicators.streetConsortia(streetCodes, asOf),
      this.indicators.statistics(rows.map((node) => node.code)),
      this.coverage.analyse(
        scope,
        { groups: [COMMUNITY_CARE_TYPES], limitMinutes: 15, capacityAware: false },
        profile,
        changes,
      ),
      this.coverage.analyse(
        scope,
        { groups: MEDICAL_AND_CARE_GROUPS, limitMinutes: 20, capacityAware: false },
        profile,
        changes,
      ),
    ]);
    const targets = new Map(
      INDICATORS.map((definition) => [definition.code, targetOf(definition, stored).target]),
    );
    // Streets and communities under each region, found once: a city holds thousands of them.
    const belowIndex = new Map<string, RegionNode[]>();
    for (const other of scope.regions.values()) {
      if (other.level !== RegionLevel.STREET && other.level !== RegionLevel.COMMUNITY) continue;
      for (const ancestor of ancestorsOf(scope.regions, other.code)) {
        const key = `${ancestor}|${other.level}`;
        belowIndex.set(key, [...(belowIndex.get(key) ?? []), other]);
      }
    }
    const below = (node: RegionNode, level: RegionLevel) => belowIndex.get(`${node.code}|${level}`) ?? [];

    const results: IndicatorResult[] = [];
    for (const node of rows) {
      const cellsOf = (index: number) => scope.chains[index].includes(node.code);
      const tally = tallyCells(scope.cells, care15.result.cells, cellsOf, false);
      const fromCells = (pick: (cell: PopulationCell) => number): PopulationFact | null =>
        tally.cellCount > 0
          ? {
              count: scope.cells
                .filter((_, index) => cellsOf(index))
                .reduce((sum, cell) => sum + pick(cell), 0),
              fromCells: true,
              isSample: scope.cells.some((cell, index) => cellsOf(index) && cell.isSample),
            }
          : null;
      const facts: RegionFacts = {
        code: node.code,
        name: node.name,
        level: node.level,
        institutions: node.hasBoundary
          ? institutions.filter((institution) => institution.regionCodes.includes(node.code))
          : null,
        elderly60plus: node.census
          ? { count: node.census.age60plus, fromCells: false, isSample: false }
          : fromCells((cell) => cell.age60plus),
        elderly65plus: node.census
          ? { count: node.census.age65plus, fromCells: false, isSample: false }
          : fromCells((cell) => cell.age65plus),
        streets: below(node, RegionLevel.STREET).map((street) => ({
          code: street.code,
          name: street.name,
          consortiumIds: consortia.get(street.code) ?? [],
        })),
        communities: below(node, RegionLevel.COMMUNITY).map((community) => ({
          code: community.code,
          name: community.name,
          hasBoundary: community.hasBoundary,
          mealFacilityIds: meals
            .filter((meal) => meal.regionCodes.includes(community.code))
            .map((meal) => meal.id),
        })),
        statistics: statistics.get(node.code) ?? {},
        communityCare15: coverageFact(scope.cells, care15, node, cellsOf),
        medicalAndCare20: coverageFact(scope.cells, care20, node, cellsOf),
      };
      for (const definition of INDICATORS) {
        if (!definition.levels.includes(node.level)) continue;
        const target = targets.get(definition.code)!;
        results.push(resultOf(definition, node, target, evaluateIndicator(definition.code, facts, target)));
      }
      if (planner && node.level === RegionLevel.DISTRICT && below(node, RegionLevel.STREET).length === 0) {
        results.push(...absentStreets(node, targets));
      }
    }
    return results;
  }
}

function coverageFact(
  cells: readonly CellRow[],
  analysis: RegionCoverage,
  node: RegionNode,
  cellsOf: (index: number) => boolean,
): CoverageFact {
  const tally = tallyCells(cells, analysis.result.cells, cellsOf, false);
  const facilityIds = new Set<string>();
  analysis.result.cells.forEach((cell, index) => {
    if (!cellsOf(index)) return;
    for (const reach of cell.reach) if (reach) facilityIds.add(reach.facilityId);
  });
  return {
    cellCount: tally.cellCount,
    cellElderly: tally.total.age60plus,
    withinReach: tally.withinReach.age60plus,
    noNetworkAccess: tally.noNetworkAccess.age60plus,
    noNetworkCellCount: tally.noNetworkCellCount,
    census: node.census?.age60plus ?? null,
    facilityIds: [...facilityIds]
      .filter((id) => canonicalId(id) !== null)
      .sort((a, b) => Number(a) - Number(b)),
    isSample: cells.some((cell, index) => cellsOf(index) && cell.isSample),
  };
}

function resultOf(
  definition: IndicatorDefinition,
  node: RegionNode,
  target: number,
  outcome: IndicatorOutcome,
): IndicatorResult {
  return {
    code: definition.code,
    name: definition.nameZh,
    nameEn: definition.nameEn,
    regionCode: node.code,
    regionName: node.name,
    regionLevel: node.level,
    value: outcome.value,
    lowerBound: outcome.lowerBound,
    upperBound: outcome.upperBound,
    target,
    unit: definition.unit,
    status: outcome.status,
    missingData: outcome.missingData.map((missing) => missing.en),
    missingDataZh: outcome.missingData.map((missing) => missing.zh),
    facilityIds: [...outcome.facilityIds],
    failingFacilityIds: [...outcome.failingFacilityIds],
    sourceNote: `${outcome.note} Target: seed ${definition.seeds}.`,
    sourceNoteZh: `${definition.methodZh}目标值依据：政策文件 ${definition.seeds}。`,
    isSample: outcome.isSample,
    scenarioId: null,
    valueToday: null,
    lowerBoundToday: null,
  };
}

/** UNKNOWN rows standing for the streets of a district that has none recorded. */
function absentStreets(district: RegionNode, targets: ReadonlyMap<IndicatorCode, number>): IndicatorResult[] {
  const label = LEVEL_LABELS[RegionLevel.STREET];
  return INDICATORS.filter((definition) => definition.levels.includes(RegionLevel.STREET)).map(
    (definition) => ({
      code: definition.code,
      name: definition.nameZh,
      nameEn: definition.nameEn,
      regionCode: null,
      regionName: `${district.name}各${label.zh} (streets of ${district.name})`,
      regionLevel: RegionLevel.STREET,
      value: null,
      lowerBound: null,
      upperBound: null,
      target: targets.get(definition.code)!,
      unit: definition.unit,
      status: IndicatorStatus.UNKNOWN,
      missingData: [
        `no street (街道) regions with boundaries under ${district.name} (${district.code}); no public source gives them yet`,
      ],
      missingDataZh: [`${district.name}（${district.code}）下没有街道区划及边界数据（尚无公开来源）`],
      facilityIds: [],
      failingFacilityIds: [],
      sourceNote: `No street is recorded under ${district.name}; street-level values cannot be computed. Target: seed ${definition.seeds}.`,
      sourceNoteZh: `${district.name}下没有登记街道，无法计算街道级数值。目标值依据：政策文件 ${definition.seeds}。`,
      isSample: false,
      scenarioId: null,
      valueToday: null,
      lowerBoundToday: null,
    }),
  );
}
