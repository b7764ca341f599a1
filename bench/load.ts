import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../server/app';
import { resolveJwtSecret } from '../server/auth/jwt-secret';
import { TokenService } from '../server/auth/token.service';
import { loadConfig } from '../server/config';
import { migrate, openDatabase, type Database } from '../server/db/database';
import { SqlRunner } from '../server/db/sql';
import { silentProgress } from '../server/import/progress';
import { seedDemo } from '../server/import/seed';
import { createSchema } from '../server/schema';
import { entities } from '../server/entities';

const CLIENTS = 16;
const SECONDS = 5;

interface LoadResult {
  requests: number;
  errors: number;
  latencies: number[];
  seconds: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

function report(name: string, result: LoadResult): void {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(34)} ${(result.requests / result.seconds).toFixed(0).padStart(6)} req/s   p50 ${quantile(sorted, 0.5).toFixed(1)} ms   p99 ${quantile(sorted, 0.99).toFixed(1)} ms   errors ${result.errors}`,
  );
}

/** Runs `clients` loops of `request` for `seconds`, counting answers with GraphQL errors as errors. */
async function load(request: (client: number, i: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; performance.now() < end; i++) {
        const t = performance.now();
        const ok = await request(client, i).catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  return { requests: latencies.length, errors, latencies, seconds: (performance.now() - start) / 1000 };
}

async function openBenchDatabase(): Promise<{ db: Database; dispose: () => Promise<void>; label: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'caremap-bench-'));
  const db = await openDatabase({ databaseUrl: null, dataDir: dir, entities });
  await migrate(db);
  await seedDemo(db, silentProgress);
  return {
    db,
    label: 'embedded PGlite',
    dispose: async () => (await db.close(), await rm(dir, { recursive: true, force: true })),
  };
}

/** Load test of the running server: the facilities bbox query and updateVacancy, over real HTTP on loopback. */
export async function benchLoad(): Promise<void> {
  const { db, dispose, label } = await openBenchDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test', CAREMAP_RATE_LIMIT_PER_MINUTE: '10000000' }), port: 0 };
  const app = await createApp({ config, db, schema: await createSchema() });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    const sql = new SqlRunner(db.fork());
    const homes = await sql.all<{ id: string }>(
      `select id::text as id from facility where total_beds > 10 order by id limit ${CLIENTS}`,
    );
    const { token } = await new TokenService(db.fork(), (await resolveJwtSecret(db, config)).secret).issue({
      kind: 'JWT',
      role: 'ADMIN',
      subject: 'bench',
    });
    const post = async (query: string, variables: Record<string, unknown>, auth = false) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(auth ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      return { ok: res.ok && !body.errors, data: body.data };
    };
    console.log(`\n== Load (${CLIENTS} concurrent clients, ${SECONDS} s each, ${label}, loopback HTTP) ==`);
    const bbox = `query($b: BBoxInput!) { facilities(filter: { bbox: $b }, first: 100) { totalCount edges { node { id name type vacantBeds location } } } }`;
    report(
      'facilities(bbox) query',
      await load(async (_, i) => {
        const west = 120.14 + (i % 10) * 0.003;
        return (await post(bbox, { b: { west, south: 30.24, east: west + 0.03, north: 30.28 } })).ok;
      }),
    );
    const versions = new Map<string, number>();
    for (const { id } of homes) {
      const read = await post(`{ facility(id: "${id}") { version } }`, {});
      versions.set(id, (read.data!.facility as { version: number }).version);
    }
    const update = `mutation($id: ID!, $n: Int!, $v: Int!) { updateVacancy(facilityId: $id, vacantBeds: $n, expectedVersion: $v) { version } }`;
    report(
      'updateVacancy (own facility each)',
      await load(async (client, i) => {
        const id = homes[client % homes.length].id;
        const result = await post(update, { id, n: i % 5, v: versions.get(id) }, true);
        if (result.ok) versions.set(id, (result.data!.updateVacancy as { version: number }).version);
        return result.ok;
      }),
    );
  } finally {
    await app.close();
    await dispose();
  }
}
