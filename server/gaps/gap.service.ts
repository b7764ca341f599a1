import type { TravelMode } from '../routing/travel-kind';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '../auth/role';
import type { Computation } from '../compute/compute-pool';
import { profileSpec } from '../compute/compute-tasks';
import { CoverageRepository } from '../coverage/coverage.repository';
import { checkedTypes, CoverageService, DEFAULT_COVERAGE_MINUTES } from '../coverage/coverage.service';
import type { FacilityType } from '../facilities/facility-kind';
import { FacilityRepository } from '../facilities/facility.repository';
import { badUserInput } from '../kernel/errors';
import { canonicalId } from '../kernel/ids';
import { applyChanges } from '../scenarios/scenario-changes';
import { assertMinutes, travelProfileOf } from '../isochrones/travel.validate';
import { GapReason, gapReasonOf, summariseGap } from './gap-cells';
import { GapRepository } from './gap.repository';
import type { Gap } from './gap.type';

/** Gaps returned when `first` is not given. */
export const DEFAULT_GAP_COUNT = 20;

/** A gaps question as the API asks it. */
export interface GapRequest {
  regionCode: string;
  types: readonly FacilityType[];
  minutes?: number | null;
  basket?: boolean | null;
  first?: number | null;
  speedMetersPerMinute?: number | null;
  mode?: TravelMode | null;
  /** A scenario id: gaps as they would be with the scenario's facilities. */
  scenario?: string | null;
}

/** Rules of gap analysis: which cells are uncovered, how they merge, what each gap lacks. */
export class GapService {
  private readonly coverage: CoverageService;
  private readonly cells: CoverageRepository;
  private readonly gaps: GapRepository;
  private readonly facilities: FacilityRepository;

  constructor(
    em: EntityManager,
    private readonly computation: Computation,
    principal: Principal,
    private readonly maxGaps: number,
  ) {
    this.coverage = new CoverageService(em, computation, principal);
    this.cells = new CoverageRepository(em);
    this.gaps = new GapRepository(em);
    this.facilities = new FacilityRepository(em);
  }

  /**
   * The uncovered areas of a region: real gaps (beyond reach) ranked, most older people first, then the
   * areas without street data (unknown, unranked); areas with nobody in them are left out. One search per
   * type, at any distance, gives both coverage and the soonest facility of each missing type.
   */
  async list(request: GapRequest): Promise<Gap[]> {
    const types = checkedTypes(request.types, 'types');
    const minutes = request.minutes ?? DEFAULT_COVERAGE_MINUTES;
    assertMinutes(minutes, 'minutes');
    const first = request.first ?? DEFAULT_GAP_COUNT;
    if (!Number.isInteger(first) || first < 0 || first > this.maxGaps) {
      throw badUserInput(`"first" must be between 0 and ${this.maxGaps}, got ${first}`, 'first');
    }
    const profile = travelProfileOf(request.mode, request.speedMetersPerMinute);
    const basket = request.basket ?? false;
    const scenario = await this.coverage.scenario(request.scenario);
    const scope = await this.coverage.scope(request.regionCode);
    const facilities = applyChanges(
      await this.cells.facilitiesOfTypes(types),
      scenario?.changes ?? [],
      types,
    );
    const { onNetwork, reachByGroup: reachByType } = await this.computation.run('nearestByGroup', {
      places: scope.cells,
      groups: types.map((type) => facilities.filter((facility) => facility.type === type)),
      profile: profileSpec(profile),
    });
    const uncovered = scope.cells.flatMap((cell, index) => {
      const reason = gapReasonOf(onNetwork[index], reachByType, index, minutes, basket);
      return reason ? [{ key: cell.key, kind: reason }] : [];
    });
    const indexByKey = new Map(scope.cells.map((cell, index) => [cell.key, index]));
    const merged = await this.gaps.mergeCells(uncovered);
    const gaps = merged.map((part) => {
      const cellIndexes = part.cellKeys.map((key) => indexByKey.get(key)!);
      const summary = summariseGap(cellIndexes, scope.cells, types, reachByType, minutes);
      return {
        id: `${part.kind}:${part.cellKeys[0]}`,
        reason: part.kind as Gap['reason'],
        area: part.area,
        cellCount: cellIndexes.length,
        elderly: summary.elderly,
        regionCodes: [...new Set(cellIndexes.map((index) => scope.cells[index].regionCode))].sort(),
        missing: summary.missing,
      };
    });
    const unknownLast = (reason: string) => (reason === GapReason.NO_NETWORK_ACCESS ? 1 : 0);
    const listed = gaps
      .filter((gap) => gap.elderly.age60plus + gap.elderly.age65plus + gap.elderly.age80plus > 0)
      .sort(
        (a, b) =>
          unknownLast(a.reason) - unknownLast(b.reason) ||
          b.elderly.age60plus - a.elderly.age60plus ||
          (a.id < b.id ? -1 : 1),
      )
      .map((gap, index) => ({ ...gap, rank: gap.reason === GapReason.BEYOND_REACH ? index + 1 : null }));
    const page = listed.slice(0, first);
    // Hypothetical facilities of a scenario are not in the directory: they are named by id only.
    const nearestIds = [
      ...new Set(
        page.flatMap((gap) =>
          gap.missing.flatMap((missing) => canonicalId(missing.nearest?.facilityId) ?? []),
        ),
      ),
    ];
    const records = new Map(
      (await this.facilities.findByIds(nearestIds)).map((record) => [record.id, record]),
    );
    return page.map((gap) => ({
      ...gap,
      missing: gap.missing.map((missing) => ({
        type: missing.type,
        elderly: missing.elderly,
        nearestFacility: missing.nearest ? (records.get(missing.nearest.facilityId) ?? null) : null,
        nearestFacilityId: missing.nearest?.facilityId ?? null,
        travelMinutes: missing.nearest?.travelMinutes ?? null,
      })),
    }));
  }
}
