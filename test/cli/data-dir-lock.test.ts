import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DataDirInUseError, lockDataDir, readDataDirOwner } from '../../server/db/data-dir-lock';
import { waitFor } from './processes';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'caremap-lock-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

/** A child process that holds the folder until killed. */
async function holder(kind: 'server' | 'cli') {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/cli/hold-lock.ts', dataDir, kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  await waitFor(
    () => output.includes('locked'),
    30_000,
    () => output,
  );
  return child;
}

test('data loss on the default database: a second process that opens a held folder gets a clear error naming the holder', async () => {
  const child = await holder('server');
  try {
    const error = await lockDataDir(dataDir, { kind: 'cli', label: 'npm run token' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toBe(
      `The embedded database in ${dataDir} is in use by the lock holder of the test (pid ${child.pid}). Stop it, or run the command while it runs: it will go through the server.`,
    );
  } finally {
    child.kill('SIGKILL');
  }
});

test('a folder held by a command running directly says to wait for it, not to go through a server', async () => {
  const child = await holder('cli');
  try {
    await expect(lockDataDir(dataDir, { kind: 'server', label: 'the CareMap server' })).rejects.toThrow(
      `is in use by the lock holder of the test (pid ${child.pid}). Wait for it to finish, or stop it.`,
    );
  } finally {
    child.kill('SIGKILL');
  }
});

test("a killed server's lock is taken over at once by the next process", async () => {
  const child = await holder('server');
  const killed = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await killed;
  expect(readDataDirOwner(dataDir)?.pid).toBe(child.pid);
  const lock = await lockDataDir(dataDir, { kind: 'cli', label: 'npm run token' });
  expect(readDataDirOwner(dataDir)).toMatchObject({ pid: process.pid, kind: 'cli', label: 'npm run token' });
  await lock.release();
  expect(readDataDirOwner(dataDir)).toBeNull();
});

test('the owner file that carries the admin key has mode 0600', async () => {
  const lock = await lockDataDir(dataDir, { kind: 'server', label: 'the CareMap server' });
  try {
    lock.announce({ port: 4000, host: '0.0.0.0', adminKey: 'k'.repeat(43) });
    expect(readDataDirOwner(dataDir)).toMatchObject({ port: 4000, adminKey: 'k'.repeat(43) });
    expect(statSync(path.join(dataDir, 'caremap-owner.json')).mode & 0o777).toBe(0o600);
  } finally {
    await lock.release();
  }
});

test('a copy of a held folder (a backup taken while the server ran) opens; only the folder itself is held', async () => {
  const child = await holder('server');
  const copy = `${dataDir}-copy`;
  try {
    await cp(dataDir, copy, { recursive: true });
    const lock = await lockDataDir(copy, { kind: 'cli', label: 'npm run token' });
    await lock.release();
    await expect(lockDataDir(dataDir, { kind: 'cli', label: 'npm run token' })).rejects.toThrow(
      DataDirInUseError,
    );
  } finally {
    child.kill('SIGKILL');
    await rm(copy, { recursive: true, force: true });
  }
});
