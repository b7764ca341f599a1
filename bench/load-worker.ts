import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { DEFAULT_PREPARED_STATEMENTS, preparingClient } from '../server/db/prepared-client';
import { getBody, postGraphQL, throughput } from './measure';

/** What the bench asks a load thread to run: GETs of URLs, or statements on a pg pool of its own. */
export type LoadJob = {
  clients: number;
  seconds: number;
  warmupSeconds: number;
} & (
  | { kind: 'http'; urls: string[]; headers: Record<string, string> }
  | { kind: 'graphql'; url: string; bodies: string[] }
  | {
      kind: 'pg';
      connectionString: string;
      poolSize: number;
      queries: { text: string; values: unknown[] }[];
      /** Statements prepared once per connection, as the server's pool prepares them. */
      prepared: boolean;
    }
);

/**
 * Runs one timed load in this worker thread and posts its Throughput back: the clients' work (requests,
 * reading answers) then runs beside the server being measured, not on its event loop.
 */
async function run(job: LoadJob) {
  if (job.kind === 'http') {
    const { urls, headers } = job;
    return throughput(
      job.clients,
      job.seconds,
      async (_, i) => (await getBody(urls[i % urls.length], headers), true),
      job.warmupSeconds,
    );
  }
  if (job.kind === 'graphql') {
    const { url, bodies } = job;
    return throughput(
      job.clients,
      job.seconds,
      async (_, i) => postGraphQL(url, bodies[i % bodies.length]),
      job.warmupSeconds,
    );
  }
  const pool = new pg.Pool({
    connectionString: job.connectionString,
    max: job.poolSize,
    Client: preparingClient(job.prepared ? DEFAULT_PREPARED_STATEMENTS : 0),
  });
  try {
    const { queries } = job;
    return await throughput(
      job.clients,
      job.seconds,
      async (_, i) => (await pool.query(queries[i % queries.length]), true),
      job.warmupSeconds,
    );
  } finally {
    await pool.end();
  }
}

parentPort!.postMessage(await run(workerData as LoadJob));
