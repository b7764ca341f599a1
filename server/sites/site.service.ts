import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '../auth/role';
import type { Computation } from '../compute/compute-pool';
import { readsSmallAreas } from '../coverage/coverage-scope';
import { CoverageRepository } from '../coverage/coverage.repository';
import { checkedTypes, CoverageService, DEFAULT_COVERAGE_MINUTES } from '../coverage/coverage.service';
import type { FacilityType } from '../facilities/facility-kind';
import { assertPoint } from '../graphql/geo.validate';
import { assertMinutes, assertWalkingSpeedOnly, travelProfileOf } from '../isochrones/travel.validate';
import { forbidden } from '../auth/authorize';
import { badUserInput } from '../kernel/errors';
import { NeedRepository } from '../need/need.repository';
import { spreadNeeds } from '../need/need-share';
import { NEED_WEIGHTS, type NeedWeight } from '../need/need-weight';
import type { TravelMode } from '../routing/travel-kind';
import { NEAREST_FIRST_RULE } from '../siting/covering';
import { CANDIDATE_RULE, MAX_CANDIDATES } from '../siting/site-reach';
import type { SiteSuggestion } from './site.type';

/** Most sites one question may ask for. */
export const MAX_SITES = 50;
/** Default and largest time the exact solver may take, in ms. */
export const DEFAULT_SOLVE_BUDGET_MS = 3_000;
export const MAX_SOLVE_BUDGET_MS = 30_000;

/** A site question as the API asks it. */
export interface SiteRequest {
  regionCode: string;
  types: readonly FacilityType[];
  minutes?: number | null;
  count: number;
  candidates?: readonly { lng: number; lat: number }[] | null;
  capacityAware?: boolean | null;
  siteCapacity?: number | null;
  spacingMeters?: number | null;
  /** Walking speed; WALK only. */
  speedMetersPerMinute?: number | null;
  /** How people travel; default WALK. */
  mode?: TravelMode | null;
  /** Whose demand counts: people in need by this weight; null: older people (60+). */
  weight?: NeedWeight | null;
  timeBudgetMs?: number | null;
}

/** Whose demand a suggestion weighs, as the API states it. */
export const DEMAND_RULE = {
  older: "Demand: each population cell's older people (60+).",
  need: (weight: NeedWeight) =>
    `Demand: people in need (${weight}) from needs-assessment aggregates (统一需求评估) per street or community, ` +
    "each area's people spread over its population cells in proportion to their older people (60+), in whole people " +
    '(largest remainders); an area without cells of its own spreads over the lowest region above it that has some, as ' +
    'needCoverage takes its share (shareFrom). Cells of areas without needs data have no demand.',
};

function wholeIn(value: number, low: number, high: number, argument: string): void {
  if (!Number.isInteger(value) || value < low || value > high) {
    throw badUserInput(`${argument} must be a whole number from ${low} to ${high}, got ${value}`, argument);
  }
}

/** The solve budget a request asks for (checked), so that its caller can be given room for it. */
export function solveBudgetOf(timeBudgetMs: number | null | undefined): number {
  const budget = timeBudgetMs ?? DEFAULT_SOLVE_BUDGET_MS;
  wholeIn(budget, 0, MAX_SOLVE_BUDGET_MS, 'timeBudgetMs');
  return budget;
}

/** Rules of site suggestions: who may ask, what is checked, which cells and facilities count. */
export class SiteService {
  private readonly coverage: CoverageService;
  private readonly cells: CoverageRepository;
  private readonly needs: NeedRepository;

  constructor(
    em: EntityManager,
    private readonly computation: Computation,
    private readonly principal: Principal,
  ) {
    this.coverage = new CoverageService(em, computation, principal);
    this.cells = new CoverageRepository(em);
    this.needs = new NeedRepository(em);
  }

  /** Checks the question and has the compute pool solve it. */
  async suggest(request: SiteRequest): Promise<SiteSuggestion> {
    if (!readsSmallAreas(this.principal)) {
      throw forbidden(
        `Suggested sites rest on small-area population and need PLANNER or ADMIN; this request is ${this.principal.role}`,
      );
    }
    const types = checkedTypes(request.types, 'types');
    const minutes = request.minutes ?? DEFAULT_COVERAGE_MINUTES;
    assertMinutes(minutes, 'minutes');
    wholeIn(request.count, 1, MAX_SITES, 'count');
    const capacityAware = request.capacityAware ?? false;
    const siteCapacity = capacityAware ? (request.siteCapacity ?? null) : null;
    if (capacityAware) {
      if (siteCapacity === null)
        throw badUserInput('capacityAware needs siteCapacity (places per new site)', 'siteCapacity');
      wholeIn(siteCapacity, 1, 100_000, 'siteCapacity');
    }
    const spacingMeters = request.spacingMeters ?? 200;
    if (!Number.isFinite(spacingMeters) || spacingMeters < 50 || spacingMeters > 2_000) {
      throw badUserInput('spacingMeters must be from 50 to 2000', 'spacingMeters');
    }
    const candidates = request.candidates ?? null;
    if (candidates) {
      if (candidates.length === 0 || candidates.length > MAX_CANDIDATES) {
        throw badUserInput(`candidates must hold 1 to ${MAX_CANDIDATES} points`, 'candidates');
      }
      candidates.forEach((point, index) => assertPoint(point, `candidates[${index}]`));
    }
    const timeBudgetMs = solveBudgetOf(request.timeBudgetMs);
    assertWalkingSpeedOnly(request.mode, request.speedMetersPerMinute);
    const profile = travelProfileOf(request.mode, request.speedMetersPerMinute);
    const weight = request.weight ?? null;
    if (weight !== null && !NEED_WEIGHTS.has(weight))
      throw badUserInput('weight is not a need weight', 'weight');
    const scope = await this.coverage.scope(request.regionCode);
    let people = scope.cells.map((cell) => cell.age60plus);
    let needIsSample = false;
    if (weight !== null) {
      const rows = await this.needs.under(request.regionCode);
      if (rows.length === 0) {
        throw badUserInput(
          `No needs-assessment data for the streets and communities of ${request.regionCode}: there is no need to weigh (an ADMIN imports it with importNeeds)`,
          'weight',
        );
      }
      const spread = spreadNeeds(scope, rows, weight);
      people = spread.perCell;
      needIsSample = spread.isSample;
    }
    const facilities = await this.cells.facilitiesOfTypes(types);
    const answer = await this.computation.run('suggestSites', {
      question: {
        cells: scope.cells.map(({ key, lng, lat, age60plus, age65plus, age80plus }) => ({
          key,
          lng,
          lat,
          age60plus,
          age65plus,
          age80plus,
        })),
        people,
        facilities: facilities.map(({ id, type, lng, lat, places }) => ({ id, type, lng, lat, places })),
        candidates: candidates ? candidates.map(({ lng, lat }) => ({ lng, lat })) : null,
        spacingMeters,
        limitMinutes: minutes,
        siteCapacity,
      },
      profile: { mode: profile.mode, speedMetersPerMinute: profile.speedMetersPerMinute },
      count: request.count,
      timeBudgetMs,
    });
    return {
      sites: answer.locations.map((location, index) => ({
        rank: index + 1,
        location: { type: 'Point', coordinates: [location.lng, location.lat] },
        newlyCovered: answer.newlyCovered[index],
        marginalGain: answer.marginalGains[index],
      })),
      totalNewlyCovered: answer.total,
      optimalityGap: answer.optimalityGap,
      upperBound: answer.upperBound,
      method: answer.method,
      solveMillis: answer.solveMillis,
      candidatesConsidered: answer.candidatesConsidered,
      candidatesOffNetwork: answer.candidatesOffNetwork,
      candidateRule: candidates ? 'Candidates given by the caller.' : CANDIDATE_RULE,
      allocationRule: capacityAware ? NEAREST_FIRST_RULE : null,
      uncoveredToday: answer.uncoveredToday,
      noNetworkAccess: answer.noNetworkAccess,
      types,
      minutes,
      mode: profile.mode,
      weight,
      demand: people.reduce((sum, count) => sum + count, 0),
      demandRule: weight === null ? DEMAND_RULE.older : DEMAND_RULE.need(weight),
      isSample: needIsSample || scope.cells.some((cell) => cell.isSample),
    };
  }
}
