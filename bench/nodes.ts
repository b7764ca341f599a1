import { spawn, type ChildProcess } from 'node:child_process';
import { migrate, openDatabase } from '../server/db/database';
import { entities } from '../server/entities';
import { silentProgress } from '../server/import/progress';
import { seedDemo } from '../server/import/seed';
import { latencyAt, perSecond, throughput, type Throughput } from './measure';
import { adminQuery, withDatabase } from './scratch-database';

const CLIENTS = 16;
const SECONDS = 8;
const BBOX = `query($b: BBoxInput!) { facilities(filter: { bbox: $b }, first: 50) { edges { node { id name type vacantBeds location } } } }`;

interface Node {
  child: ChildProcess;
  origin: string;
}

/** Starts `server/index.ts` on the scratch database, as a deployment's node; resolves once it listens. */
async function startNode(databaseUrl: string): Promise<Node> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV')),
      DATABASE_URL: databaseUrl,
      CAREMAP_JWT_SECRET: 'bench-nodes-secret-of-at-least-32-characters',
      CAREMAP_RATE_LIMIT_PER_MINUTE: '100000000',
      CAREMAP_JOB_WORKER: '0',
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`node exited with ${code}: ${output}`)));
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

async function stopNode(node: Node): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return;
  const exited = new Promise((resolve) => node.child.once('exit', resolve));
  node.child.kill('SIGTERM');
  await exited;
}

/** The bbox page over HTTP, client i asking node i mod the number of nodes. */
function bboxLoad(nodes: Node[]): Promise<Throughput> {
  return throughput(CLIENTS, SECONDS, async (client, i) => {
    const west = 120.14 + (i % 10) * 0.003;
    const res = await fetch(`${nodes[client % nodes.length].origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: BBOX,
        variables: { b: { west, south: 30.24, east: west + 0.03, north: 30.28 } },
      }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    return res.ok && !body.errors;
  });
}

/**
 * `npm run bench nodes`: the bbox directory query's throughput with one API node and with two, each its own
 * process on one scratch PostgreSQL database seeded with the demo, and the ratio. Needs DATABASE_URL or
 * TEST_DATABASE_URL.
 */
export async function benchNodes(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) {
    console.log(
      '\nNodes bench skipped: it runs API nodes on PostgreSQL; set DATABASE_URL or TEST_DATABASE_URL.',
    );
    return;
  }
  const scratch = `caremap_bench_nodes_${process.pid}`;
  await adminQuery(serverUrl, `create database ${scratch}`);
  const url = withDatabase(serverUrl, scratch);
  const nodes: Node[] = [];
  try {
    const db = await openDatabase({ databaseUrl: url, dataDir: '', entities });
    try {
      await migrate(db);
      await seedDemo(db, silentProgress);
    } finally {
      await db.close();
    }
    nodes.push(await startNode(url));
    const one = await bboxLoad(nodes);
    nodes.push(await startNode(url));
    const two = await bboxLoad(nodes);
    const row = (run: Throughput) => ({
      'req/s': perSecond(run).toFixed(0),
      p50: `${latencyAt(run, 0.5).toFixed(1)} ms`,
      p99: `${latencyAt(run, 0.99).toFixed(1)} ms`,
      errors: String(run.errors),
    });
    console.log(
      `\nNodes: bbox page of 50 facilities over loopback HTTP, ${CLIENTS} concurrent clients for ${SECONDS} s, API nodes as separate processes on one PostgreSQL database (this machine: ${(await import('node:os')).availableParallelism()} cores, shared by the nodes, PostgreSQL and the load generator)`,
    );
    console.table({ 'one node': row(one), 'two nodes': row(two) });
    console.log(`two nodes ÷ one node: ${(perSecond(two) / perSecond(one)).toFixed(2)}×`);
  } finally {
    await Promise.all(nodes.map(stopNode));
    await adminQuery(serverUrl, `drop database if exists ${scratch} with (force)`);
  }
}
