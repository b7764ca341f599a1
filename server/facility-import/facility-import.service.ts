import type { EntityManager } from '@mikro-orm/sql';
import { AuditRepository } from '../audit/audit.repository';
import { requireRole } from '../auth/authorize';
import type { Principal } from '../auth/role';
import { badUserInput } from '../kernel/errors';
import { ImportRepository } from '../import/import.repository';
import type { FacilityImportRecord } from '../import/import.records';
import { FacilityFeeRepository } from '../facilities/facility-fee.repository';
import type { ImportedFee } from './fee-columns';
import { silentProgress, type Progress } from '../import/progress';
import { CHINA_EXTENT } from '../facilities/facility-write.rules';
import { FacilityWriteRepository, type StoredFacility } from '../facilities/facility-write.repository';
import { isMember } from '../kernel/vocabulary';
import type { ComputeCaller } from '../compute/compute-pool';
import type { NetworkLoader } from '../network/network.loader';
import { prepareServiceAreas, refreshServiceAreas } from '../service-areas/service-area.service';
import { readFacilityFile, ImportFileError, type FileRow, type ImportFormat } from './facility-file';
import {
  COORDINATE_SYSTEMS,
  facilityFromRow,
  sourceKeyOf,
  type CoordinateSystem,
  type FieldProblem,
} from './facility-row';

/** The outcome for one row. */
export interface RowReport {
  row: number;
  sourceKey: string | null;
  status: 'VALID' | 'INVALID' | 'CREATED' | 'UPDATED' | 'UNCHANGED';
  problems: FieldProblem[];
}

/** The outcome of an import: nothing is written unless every row is valid and it is not a dry run. */
export interface ImportReport {
  dryRun: boolean;
  written: boolean;
  total: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  rows: RowReport[];
}

/** What to import. */
export interface ImportRequest {
  content: string;
  format: ImportFormat;
  crs: string;
  dryRun: boolean;
  /** Used as `source` for rows without one. */
  sourceName: string;
  restrictToChina: boolean;
}

/** Largest import accepted through the API (the CLI reads files of any size). */
export const MAX_IMPORT_ROWS = 20_000;

/**
 * Bulk import of facilities from CSV or GeoJSON: every row is validated first, a dry run only reports,
 * a real run writes all rows in one transaction or none, and re-importing the same file changes nothing.
 */
export class FacilityImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly network: NetworkLoader | null = null,
    private readonly caller: ComputeCaller = {},
  ) {}

  /** Validates and (unless a dry run or any row is invalid) writes the rows. */
  async run(request: ImportRequest, progress: Progress = silentProgress()): Promise<ImportReport> {
    requireRole(this.principal, ['ADMIN'], 'importFacilities');
    if (!isMember(COORDINATE_SYSTEMS, request.crs)) {
      throw badUserInput(
        `Unknown coordinate system "${request.crs}"; use WGS84, GCJ02 (高德/腾讯) or BD09 (百度)`,
        'crs',
      );
    }
    let rows;
    try {
      rows = readFacilityFile(request.content, request.format);
    } catch (error) {
      if (error instanceof ImportFileError) throw badUserInput(error.message, 'content');
      throw error;
    }
    if (rows.length > MAX_IMPORT_ROWS)
      throw badUserInput(`At most ${MAX_IMPORT_ROWS} rows per import`, 'content');
    const keys = [...new Set(rows.flatMap(({ fields }) => sourceKeyOf(fields) ?? []))];
    // Checked against the stored rows inside the transaction that writes, with those rows locked: the
    // verdict of a dry run is the verdict a real run gives, and a real run never meets a check constraint.
    let written: FacilityImportRecord[] = [];
    const report = await this.em.transactional(async (tx): Promise<ImportReport> => {
      const stored = await new FacilityWriteRepository(tx).bySourceKeys(keys, !request.dryRun);
      const { reports, records, fees } = this.check(rows, request, stored);
      const invalid = reports.filter((r) => r.status === 'INVALID').length;
      const summary = { dryRun: request.dryRun, total: reports.length, invalid, rows: reports };
      if (request.dryRun || invalid > 0)
        return { ...summary, written: false, created: 0, updated: 0, unchanged: 0 };
      const status = await this.write(tx, records, progress);
      // Fees per care level, for the rows that have fee columns (the others keep theirs).
      await new FacilityFeeRepository(tx).replaceBySourceKey(fees);
      written = records.filter((record) => status.has(record.sourceKey));
      for (const report of reports) report.status = status.get(report.sourceKey!) ?? 'UNCHANGED';
      const count = (s: RowReport['status']) => reports.filter((r) => r.status === s).length;
      return {
        ...summary,
        written: true,
        created: count('CREATED'),
        updated: count('UPDATED'),
        unchanged: count('UNCHANGED'),
      };
    });
    // Service areas are derived data, drawn on the compute pool and stored after the rows commit: on the
    // embedded database a transaction holds every reader, so it carries the rows and their audit only. Should
    // this fail, the areas stay stale until the next refresh (any write, or start-up) draws them.
    if (written.length) {
      const areas = this.network
        ? await prepareServiceAreas(this.em, this.network, written, this.caller)
        : undefined;
      await refreshServiceAreas(this.em, undefined, areas);
    }
    return report;
  }

  private check(
    rows: FileRow[],
    request: ImportRequest,
    stored: Map<string, StoredFacility>,
  ): { reports: RowReport[]; records: FacilityImportRecord[]; fees: Map<string, ImportedFee[]> } {
    const records: FacilityImportRecord[] = [];
    const fees = new Map<string, ImportedFee[]>();
    const extent = request.restrictToChina ? CHINA_EXTENT : null;
    const reports: RowReport[] = rows.map(({ row, fields, readError }) => {
      const key = sourceKeyOf(fields);
      const {
        record,
        problems,
        fees: rowFees,
      } = facilityFromRow(fields, request.crs as CoordinateSystem, request.sourceName, {
        stored: (key && stored.get(key)) || null,
        extent,
      });
      const all: FieldProblem[] = readError
        ? [
            { ...readError, code: 'BAD_USER_INPUT' },
            ...problems.filter((p) => p.field !== 'lng' && p.field !== 'lat'),
          ]
        : problems;
      const sourceKey = key?.slice(0, 120) ?? null;
      if (all.length || !record) return { row, sourceKey, status: 'INVALID', problems: all };
      records.push(record);
      if (rowFees) fees.set(record.sourceKey, rowFees);
      return { row, sourceKey: record.sourceKey, status: 'VALID', problems: [] };
    });
    const seen = new Map<string, number>();
    for (const report of reports) {
      if (!report.sourceKey || report.status === 'INVALID') continue;
      const first = seen.get(report.sourceKey);
      if (first !== undefined) {
        report.status = 'INVALID';
        report.problems.push({
          field: 'source_key',
          message: `same source_key as row ${first}`,
          code: 'BAD_USER_INPUT',
        });
      } else {
        seen.set(report.sourceKey, report.row);
      }
    }
    const valid = new Set(reports.filter((r) => r.status === 'VALID').map((r) => r.sourceKey));
    const validFees = new Map([...fees].filter(([key]) => valid.has(key)));
    return { reports, records: records.filter((r) => valid.has(r.sourceKey)), fees: validFees };
  }

  private async write(
    tx: EntityManager,
    records: FacilityImportRecord[],
    progress: Progress,
  ): Promise<Map<string, 'CREATED' | 'UPDATED'>> {
    const status = new Map<string, 'CREATED' | 'UPDATED'>();
    const audit = new AuditRepository(tx);
    const imports = new ImportRepository(tx);
    const keys = records.map((r) => r.sourceKey);
    const before = await imports.facilitySnapshots(keys);
    await imports.upsertFacilities(records, progress, (change) =>
      status.set(change.sourceKey, change.inserted ? 'CREATED' : 'UPDATED'),
    );
    const after = await imports.facilitySnapshots(keys.filter((key) => status.has(key)));
    for (const [key, stored] of after) {
      await audit.record(this.principal, {
        action: status.get(key) === 'CREATED' ? 'IMPORT_CREATE' : 'IMPORT_UPDATE',
        entity: 'facility',
        entityId: stored.id,
        oldValues: before.get(key)?.values ?? null,
        newValues: stored.values,
      });
    }
    return status;
  }
}
