import { Agent, get as httpGet, request as httpRequest } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { LoadJob } from './load-worker';
/** Requests answered, failures and latencies of one timed run. */
export interface Throughput {
  requests: number;
  errors: number;
  latencies: number[];
  seconds: number;
}

/** Requests per second of a run. */
export const perSecond = (run: Throughput) => run.requests / run.seconds;

/** The latency at quantile q (0–1) of a run, in ms. */
export function latencyAt(run: Throughput, q: number): number {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/**
 * Runs `clients` concurrent loops of `request` for `seconds` (after `warmupSeconds` not counted); a
 * request that resolves false or throws counts as an error.
 */
export async function throughput(
  clients: number,
  seconds: number,
  request: (client: number, i: number) => Promise<boolean>,
  warmupSeconds = 1,
): Promise<Throughput> {
  const loop = async (until: number, record: boolean, counts: Throughput) =>
    Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = 0; performance.now() < until; i++) {
          const started = performance.now();
          const ok = await request(client, i).catch(() => false);
          if (!record) continue;
          counts.latencies.push(performance.now() - started);
          counts.requests++;
          if (!ok) counts.errors++;
        }
      }),
    );
  const counts: Throughput = { requests: 0, errors: 0, latencies: [], seconds: 0 };
  await loop(performance.now() + warmupSeconds * 1000, false, counts);
  const start = performance.now();
  await loop(start + seconds * 1000, true, counts);
  counts.seconds = (performance.now() - start) / 1000;
  return counts;
}

/** Runs `request` once for each of `count` items, `clients` at a time; the run ends when all are done. */
export async function drain(
  clients: number,
  count: number,
  request: (item: number) => Promise<unknown>,
): Promise<Throughput> {
  const run: Throughput = { requests: 0, errors: 0, latencies: [], seconds: 0 };
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const item = next++;
        const started = performance.now();
        const ok = await request(item).then(
          () => true,
          () => false,
        );
        run.latencies.push(performance.now() - started);
        run.requests++;
        if (!ok) run.errors++;
      }
    }),
  );
  run.seconds = (performance.now() - start) / 1000;
  return run;
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * GETs a URL over a kept-alive loopback connection and reads the body, failing on a status other than 200.
 * Lighter than fetch (no WHATWG streams), so the load generator, which shares this process with the
 * servers being measured, takes less of the CPU they run on; both sides of a comparison use it.
 */
export function getBody(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: keepAlive, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`HTTP ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/**
 * POSTs a GraphQL body over a kept-alive loopback connection; true when the answer is 200 with data and no
 * errors.
 */
export function postGraphQL(url: string, body: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent: keepAlive,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) return resolve(false);
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            data?: unknown;
            errors?: unknown;
          };
          resolve(Boolean(answer.data) && !answer.errors);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Runs a load in a worker thread of its own (bench/load-worker.ts) and resolves with its Throughput, so
 * that the load generator does not share the measured server's event loop.
 */
export function throughputInWorker(job: LoadJob): Promise<Throughput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), {
      workerData: job,
      execArgv: ['--import', 'tsx'],
    });
    worker.once('message', (run: Throughput) => {
      resolve(run);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
