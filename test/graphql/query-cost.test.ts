import { readdirSync, readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLOutputType,
} from 'graphql';
import { describe, expect, test } from 'vitest';
import { checkQueryLimits, LIST_SIZES, QUERY_LIMITS, queryCost } from '../../server/graphql/limits';
import { STORED_SERVICE_AREA_MODES, storedMinutes } from '../../server/kernel/stored-service-areas';
import { useTestServer } from '../support/test-server';

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  queryCost(schema, parse(query), variables);
const fixture = useTestServer({ env: { CAREMAP_RATE_LIMIT_PER_MINUTE: '1000' } });

const isList = (type: GraphQLOutputType) => isListType(isNonNullType(type) ? type.ofType : type);

describe('query cost is schema-aware', () => {
  test('lists without first are priced as one item: partners count as their declared maximum', () => {
    const one = cost('{ facility(id: "14") { id } }');
    const withPartners = cost('{ facility(id: "14") { id partners { id } } }');
    expect(withPartners - one).toBe(1 + LIST_SIZES['Facility.partners']);
  });

  test('one 73-byte public query freezes the server: nested lists multiply', () => {
    const levels = (n: number) => `{ facility(id: "14") { ${'partners { '.repeat(n)}id${' }'.repeat(n)} } }`;
    expect(cost(levels(2))).toBeGreaterThan(cost(levels(1)) * (LIST_SIZES['Facility.partners'] - 1));
    expect(cost(levels(5))).toBeGreaterThan(QUERY_LIMITS.maxCost);
    expect(() => checkQueryLimits(schema, parse(levels(5)))).toThrow(/would cost/);
    expect(() => checkQueryLimits(schema, parse(levels(2)))).not.toThrow();
  });

  test('a page costs its first: 500 facilities cost about 500 times one', () => {
    const page = (first: number) => cost(`{ facilities(first: ${first}) { edges { node { id name } } } }`);
    expect(page(500)).toBeGreaterThan(page(1) * 400);
    expect(cost('query($n: Int) { facilities(first: $n) { edges { node { id } } } }', { n: 200 })).toBe(
      cost('{ facilities(first: 200) { edges { node { id } } } }'),
    );
  });

  test('expensive fields carry their own cost, growing with reach', () => {
    const isochrone = (minutes: string, speed: number) =>
      cost(
        `{ isochrone(point: { lng: 120.17, lat: 30.27 }, minutes: ${minutes}, speedMetersPerMinute: ${speed}) { minutes } }`,
      );
    expect(isochrone('[15]', 60)).toBeGreaterThan(cost('{ facility(id: "1") { id } }') * 10);
    expect(isochrone('[6, 12, 18, 24, 30, 36, 42, 48, 54, 60]', 150)).toBeGreaterThan(
      isochrone('[5, 10, 15]', 60) * 50,
    );
    const areas = (minutes: number) =>
      cost(`{ facilities(first: 500) { edges { node { serviceArea(minutes: ${minutes}) { geometry } } } } }`);
    expect(areas(47)).toBeGreaterThan(QUERY_LIMITS.maxCost);
    expect(areas(15)).toBeLessThan(QUERY_LIMITS.maxCost);
  });

  test('serviceArea is cheap at a stored mode and limit (STORED_SERVICE_AREAS), priced by the reach of its mode elsewhere', () => {
    const areas = (minutes: number, mode?: string) =>
      cost(
        `{ facilities(first: 500) { edges { node { serviceArea(minutes: ${minutes}${mode ? `, mode: ${mode}` : ''}) { geometry } } } } }`,
      );
    const walk15 = areas(15, 'WALK');
    expect(areas(15)).toBe(walk15);
    for (const mode of STORED_SERVICE_AREA_MODES) {
      for (const minutes of storedMinutes(mode))
        expect(areas(minutes, mode), `${mode} ${minutes}`).toBe(walk15);
    }
    // Unstored: a search per facility, wider the faster the mode.
    expect(areas(16, 'WALK')).toBeGreaterThan(walk15);
    expect(areas(15, 'DRIVE')).toBeGreaterThan(QUERY_LIMITS.maxCost);
    expect(areas(15, 'BICYCLE')).toBeGreaterThan(areas(16, 'WALK'));
    expect(areas(20, 'WALK')).toBeLessThan(QUERY_LIMITS.maxCost);
    const one = (minutes: number, mode: string) =>
      cost(`{ facility(id: "1") { serviceArea(minutes: ${minutes}, mode: ${mode}) { geometry } } }`);
    expect(one(15, 'DRIVE')).toBeGreaterThan(one(15, 'EBIKE'));
    expect(one(15, 'EBIKE')).toBeGreaterThan(one(15, 'BICYCLE'));
    expect(one(15, 'BICYCLE')).toBeGreaterThan(one(16, 'WALK'));
    expect(one(10, 'ELDERLY_WALK')).toBeGreaterThan(one(15, 'ELDERLY_WALK'));
    // A mode given as a variable is priced as the same mode written in the query.
    expect(
      cost(
        'query($mode: TravelMode!) { facility(id: "1") { serviceArea(minutes: 15, mode: $mode) { geometry } } }',
        {
          mode: 'DRIVE',
        },
      ),
    ).toBe(one(15, 'DRIVE'));
  });

  test('suggestSites is priced by the reach of its mode, as coverage and gaps are; a need weight adds no search', () => {
    const suggest = (args: string) =>
      cost(
        `{ suggestSites(regionCode: "330102", types: [NURSING_HOME], count: 3${args}) { totalNewlyCovered } }`,
      );
    expect(suggest(', mode: DRIVE')).toBeGreaterThan(suggest(', mode: WALK'));
    expect(suggest(', mode: DRIVE')).toBe(
      cost(`{ gaps(regionCode: "330102", types: [NURSING_HOME], mode: DRIVE) { id } }`) -
        cost(`{ gaps(regionCode: "330102", types: [NURSING_HOME], mode: WALK) { id } }`) +
        suggest(', mode: WALK'),
    );
    expect(suggest(', mode: DRIVE, weight: DISABLED')).toBe(suggest(', mode: DRIVE'));
    expect(suggest('')).toBe(suggest(', mode: WALK'));
    expect(suggest(', mode: DRIVE, minutes: 60')).toBeLessThan(QUERY_LIMITS.maxCost);
  });

  test('every list of objects has a size: a first argument or a declared maximum', () => {
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        if (!isList(field.type) || !isCompositeType(getNamedType(field.type))) continue;
        if (field.args.some((arg) => arg.name === 'first') || key in LIST_SIZES) continue;
        undeclared.push(key);
      }
    }
    expect(undeclared).toEqual([]);
  });

  const variables = {
    id: '1',
    first: 500,
    point: { lng: 120.17, lat: 30.27 },
    speed: 60,
    filter: {},
    regionCode: '330102',
    cityCode: '330100',
    types: ['COMMUNITY_CARE_STATION'],
    minutes: 20,
    mode: 'WALK',
    weight: 'DISABLED',
    speedMetersPerMinute: 150,
    text: '延安路',
    from: { lng: 120.17, lat: 30.27 },
    to: { lng: 120.16, lat: 30.28 },
    name: 'scenario',
    scenarioId: '1',
    changeId: '1',
    expectedVersion: 1,
    change: {
      kind: 'ADD',
      type: 'COMMUNITY_CARE_STATION',
      location: { lng: 120.17, lat: 30.27 },
      places: 30,
    },
    count: 10,
  };
  const operations = ['schema/operations'].flatMap((folder) =>
    readdirSync(folder)
      .filter((file) => file.endsWith('.graphql'))
      .map((file) => `${folder}/${file}`),
  );
  test.each(operations)("the client's operation %s is within the limits at its largest page", (file) => {
    expect(() => checkQueryLimits(schema, parse(readFileSync(file, 'utf8')), variables)).not.toThrow();
  });
});

describe('the server refuses over-cost queries before running them', () => {
  const post = async (query: string) => {
    const res = await fetch(`${fixture.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { data?: unknown; errors?: { extensions: object }[] },
    };
  };

  test('a query that passed is priced again with other variables: a remembered pass never lets a larger one through', async () => {
    const query = `query($minutes: Int!) { facilities(first: 500) { edges { node { serviceArea(minutes: $minutes) { minutes } } } } }`;
    const send = (minutes: number) =>
      fetch(`${fixture.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { minutes } }),
      });
    expect((await send(15)).status).toBe(200);
    expect((await send(15)).status).toBe(200);
    const refused = await send(47);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
      /would cost/,
    );
  });

  test('30 aliases of the largest isochrone are refused with 400', async () => {
    const isochrone =
      'isochrone(point: { lng: 120.17, lat: 30.27 }, minutes: [6, 12, 18, 24, 30, 36, 42, 48, 54, 60], speedMetersPerMinute: 150) { minutes }';
    const { status, body } = await post(
      `{ ${Array.from({ length: 30 }, (_, i) => `i${i}: ${isochrone}`).join(' ')} }`,
    );
    expect(status).toBe(400);
    expect(body).not.toHaveProperty('data');
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('serviceArea at unstored minutes on 500 facilities is refused with 400; stored minutes are served', async () => {
    const areas = (minutes: number) =>
      `{ facilities(first: 500) { edges { node { id serviceArea(minutes: ${minutes}) { method } } } } }`;
    const refused = await post(areas(47));
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const served = await post(areas(15));
    expect(served.status).toBe(200);
    expect(served.body.errors).toBeUndefined();
  });

  test('serviceArea by car on 500 facilities: refused at 15 minutes, with the cost in figures; served at the stored 20', async () => {
    const areas = (minutes: number) =>
      `{ facilities(first: 500) { edges { node { id serviceArea(minutes: ${minutes}, mode: DRIVE) { method } } } } }`;
    const refused = await post(areas(15));
    expect(refused.status).toBe(400);
    const { extensions } = refused.body.errors![0] as { extensions: Record<string, unknown> };
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxCost: QUERY_LIMITS.maxCost });
    expect(extensions.cost).toBe(Math.round(cost(areas(15))));
    expect(extensions).not.toHaveProperty('http');
    const served = await post(areas(20));
    expect(served.status).toBe(200);
    expect(served.body.errors).toBeUndefined();
  });

  test('a nested partners query within the limit still runs', async () => {
    const { status, body } = await post(
      '{ facilities(first: 5) { edges { node { id partners { id partners { id } } } } } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
