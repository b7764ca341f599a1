import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AuditRepository } from '../../server/audit/audit.repository';
import { TokenService } from '../../server/auth/token.service';
import { loadConfig } from '../../server/config';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';

let database: TestDatabase;
let server: TestServer;
let sql: SqlRunner;
let own: { id: string; version: number };
let other: { id: string; version: number };
const auth: Record<string, Record<string, string>> = { PUBLIC: {} };

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  database = await openTestDatabase({ seeded: true });
  server = await startTestServer(database.db, { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' });
  sql = new SqlRunner(database.db.fork());
  const homes = await sql.all<{ id: string; version: number }>(
    `select id::text as id, version from facility where type = 'NURSING_HOME' and total_beds > 10 order by id limit 2`,
  );
  [own, other] = homes;
  const tokens = new TokenService(database.db.fork(), TEST_JWT_SECRET);
  auth.OPERATOR = bearer(
    (await tokens.issue({ kind: 'JWT', role: 'OPERATOR', subject: '王护士长', facilityIds: [own.id] })).token,
  );
  auth.PLANNER = bearer(
    (await tokens.issue({ kind: 'JWT', role: 'PLANNER', subject: '民政局规划科' })).token,
  );
  auth.ADMIN = bearer(
    (await tokens.issue({ kind: 'API_KEY', role: 'ADMIN', subject: '浙里养 system' })).token,
  );
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

async function facilityRow(id: string) {
  return sql.one<Record<string, unknown>>(
    `select version, vacant_beds, fee_min_monthly, name, archived_at from facility where id = $1`,
    [Number(id)],
  );
}

const MUTATIONS: Record<
  string,
  (target: { id: string; version: number }) => [string, Record<string, unknown>]
> = {
  updateVacancy: (t) => [
    'mutation($id: ID!, $v: Int!) { updateVacancy(facilityId: $id, vacantBeds: 1, expectedVersion: $v) { version } }',
    { id: t.id, v: t.version },
  ],
  updateFees: (t) => [
    'mutation($id: ID!, $v: Int!) { updateFacility(id: $id, expectedVersion: $v, input: { feeMinMonthly: 1000 }) { version } }',
    { id: t.id, v: t.version },
  ],
  rename: (t) => [
    'mutation($id: ID!, $v: Int!) { updateFacility(id: $id, expectedVersion: $v, input: { name: "改名测试" }) { version } }',
    { id: t.id, v: t.version },
  ],
  archive: (t) => [
    'mutation($id: ID!, $v: Int!) { archiveFacility(id: $id, expectedVersion: $v) }',
    { id: t.id, v: t.version },
  ],
};

/** Which caller may do what: OPERATOR_OTHER is an operator touching another institution's facility. */
const ALLOWED: Record<string, string[]> = {
  updateVacancy: ['OPERATOR_OWN', 'ADMIN'],
  updateFees: ['OPERATOR_OWN', 'ADMIN'],
  rename: ['ADMIN'],
  archive: ['ADMIN'],
};

describe('each role against each mutation: allowed ones succeed, the rest get FORBIDDEN and change nothing', () => {
  const callers = ['PUBLIC', 'OPERATOR_OWN', 'OPERATOR_OTHER', 'PLANNER', 'ADMIN'];
  for (const mutation of Object.keys(MUTATIONS)) {
    for (const caller of callers) {
      const allowed = ALLOWED[mutation].includes(caller);
      test(`${mutation} by ${caller} → ${allowed ? 'allowed' : 'FORBIDDEN'}`, async () => {
        const target = caller === 'OPERATOR_OTHER' ? other : own;
        const fresh = (await facilityRow(target.id))!;
        const [query, variables] = MUTATIONS[mutation]({ id: target.id, version: fresh.version as number });
        const headers = auth[caller.startsWith('OPERATOR') ? 'OPERATOR' : caller];
        const result = await server.query(query, variables, headers);
        const after = await facilityRow(target.id);
        if (allowed) {
          expect(result.errors).toBeUndefined();
          expect(after!.version).toBe((fresh.version as number) + 1);
          if (mutation === 'archive') {
            await sql.run(`update facility set archived_at = null where id = $1`, [Number(target.id)]);
          }
        } else {
          expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
          expect(after).toEqual(fresh);
        }
      });
    }
  }

  test('createFacility: ADMIN only', async () => {
    const query = `mutation { createFacility(input: { name: "新建康养驿站", type: COMMUNITY_CARE_STATION,
      location: { lng: 120.17, lat: 30.26 }, source: "测试" }) { id name regionCode isSample } }`;
    for (const caller of ['PUBLIC', 'OPERATOR', 'PLANNER']) {
      const result = await server.query(query, {}, auth[caller]);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const created = await server.query<{
      createFacility: { name: string; regionCode: string; isSample: boolean };
    }>(query, {}, auth.ADMIN);
    expect(created.data?.createFacility).toMatchObject({
      name: '新建康养驿站',
      regionCode: '330105',
      isSample: false,
    });
  });

  test('the audit log is for PLANNER and ADMIN only, and records who changed what', async () => {
    const query = `{ auditLog(entity: "facility", entityId: "${own.id}", first: 50) {
      totalCount edges { node { actor role action oldValues newValues } } } }`;
    for (const caller of ['PUBLIC', 'OPERATOR']) {
      expect((await server.query(query, {}, auth[caller])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const log = await server.query<{
      auditLog: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(query, {}, auth.PLANNER);
    expect(log.errors).toBeUndefined();
    const actions = log.data!.auditLog.edges.map((e) => e.node);
    expect(actions).toContainEqual(
      expect.objectContaining({
        actor: '王护士长',
        role: 'OPERATOR',
        action: 'UPDATE_VACANCY',
        newValues: { vacantBeds: 1 },
      }),
    );
  });
});

describe('auditLog order', () => {
  test('auditLog lists newest first across 99 → 100 (it sorted the ids as text)', async () => {
    const max = (await sql.one<{ n: number }>(`select coalesce(max(id), 0)::int as n from audit_log`))!.n;
    const nextPowerOfTen = 10 ** String(max + 2).length;
    await sql.run(`select setval('audit_log_id_seq', $1)`, [nextPowerOfTen - 2]);
    const audit = new AuditRepository(database.db.fork());
    const principal = { role: 'ADMIN' as const, subject: 'order test', facilityIds: [], tokenId: null };
    for (const step of ['first', 'second', 'third']) {
      await audit.record(principal, {
        action: step,
        entity: 'order_test',
        entityId: '1',
        oldValues: null,
        newValues: null,
      });
    }
    const log = await server.query<{ auditLog: { edges: { node: { id: string; action: string } }[] } }>(
      '{ auditLog(entity: "order_test") { edges { node { id action } } } }',
      {},
      auth.ADMIN,
    );
    expect(log.data!.auditLog.edges.map((e) => e.node.action)).toEqual(['third', 'second', 'first']);
    // setval(n) makes the next id n + 1: the three rows straddle the power of ten.
    expect(log.data!.auditLog.edges.map((e) => Number(e.node.id))).toEqual([
      nextPowerOfTen + 1,
      nextPowerOfTen,
      nextPowerOfTen - 1,
    ]);
  });
});

describe('indicatorTargets.updatedBy', () => {
  test("indicatorTargets.updatedBy shows an admin's name to the public no more: null for PUBLIC and OPERATOR, the name for PLANNER and ADMIN", async () => {
    const set = await server.query(
      'mutation { setIndicatorTarget(code: NURSING_BED_SHARE, target: 60) { updatedBy } }',
      {},
      auth.ADMIN,
    );
    expect(set.errors).toBeUndefined();
    const read = async (caller: string) => {
      const result = await server.query<{ indicatorTargets: { code: string; updatedBy: string | null }[] }>(
        '{ indicatorTargets { code updatedBy } }',
        {},
        auth[caller],
      );
      expect(result.errors).toBeUndefined();
      return result.data!.indicatorTargets.find((t) => t.code === 'NURSING_BED_SHARE')!.updatedBy;
    };
    expect(await read('PUBLIC')).toBeNull();
    expect(await read('OPERATOR')).toBeNull();
    expect(await read('PLANNER')).toBe('浙里养 system');
    expect(await read('ADMIN')).toBe('浙里养 system');
  });
});

describe('tokens', () => {
  test('a malformed, unknown or revoked token is UNAUTHENTICATED, never silently public', async () => {
    const query = '{ facilities(first: 1) { totalCount } }';
    expect((await server.query(query, {}, { authorization: 'Token abc' })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await server.query(query, {}, bearer('eyJhbGciOiJIUzI1NiJ9.e30.x'))).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const tokens = new TokenService(database.db.fork(), TEST_JWT_SECRET);
    const issued = await tokens.issue({ kind: 'API_KEY', role: 'PLANNER', subject: 'revoked system' });
    expect((await server.query(query, {}, bearer(issued.token))).errors).toBeUndefined();
    await tokens.revoke(issued.id);
    const revoked = await server.query(query, {}, bearer(issued.token));
    expect(revoked.errors?.[0]).toMatchObject({ message: 'This token has been revoked' });
  });

  test('a token signed with another secret is rejected', async () => {
    const foreign = new TokenService(database.db.fork(), 'another-secret-another-secret-123456');
    const { token } = await foreign.issue({ kind: 'JWT', role: 'ADMIN', subject: 'intruder' });
    const result = await server.query('{ facilities(first: 1) { totalCount } }', {}, bearer(token));
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('production refuses to start without a secret of its own', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CAREMAP_JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', CAREMAP_JWT_SECRET: 'short-secret' })).toThrow(
      /at least 32/,
    );
    expect(loadConfig({ NODE_ENV: 'production', CAREMAP_JWT_SECRET: 'x'.repeat(40) }).jwtSecret).toHaveLength(
      40,
    );
  });
});

describe('vacancy updates', () => {
  const UPDATE = `mutation($id: ID!, $n: Int!, $v: Int!) {
    updateVacancy(facilityId: $id, vacantBeds: $n, expectedVersion: $v) { vacantBeds version vacancyUpdatedAt } }`;

  test('more vacant beds than beds, or a negative count → BAD_USER_INPUT, nothing changed', async () => {
    const before = (await facilityRow(own.id))!;
    for (const n of [100_000, -1]) {
      const result = await server.query(UPDATE, { id: own.id, n, v: before.version }, auth.ADMIN);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await facilityRow(own.id)).toEqual(before);
  });

  test('a stale expectedVersion → CONFLICT with the current version, nothing changed', async () => {
    const before = (await facilityRow(own.id))!;
    const result = await server.query(
      UPDATE,
      { id: own.id, n: 0, v: (before.version as number) - 1 },
      auth.ADMIN,
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: before.version });
    expect(await facilityRow(own.id)).toEqual(before);
  });

  test('50 concurrent writers: no lost update, the final state is one serial order, every rejected call is told', async () => {
    const start = (await facilityRow(own.id))!;
    const writers = Array.from({ length: 50 }, (_, i) => i);
    const outcomes = await Promise.all(
      writers.map(async (i) => {
        const result = await server.query(UPDATE, { id: own.id, n: i % 5, v: start.version }, auth.OPERATOR);
        return result.errors ? (result.errors[0].extensions?.code as string) : 'OK';
      }),
    );
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(49);

    const retried = await Promise.all(
      writers.map(async (i) => {
        for (let attempt = 0; attempt < 200; attempt++) {
          const { version } = (await facilityRow(own.id)) as { version: number };
          const result = await server.query<{ updateVacancy: { version: number } }>(
            UPDATE,
            { id: own.id, n: i % 7, v: version },
            auth.OPERATOR,
          );
          if (!result.errors) return result.data!.updateVacancy.version;
          expect(result.errors[0].extensions?.code).toBe('CONFLICT');
        }
        throw new Error('writer never got through');
      }),
    );
    const versions = [...retried].sort((a, b) => a - b);
    const first = (start.version as number) + 2;
    expect(versions).toEqual(writers.map((i) => first + i));
    const log = await sql.all<{ n: number; version: number }>(
      `select (new_values->>'vacantBeds')::int as n from audit_log
       where entity = 'facility' and entity_id = $1 and action = 'UPDATE_VACANCY' order by id desc limit 1`,
      [own.id],
    );
    expect((await facilityRow(own.id))!.vacant_beds).toBe(log[0].n);
  });
});

describe('viewer', () => {
  test('says who the server takes the caller to be', async () => {
    const query = '{ viewer { role subject facilityIds } }';
    expect((await server.query(query)).data).toEqual({
      viewer: { role: 'PUBLIC', subject: 'public', facilityIds: [] },
    });
    expect((await server.query(query, {}, auth.OPERATOR)).data).toEqual({
      viewer: { role: 'OPERATOR', subject: '王护士长', facilityIds: [own.id] },
    });
  });
});
