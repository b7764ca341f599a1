import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '../auth/role';
import { FacilityType } from '../facilities/facility-kind';
import { badUserInput } from '../kernel/errors';
import { assertMinutes, travelProfileOf } from '../isochrones/travel.validate';
import type { Computation } from '../compute/compute-pool';
import { profileSpec } from '../compute/compute-tasks';
import type { TravelProfile } from '../routing/profile';
import type { TravelMode } from '../routing/travel-kind';
import type { CellCoverageResult, CoverageQuestion } from '../routing/cell-coverage';
import { applyChanges, type StoredChange } from '../scenarios/scenario-changes';
import type { ScenarioRow } from '../scenarios/scenario.repository';
import { ScenarioService } from '../scenarios/scenario.service';
import { coverageDeltas } from './coverage-delta';
import { coverageReport } from './coverage-report';
import { loadRegionScope, type RegionScope } from './coverage-scope';
import { CoverageRepository, type CoverageFacilityRow } from './coverage.repository';
import type { CoverageReport } from './coverage.type';

/** The 15-minute circle (15分钟康养服务圈): the default time limit. */
export const DEFAULT_COVERAGE_MINUTES = 15;

/** A coverage question as the API asks it. */
export interface CoverageRequest {
  regionCode: string;
  types: readonly FacilityType[];
  minutes?: number | null;
  basket?: boolean | null;
  capacityAware?: boolean | null;
  speedMetersPerMinute?: number | null;
  mode?: TravelMode | null;
  /** A scenario id: facilities as the scenario has them, compared with today. */
  scenario?: string | null;
}

/** A region's cells and how each stands towards a set of facilities. */
export interface RegionCoverage {
  readonly scope: RegionScope;
  readonly facilities: readonly CoverageFacilityRow[];
  readonly result: CellCoverageResult;
}

/** The facility types asked about, each once in the order given; BAD_USER_INPUT when none. */
export function checkedTypes(types: readonly FacilityType[], argument: string): FacilityType[] {
  if (types.length === 0) throw badUserInput(`${argument} must name at least one facility type`, argument);
  const known = Object.values(FacilityType) as string[];
  const unknown = types.find((type) => !known.includes(type));
  if (unknown)
    throw badUserInput(`${argument}: "${String(unknown).slice(0, 40)}" is not a facility type`, argument);
  return [...new Set(types)];
}

/** Rules of coverage: which cells, which facilities, which searches, who may see what. */
export class CoverageService {
  private readonly repository: CoverageRepository;
  private readonly scenarios: ScenarioService;

  constructor(
    em: EntityManager,
    private readonly computation: Computation,
    private readonly principal: Principal,
  ) {
    this.repository = new CoverageRepository(em);
    this.scenarios = new ScenarioService(em, principal);
  }

  /** A scenario the caller may use (PLANNER or ADMIN; its owner's, or shared), or null when none is asked. */
  scenario(id: string | null | undefined): Promise<ScenarioRow | null> {
    return id === null || id === undefined ? Promise.resolve(null) : this.scenarios.readable(id, 'scenario');
  }

  /** Checks a coverage question and answers it for the region and each sub-region. */
  async coverage(request: CoverageRequest): Promise<CoverageReport> {
    const types = checkedTypes(request.types, 'types');
    const minutes = request.minutes ?? DEFAULT_COVERAGE_MINUTES;
    assertMinutes(minutes, 'minutes');
    const profile = travelProfileOf(request.mode, request.speedMetersPerMinute);
    const basket = request.basket ?? false;
    const capacityAware = request.capacityAware ?? false;
    const scenario = await this.scenario(request.scenario);
    const scope = await this.scope(request.regionCode);
    const groups = basket ? types.map((type) => [type]) : [types];
    const question = { groups, limitMinutes: minutes, capacityAware };
    const settings = {
      types,
      minutes,
      speedMetersPerMinute: profile.speedMetersPerMinute,
      mode: profile.mode,
      basket,
      capacityAware,
    };
    if (!scenario) {
      const { facilities, result } = await this.analyse(scope, question, profile);
      return { ...coverageReport(scope, facilities, result, settings), scenario: null, comparison: null };
    }
    const [today, planned] = await Promise.all([
      this.analyse(scope, question, profile),
      this.analyse(scope, question, profile, scenario.changes),
    ]);
    return {
      ...coverageReport(scope, planned.facilities, planned.result, settings),
      scenario: {
        id: scenario.id,
        name: scenario.name,
        version: scenario.version,
        changeCount: scenario.changes.length,
      },
      comparison: coverageDeltas(scope, today.result.cells, planned.result.cells, capacityAware),
    };
  }

  /** A region's scope (FORBIDDEN below district level unless the caller is a planner). */
  scope(regionCode: string, argument = 'regionCode'): Promise<RegionScope> {
    return loadRegionScope(this.repository, this.principal, regionCode, argument);
  }

  /**
   * Coverage of every cell of a scope by all facilities of the question's types, anywhere (people
   * cross region borders). Capacity-aware, places are allocated over every population cell in the
   * database, so that neighbouring regions compete for the same places and none is counted twice.
   * With a scenario's changes, the facilities are today's as the scenario changes them.
   */
  async analyse(
    scope: RegionScope,
    question: CoverageQuestion,
    profile: TravelProfile,
    changes: readonly StoredChange[] = [],
  ): Promise<RegionCoverage> {
    const types = [...new Set(question.groups.flat())];
    const facilities = applyChanges(await this.repository.facilitiesOfTypes(types), changes, types);
    const spec = profileSpec(profile);
    if (!question.capacityAware) {
      const result = await this.computation.run('cellCoverage', {
        cells: scope.cells,
        facilities,
        question,
        profile: spec,
      });
      return { scope, facilities, result };
    }
    const everyCell = await this.repository.cellsOfDistricts(null, []);
    const result = await this.computation.run('cellCoverage', {
      cells: everyCell,
      facilities,
      question,
      profile: spec,
    });
    const indexByKey = new Map(everyCell.map((cell, index) => [cell.key, index]));
    const cells = scope.cells.map((cell) => result.cells[indexByKey.get(cell.key)!]);
    return { scope, facilities, result: { ...result, cells } };
  }
}
