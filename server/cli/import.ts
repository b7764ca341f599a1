import path from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { CliCommand } from './commands';
import { runCli } from './run';

/**
 * `npm run import -- <osm|boundaries|census> <file>` or
 * `npm run import -- facilities <file.csv|file.geojson> [--crs WGS84|GCJ02|BD09] [--dry-run]`:
 * imports one file, all or nothing, idempotently; through the running server when it holds the database.
 */
const USAGE = `usage: npm run import -- <osm|boundaries|census> <file>
       npm run import -- osm <file.osm.pbf|.osm|.osm.gz> [--bbox west,south,east,north] [--region <code>]
       npm run import -- facilities <file.csv|file.geojson> [--crs WGS84|GCJ02|BD09] [--dry-run]
       npm run import -- population <file.csv> [--dry-run]
       npm run import -- region-boundaries <file.geojson|file.shp> [--crs WGS84|GCJ02|BD09] [--dry-run]
       npm run import -- need <file.csv>
       npm run import -- care-services <file.csv>`;
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    crs: { type: 'string', default: 'WGS84' },
    'dry-run': { type: 'boolean', default: false },
    bbox: { type: 'string' },
    region: { type: 'string' },
  },
});
const [kind, file] = positionals;
// Absolute, because the server that may run the import has its own working directory.
const filePath = file ? path.resolve(file) : '';
let command: CliCommand | null = null;
if (file && (kind === 'osm' || kind === 'boundaries' || kind === 'census')) {
  command = { name: 'import-file', kind, path: filePath };
  if (kind === 'osm') command = { ...command, bbox: values.bbox, region: values.region };
} else if (file && kind === 'facilities') {
  command = {
    name: 'import-facilities',
    path: filePath,
    crs: values.crs,
    dryRun: values['dry-run'],
    actor: `cli:${userInfo().username}`,
  };
}
if (file && kind === 'population') {
  command = {
    name: 'import-population',
    path: filePath,
    dryRun: values['dry-run'],
    actor: `cli:${userInfo().username}`,
  };
}
if (file && kind === 'region-boundaries') {
  command = {
    name: 'import-region-boundaries',
    path: filePath,
    crs: values.crs,
    dryRun: values['dry-run'],
    actor: `cli:${userInfo().username}`,
  };
}
if (file && kind === 'need') command = { name: 'import-need', path: filePath };
if (file && kind === 'care-services') command = { name: 'import-care-services', path: filePath };
if (!command) {
  console.error(USAGE);
  process.exit(2);
}
try {
  await runCli(command, 'npm run import');
} catch (error) {
  console.error(`Import failed, nothing was written: ${(error as Error).message}`);
  process.exitCode = 1;
}
