import { randomBytes } from 'node:crypto';
import { readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** The lock directory inside the data folder (proper-lockfile creates it with an atomic mkdir). */
const LOCK_NAME = 'caremap.lock';
/** Who holds the lock: read by a second process to say what to do, and by the CLI to reach the server. */
const OWNER_NAME = 'caremap-owner.json';
/** The holder touches the lock this often. */
const UPDATE_MS = 10_000;
/**
 * A lock not touched for this long is stale even if its pid is alive (the pid was reused). Much longer than
 * the update interval, so that an event loop busy for seconds (a large import) never loses its lock.
 */
const STALE_MS = 5 * 60_000;
/** A lock without an owner file yet is being taken right now, unless it is older than this. */
const UNNAMED_STALE_MS = 30_000;

/** What the owner file says about the process that holds the data folder. */
export interface DataDirOwner {
  pid: number;
  hostname: string;
  /** The folder's real path when locked: an owner file in a copy of the folder names another folder. */
  realPath: string;
  /** `server` accepts CLI commands on its admin path once `port` is set; `cli` is a command running directly. */
  kind: 'server' | 'cli';
  /** How to name the holder to a person, for example "the CareMap server" or "npm run token". */
  label: string;
  startedAt: string;
  /** Set by a server once it listens. */
  port?: number;
  host?: string;
  /** The key the server's admin path accepts; only readable by the user who runs the server (mode 0600). */
  adminKey?: string;
}

/** The data folder is held by another live process; the message says who and what to do. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner | null,
  ) {
    super(inUseMessage(dataDir, owner));
    this.name = 'DataDirInUseError';
  }
}

/** An exclusive hold on a data folder, released on close (and by proper-lockfile on process exit). */
export interface DataDirLock {
  readonly dataDir: string;
  /** Records where the server listens and the key of its admin path, for the CLI. */
  announce(endpoint: { port: number; host: string; adminKey: string }): void;
  release(): Promise<void>;
}

/** A fresh random key for the admin path of one server run. */
export function newAdminKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Who holds a data folder according to its owner file, or null. */
export function readDataDirOwner(dataDir: string): DataDirOwner | null {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, OWNER_NAME), 'utf8')) as DataDirOwner;
  } catch {
    return null;
  }
}

/**
 * Takes the data folder for this process or throws DataDirInUseError. A lock left by a process that no
 * longer runs on this machine (killed, crashed) is taken over at once; one not touched for minutes too.
 */
export async function lockDataDir(
  dataDir: string,
  holder: Pick<DataDirOwner, 'kind' | 'label'>,
): Promise<DataDirLock> {
  const lockPath = path.join(dataDir, LOCK_NAME);
  removeIfStale(dataDir, lockPath);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: UPDATE_MS,
      onCompromised: (error) => {
        throw new Error(
          `The lock on ${dataDir} was taken by another process (${error.message}); stopping so that two processes never write the embedded database`,
        );
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new DataDirInUseError(dataDir, readDataDirOwner(dataDir));
    }
    throw error;
  }
  let owner: DataDirOwner = {
    pid: process.pid,
    hostname: hostname(),
    realPath: realpathSync(dataDir),
    ...holder,
    startedAt: new Date().toISOString(),
  };
  writeOwner(dataDir, owner);
  let released = false;
  return {
    dataDir,
    announce(endpoint) {
      owner = { ...owner, ...endpoint };
      writeOwner(dataDir, owner);
    },
    async release() {
      if (released) return;
      released = true;
      if (readDataDirOwner(dataDir)?.pid === process.pid)
        rmSync(path.join(dataDir, OWNER_NAME), { force: true });
      await release();
    },
  };
}

function removeIfStale(dataDir: string, lockPath: string): void {
  let touchedAt: number;
  try {
    touchedAt = statSync(lockPath).mtimeMs;
  } catch {
    return;
  }
  const age = Date.now() - touchedAt;
  const owner = readDataDirOwner(dataDir);
  const stale = owner
    ? age > STALE_MS ||
      owner.realPath !== realpathSync(dataDir) ||
      (owner.hostname === hostname() && !isRunning(owner.pid))
    : age > UNNAMED_STALE_MS;
  if (stale) rmSync(lockPath, { recursive: true, force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Written to a temporary file of mode 0600 and renamed, so a reader never sees half a file. */
function writeOwner(dataDir: string, owner: DataDirOwner): void {
  const target = path.join(dataDir, OWNER_NAME);
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, JSON.stringify(owner), { mode: 0o600 });
  renameSync(temporary, target);
}

function inUseMessage(dataDir: string, owner: DataDirOwner | null): string {
  const shown = path.relative(process.cwd(), dataDir) || '.';
  const where = shown.startsWith('..') ? dataDir : shown;
  if (!owner) return `The embedded database in ${where} is in use by another process. Stop it and try again.`;
  const ids = [`pid ${owner.pid}`, owner.port ? `port ${owner.port}` : null].filter(Boolean).join(', ');
  if (owner.kind === 'server') {
    return `The embedded database in ${where} is in use by ${owner.label} (${ids}). Stop it, or run the command while it runs: it will go through the server.`;
  }
  return `The embedded database in ${where} is in use by ${owner.label} (${ids}). Wait for it to finish, or stop it.`;
}
