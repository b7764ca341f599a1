import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Role } from '../auth/role';
import type { Database } from '../db/database';
import type { UpsertCounts } from '../import/import.records';
import { parseNeedCsv } from './need-csv';
import { NeedService } from './need.service';

/** `npm run import -- need <file.csv>`: imports needs-assessment aggregates, all or nothing, as ADMIN. */
export async function importNeedFile(db: Database, file: string): Promise<UpsertCounts> {
  const rows = parseNeedCsv(await readFile(file, 'utf8'), path.basename(file));
  return new NeedService(db.fork(), {
    role: Role.ADMIN,
    subject: 'cli',
    facilityIds: [],
    tokenId: null,
  }).importRows(rows, path.basename(file));
}
