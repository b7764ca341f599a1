import { Agent, get as httpGet } from 'node:http';
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
