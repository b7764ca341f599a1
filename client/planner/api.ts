import { ApiError } from '../api/graphql';
import type { Bounds } from '../domain';
import coverageQuery from '../../schema/operations/Coverage.graphql?raw';
import gapsQuery from '../../schema/operations/Gaps.graphql?raw';
import needCoverageQuery from '../../schema/operations/NeedCoverage.graphql?raw';
import districtsQuery from '../../schema/operations/PlannerDistricts.graphql?raw';
import scorecardQuery from '../../schema/operations/Scorecard.graphql?raw';
import serviceAreasQuery from '../../schema/operations/ServiceAreas.graphql?raw';
import scenarioOperations from '../../schema/operations/PlannerScenario.graphql?raw';
import suggestSitesQuery from '../../schema/operations/SuggestSites.graphql?raw';
import {
  facilityNamesQuery,
  GAP_PAGE_SIZE,
  NAMES_PER_REQUEST,
  pageWithinCost,
  SERVICE_AREA_PAGE_SIZE,
} from './queries';
import type { NeedWeight } from '../api/generated/graphql';
import { speedOf, type AnalysisSettings } from './settings';
import type {
  CoverageReport,
  District,
  FacilityName,
  Gap,
  IndicatorResult,
  NeedCoverageReport,
  Scenario,
  ScenarioChange,
  ServiceArea,
  SiteSuggestion,
} from './types';

async function request<Data>(
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
  signal?: AbortSignal,
  partial = false,
  operationName?: string,
): Promise<Data> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables, operationName }),
    signal,
  });
  const body = (await response.json()) as {
    data?: Data | null;
    errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  };
  if (partial && body.data) return body.data;
  if (body.errors?.length || !body.data) {
    const first = body.errors?.[0];
    throw new ApiError(
      first?.message ?? `HTTP ${response.status}`,
      first?.extensions?.code ?? null,
      first?.extensions,
    );
  }
  return body.data;
}

/** The districts of a city, with their boundaries. */
export async function fetchDistricts(cityCode: string, signal?: AbortSignal): Promise<District[]> {
  return (await request<{ regions: District[] }>(districtsQuery, { cityCode }, null, signal)).regions;
}

/** The scorecard of a region: one row per indicator and region, parents first. */
export async function fetchScorecard(
  regionCode: string,
  token: string | null,
  signal?: AbortSignal,
): Promise<IndicatorResult[]> {
  return (await request<{ indicators: IndicatorResult[] }>(scorecardQuery, { regionCode }, token, signal))
    .indicators;
}

/** Coverage of the region by the settings' facility types. */
export async function fetchCoverage(
  settings: AnalysisSettings,
  token: string | null,
  signal?: AbortSignal,
  scenario: string | null = null,
): Promise<CoverageReport> {
  const variables = { ...settings, speedMetersPerMinute: speedOf(settings), scenario };
  const data = await request<{ coverage: CoverageReport }>(coverageQuery, variables, token, signal);
  return data.coverage;
}

/** Every gap of the region (up to GAP_PAGE_SIZE), most older people first. PLANNER or ADMIN. */
export async function fetchGaps(
  settings: AnalysisSettings,
  token: string,
  signal?: AbortSignal,
  scenario: string | null = null,
): Promise<Gap[]> {
  const { regionCode, types, minutes, basket, mode } = settings;
  const variables = {
    regionCode,
    types,
    minutes,
    basket,
    speedMetersPerMinute: speedOf(settings),
    mode,
    first: GAP_PAGE_SIZE,
    scenario,
  };
  return (await request<{ gaps: Gap[] }>(gapsQuery, variables, token, signal)).gaps;
}

interface ServiceAreaNode extends FacilityName {
  serviceArea: { method: ServiceArea['method']; geometry: ServiceArea['geometry'] };
}

/**
 * The service areas of the settings' facility types inside `bounds`, by the settings' mode at its usual
 * speed (walking: 60 m/min). Areas the API does not store for that mode and limit are drawn on demand and
 * priced by reach: when it refuses the full page, a page as large as its cost limit allows is asked instead
 * (totalCount then says how many were left out).
 */
export async function fetchServiceAreas(
  settings: AnalysisSettings,
  bounds: Bounds,
  token: string | null,
  signal?: AbortSignal,
): Promise<{ areas: ServiceArea[]; totalCount: number }> {
  const filter = { types: settings.types, bbox: bounds };
  const ask = (first: number) =>
    request<{ facilities: { totalCount: number; edges: { node: ServiceAreaNode }[] } }>(
      serviceAreasQuery,
      { filter, minutes: settings.minutes, mode: settings.mode, first },
      token,
      signal,
    );
  let data;
  try {
    data = await ask(SERVICE_AREA_PAGE_SIZE);
  } catch (error) {
    const smaller =
      error instanceof ApiError && error.code === 'BAD_USER_INPUT'
        ? pageWithinCost(SERVICE_AREA_PAGE_SIZE, error.extensions)
        : null;
    if (smaller === null) throw error;
    data = await ask(smaller);
  }
  return {
    totalCount: data.facilities.totalCount,
    areas: data.facilities.edges.map(({ node: { serviceArea, ...facility } }) => ({
      ...facility,
      ...serviceArea,
    })),
  };
}

/** Names of facilities by id, in the order asked; ids the API does not know (or no longer shows) are left out. */
export async function fetchFacilityNames(
  ids: readonly string[],
  token: string | null,
  signal?: AbortSignal,
): Promise<FacilityName[]> {
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += NAMES_PER_REQUEST) {
    batches.push(ids.slice(start, start + NAMES_PER_REQUEST));
  }
  const answers = await Promise.all(
    batches.map((batch) =>
      request<Record<string, FacilityName | null>>(
        facilityNamesQuery(batch.length),
        Object.fromEntries(batch.map((id, i) => [`id${i}`, id])),
        token,
        signal,
        true,
      ).then((data) => batch.map((_, i) => data[`f${i}`] ?? null)),
    ),
  );
  return answers.flat().filter((facility): facility is FacilityName => facility !== null);
}

/** One scenario the signed-in planner may read (own or shared). */
export async function fetchScenario(id: string, token: string): Promise<Scenario> {
  return (
    await request<{ scenario: Scenario }>(scenarioOperations, { id }, token, undefined, false, 'Scenario')
  ).scenario;
}

/** A new, empty scenario owned by the signed-in planner. */
export async function createScenario(name: string, token: string): Promise<Scenario> {
  return (
    await request<{ createScenario: Scenario }>(
      scenarioOperations,
      { name },
      token,
      undefined,
      false,
      'CreateScenario',
    )
  ).createScenario;
}

type ChangeInput = Pick<ScenarioChange, 'kind'> & {
  type?: string;
  facilityId?: string;
  location?: { lng: number; lat: number };
  places?: number;
};

/** Adds a change (a hypothetical facility placed on the map). */
export async function addScenarioChange(
  scenario: Scenario,
  change: ChangeInput,
  token: string,
): Promise<Scenario> {
  const variables = { scenarioId: scenario.id, expectedVersion: scenario.version, change };
  return (
    await request<{ addScenarioChange: Scenario }>(
      scenarioOperations,
      variables,
      token,
      undefined,
      false,
      'AddScenarioChange',
    )
  ).addScenarioChange;
}

/** Replaces a change (a hypothetical facility dragged elsewhere). */
export async function replaceScenarioChange(
  scenario: Scenario,
  changeId: string,
  change: ChangeInput,
  token: string,
): Promise<Scenario> {
  const variables = { scenarioId: scenario.id, expectedVersion: scenario.version, changeId, change };
  return (
    await request<{ replaceScenarioChange: Scenario }>(
      scenarioOperations,
      variables,
      token,
      undefined,
      false,
      'ReplaceScenarioChange',
    )
  ).replaceScenarioChange;
}

/**
 * Where `count` new facilities of the settings' types would newly cover the most older people, or with a
 * weight the most people in need by that weight.
 */
export async function fetchSuggestedSites(
  settings: AnalysisSettings,
  count: number,
  token: string,
  weight: NeedWeight | null = null,
  signal?: AbortSignal,
): Promise<SiteSuggestion> {
  const { regionCode, types, minutes, mode } = settings;
  const speedMetersPerMinute = speedOf(settings);
  const variables = {
    regionCode,
    types,
    minutes,
    mode,
    speedMetersPerMinute,
    weight,
    count,
    timeBudgetMs: 3000,
  };
  return (await request<{ suggestSites: SiteSuggestion }>(suggestSitesQuery, variables, token, signal))
    .suggestSites;
}

/** People in need (by weight) within reach of the settings' types, per street and community with needs data. */
export async function fetchNeedCoverage(
  settings: AnalysisSettings,
  weight: NeedWeight,
  token: string,
  signal?: AbortSignal,
): Promise<NeedCoverageReport> {
  const { regionCode, types, minutes, mode } = settings;
  const variables = { regionCode, types, minutes, mode, speedMetersPerMinute: speedOf(settings), weight };
  return (await request<{ needCoverage: NeedCoverageReport }>(needCoverageQuery, variables, token, signal))
    .needCoverage;
}
