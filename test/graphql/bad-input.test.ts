import { beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer({ env: { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' } });

const FACILITIES = `query($filter: FacilityFilter, $first: Int, $after: String) {
  facilities(filter: $filter, first: $first, after: $after) { totalCount edges { node { id } } }
}`;

async function expectError(
  query: string,
  variables: Record<string, unknown>,
  code: string,
  messagePart: RegExp,
): Promise<void> {
  const result = await fixture.server.query(query, variables);
  expect(result.errors, JSON.stringify(result)).toBeDefined();
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe(code);
  expect(error.message).toMatch(messagePart);
  expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:\d+|select |SQL/i);
}

describe('bad input gets a clear error with a code, never a stack trace', () => {
  test.each([
    ['latitude out of range', { near: { point: { lng: 120.16, lat: 95 }, radiusMeters: 500 } }, /latitude/],
    ['longitude 500', { near: { point: { lng: 500, lat: 30.25 }, radiusMeters: 500 } }, /longitude/],
    ['NaN-like radius', { near: { point: { lng: 120.16, lat: 30.25 }, radiusMeters: -1 } }, /radiusMeters/],
    ['inverted bbox', { bbox: { west: 120.2, south: 30.2, east: 120.1, north: 30.3 } }, /inverted/],
    ['oversized bbox', { bbox: { west: 110, south: 20, east: 125, north: 35 } }, /larger than/],
    ['unknown region code', { regionCode: '999999' }, /Unknown region code/],
    ['malformed region code', { regionCode: 'shangcheng' }, /not a division code/],
    ['negative fee', { maxMonthlyFee: -5 }, /maxMonthlyFee/],
    ['overlong text', { text: '养'.repeat(101) }, /longer than/],
  ])('%s → BAD_USER_INPUT', async (_name, filter, message) => {
    await expectError(FACILITIES, { filter }, 'BAD_USER_INPUT', message);
  });

  test('first over the maximum → BAD_USER_INPUT', async () => {
    await expectError(FACILITIES, { first: 501 }, 'BAD_USER_INPUT', /"first" must be between 0 and 500/);
  });

  test('malformed cursor → BAD_USER_INPUT', async () => {
    await expectError(FACILITIES, { after: 'not-a-cursor' }, 'BAD_USER_INPUT', /not a cursor/);
  });

  test('unknown facility type in variables → BAD_USER_INPUT', async () => {
    await expectError(FACILITIES, { filter: { types: ['CASINO'] } }, 'BAD_USER_INPUT', /CASINO/);
  });

  test('unknown facility type written in the query → BAD_USER_INPUT', async () => {
    await expectError(
      '{ facilities(filter: { types: [CASINO] }) { totalCount } }',
      {},
      'BAD_USER_INPUT',
      /CASINO/,
    );
  });

  test('unknown region → NOT_FOUND; unknown facility → NOT_FOUND', async () => {
    await expectError('{ region(code: "330199") { name } }', {}, 'NOT_FOUND', /330199/);
    await expectError('{ facility(id: "99999999") { name } }', {}, 'NOT_FOUND', /99999999/);
  });

  test('the server keeps serving after all of that', async () => {
    const result = await fixture.server.query<{ region: { name: string } }>(
      '{ region(code: "330102") { name } }',
    );
    expect(result.data?.region.name).toBe('上城区');
  });
});

describe('ids are canonical decimals, dates are calendar dates, text has a cap', () => {
  let admin: Record<string, string>;
  let sql: SqlRunner;
  let facility: { id: string; version: number };
  let partnershipId: string;
  let consortiumId: string;

  beforeAll(async () => {
    sql = new SqlRunner(fixture.database.db.fork());
    const { token } = await new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET).issue({
      kind: 'API_KEY',
      role: 'ADMIN',
      subject: 'id tester',
    });
    admin = { authorization: `Bearer ${token}` };
    facility = (await sql.one<{ id: string; version: number }>(
      `select id::text as id, version from facility where total_beds > 10 and archived_at is null order by id limit 1`,
    ))!;
    partnershipId = (await sql.one<{ id: string }>(`select min(id)::text as id from medical_partnership`))!
      .id;
    consortiumId = (await sql.one<{ id: string }>(`select min(id)::text as id from consortium`))!.id;
  });

  const MUTATIONS: Record<string, { query: string; argument: string }> = {
    updateVacancy: {
      query:
        'mutation($id: ID!) { updateVacancy(facilityId: $id, vacantBeds: 1, expectedVersion: 1) { id } }',
      argument: 'facilityId',
    },
    updateFacility: {
      query:
        'mutation($id: ID!) { updateFacility(id: $id, input: { phone: "1" }, expectedVersion: 1) { id } }',
      argument: 'id',
    },
    archiveFacility: {
      query: 'mutation($id: ID!) { archiveFacility(id: $id, expectedVersion: 1) }',
      argument: 'id',
    },
    updatePartnership: {
      query: 'mutation($id: ID!) { updatePartnership(id: $id, input: { greenChannel: true }) { id } }',
      argument: 'id',
    },
    endConsortium: {
      query: 'mutation($id: ID!) { endConsortium(id: $id, endedOn: "2030-01-01") { id } }',
      argument: 'id',
    },
  };

  async function adminError(query: string, variables: Record<string, unknown>) {
    const result = await fixture.server.query(query, variables, admin);
    expect(result.errors, JSON.stringify(result)).toBeDefined();
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|select |SQL/i);
    return result.errors![0];
  }

  describe.each(Object.entries(MUTATIONS))('%s', (_name, { query, argument }) => {
    test.each(['abc', '0x16', ' 22', '22.0', '022', '1e1', '-1', '0', '2147483648', '9'.repeat(30)])(
      'a non-numeric id %j is BAD_USER_INPUT naming the argument, not INTERNAL_SERVER_ERROR',
      async (id) => {
        const error = await adminError(query, { id });
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      },
    );

    test('an unknown but well-formed id is NOT_FOUND', async () => {
      const error = await adminError(query, { id: '2147483647' });
      expect(error.extensions?.code).toBe('NOT_FOUND');
    });
  });

  test('updateVacancy(facilityId: "0x16") changes nothing; the canonical id is what the audit row stores and auditLog finds', async () => {
    const before = await sql.one(`select version, vacant_beds from facility where id = $1`, [
      Number(facility.id),
    ]);
    const hex = `0x${Number(facility.id).toString(16)}`;
    const refused = await adminError(
      'mutation($id: ID!, $v: Int!) { updateVacancy(facilityId: $id, vacantBeds: 2, expectedVersion: $v) { id } }',
      { id: hex, v: facility.version },
    );
    expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      await sql.one(`select version, vacant_beds from facility where id = $1`, [Number(facility.id)]),
    ).toEqual(before);
    const done = await fixture.server.query(
      'mutation($id: ID!, $v: Int!) { updateVacancy(facilityId: $id, vacantBeds: 2, expectedVersion: $v) { id } }',
      { id: facility.id, v: facility.version },
      admin,
    );
    expect(done.errors).toBeUndefined();
    const log = await fixture.server.query<{
      auditLog: { edges: { node: { action: string; entityId: string } }[] };
    }>(
      'query($id: ID!) { auditLog(entity: "facility", entityId: $id, first: 1) { edges { node { action entityId } } } }',
      { id: facility.id },
      admin,
    );
    expect(log.data!.auditLog.edges[0].node).toEqual({ action: 'UPDATE_VACANCY', entityId: facility.id });
    const hexLog = await adminError('query($id: ID!) { auditLog(entityId: $id) { totalCount } }', {
      id: hex,
    });
    expect(hexLog.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'entityId' });
  });

  test('facility(id: "0x16") and filter.ids with " 22" are BAD_USER_INPUT', async () => {
    await expectError('{ facility(id: "0x16") { name } }', {}, 'BAD_USER_INPUT', /is not an id/);
    await expectError(FACILITIES, { filter: { ids: [' 22'] } }, 'BAD_USER_INPUT', /filter\.ids/);
  });

  test('`source` of 4 MB is refused: every text input has a length cap', async () => {
    const create = `mutation($source: String!, $name: String!) { createFacility(input: {
      name: $name, type: MEAL_POINT, location: { lng: 120.17, lat: 30.25 }, source: $source }) { id } }`;
    const huge = await adminError(create, { source: 'x'.repeat(4 * 1024 * 1024), name: '长来源' });
    expect(huge.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'source' });
    const longName = await adminError(create, { source: 'survey', name: '养'.repeat(201) });
    expect(longName.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'name' });
    const pairing = await adminError(
      `mutation($id: ID!) { updateConsortium(id: $id, input: { name: "${'联'.repeat(201)}" }) { id } }`,
      { id: consortiumId },
    );
    expect(pairing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'name' });
  });

  test('verifiedOn 0000-01-01 or tomorrow, signedOn 1899-12-31: BAD_USER_INPUT naming the field', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    for (const date of ['0000-01-01', '1899-12-31', tomorrow]) {
      const error = await adminError(
        'mutation($id: ID!, $v: Int!, $d: Date!) { updateFacility(id: $id, input: { verifiedOn: $d }, expectedVersion: $v) { id } }',
        { id: facility.id, v: 999, d: date },
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'verifiedOn' });
    }
    const signed = await adminError(
      'mutation($id: ID!) { updatePartnership(id: $id, input: { signedOn: "1899-12-31" }) { id } }',
      { id: partnershipId },
    );
    expect(signed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'signedOn' });
  });
});
