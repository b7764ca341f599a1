import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database';
import { startTestServer } from '../support/graphql';

/** Restarting the server's PostgreSQL needs that server to be this machine's own cluster (CI's is). */
const canRestart = process.env.CAREMAP_TEST_RESTART_POSTGRES === '1';

let database: TestDatabase;
let adminToken: string;

const snapshot = (sql: SqlRunner) =>
  sql.all(
    `select (select count(*)::int from facility) as facilities, (select count(*)::int from audit_log) as audits,
       (select coalesce(sum(version), 0)::int from facility) as versions`,
  );

describe.skipIf(!TEST_DATABASE_URL)('reliability on PostgreSQL', () => {
  beforeAll(async () => {
    database = await openTestDatabase({ seeded: true });
    adminToken = (
      await new TokenService(database.db.fork(), TEST_JWT_SECRET).issue({
        kind: 'JWT',
        role: 'ADMIN',
        subject: 'reliability',
      })
    ).token;
  });
  afterAll(() => database?.dispose());

  test('an import interrupted by killing the server process leaves the database exactly as before', async () => {
    const sql = new SqlRunner(database.db.fork());
    const before = await snapshot(sql);
    const port = 42_000 + Math.floor(Math.random() * 2000);
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url!,
        CAREMAP_JWT_SECRET: TEST_JWT_SECRET,
        PORT: String(port),
        HOST: '127.0.0.1',
        CAREMAP_RATE_LIMIT_PER_MINUTE: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    try {
      await waitFor(
        () => output.includes(`localhost:${port}`),
        120_000,
        () => output,
      );
      const rows = Array.from(
        { length: 15_000 },
        (_, i) =>
          `kill:${i},中断测试${i},MEAL_POINT,${(120.16 + (i % 100) * 0.0002).toFixed(5)},${(30.25 + Math.floor(i / 100) * 0.0001).toFixed(5)}`,
      );
      const content = ['source_key,name,type,lng,lat', ...rows].join('\n');
      const request = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({
          query: `mutation($c: String!) { importFacilities(file: { name: "big.csv", content: $c }, format: CSV, dryRun: false) { written } }`,
          variables: { c: content },
        }),
      }).catch((error: unknown) => error);
      const monitor = new pg.Client({ connectionString: database.url! });
      await monitor.connect();
      try {
        await waitFor(
          async () => {
            const { rows: active } = await monitor.query(
              `select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                 and state in ('active', 'idle in transaction') and query ilike '%facility%'`,
            );
            return active.length > 0;
          },
          60_000,
          () => 'the import never reached the database',
        );
        child.kill('SIGKILL');
        expect(await request).toBeInstanceOf(Error);
        await waitFor(
          async () =>
            (
              await monitor.query(
                `select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
              )
            ).rows.length === 0,
          30_000,
          () => 'the killed server’s connections never closed',
        );
      } finally {
        await monitor.end();
      }
      expect(await snapshot(sql)).toEqual(before);
    } finally {
      child.kill('SIGKILL');
    }
  });

  test.skipIf(!canRestart)(
    'PostgreSQL restarted under reads and writes: the server recovers by itself, no acknowledged write is lost',
    async () => {
      const server = await startTestServer(database.db, { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' });
      const sql = new SqlRunner(database.db.fork());
      const facility = (await sql.one<{ id: string }>(
        `select id::text as id from facility where total_beds > 10 order by id limit 1`,
      ))!;
      const headers = { authorization: `Bearer ${adminToken}` };
      const acknowledged: { version: number; vacantBeds: number }[] = [];
      let failures = 0;
      let stop = false;
      const writer = (async () => {
        for (let i = 0; !stop; i++) {
          const read = await server.query<{ facility: { version: number } }>(
            `{ facility(id: "${facility.id}") { version } }`,
          );
          if (!read.data?.facility) {
            failures++;
            await new Promise((r) => setTimeout(r, 50));
            continue;
          }
          const result = await server.query<{ updateVacancy: { version: number; vacantBeds: number } }>(
            `mutation($v: Int!, $n: Int!) { updateVacancy(facilityId: "${facility.id}", vacantBeds: $n, expectedVersion: $v) { version vacantBeds } }`,
            { v: read.data.facility.version, n: i % 5 },
            headers,
          );
          if (result.data?.updateVacancy) acknowledged.push(result.data.updateVacancy);
          else failures++;
        }
      })();
      const startedAt = async () =>
        (await sql.one<{ t: string }>(`select pg_postmaster_start_time()::text as t`).catch(() => null))?.t;
      const before = await startedAt();
      await new Promise((r) => setTimeout(r, 1000));
      const cluster = readdirSync('/etc/postgresql')[0];
      await promisify(execFile)('pg_ctlcluster', [
        '--skip-systemctl-redirect',
        cluster,
        'main',
        'restart',
        '-m',
        'fast',
      ]);
      const afterRestart = acknowledged.length;
      await waitFor(
        () => acknowledged.length > afterRestart + 20,
        60_000,
        () => 'no write succeeded after the restart',
      );
      stop = true;
      await writer;
      await server.close();
      const stored = (await sql.one<{ version: number; vacant: number }>(
        `select version, vacant_beds as vacant from facility where id = $1`,
        [Number(facility.id)],
      ))!;
      const last = acknowledged.at(-1)!;
      expect(stored).toEqual({ version: last.version, vacant: last.vacantBeds });
      const logged = await sql.all<{ n: number }>(
        `select (new_values->>'vacantBeds')::int as n from audit_log where entity_id = $1 and action = 'UPDATE_VACANCY' order by id`,
        [facility.id],
      );
      // Every acknowledged write is in the log, in order. A write can also commit while the restart cuts off its
      // answer: its request failed (the client never took it as done; a retry with its version gets CONFLICT), so
      // the log may hold, besides, at most as many writes as requests failed (seen once in CI: 597 logged, 596
      // acknowledged).
      const values = logged.map((row) => row.n);
      let at = 0;
      for (const write of acknowledged) {
        at = values.indexOf(write.vacantBeds, at) + 1;
        expect(at, `acknowledged write ${write.version} is in the log`).toBeGreaterThan(0);
      }
      expect(logged.length).toBeGreaterThanOrEqual(acknowledged.length);
      expect(logged.length - acknowledged.length).toBeLessThanOrEqual(failures);
      expect(await startedAt()).not.toBe(before);
      console.log(
        `restart: ${acknowledged.length} writes acknowledged, ${failures} requests failed while the server was down`,
      );
    },
  );
});

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  why: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out: ${why()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
