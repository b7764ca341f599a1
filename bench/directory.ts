import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';
import WebSocket from 'ws';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { migrate, openDatabase, type Database } from '../server/db/database';
import { DEFAULT_PREPARED_STATEMENTS, preparingClient } from '../server/db/prepared-client';
import { SqlRunner } from '../server/db/sql';
import { silentProgress } from '../server/import/progress';
import { seedDemo } from '../server/import/seed';
import { createSchema } from '../server/schema';
import { basemapLayerSql, facilityLayerSql, mvtSql } from '../server/tiles/tile.repository';
import { tileAt } from '../server/tiles/tile-grid';
import { drain, getBody, latencyAt, perSecond, throughputInWorker, type Throughput } from './measure';
import type { LoadJob } from './load-worker';
import { entities } from '../server/entities';
import { adminQuery, withDatabase } from './scratch-database';

const CLIENTS = 16;
/** Measured seconds per side and request, over ROUNDS alternating rounds. */
const SECONDS = 6;
/** 浙江省人民医院, in the middle of the demo. */
const DEMO_POINT = { lng: 120.1631, lat: 30.2873 };
const SEARCH_TERMS = ['医院', '药店', '养老', '社区', '卫生', '康复', '护理', '中心'];

/**
 * What the bench adds to its own scratch database for PostGraphile, as an integrator would: a bbox
 * function returning facilities (ordered as the directory orders them), the location as GeoJSON and an
 * index on the name and one on the consortium lead.
 */
const POSTGRAPHILE_SQL = [
  `create function facilities_in_bbox(west float8, south float8, east float8, north float8)
     returns setof facility language sql stable as $$
     select f.* from facility f
     where f.archived_at is null and ST_Intersects(f.location, ST_MakeEnvelope(west, south, east, north, 4326))
     order by f.name collate "C", f.id $$`,
  // PostGraphile's Amber preset filters, orders and follows relations by indexed columns only.
  `create index facility_name_bench_idx on facility (name)`,
  `create index consortium_lead_bench_idx on consortium (lead_facility_id)`,
  `create function facility_location_geojson(f facility) returns json language sql stable as $$
     select ST_AsGeoJSON(f.location)::json $$`,
];

/** POSTs GraphQL to a URL; true when the answer has data and no errors. */
async function graphql(url: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  if (!res.ok || body.errors || !body.data) throw new Error(JSON.stringify(body.errors ?? res.status));
  return body.data;
}

/** Starts PostGraphile v5 (Amber preset and the connection filter) on a database, on a loopback port. */
async function startPostGraphile(connectionString: string) {
  // Its own pool of the size of CareMap's, ended by the bench.
  const pool = new pg.Pool({ connectionString, max: 10 });
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', graphiql: false },
  });
  // PostGraphile warns that it cannot type geometry columns; the bench reads locations as GeoJSON instead.
  const warn = console.warn;
  console.warn = () => {};
  try {
    await pgl.getSchemaResult();
  } finally {
    console.warn = warn;
  }
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pgl.release();
      await pool.end();
    },
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

interface Scenario {
  name: string;
  ours: (i: number) => [string, Record<string, unknown>];
  theirs: (i: number) => [string, Record<string, unknown>];
  /** How many facilities an answer lists, to show that both sides answer alike. */
  size: (data: unknown, side: 'ours' | 'theirs') => number;
}

const bboxOf = (i: number) => {
  const west = 120.14 + (i % 10) * 0.003;
  return { west, south: 30.24, east: west + 0.03, north: 30.28 };
};

function scenarios(ids: string[]): Scenario[] {
  const edges = (data: unknown) => (data as { facilities: { edges: unknown[] } }).facilities.edges.length;
  return [
    {
      name: 'bbox page of 50 facilities',
      ours: (i) => [
        `query($b: BBoxInput!) { facilities(filter: { bbox: $b }, first: 50) { edges { node { id name type vacantBeds location } } } }`,
        { b: bboxOf(i) },
      ],
      theirs: (i) => {
        const b = bboxOf(i);
        return [
          `query($west: Float!, $south: Float!, $east: Float!, $north: Float!) {
            facilitiesInBbox(west: $west, south: $south, east: $east, north: $north, first: 50) {
              nodes { rowId name type vacantBeds locationGeojson } } }`,
          b,
        ];
      },
      size: (data, side) =>
        side === 'ours'
          ? edges(data)
          : (data as { facilitiesInBbox: { nodes: unknown[] } }).facilitiesInBbox.nodes.length,
    },
    {
      name: 'one facility by id',
      ours: (i) => [
        `query($id: ID!) { facility(id: $id) { id name type address phone vacantBeds totalBeds location } }`,
        { id: ids[i % ids.length] },
      ],
      theirs: (i) => [
        `query($id: Int!) { facilityByRowId(rowId: $id) { rowId name type address phone vacantBeds totalBeds locationGeojson } }`,
        { id: Number(ids[i % ids.length]) },
      ],
      size: () => 1,
    },
    {
      name: 'name substring search',
      ours: (i) => [
        `query($q: String!) { facilities(filter: { text: $q }, first: 50) { edges { node { id name type location } } } }`,
        { q: SEARCH_TERMS[i % SEARCH_TERMS.length] },
      ],
      theirs: (i) => [
        `query($q: String!) { allFacilities(filter: { name: { includes: $q } }, first: 50, orderBy: NAME_ASC) {
            nodes { rowId name type locationGeojson } } }`,
        { q: SEARCH_TERMS[i % SEARCH_TERMS.length] },
      ],
      size: (data, side) =>
        side === 'ours'
          ? edges(data)
          : (data as { allFacilities: { nodes: unknown[] } }).allFacilities.nodes.length,
    },
    {
      name: 'page of 50 with partnerships, consortia',
      ours: () => [
        `{ facilities(first: 50) { edges { node { id name
            partnerships { id careFacilityId medicalFacilityId signedOn greenChannel }
            consortia { id name level } } } } }`,
        {},
      ],
      theirs: () => [
        `{ allFacilities(first: 50, orderBy: NAME_ASC) { nodes { rowId name
            medicalPartnershipsByCareFacilityId { nodes { rowId careFacilityId medicalFacilityId signedOn greenChannel } }
            medicalPartnershipsByMedicalFacilityId { nodes { rowId careFacilityId medicalFacilityId signedOn greenChannel } }
            consortiumsByLeadFacilityId { nodes { rowId name level } }
            consortiumMembersByFacilityId { nodes { consortiumByConsortiumId { rowId name level } } } } } }`,
        {},
      ],
      size: (data, side) =>
        side === 'ours'
          ? edges(data)
          : (data as { allFacilities: { nodes: unknown[] } }).allFacilities.nodes.length,
    },
  ];
}

const rps = (run: Throughput) => perSecond(run).toFixed(0);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;

/** Rounds each side runs, alternating, so that a change in the machine's load falls on both. */
const ROUNDS = 3;

/**
 * Each side's throughput, run in alternating rounds on the same database (so that a change in the
 * machine's load falls on both), with each side's clients in a worker thread of their own: the load
 * generator's work (sending, reading answers) does not run on the event loop of the server it measures.
 */
async function sideBySideInWorkers(
  ...jobs: DistributiveOmit<LoadJob, 'clients' | 'seconds' | 'warmupSeconds'>[]
): Promise<Throughput[]> {
  const sums = jobs.map((): Throughput => ({ requests: 0, errors: 0, latencies: [], seconds: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [side, job] of jobs.entries()) {
      const run = await throughputInWorker({
        ...job,
        clients: CLIENTS,
        seconds: SECONDS / ROUNDS,
        warmupSeconds: round === 0 ? 1 : 0.2,
      } as LoadJob);
      sums[side].requests += run.requests;
      sums[side].errors += run.errors;
      sums[side].seconds += run.seconds;
      sums[side].latencies.push(...run.latencies);
    }
  }
  return sums;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function compareWithPostGraphile(db: Database, url: string, connectionString: string) {
  const postgraphileServer = await startPostGraphile(connectionString);
  try {
    const ids = (
      await new SqlRunner(db.fork()).all<{ id: string }>(
        `select id::text as id from facility where archived_at is null order by id`,
      )
    ).map((row) => row.id);
    const rows: Record<string, Record<string, string>> = {};
    for (const scenario of scenarios(ids)) {
      const ourData = await graphql(url, ...scenario.ours(0));
      const theirData = await graphql(postgraphileServer.url, ...scenario.theirs(0));
      // Each side's clients in a worker thread of their own, with the requests made beforehand.
      const bodies = (side: (i: number) => [string, Record<string, unknown>]) =>
        Array.from({ length: 64 }, (_, i) => {
          const [query, variables] = side(i);
          return JSON.stringify({ query, variables });
        });
      const [ours, theirs] = await sideBySideInWorkers(
        { kind: 'graphql', url, bodies: bodies(scenario.ours) },
        { kind: 'graphql', url: postgraphileServer.url, bodies: bodies(scenario.theirs) },
      );
      rows[scenario.name] = {
        'CareMap req/s': rps(ours),
        'PostGraphile req/s': rps(theirs),
        'CareMap ÷ PostGraphile': times(perSecond(ours) / perSecond(theirs)),
        'CareMap p99': ms(latencyAt(ours, 0.99)),
        'PostGraphile p99': ms(latencyAt(theirs, 0.99)),
        'rows (first answer)': `${scenario.size(ourData, 'ours')} / ${scenario.size(theirData, 'theirs')}`,
        errors: `${ours.errors} / ${theirs.errors}`,
      };
    }
    console.log(
      `\nDirectory: CareMap (one node, rate limits in memory) against PostGraphile 5 (connection filter) on the same PostgreSQL database, ${CLIENTS} concurrent clients in a worker thread, ${SECONDS} s each, loopback HTTP`,
    );
    console.table(rows);
  } finally {
    await postgraphileServer.close();
  }
}

/** Tiles around the demo point at a zoom: the side × side block around it (3×3 by default). */
function tilesAround(z: number, side = 3) {
  const centre = tileAt(DEMO_POINT.lng, DEMO_POINT.lat, z);
  const offsets = Array.from({ length: side }, (_, i) => i - Math.floor(side / 2));
  return offsets.flatMap((dx) => offsets.map((dy) => ({ z, x: centre.x + dx, y: centre.y + dy })));
}

async function compareTiles(url: string, connectionString: string) {
  // The raw statement two ways: as a plain pg client sends it (parsed and planned each time), and prepared once
  // per connection, as the server prepares the endpoint's.
  const unnamedPool = new pg.Pool({ connectionString, max: 10 });
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    Client: preparingClient(DEFAULT_PREPARED_STATEMENTS),
  });
  const rows: Record<string, Record<string, string>> = {};
  try {
    type Tile = ReturnType<typeof tilesAround>[number];
    const facilityLayers = (tile: Tile) => [facilityLayerSql({}, tile)];
    // [row label, tileset, tiles, layers of a tile, whether each tile is asked once (made, before any is kept)]
    const cases: [string, string, Tile[], (tile: Tile) => ReturnType<typeof basemapLayerSql>, boolean][] = [
      ['facilities z12 (3×3 tiles)', 'facilities', tilesAround(12), facilityLayers, false],
      ['facilities z15 (3×3 tiles)', 'facilities', tilesAround(15), facilityLayers, false],
      ['basemap z12 (each tile once: made)', 'basemap', tilesAround(12, 12), basemapLayerSql, true],
      ['basemap z15 (each tile once: made)', 'basemap', tilesAround(15, 30), basemapLayerSql, true],
      ['basemap z12 (3×3 tiles, from memory)', 'basemap', tilesAround(12), basemapLayerSql, false],
      ['basemap z14 (3×3 tiles, from memory)', 'basemap', tilesAround(14), basemapLayerSql, false],
      ['basemap z16 (3×3 tiles, from memory)', 'basemap', tilesAround(16), basemapLayerSql, false],
    ];
    for (const [label, tileset, tiles, layersOf, distinct] of cases) {
      const raw = tiles.map((tile) => {
        const { sql, params } = mvtSql(layersOf(tile));
        return { text: sql, values: params };
      });
      const endpoint = (tile: Tile) =>
        getBody(`${url}/tiles/${tileset}/${tile.z}/${tile.x}/${tile.y}.mvt`, {
          'accept-encoding': 'identity',
        });
      // Distinct: each side asks every tile of the list once, the endpoint first (nothing kept yet).
      const [ours, unnamed, prepared] = distinct
        ? [
            await drain(CLIENTS, tiles.length, (i) => endpoint(tiles[i])),
            await drain(CLIENTS, raw.length, (i) => unnamedPool.query(raw[i])),
            await drain(CLIENTS, raw.length, (i) => pool.query(raw[i])),
          ]
        : await sideBySideInWorkers(
            {
              kind: 'http',
              urls: tiles.map((tile) => `${url}/tiles/${tileset}/${tile.z}/${tile.x}/${tile.y}.mvt`),
              headers: { 'accept-encoding': 'identity' },
            },
            { kind: 'pg', connectionString, poolSize: 10, queries: raw, prepared: false },
            { kind: 'pg', connectionString, poolSize: 10, queries: raw, prepared: true },
          );
      rows[label] = {
        'endpoint req/s': rps(ours),
        'raw req/s': rps(unnamed),
        'endpoint ÷ raw': times(perSecond(ours) / perSecond(unnamed)),
        'raw prepared req/s': rps(prepared),
        'endpoint ÷ raw prepared': times(perSecond(ours) / perSecond(prepared)),
        'endpoint p50': ms(latencyAt(ours, 0.5)),
        'raw prepared p50': ms(latencyAt(prepared, 0.5)),
        ...(distinct ? { 'tiles asked': String(tiles.length) } : {}),
      };
    }
  } finally {
    await pool.end();
    await unnamedPool.end();
  }
  console.log(
    `\nTiles: the HTTP endpoint against its raw ST_AsMVT statement on a pg pool of the same size, sent plain (parsed and planned each time) and prepared (as the server's statements are) (${CLIENTS} clients, ${SECONDS} s; repeated tiles: each side's clients in a worker thread of their own, off the server's event loop; a base-map tile is kept in memory once made, so the raw statement makes it again where the endpoint does not)`,
  );
  console.table(rows);
}

/** The costliest public requests we can build: nested lists, isochrones at the limits, 30 aliases. */
function costlyRequests(id: string): string[] {
  const nested = `{ facility(id: "${id}") { partners { partners { partners { partners { partners { id } } } } } } }`;
  const isochrone = `{ isochrone(point: { lng: ${DEMO_POINT.lng}, lat: ${DEMO_POINT.lat} }, speedMetersPerMinute: 150,
    minutes: [6, 12, 18, 24, 30, 36, 42, 48, 54, 60]) { minutes areaSquareMeters } }`;
  const aliases = `{ ${Array.from(
    { length: 30 },
    (_, i) => `a${i}: facility(id: "${id}") { serviceArea(minutes: ${31 + i}) { areaSquareMeters } }`,
  ).join(' ')} }`;
  const lists = `{ facilities(first: 500) { edges { node { partners { partners { id } } consortia { id } } } } }`;
  return [nested, isochrone, aliases, lists];
}

type Transport = 'HTTP' | 'WebSocket';

/** Sends one costly request over HTTP; true when it was answered without errors. */
async function sendOverHttp(origin: string, query: string): Promise<boolean> {
  const res = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  }).catch(() => null);
  const body = res ? ((await res.json().catch(() => ({}))) as { errors?: unknown[] }) : { errors: [] };
  return Boolean(res?.ok && !body.errors);
}

/** Sends one costly request as an operation on an open graphql-ws socket; true when answered without errors. */
function sendOverSocket(client: Client, query: string): Promise<boolean> {
  return new Promise((resolve) => {
    let ok = false;
    client.subscribe(
      { query },
      {
        next: (result) => (ok = !result.errors),
        error: () => resolve(false),
        complete: () => resolve(ok),
      },
    );
  });
}

/** /health latency while 8 clients send costly requests (answers or refusals alike) over one transport. */
async function healthUnderLoad(origin: string, id: string, transport: Transport): Promise<void> {
  const requests = costlyRequests(id);
  let stop = false;
  const outcomes = { answered: 0, refused: 0 };
  const sockets: Client[] = [];
  const attackers = Array.from({ length: 8 }, async (_, client) => {
    const socket =
      transport === 'WebSocket'
        ? createClient({
            url: `${origin.replace('http', 'ws')}/graphql`,
            webSocketImpl: WebSocket,
            retryAttempts: 0,
          })
        : null;
    if (socket) sockets.push(socket);
    for (let i = client; !stop; i++) {
      const query = requests[i % requests.length];
      const ok = socket ? await sendOverSocket(socket, query) : await sendOverHttp(origin, query);
      if (ok) outcomes.answered++;
      else outcomes.refused++;
    }
  });
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  await new Promise((resolve) => setTimeout(resolve, 500));
  while (performance.now() < end) {
    const started = performance.now();
    await fetch(`${origin}/health`).then((res) => res.arrayBuffer());
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  stop = true;
  await Promise.all(attackers);
  await Promise.all(sockets.map((socket) => socket.dispose()));
  const run = { requests: latencies.length, errors: 0, latencies, seconds: SECONDS };
  console.log(
    `
/health while 8 clients send costly requests over ${transport} (nested partners, a 10-limit isochrone at 150 m/min, 30 aliased service areas, 500 facilities with nested lists; ${outcomes.answered} answered, ${outcomes.refused} refused): p50 ${ms(latencyAt(run, 0.5))}, p99 ${ms(latencyAt(run, 0.99))} over ${latencies.length} probes`,
  );
}

/**
 * Prints, side by side on one scratch PostgreSQL database seeded with the demo, requests per second of
 * CareMap and PostGraphile 5 for the four directory queries, and of the tile endpoints against their
 * raw ST_AsMVT statements, and /health's latency under costly requests. Needs DATABASE_URL or
 * TEST_DATABASE_URL.
 */
export async function benchDirectory(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) {
    console.log(
      '\nDirectory bench skipped: it compares with PostGraphile on PostgreSQL; set DATABASE_URL or TEST_DATABASE_URL.',
    );
    return;
  }
  const scratch = `caremap_bench_directory_${process.pid}`;
  try {
    await adminQuery(serverUrl, `create database ${scratch}`);
    await adminQuery(serverUrl, `alter database ${scratch} set jit = off`);
  } catch (error) {
    console.log(`\nDirectory bench skipped: PostgreSQL is unavailable (${(error as Error).message}).`);
    return;
  }
  const connectionString = withDatabase(serverUrl, scratch);
  let db: Database | null = null;
  try {
    db = await openDatabase({ databaseUrl: connectionString, dataDir: '', entities });
    await migrate(db);
    await seedDemo(db, silentProgress);
    const sql = new SqlRunner(db.fork());
    for (const statement of POSTGRAPHILE_SQL) await sql.run(statement);
    await sql.run('analyze');
    const config = {
      // One node, as PostGraphile is: rate limits counted in memory (the shared store adds one PostgreSQL
      // upsert per request; see CAREMAP_RATE_LIMIT_STORE).
      ...loadConfig({
        NODE_ENV: 'test',
        CAREMAP_RATE_LIMIT_PER_MINUTE: '100000000',
        CAREMAP_RATE_LIMIT_STORE: 'memory',
      }),
      port: 0,
      host: '127.0.0.1',
    };
    const app = await createApp({ config, db, schema: await createSchema() });
    const origin = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    try {
      await compareWithPostGraphile(db, `${origin}/graphql`, connectionString);
      await compareTiles(origin, connectionString);
      const [{ id }] = await sql.all<{ id: string }>(
        `select care_facility_id::text as id from medical_partnership order by id limit 1`,
      );
      await healthUnderLoad(origin, id, 'HTTP');
      await healthUnderLoad(origin, id, 'WebSocket');
    } finally {
      await app.close();
    }
  } finally {
    await db?.close();
    await adminQuery(serverUrl, `drop database if exists ${scratch} with (force)`);
  }
}

/** Resident and peak memory of a process, in MB, from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Starts `npm start`'s server (without the client build) on a data folder; resolves with its memory once it answers and has idled. */
async function serverMemory(dataDir: string): Promise<{ rss: number; peak: number; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    // NODE_ENV is left out: the PostGraphile bench before it runs in production mode, a server start does not.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV')),
      DATABASE_URL: '',
      CAREMAP_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Start-up progress goes to stderr; it is shown only when the server fails to start.
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/localhost:(\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) =>
        reject(new Error(`server exited with ${code}: ${output.slice(-500)}${errors}`)),
      );
    });
    const seconds = (performance.now() - started) / 1000;
    await fetch(`http://127.0.0.1:${port}/health`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return { ...memoryOf(child.pid!), seconds };
  } finally {
    // A server that failed to start has exited already: waiting for its exit would never end.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

/** Prints the server's resident memory on the embedded database after a first start (seeding) and a restart. */
export async function benchStartupMemory(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'caremap-bench-memory-'));
  try {
    const first = await serverMemory(dataDir);
    const again = await serverMemory(dataDir);
    const mb = (value: number) => `${value.toFixed(0)} MB`;
    console.log(
      '\nStartup memory of the server on the embedded database (idle 3 s after it answers /health):',
    );
    console.table({
      'first start (seeds the demo)': {
        RSS: mb(first.rss),
        'peak RSS': mb(first.peak),
        'ready after': `${first.seconds.toFixed(0)} s`,
      },
      restart: {
        RSS: mb(again.rss),
        'peak RSS': mb(again.peak),
        'ready after': `${again.seconds.toFixed(0)} s`,
      },
    });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
