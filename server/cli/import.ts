import { loadConfig } from '../config';
import { migrate, openDatabase } from '../db/database';
import { importBoundaries, importCensus, importOsm } from '../import/file-import';

/** `npm run import -- <osm|boundaries|census> <file>`: imports one file, all or nothing, idempotently. */
const USAGE = 'usage: npm run import -- <osm|boundaries|census> <file>';
const [kind, file] = process.argv.slice(2);
const importers = { osm: importOsm, boundaries: importBoundaries, census: importCensus } as const;

if (!kind || !file || !(kind in importers)) {
  console.error(USAGE);
  process.exit(2);
}
const db = await openDatabase(loadConfig());
try {
  await migrate(db);
  const report = await importers[kind as keyof typeof importers](db, file);
  console.table(report);
} catch (error) {
  console.error(`Import failed, nothing was written: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
