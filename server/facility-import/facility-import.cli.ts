import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { GraphQLError } from 'graphql';
import type { Database } from '../db/database';
import { startProgress } from '../import/progress';
import type { SeedReport } from '../import/seed';
import { FacilityImportService } from './facility-import.service';

/** Imports a facility file from the command line as ADMIN; prints each invalid row and fails when there are any. */
export async function importFacilityFile(
  db: Database,
  path: string,
  crs: string,
  dryRun: boolean,
): Promise<SeedReport> {
  const content = await readFile(path, 'utf8');
  const format = /\.(geo)?json$/i.test(path) ? 'GEOJSON' : 'CSV';
  const principal = {
    role: 'ADMIN' as const,
    subject: `cli:${userInfo().username}`,
    facilityIds: [],
    tokenId: null,
  };
  const service = new FacilityImportService(db.fork(), principal);
  let report;
  try {
    report = await service.run(
      {
        content,
        format,
        crs: crs.toUpperCase(),
        dryRun,
        sourceName: `import: ${path}`,
        restrictToChina: true,
      },
      startProgress('Facilities', content.split('\n').length),
    );
  } catch (error) {
    throw error instanceof GraphQLError ? new Error(error.message) : error;
  }
  for (const row of report.rows.filter((r) => r.status === 'INVALID')) {
    console.error(`row ${row.row}: ${row.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }
  if (report.invalid > 0) throw new Error(`${report.invalid} of ${report.total} rows are invalid`);
  console.log(dryRun ? `Dry run: all ${report.total} rows are valid; nothing written.` : 'Written.');
  return {
    facility: { inserted: report.created, updated: report.updated, unchanged: report.unchanged, deleted: 0 },
  };
}
