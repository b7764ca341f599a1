import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { parseCommand, runCommand, type CliCommand } from '../cli/commands';
import type { Database } from '../db/database';
import type { NetworkLoader } from '../network/network.loader';
import { eventOutput, type AdminEvent } from '../cli/admin-events';

export { ADMIN_CLI_PATH } from '../cli/admin-events';

/**
 * A command is a few hundred bytes: files to import travel by path, not content. The caller proved to be the
 * server's own user (it read the key from a file of mode 0600) on this machine, so it may name any file that
 * user can read, and an OSM extract of hundreds of megabytes is never copied through a request body.
 */
const MAX_ADMIN_BODY_BYTES = 64 * 1024;

/** What the admin path needs: its key of this run, and what the commands run against. */
export interface AdminDeps {
  adminKey: string;
  db: Database;
  jwtSecret: string;
  network: NetworkLoader;
}

/**
 * `POST /admin/cli` with `Authorization: Bearer <admin key>` and `{"command": CliCommand}`: runs the
 * command as the command line would, streaming its output as newline-delimited JSON (AdminEvent).
 * Answers only requests from this machine (loopback) that carry the key the server wrote, mode 0600, into
 * the data folder; to any other caller the path does not exist.
 */
export async function handleAdminRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: AdminDeps,
): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) return answer(res, 404, 'Not found');
  if (req.method !== 'POST') return answer(res, 405, 'Use POST', { allow: 'POST' });
  if (!keyMatches(req.headers.authorization, deps.adminKey)) return answer(res, 401, 'Wrong admin key');
  let command: CliCommand;
  try {
    const body = await readBody(req);
    command = parseCommand((JSON.parse(body) as { command?: unknown }).command);
  } catch (error) {
    const tooLarge = error instanceof BodyTooLargeError;
    return answer(
      res,
      tooLarge ? 413 : 400,
      tooLarge ? error.message : `Bad command: ${(error as Error).message}`,
    );
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
  const send = (event: AdminEvent) => {
    if (!res.destroyed) res.write(`${JSON.stringify(event)}\n`);
  };
  const code = await runCommand(command, deps, eventOutput(send));
  console.log(`Command line: ${command.name} ran through the server (exit ${code})`);
  send({ type: 'exit', code });
  res.end();
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}

function keyMatches(authorization: string | undefined, adminKey: string): boolean {
  const given = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(adminKey));
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_ADMIN_BODY_BYTES)
      throw new BodyTooLargeError(`A command is at most ${MAX_ADMIN_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function answer(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}
