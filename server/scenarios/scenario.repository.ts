import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import type { StoredChange } from './scenario-changes';

/** A scenario row. */
export interface ScenarioRow {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly shared: boolean;
  readonly changes: readonly StoredChange[];
  readonly nextChangeId: number;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const COLUMNS = `s.id::text as "id", s.name, s.owner, s.shared, s.changes, s.next_change_id as "nextChangeId",
  s.version, s.created_at as "createdAt", s.updated_at as "updatedAt"`;

function toRow(
  row: ScenarioRow & { changes: StoredChange[] | string; createdAt: Date | string; updatedAt: Date | string },
): ScenarioRow {
  return {
    ...row,
    changes: typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  };
}

/** The queries of scenarios; the facility table is never touched here. */
export class ScenarioRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** One scenario, or null. */
  async find(id: string): Promise<ScenarioRow | null> {
    const row = await this.sql.one<Parameters<typeof toRow>[0]>(
      `select ${COLUMNS} from scenario s where s.id = $1::int`,
      [id],
    );
    return row ? toRow(row) : null;
  }

  /** The scenarios of an owner and the shared ones of others (every one when all is true), newest first. */
  async visibleTo(owner: string, all: boolean): Promise<ScenarioRow[]> {
    const rows = await this.sql.all<Parameters<typeof toRow>[0]>(
      `select ${COLUMNS} from scenario s where $2::boolean or s.owner = $1 or s.shared
       order by s.updated_at desc, s.id desc`,
      [owner, all],
    );
    return rows.map(toRow);
  }

  /** Stores a new scenario without changes. */
  async insert(name: string, owner: string, shared: boolean): Promise<ScenarioRow> {
    const row = await this.sql.one<Parameters<typeof toRow>[0]>(
      `insert into scenario (name, owner, shared) values ($1, $2, $3) returning ${COLUMNS.replaceAll('s.', '')}`,
      [name, owner, shared],
    );
    return toRow(row!);
  }

  /**
   * Writes a scenario's new state when it is still at expectedVersion; the version goes up by one.
   * Null when the stored version differs (or the row is gone).
   */
  async update(
    id: string,
    expectedVersion: number,
    next: { name: string; shared: boolean; changes: readonly StoredChange[]; nextChangeId: number },
  ): Promise<ScenarioRow | null> {
    const row = await this.sql.one<Parameters<typeof toRow>[0]>(
      `update scenario set name = $3, shared = $4, changes = $5::jsonb, next_change_id = $6,
         version = version + 1, updated_at = now()
       where id = $1::int and version = $2
       returning ${COLUMNS.replaceAll('s.', '')}`,
      [id, expectedVersion, next.name, next.shared, JSON.stringify(next.changes), next.nextChangeId],
    );
    return row ? toRow(row) : null;
  }

  /** Deletes a scenario at expectedVersion; whether a row went. */
  async delete(id: string, expectedVersion: number): Promise<boolean> {
    return (
      (await this.sql.run(`delete from scenario where id = $1::int and version = $2`, [
        id,
        expectedVersion,
      ])) > 0
    );
  }

  /** Which of the ids are facilities of the directory (archived ones aside). */
  async existingFacilities(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.sql.all<{ id: string }>(
      `select id::text as "id" from facility where archived_at is null and id = any($1::int[])`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }
}
