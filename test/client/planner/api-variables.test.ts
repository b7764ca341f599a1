/// <reference types="vite/client" />
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  type OperationDefinitionNode,
} from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../client/api/graphql';
import { fetchServiceAreas, fetchSuggestedSites } from '../../../client/planner/api';
import { pageWithinCost, SERVICE_AREA_PAGE_SIZE } from '../../../client/planner/queries';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../client/planner/settings';
import { checkQueryLimits } from '../../../server/graphql/limits';

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const BOUNDS = { west: 120.1, south: 30.2, east: 120.2, north: 30.3 };

interface SentRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** Answers the page's requests in turn with these bodies (no network), and keeps what was sent. */
function answering(...bodies: unknown[]): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      sent.push(JSON.parse(init.body) as SentRequest);
      const body = bodies[sent.length - 1];
      return { status: 200, json: async () => body };
    }),
  );
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The request's variables as the schema reads them for its operation: none missing, none of the wrong type. */
function expectFitsItsOperation(request: SentRequest) {
  const document = parse(request.query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
  expect(
    coerced.errors?.map((error) => error.message),
    coerced.errors?.map((error) => String(error)).join('; '),
  ).toBeUndefined();
  expect(() => checkQueryLimits(schema, document, request.variables)).not.toThrow();
}

/** The API's refusal of a request over the cost limit, as the server words it. */
function refusalOf(request: SentRequest) {
  try {
    checkQueryLimits(schema, parse(request.query), request.variables);
  } catch (error) {
    const { http: _http, ...extensions } = (error as GraphQLError).extensions;
    return { errors: [{ message: (error as GraphQLError).message, extensions }] };
  }
  throw new Error('The request was within the limits');
}

const NO_AREAS = { data: { facilities: { totalCount: 0, edges: [] } } };
const byCar: AnalysisSettings = { ...DEFAULT_SETTINGS, mode: 'DRIVE', minutes: 20 };

describe('the planner’s service-area request', () => {
  it('asks for the areas by the page’s mode (it always asked for walking ones)', async () => {
    const sent = answering(NO_AREAS);
    await fetchServiceAreas(byCar, BOUNDS, 'token');
    expect(sent).toHaveLength(1);
    expect(sent[0].variables).toEqual({
      filter: { types: byCar.types, bbox: BOUNDS },
      minutes: 20,
      mode: 'DRIVE',
      first: SERVICE_AREA_PAGE_SIZE,
    });
    expectFitsItsOperation(sent[0]);
  });

  it.each([
    ['DRIVE', 15],
    ['BICYCLE', 30],
    ['EBIKE', 60],
    ['DRIVE', 60],
    ['WALK', 60],
  ] as const)(
    'asks %s %i-minute areas (not stored, priced by reach) again on a page the cost limit allows',
    async (mode, minutes) => {
      const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, mode, minutes };
      const probe = answering(NO_AREAS);
      await fetchServiceAreas(settings, BOUNDS, 'token');
      const refusal = refusalOf(probe[0]);

      const area = { method: 'NETWORK', geometry: { type: 'MultiPolygon', coordinates: [] } };
      const node = { id: '1', name: '站', nameEn: null, type: 'COMMUNITY_CARE_STATION', isSample: true };
      const sent = answering(refusal, {
        data: { facilities: { totalCount: 700, edges: [{ node: { ...node, serviceArea: area } }] } },
      });
      const answer = await fetchServiceAreas(settings, BOUNDS, 'token');
      expect(sent).toHaveLength(2);
      const smaller = pageWithinCost(SERVICE_AREA_PAGE_SIZE, refusal.errors[0].extensions);
      expect(smaller).toBeGreaterThanOrEqual(1);
      expect(sent[1].variables).toEqual({ ...sent[0].variables, first: smaller });
      expectFitsItsOperation(sent[1]);
      expect(answer).toEqual({ totalCount: 700, areas: [{ ...node, ...area }] });
    },
  );

  it('passes on a refusal that is not about cost, without asking again', async () => {
    const sent = answering({ errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] });
    const refused = await fetchServiceAreas(byCar, BOUNDS, null).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ message: 'Sign in', code: 'UNAUTHENTICATED' });
    expect(sent).toHaveLength(1);
    expect(pageWithinCost(500, { code: 'BAD_USER_INPUT' })).toBeNull();
    expect(pageWithinCost(500, { cost: 90_000, maxCost: 100_000 })).toBeNull();
    expect(pageWithinCost(1, { cost: 300_000, maxCost: 100_000 })).toBeNull();
  });
});

describe('the planner’s suggested-sites request', () => {
  const suggestion = {
    data: {
      suggestSites: {
        sites: [],
        totalNewlyCovered: 0,
        optimalityGap: 0,
        method: 'EXACT',
        candidatesConsidered: 0,
        uncoveredToday: 0,
        noNetworkAccess: 0,
        mode: 'DRIVE',
        weight: 'DEMENTIA',
      },
    },
  };

  it('weighs the need chosen in 需求加权覆盖 (it always counted older people), by the page’s mode', async () => {
    const sent = answering(suggestion);
    const answer = await fetchSuggestedSites(byCar, 3, 'token', 'DEMENTIA');
    expect(sent[0].variables).toMatchObject({
      regionCode: byCar.regionCode,
      types: byCar.types,
      minutes: 20,
      mode: 'DRIVE',
      weight: 'DEMENTIA',
      speedMetersPerMinute: null,
      count: 3,
    });
    expectFitsItsOperation(sent[0]);
    expect(answer.weight).toBe('DEMENTIA');
  });

  it('counts older people when no need is chosen; the walking speed goes with WALK only', async () => {
    const sent = answering(suggestion);
    await fetchSuggestedSites({ ...DEFAULT_SETTINGS, speedMetersPerMinute: 48 }, 3, 'token');
    expect(sent[0].variables).toMatchObject({ mode: 'WALK', weight: null, speedMetersPerMinute: 48 });
    expectFitsItsOperation(sent[0]);
  });
});
