import { readFile } from 'node:fs/promises';
import { GraphQLError } from 'graphql';
import type { Database } from '../db/database';
import type { Progress } from '../import/progress';
import type { SeedReport } from '../import/seed';
import { FacilityImportService } from './facility-import.service';

/** Where a command-line facility import reports: lines for people and a progress bar. */
export interface FacilityImportOutput {
  log(text: string): void;
  error(text: string): void;
  progress(label: string, total: number): Progress;
}

/** Imports a facility file from the command line as ADMIN `actor`; prints each invalid row and fails when there are any. */
export async function importFacilityFile(
  db: Database,
  request: { path: string; crs: string; dryRun: boolean; actor: string },
  out: FacilityImportOutput,
): Promise<SeedReport> {
  const { path, crs, dryRun } = request;
  const content = await readFile(path, 'utf8');
  const format = /\.(geo)?json$/i.test(path) ? 'GEOJSON' : 'CSV';
  const principal = {
    role: 'ADMIN' as const,
    subject: request.actor,
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
      out.progress('Facilities', content.split('\n').length),
    );
  } catch (error) {
    throw error instanceof GraphQLError ? new Error(error.message) : error;
  }
  for (const row of report.rows.filter((r) => r.status === 'INVALID')) {
    out.error(`row ${row.row}: ${row.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }
  if (report.invalid > 0) throw new Error(`${report.invalid} of ${report.total} rows are invalid`);
  out.log(dryRun ? `Dry run: all ${report.total} rows are valid; nothing written.` : 'Written.');
  return {
    facility: { inserted: report.created, updated: report.updated, unchanged: report.unchanged, deleted: 0 },
  };
}
