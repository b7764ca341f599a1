import type { EntityManager } from '@mikro-orm/sql';
import { requireRole } from '../auth/authorize';
import type { Principal } from '../auth/role';
import { ImportRepository } from '../import/import.repository';
import { badUserInput } from '../kernel/errors';
import { reallocateCells, type AgeCounts } from './cell-reallocation';
import { PopulationImportRepository, type TableRegion } from './population-import.repository';
import { readPopulationTable, type PopulationRowProblem, type PopulationTableRow } from './population-table';

/**
 * Spreads the stored counts of counted units (streets, communities with an outline) among `codes` and their
 * children over the cells inside them (after their outlines changed); returns how many cells changed.
 */
export async function respreadCountedUnits(tx: EntityManager, codes: readonly string[]): Promise<number> {
  const repository = new PopulationImportRepository(tx);
  const units = await repository.countedUnitsAt(codes);
  if (units.length === 0) return 0;
  const cells = await repository.cellsIn(units.map((unit) => unit.code));
  const { counts } = reallocateCells(cells, units);
  return repository.setCellCounts(
    counts,
    '示例数据 sample: street/community counts spread over OpenStreetMap housing (ODbL)',
  );
}

/** Largest table accepted through the API. */
export const MAX_POPULATION_ROWS = 20_000;

/** A parent whose counted children do not add up to it (or cover only some of its children). */
export interface CountMismatch {
  parentCode: string;
  parentName: string;
  parentAge60plus: number;
  childrenAge60plus: number;
  childrenCounted: number;
  childrenInForce: number;
}

/** What a population import found and did; nothing is written unless every row is valid and it is not a dry run. */
export interface PopulationImportReport {
  dryRun: boolean;
  written: boolean;
  total: number;
  invalid: number;
  updated: number;
  unchanged: number;
  problems: PopulationRowProblem[];
  mismatches: CountMismatch[];
  cellsUpdated: number;
  unitsWithoutCells: string[];
}

/**
 * Imports tables of older people (60+, 65+, 80+) per street or community: checks every row against the
 * regions in force, writes all or nothing, checks children against parents (reported, not refused: census
 * tables may round), and spreads each counted unit over the population cells inside its outline in proportion
 * to housing, so the cells of every counted unit sum to its counts exactly.
 */
export class PopulationImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
  ) {}

  /** Validates and (unless a dry run or a row is invalid) writes the table. */
  async run(request: { content: string; dryRun: boolean }): Promise<PopulationImportReport> {
    requireRole(this.principal, ['ADMIN'], 'importPopulation');
    const { rows, problems } = readPopulationTable(request.content);
    if (rows.length + problems.length > MAX_POPULATION_ROWS)
      throw badUserInput(`At most ${MAX_POPULATION_ROWS} rows per import`, 'content');
    return this.em.transactional(async (tx) => {
      const repository = new PopulationImportRepository(tx);
      const regions = await repository.regionsWithParents(rows.map((row) => row.code));
      const valid = rows.filter((row) => {
        const region = regions.get(row.code);
        const problem = (message: string) =>
          problems.push({ row: row.row, code: row.code, field: 'code', message });
        if (!region) problem(`no region has the division code ${row.code}`);
        else if (region.validTo) problem(`${region.name} ${row.code} ended on ${region.validTo}`);
        else if (row.name && row.name !== region.name)
          problem(`the name "${row.name}" is not the name of ${row.code}, ${region.name}`);
        else return true;
        return false;
      });
      const invalidRows = new Set(problems.map((p) => p.row)).size;
      const mismatches = checkChildren(valid, regions);
      const base = {
        dryRun: request.dryRun,
        total: new Set([...rows.map((row) => row.row), ...problems.map((p) => p.row)]).size,
        invalid: invalidRows,
        problems: problems.sort((a, b) => a.row - b.row),
        mismatches,
      };
      if (request.dryRun || invalidRows > 0) {
        return { ...base, written: false, updated: 0, unchanged: 0, cellsUpdated: 0, unitsWithoutCells: [] };
      }
      const changed = await new ImportRepository(tx).setRegionPopulation(
        valid.map((row) => ({
          code: row.code,
          counts: row,
          populationTotal: row.populationTotal,
          year: row.year,
          source: row.source,
          isSample: row.isSample,
        })),
      );
      const outlined = valid.filter((row) => regions.get(row.code)!.hasBoundary);
      const cells = await repository.cellsIn(outlined.map((row) => row.code));
      const { counts, unitsWithoutCells } = reallocateCells(
        cells,
        outlined.map((row) => ({
          code: row.code,
          parentCode: regions.get(row.code)!.parentCode,
          counts: row,
        })),
      );
      const sources = [...new Set(valid.map((row) => `${row.source} (${row.year})`))].join('; ');
      const cellsUpdated = await repository.setCellCounts(
        counts,
        `示例数据 sample: ${sources}, spread over OpenStreetMap housing (ODbL)`,
      );
      return {
        ...base,
        written: true,
        updated: changed.size,
        unchanged: valid.length - changed.size,
        cellsUpdated,
        unitsWithoutCells,
      };
    });
  }
}

/**
 * Parents (given in the table, or stored) of counted children whose 60+ counts do not add up to them, or
 * whose children are only partly counted.
 */
function checkChildren(
  rows: readonly PopulationTableRow[],
  regions: ReadonlyMap<string, TableRegion>,
): CountMismatch[] {
  const given = new Map<string, AgeCounts>(rows.map((row) => [row.code, row]));
  const byParent = new Map<string, PopulationTableRow[]>();
  for (const row of rows) {
    const parent = regions.get(row.code)?.parentCode;
    if (parent) byParent.set(parent, [...(byParent.get(parent) ?? []), row]);
  }
  const mismatches: CountMismatch[] = [];
  for (const [parentCode, children] of byParent) {
    const parent = regions.get(parentCode);
    if (!parent) continue;
    const parentCounts = given.get(parentCode) ?? (parent.counted ? parent : null);
    if (!parentCounts) continue;
    const sum = children.reduce((total, child) => total + child.age60plus, 0);
    if (sum !== parentCounts.age60plus || children.length !== parent.childCount) {
      mismatches.push({
        parentCode,
        parentName: parent.name,
        parentAge60plus: parentCounts.age60plus,
        childrenAge60plus: sum,
        childrenCounted: children.length,
        childrenInForce: parent.childCount,
      });
    }
  }
  return mismatches.sort((a, b) => a.parentCode.localeCompare(b.parentCode));
}
