import { request } from 'node:http';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { ADMIN_CLI_PATH, eventReplayer, type AdminEvent } from './admin-events';
import { loadConfig } from '../config';
import { DataDirInUseError, type DataDirOwner } from '../db/data-dir-lock';
import { migrate, openDatabase, type Database } from '../db/database';
import { consoleOutput, runCommand, type CliCommand, type CommandOutput } from './commands';
import { entities } from '../entities';

/** How long a command waits for a server that holds the data folder but does not listen yet (migrating, seeding). */
const STARTING_SERVER_WAIT_MS = 180_000;

/**
 * Runs a command of `label` (for example "npm run token"): directly on the database when no other process
 * holds it (PostgreSQL, or a free embedded database), else through the running server's admin path.
 * Sets the process exit code.
 */
export async function runCli(
  command: CliCommand,
  label: string,
  out: CommandOutput = consoleOutput,
): Promise<void> {
  const config = loadConfig();
  const deadline = Date.now() + STARTING_SERVER_WAIT_MS;
  let waiting = false;
  for (;;) {
    let db: Database;
    try {
      db = await openDatabase({ ...config, entities }, { kind: 'cli', label });
    } catch (error) {
      if (!(error instanceof DataDirInUseError)) throw error;
      const owner = error.owner;
      if (owner?.kind === 'server' && owner.port && owner.adminKey) {
        process.exitCode = await throughServer(owner, command, out);
        return;
      }
      if (owner?.kind !== 'server' || Date.now() > deadline) throw error;
      if (!waiting)
        out.error(`The CareMap server (pid ${owner.pid}) is starting; the command waits for it …`);
      waiting = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      await migrate(db);
      const { secret } = await resolveJwtSecret(db, config);
      process.exitCode = await runCommand(command, { db, jwtSecret: secret }, out);
    } finally {
      await db.close();
    }
    return;
  }
}

/** Sends the command to the server that holds the data folder and replays its output here; resolves with the exit code. */
function throughServer(owner: DataDirOwner, command: CliCommand, out: CommandOutput): Promise<number> {
  const replay = eventReplayer(out);
  const body = JSON.stringify({ command });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: loopbackAddress(owner.host),
        port: owner.port,
        path: ADMIN_CLI_PATH,
        method: 'POST',
        headers: {
          authorization: `Bearer ${owner.adminKey}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.setEncoding('utf8');
        if (res.statusCode !== 200) {
          let text = '';
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            out.error(`The CareMap server (pid ${owner.pid}) refused the command: ${res.statusCode} ${text}`);
            resolve(1);
          });
          return;
        }
        let buffered = '';
        let code: number | null = null;
        res.on('data', (chunk: string) => {
          buffered += chunk;
          let newline: number;
          while ((newline = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, newline);
            buffered = buffered.slice(newline + 1);
            if (line.trim()) code = replay(JSON.parse(line) as AdminEvent) ?? code;
          }
        });
        res.on('end', () => {
          if (code === null) {
            out.error(
              `The CareMap server (pid ${owner.pid}) stopped answering before the command finished; see its log.`,
            );
          }
          resolve(code ?? 1);
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error) =>
      reject(
        new Error(
          `Could not reach the CareMap server (pid ${owner.pid}, port ${owner.port}) that holds the embedded database: ${error.message}`,
        ),
      ),
    );
    req.end(body);
  });
}

/** The admin path answers loopback callers only; a server bound to every address is reached on 127.0.0.1. */
function loopbackAddress(host: string | undefined): string {
  if (host === '::1' || host === '::') return '::1';
  if (host && /^127\./.test(host)) return host;
  if (!host || host === '0.0.0.0' || host === 'localhost') return '127.0.0.1';
  throw new Error(
    `The CareMap server listens on HOST=${host} only, which is not this machine's loopback; stop it to run the command, or set HOST=0.0.0.0`,
  );
}
