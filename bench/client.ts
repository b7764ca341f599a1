import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { migrate, openDatabase } from '../server/db/database';
import { seedDemo } from '../server/import/seed';
import { silentProgress } from '../server/import/progress';
import { createSchema } from '../server/schema';
import { tileAt } from '../server/tiles/tile-grid';
import { entities } from '../server/entities';

/** Gzipped JavaScript the client may ship besides maplibre-gl, in KB. */
const BUNDLE_BUDGET_KB = 150;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;
/** 浙江省人民医院, in the middle of the demo. */
const DEMO_POINT = { lng: 120.1631, lat: 30.2873 };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function bundleSizes(outDir: string) {
  const assets = path.join(outDir, 'assets');
  const files = await readdir(assets);
  let app = 0;
  let maplibre = 0;
  let css = 0;
  for (const file of files) {
    const gz = gzipSync(await readFile(path.join(assets, file))).length;
    if (file.endsWith('.css')) css += gz;
    else if (file.endsWith('.js') && file.startsWith('maplibre-gl')) maplibre += gz;
    else if (file.endsWith('.js')) app += gz;
  }
  return { app, maplibre, css };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Prints the client's bundle size (JavaScript without maplibre-gl, gzip, against its budget), the size of
 * typical tiles, and the time from navigation to the first facility drawn in headless Chromium, on a
 * fresh embedded demo database.
 */
export async function benchClient(): Promise<void> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'caremap-bench-client-'));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'caremap-bench-db-'));
  try {
    await build({
      configFile: path.resolve('vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    const sizes = await bundleSizes(outDir);
    const verdict = sizes.app / 1024 <= BUNDLE_BUDGET_KB ? 'within' : 'OVER';
    console.log(
      `client JS without maplibre-gl: ${kb(sizes.app)} gzip (${verdict} the ${BUNDLE_BUDGET_KB} KB budget)`,
    );
    console.log(`maplibre-gl JS: ${kb(sizes.maplibre)} gzip; CSS: ${kb(sizes.css)} gzip`);

    const db = await openDatabase({ databaseUrl: null, dataDir, entities });
    await migrate(db);
    await seedDemo(db, silentProgress);
    const config = { ...loadConfig({ NODE_ENV: 'test' }), host: '127.0.0.1' };
    const app = await createApp({ config, db, schema: await createSchema(), clientDir: outDir });
    const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    try {
      for (const [tileset, z] of [
        ['facilities', 12],
        ['facilities', 15],
        ['basemap', 12],
        ['basemap', 14],
        ['basemap', 16],
      ] as const) {
        const { x, y } = tileAt(DEMO_POINT.lng, DEMO_POINT.lat, z);
        const started = performance.now();
        const body = new Uint8Array(
          await (await fetch(`${url}/tiles/${tileset}/${z}/${x}/${y}.mvt`)).arrayBuffer(),
        );
        const ms = performance.now() - started;
        console.log(
          `${tileset} tile ${z}/${x}/${y}: ${kb(body.length)} (${kb(gzipSync(body).length)} gzip), ${ms.toFixed(0)} ms`,
        );
      }
      if (!existsSync(CHROMIUM_PATH)) {
        console.log(`first facility drawn: skipped, no Chromium at ${CHROMIUM_PATH}`);
        return;
      }
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
      });
      try {
        const times: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
          const page = await context.newPage();
          await page.goto(url);
          await page.waitForFunction(
            () => performance.getEntriesByName('caremap:first-facility').length > 0,
            null,
            {
              timeout: 60_000,
            },
          );
          times.push(
            await page.evaluate(() => performance.getEntriesByName('caremap:first-facility')[0].startTime),
          );
          await context.close();
        }
        console.log(
          `navigation to first facility drawn (headless Chromium, SwiftShader, cold cache): median ${median(times).toFixed(0)} ms over ${RUNS} loads (${times.map((t) => t.toFixed(0)).join(', ')})`,
        );
      } finally {
        await browser.close();
      }
    } finally {
      await app.close();
      await db.close();
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
}
