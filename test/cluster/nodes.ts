import { spawn, type ChildProcess } from 'node:child_process';
import { childEnv, startServerChild, waitFor, type ServerChild } from '../cli/processes';
import { TEST_JWT_SECRET } from '../support/secret';

/** Environment of a node or worker on a test database. */
export function nodeEnv(databaseUrl: string, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { DATABASE_URL: databaseUrl, CAREMAP_JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', ...env };
}

/** Starts an API node (`server/index.ts`, its own process and port) on a PostgreSQL database. */
export function startNode(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<ServerChild> {
  return startServerChild(nodeEnv(databaseUrl, env));
}

/** A worker process (`npm run worker`). */
export interface WorkerChild {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code or signal once it has exited. */
  exited: Promise<number | string | null>;
}

/** Starts `npm run worker` on a database and waits until it works jobs. */
export async function startWorker(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<WorkerChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/worker.ts'], {
    env: childEnv(nodeEnv(databaseUrl, env)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`The worker exited (${child.exitCode}):\n${output}`);
      return output.includes('working jobs');
    },
    120_000,
    () => output,
  );
  return { child, output: () => output, exited };
}

/** POSTs GraphQL to a node. */
export async function post<Data = Record<string, unknown>>(
  origin: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; data?: Data; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}
