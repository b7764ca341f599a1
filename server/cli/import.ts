import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { migrate, openDatabase, type Database } from '../db/database';
import { importFacilityFile } from '../facility-import/facility-import.cli';
import { importBoundaries, importCensus, importOsm } from '../import/file-import';

/**
 * `npm run import -- <osm|boundaries|census> <file>` or
 * `npm run import -- facilities <file.csv|file.geojson> [--crs WGS84|GCJ02|BD09] [--dry-run]`:
 * imports one file, all or nothing, idempotently.
 */
const USAGE = `usage: npm run import -- <osm|boundaries|census> <file>
       npm run import -- facilities <file.csv|file.geojson> [--crs WGS84|GCJ02|BD09] [--dry-run]`;
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { crs: { type: 'string', default: 'WGS84' }, 'dry-run': { type: 'boolean', default: false } },
});
const [kind, file] = positionals;
const importers = {
  osm: importOsm,
  boundaries: importBoundaries,
  census: importCensus,
  facilities: (db: Database, path: string) => importFacilityFile(db, path, values.crs!, values['dry-run']!),
} as const;

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
