import type { EntityManager } from '@mikro-orm/sql';
import { requireRole } from '../auth/authorize';
import { Role, type Principal } from '../auth/role';
import type { Computation } from '../compute/compute-pool';
import { CellAccess } from '../routing/cell-coverage';
import { CoverageService, checkedTypes, DEFAULT_COVERAGE_MINUTES } from '../coverage/coverage.service';
import { PLANNER_ROLES } from '../coverage/coverage-scope';
import type { FacilityType } from '../facilities/facility-kind';
import type { UpsertCounts } from '../import/import.records';
import { assertMinutes, assertWalkingSpeedOnly, travelProfileOf } from '../isochrones/travel.validate';
import { badUserInput } from '../kernel/errors';
import { parseCalendarDate } from '../kernel/dates';
import { assertRegionCode } from '../regions/region.service';
import type { TravelMode } from '../routing/travel-kind';
import type { NeedRow } from './need-csv';
import { NeedRepository, type NeedRecord } from './need.repository';
import { includedIn, olderByRegion, shareRegionOf } from './need-share';
import { NEED_WEIGHTS, NeedWeight, peopleInNeed } from './need-weight';

/** Most rows one import may carry. */
export const MAX_NEED_ROWS = 5_000;

/** A need-weighted coverage question as the API asks it. */
export interface NeedCoverageRequest {
  regionCode: string;
  types: readonly FacilityType[];
  weight: NeedWeight;
  minutes?: number | null;
  mode?: TravelMode | null;
  /** Walking speed; WALK only. */
  speedMetersPerMinute?: number | null;
}

/** People in need of one street or community, and how many of them are within reach. */
export interface NeedCoverageArea {
  regionCode: string;
  name: string;
  people: number;
  /** Estimated: people × the share of the area's older people (60+) within reach; null when it has none. */
  withinReach: number | null;
  withinReachPercent: number | null;
  /** The region whose population cells gave the share: the area itself, or the lowest region above it with cells. */
  shareFrom: string | null;
  /** The area above whose row already counts these people (a street's row includes its communities'); null: counted here. */
  includedIn: string | null;
  isSample: boolean;
}

/** Need-weighted coverage of a region's streets and communities. */
export interface NeedCoverageReport {
  regionCode: string;
  weight: NeedWeight;
  minutes: number;
  mode: TravelMode;
  people: number;
  withinReach: number;
  withinReachPercent: number | null;
  areas: NeedCoverageArea[];
  isSample: boolean;
  notes: string[];
}

/** Checks rows before anything is written; BAD_USER_INPUT names the first bad row. */
function checkedRows(rows: readonly NeedRow[]): NeedRow[] {
  if (rows.length === 0 || rows.length > MAX_NEED_ROWS) {
    throw badUserInput(`rows must hold 1 to ${MAX_NEED_ROWS} rows`, 'rows');
  }
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const argument = `rows[${index}]`;
    assertRegionCode(row.regionCode, `${argument}.regionCode`);
    if (row.regionCode.length < 9) {
      throw badUserInput(
        `${argument}.regionCode must be a street (9 digits) or community (12 digits)`,
        argument,
      );
    }
    if (seen.has(row.regionCode))
      throw badUserInput(`${argument}.regionCode ${row.regionCode} is listed twice`, argument);
    seen.add(row.regionCode);
    const assessedOn = parseCalendarDate(row.assessedOn, `${argument}.assessedOn`, 'PAST');
    const counts = [
      row.disabledMild,
      row.disabledModerate,
      row.disabledSevere,
      row.dementia,
      row.livingAlone,
    ];
    if (row.familyCareBeds !== null) counts.push(row.familyCareBeds);
    if (!counts.every((count) => Number.isSafeInteger(count) && count >= 0)) {
      throw badUserInput(`${argument}: counts must be whole numbers ≥ 0`, argument);
    }
    return { ...row, assessedOn };
  });
}

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

/** Rules of needs-assessment data: import, who may read it, need-weighted coverage. */
export class NeedService {
  private readonly needs: NeedRepository;

  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
  ) {
    this.needs = new NeedRepository(em);
  }

  /** Imports rows all or nothing (ADMIN); every region must exist already. */
  async importRows(rows: readonly NeedRow[], source: string): Promise<UpsertCounts> {
    requireRole(this.principal, [Role.ADMIN], 'Importing needs-assessment data');
    const checked = checkedRows(rows);
    if (!source.trim()) throw badUserInput('source must name where the numbers come from', 'source');
    const known = await this.needs.knownRegions(checked.map((row) => row.regionCode));
    const unknown = checked.filter((row) => !known.has(row.regionCode)).map((row) => row.regionCode);
    if (unknown.length) {
      throw badUserInput(`No region with division code ${unknown.slice(0, 10).join(', ')}`, 'rows');
    }
    return this.em.transactional((em) => new NeedRepository(em).upsert(checked, source.trim()));
  }

  /** The rows of a region's streets and communities (PLANNER or ADMIN). */
  list(regionCode: string): Promise<NeedRecord[]> {
    requireRole(this.principal, PLANNER_ROLES, 'Needs-assessment data');
    assertRegionCode(regionCode, 'regionCode');
    return this.needs.under(regionCode);
  }

  /**
   * People in need within `minutes` of the types, per street and community with needs data: each area's
   * people in need times the share of its older people (60+, population cells) within reach.
   */
  async coverage(request: NeedCoverageRequest, computation: Computation): Promise<NeedCoverageReport> {
    requireRole(this.principal, PLANNER_ROLES, 'Need-weighted coverage');
    if (!NEED_WEIGHTS.has(request.weight)) throw badUserInput('weight is not a need weight', 'weight');
    const types = checkedTypes(request.types, 'types');
    const minutes = request.minutes ?? DEFAULT_COVERAGE_MINUTES;
    assertMinutes(minutes, 'minutes');
    assertWalkingSpeedOnly(request.mode, request.speedMetersPerMinute);
    const profile = travelProfileOf(request.mode, request.speedMetersPerMinute);
    const coverage = new CoverageService(this.em, computation, this.principal);
    const scope = await coverage.scope(request.regionCode);
    const rows = await this.needs.under(request.regionCode);
    const { result } = await coverage.analyse(
      scope,
      { groups: [types], limitMinutes: minutes, capacityAware: false },
      profile,
    );
    const older = olderByRegion(scope);
    const within = olderByRegion(scope, (index) => result.cells[index].access === CellAccess.WITHIN_REACH);
    const included = includedIn(rows, scope.regions);
    const areas = rows.map((row): NeedCoverageArea => {
      const people = peopleInNeed(row, request.weight);
      const code = shareRegionOf(row.regionCode, older, scope.regions);
      const withinReach = code === null ? null : Math.round((people * within.get(code)!) / older.get(code)!);
      return {
        regionCode: row.regionCode,
        name: scope.regions.get(row.regionCode)?.name ?? row.regionCode,
        people,
        withinReach,
        withinReachPercent: withinReach === null ? null : percent(withinReach, people),
        shareFrom: code,
        includedIn: included.get(row.regionCode) ?? null,
        isSample: row.isSample,
      };
    });
    const counted = areas.filter((area) => area.includedIn === null);
    const people = counted.reduce((sum, area) => sum + area.people, 0);
    const withinReach = counted.reduce((sum, area) => sum + (area.withinReach ?? 0), 0);
    return {
      regionCode: request.regionCode,
      weight: request.weight,
      minutes,
      mode: profile.mode,
      people,
      withinReach,
      withinReachPercent: percent(withinReach, people),
      areas,
      isSample: areas.some((area) => area.isSample) || scope.cells.some((cell) => cell.isSample),
      notes: [
        `People in need (${request.weight}) from needs-assessment aggregates (统一需求评估) per street or community; nobody is located individually.`,
        "A street's figures include its communities': a community row under a street row is shown, and counted once, in the street's (includedIn).",
        "Within reach: each area's people in need × the share of its older people (60+, population cells) within the time limit, rounded; an area without cells of its own takes the share of the lowest region above it that has some (shareFrom).",
      ],
    };
  }
}
