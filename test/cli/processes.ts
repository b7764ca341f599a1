import { spawn, type ChildProcess } from 'node:child_process';

/** The real server (`server/index.ts`) running in a child process, as `npm start` runs it. */
export interface ServerChild {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Sends a GraphQL request with an optional bearer token. */
  query(
    query: string,
    token?: string,
  ): Promise<{ data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** Stops it with SIGTERM (the clean stop of Ctrl-C) and resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** Environment of a child: this process's, minus what would point it elsewhere, plus `env`. */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of ['DATABASE_URL', 'CAREMAP_DATA_DIR', 'CAREMAP_JWT_SECRET', 'PORT', 'HOST'])
    delete base[key];
  return { ...base, HOST: '127.0.0.1', PORT: '0', CAREMAP_RATE_LIMIT_PER_MINUTE: '100000', ...env };
}

/** Starts `server/index.ts` with `env` and waits until it listens. */
export async function startServerChild(env: NodeJS.ProcessEnv): Promise<ServerChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let port = 0;
  await waitFor(
    () => {
      port = Number(/CareMap on http:\/\/localhost:(\d+)/.exec(output)?.[1] ?? 0);
      if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
      return port > 0;
    },
    150_000,
    () => output,
  );
  const url = `http://127.0.0.1:${port}`;
  return {
    child,
    port,
    url,
    output: () => output,
    async query(query, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query }),
      });
      return (await res.json()) as never;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** What a finished command printed and its exit code. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command-line script (`server/cli/token.ts` …) as `npm run` would, with `env`. */
export function runCliScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The id and the token of `npm run token -- issue` output. */
export function issuedToken(run: CliRun): { id: string; token: string } {
  const id = /^id:\s+(\S+)$/m.exec(run.stdout)?.[1];
  const token = /token \(shown once\):\n(\S+)/.exec(run.stdout)?.[1];
  if (run.code !== 0 || !id || !token)
    throw new Error(`token issue failed (${run.code}): ${run.stdout}${run.stderr}`);
  return { id, token };
}

/** Waits until `condition` holds, failing with `why()` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs: number, why: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out: ${why()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
