import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { createApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Database } from '../../server/db/database';
import { createSchema } from '../../server/schema';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database';
import { TEST_JWT_SECRET } from '../support/secret';

/**
 * How long a browser test waits for the page to reach an expected state: generous, because a busy 2-core
 * machine renders maps in software WebGL several times slower than an idle one (vitest's 1 s default failed there).
 */
export const E2E_WAIT_MS = 20_000;

/** The Chromium the end-to-end tests drive (Debian's package). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const skipsAnnounced = new Set<string>();

function announceSkip(reason: string) {
  if (skipsAnnounced.has(reason)) return;
  skipsAnnounced.add(reason);
  console.warn(`Skipping the end-to-end tests: ${reason}`);
}

/**
 * Whether the browser tests run here. They are specified against the embedded database, so the run on
 * PostgreSQL (TEST_DATABASE_URL set) skips them with a message: CI runs them once, in the embedded run.
 * Without Chromium they are skipped with a message too, except under CI, where a missing browser is a
 * failure.
 */
export function browserAvailable(): boolean {
  if (TEST_DATABASE_URL) {
    announceSkip('TEST_DATABASE_URL is set; they run on the embedded database only (npm test without it)');
    return false;
  }
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI)
    throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}; install Debian's chromium`);
  announceSkip(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH or install chromium)`);
  return false;
}

/** Flags for headless Chromium without a GPU: WebGL through SwiftShader, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/** The built client served by the platform on the seeded demo database, and a browser to look at it. */
export interface Stage {
  url: string;
  browser: Browser;
  app: App;
  /** The stage's own copy of the demo database, for tests that change data behind the page's back. */
  db: Database;
  close(): Promise<void>;
}

/** Builds the client with Vite's production build into a temporary folder. */
export async function buildClient(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'caremap-client-'));
  await build({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/**
 * Builds the client, starts the platform on a copy of the seeded demo and launches Chromium. With
 * `baseStyle`, the deployment uses that style as its own base map (CAREMAP_MAP_STYLE_URL), served
 * next to the client as /deployment-style.json.
 */
export async function startStage(options: { baseStyle?: object } = {}): Promise<Stage> {
  const clientDir = await buildClient();
  let testDb: TestDatabase | null = null;
  let app: App | null = null;
  try {
    testDb = await openTestDatabase({ seeded: true });
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'test', CAREMAP_JWT_SECRET: TEST_JWT_SECRET };
    if (options.baseStyle) {
      await writeFile(path.join(clientDir, 'deployment-style.json'), JSON.stringify(options.baseStyle));
      env.CAREMAP_MAP_STYLE_URL = '/deployment-style.json';
    }
    const config = { ...loadConfig(env), port: 0, host: '127.0.0.1' };
    app = await createApp({ config, db: testDb.db, schema: await createSchema(), clientDir });
    const port = await app.listen(0, '127.0.0.1');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const db = testDb;
    const server = app;
    return {
      url: `http://127.0.0.1:${port}`,
      browser,
      app: server,
      db: db.db,
      close: async () => {
        await browser.close();
        await server.close();
        await db.dispose();
        await rm(clientDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.close();
    await testDb?.dispose();
    await rm(clientDir, { recursive: true, force: true });
    throw error;
  }
}
