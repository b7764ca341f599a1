// The import services below load type-graphql classes, which need the metadata polyfill first.
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import type { Role } from '../auth/role';
import { TokenService } from '../auth/token.service';
import type { Database } from '../db/database';
import { importFacilityFile } from '../facility-import/facility-import.cli';
import { importBoundaries, importCensus, importOsm } from '../import/file-import';
import { startProgress, type Progress } from '../import/progress';
import { seedDemo } from '../import/seed';
import { PopulationImportService } from '../population/population-import.service';
import { readBoundaryGeoJson, readBoundaryShapefile } from '../boundary-import/boundary-file';
import { BoundaryImportService } from '../boundary-import/boundary-import.service';
import { importNeedFile } from '../need/need.cli';
import { importCareServiceFile } from '../care-services/care-service.cli';
import type { NetworkLoader } from '../network/network.loader';

/**
 * What the command line can ask for. Plain JSON, so that the same command runs here on the database or is
 * sent to the running server, which runs it with this same module.
 */
export type CliCommand =
  | {
      name: 'token-issue';
      role: string;
      subject: string;
      facilityIds: string[];
      apiKey: boolean;
      days: number | null;
    }
  | { name: 'token-revoke'; id: string }
  | { name: 'token-list' }
  | {
      name: 'import-file';
      kind: 'osm' | 'boundaries' | 'census';
      path: string;
      bbox?: string;
      region?: string;
    }
  | { name: 'import-facilities'; path: string; crs: string; dryRun: boolean; actor: string }
  | { name: 'import-population'; path: string; dryRun: boolean; actor: string }
  | { name: 'import-region-boundaries'; path: string; crs: string; dryRun: boolean; actor: string }
  | { name: 'import-need'; path: string }
  | { name: 'import-care-services'; path: string }
  | { name: 'seed' };

/** Where a command reports: the same calls print on this terminal or travel from the server to it. */
export interface CommandOutput {
  log(text: string): void;
  error(text: string): void;
  /** Rows as `console.table` shows them: a list of records, or records by name. */
  table(rows: object): void;
  progress(label: string, total: number): Progress;
}

/** What a command runs against. */
export interface CommandDeps {
  db: Database;
  jwtSecret: string;
  /** The running server's road network, read again after an import that replaces it. */
  network?: NetworkLoader;
}

/** Prints on this process's terminal. */
export const consoleOutput: CommandOutput = {
  log: (text) => console.log(text),
  error: (text) => console.error(text),
  table: (rows) => console.table(rows),
  progress: startProgress,
};

/** Runs one command and returns the process exit code (0 done, 1 failed); failures are reported on `out`. */
export async function runCommand(
  command: CliCommand,
  deps: CommandDeps,
  out: CommandOutput,
): Promise<number> {
  try {
    await execute(command, deps, out);
    return 0;
  } catch (error) {
    const message = (error as Error).message;
    out.error(command.name.startsWith('import') ? `Import failed, nothing was written: ${message}` : message);
    return 1;
  }
}

async function execute(command: CliCommand, deps: CommandDeps, out: CommandOutput): Promise<void> {
  const tokens = () => new TokenService(deps.db.fork(), deps.jwtSecret);
  switch (command.name) {
    case 'token-issue': {
      const issued = await tokens().issue({
        role: command.role.toUpperCase() as Role,
        subject: command.subject,
        facilityIds: command.facilityIds,
        kind: command.apiKey ? 'API_KEY' : 'JWT',
        validDays: command.days,
      });
      out.log(
        `id:      ${issued.id}\nexpires: ${issued.expiresAt?.toISOString() ?? 'never'}\ntoken (shown once):\n${issued.token}`,
      );
      return;
    }
    case 'token-revoke':
      out.log(
        (await tokens().revoke(command.id)) ? `Revoked ${command.id}` : `No active token ${command.id}`,
      );
      return;
    case 'token-list':
      out.table(
        (await tokens().list()).map(({ secretHash: _hash, createdAt, expiresAt, revokedAt, ...token }) => ({
          ...token,
          createdAt: isoTime(createdAt),
          expiresAt: isoTime(expiresAt),
          revokedAt: isoTime(revokedAt),
        })),
      );
      return;
    case 'import-file': {
      const importers = { osm: importOsm, boundaries: importBoundaries, census: importCensus };
      const report =
        command.kind === 'osm'
          ? await importOsm(deps.db, command.path, out.progress, {
              bbox: command.bbox,
              region: command.region,
            })
          : await importers[command.kind](deps.db, command.path);
      if (command.kind === 'osm') await deps.network?.reload();
      out.table(report);
      return;
    }
    case 'import-facilities':
      out.table(await importFacilityFile(deps.db, command, out));
      return;
    case 'import-region-boundaries': {
      const crs = command.crs.toUpperCase();
      if (crs !== 'WGS84' && crs !== 'GCJ02' && crs !== 'BD09')
        throw new Error(`unknown --crs ${command.crs}`);
      const features = /\.shp$/i.test(command.path)
        ? await readBoundaryShapefile(
            await readFile(command.path),
            await readFile(command.path.replace(/\.shp$/i, '.dbf')).catch(() => undefined),
            crs,
          )
        : readBoundaryGeoJson(await readFile(command.path, 'utf8'), crs);
      const report = await new BoundaryImportService(deps.db.fork(), {
        role: 'ADMIN',
        subject: command.actor,
        facilityIds: [],
        tokenId: null,
      }).run({ features, dryRun: command.dryRun, source: `import: ${command.path} (${crs})` });
      for (const p of report.problems)
        out.error(`feature ${p.feature}${p.code ? ` (${p.code})` : ''}: ${p.message}`);
      for (const o of report.overlaps)
        out.log(`overlap: ${o.first} and ${o.second} share ${(100 * o.share).toFixed(1)}% of the smaller`);
      if (report.invalid > 0) throw new Error(`${report.invalid} of ${report.total} features are invalid`);
      out.log(
        command.dryRun
          ? `Dry run: all ${report.total} features are valid; nothing written.`
          : `Written: ${report.updated} outlines changed, ${report.unchanged} unchanged.`,
      );
      return;
    }
    case 'import-population': {
      const report = await new PopulationImportService(deps.db.fork(), {
        role: 'ADMIN',
        subject: command.actor,
        facilityIds: [],
        tokenId: null,
      }).run({ content: await readFile(command.path, 'utf8'), dryRun: command.dryRun });
      for (const p of report.problems)
        out.error(`line ${p.row}${p.code ? ` (${p.code})` : ''}: ${p.field}: ${p.message}`);
      for (const m of report.mismatches) {
        out.log(
          `check: ${m.parentName} ${m.parentCode} 60+ ${m.parentAge60plus}, its ${m.childrenCounted} of ${m.childrenInForce} children counted sum to ${m.childrenAge60plus}`,
        );
      }
      if (report.invalid > 0) throw new Error(`${report.invalid} of ${report.total} rows are invalid`);
      out.log(
        command.dryRun
          ? `Dry run: all ${report.total} rows are valid; nothing written.`
          : `Written: ${report.updated} regions updated, ${report.cellsUpdated} population cells re-spread.`,
      );
      return;
    }
    case 'import-need':
      out.table(await importNeedFile(deps.db, command.path));
      return;
    case 'import-care-services':
      out.table(await importCareServiceFile(deps.db, command.path));
      return;
    case 'seed': {
      const report = await seedDemo(deps.db, out.progress);
      await deps.network?.reload();
      out.table(report);
      return;
    }
  }
}

/** Checks a command that arrived as JSON (the server's admin path); throws with what is wrong. */
export function parseCommand(value: unknown): CliCommand {
  const c = (value ?? {}) as Record<string, unknown>;
  const text = (key: string) => {
    if (typeof c[key] !== 'string') throw new Error(`"${key}" must be a string`);
    return c[key];
  };
  const flag = (key: string) => {
    if (typeof c[key] !== 'boolean') throw new Error(`"${key}" must be true or false`);
    return c[key];
  };
  switch (c.name) {
    case 'token-issue': {
      const facilityIds = c.facilityIds;
      if (!Array.isArray(facilityIds) || facilityIds.some((id) => typeof id !== 'string')) {
        throw new Error('"facilityIds" must be a list of strings');
      }
      if (c.days !== null && typeof c.days !== 'number') throw new Error('"days" must be a number or null');
      return {
        name: c.name,
        role: text('role'),
        subject: text('subject'),
        facilityIds: facilityIds as string[],
        apiKey: flag('apiKey'),
        days: c.days,
      };
    }
    case 'token-revoke':
      return { name: c.name, id: text('id') };
    case 'token-list':
    case 'seed':
      return { name: c.name };
    case 'import-file': {
      const kind = text('kind');
      if (kind !== 'osm' && kind !== 'boundaries' && kind !== 'census') {
        throw new Error('"kind" must be osm, boundaries or census');
      }
      const area = (key: 'bbox' | 'region') => (typeof c[key] === 'string' ? { [key]: c[key] } : {});
      return { name: c.name, kind, path: text('path'), ...area('bbox'), ...area('region') };
    }
    case 'import-facilities':
      return {
        name: c.name,
        path: text('path'),
        crs: text('crs'),
        dryRun: flag('dryRun'),
        actor: text('actor'),
      };
    case 'import-population':
      return { name: c.name, path: text('path'), dryRun: flag('dryRun'), actor: text('actor') };
    case 'import-region-boundaries':
      return {
        name: c.name,
        path: text('path'),
        crs: text('crs'),
        dryRun: flag('dryRun'),
        actor: text('actor'),
      };
    case 'import-need':
    case 'import-care-services':
      return { name: c.name, path: text('path') };
    default:
      throw new Error(`Unknown command ${JSON.stringify(c.name)}`);
  }
}

function isoTime(value: Date | string | null): string | null {
  return value == null ? null : new Date(value).toISOString();
}
