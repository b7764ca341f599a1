import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Role } from '../auth/role';
import type { Database } from '../db/database';
import type { UpsertCounts } from '../import/import.records';
import { parseCareServiceCsv } from './care-service-csv';
import { CareServiceService } from './care-service.service';

/** `npm run import -- care-services <file.csv>`: records services delivered, all or nothing, as ADMIN. */
export async function importCareServiceFile(db: Database, file: string): Promise<UpsertCounts> {
  const records = parseCareServiceCsv(await readFile(file, 'utf8'), path.basename(file));
  const admin = { role: Role.ADMIN, subject: 'cli', facilityIds: [], tokenId: null };
  return new CareServiceService(db.fork(), admin).record(records);
}
