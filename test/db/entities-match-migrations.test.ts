import type { EntityManager, MikroORM } from '@mikro-orm/sql';
import { expect, test } from 'vitest';
import { SqlRunner } from '../../server/db/sql';
import { openTestDatabase, type TestDatabase } from '../support/database';

/** A check the diff drops and adds again: the same name on both sides, expressions MikroORM read as different. */
interface ChangedCheck {
  table: string;
  name: string;
}

const DROP_CHECK = /^alter table "(\w+)" drop constraint "(\w+)";$/;
const ADD_CHECK = /^alter table "(\w+)" add constraint "(\w+)" check \(.*\);$/;

/**
 * Splits the diff into its statements, taking out the checks it would drop and re-add under the same
 * name. MikroORM compares check expressions by text, and PostgreSQL shows a literal compared with a
 * `double precision` column as `(0)::double precision`, which MikroORM 7.2 reads back as `0 precision`:
 * those checks never compare equal by text, so PostgreSQL compares them instead (see `checkDefinitions`).
 */
function splitChangedChecks(diff: string): { statements: string[]; changedChecks: ChangedCheck[] } {
  const statements = diff
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const dropped = new Set(statements.flatMap((s) => DROP_CHECK.exec(s)?.slice(1, 3).join('.') ?? []));
  const changedChecks: ChangedCheck[] = [];
  for (const statement of statements) {
    const added = ADD_CHECK.exec(statement);
    if (added && dropped.has(`${added[1]}.${added[2]}`))
      changedChecks.push({ table: added[1], name: added[2] });
  }
  const changed = new Set(changedChecks.map((c) => `${c.table}.${c.name}`));
  const rest = statements.filter((s) => {
    const match = DROP_CHECK.exec(s) ?? ADD_CHECK.exec(s);
    return !match || !changed.has(`${match[1]}.${match[2]}`);
  });
  return { statements: rest, changedChecks };
}

/** The check expression an entity declares under `name` on `table`. */
function declaredCheck(orm: MikroORM, table: string, name: string): string {
  for (const meta of orm.getMetadata().getAll().values()) {
    if (meta.tableName !== table) continue;
    const check = meta.checks.find((c) => c.name === name);
    if (typeof check?.expression === 'string') return check.expression;
  }
  throw new Error(`no entity declares check ${name} on ${table} as a string`);
}

/**
 * The database's definition of a check beside PostgreSQL's own rendering of the entity's expression, put
 * on a copy of the table's columns: equal when the two say the same thing.
 */
async function checkDefinitions(
  em: EntityManager,
  orm: MikroORM,
  check: ChangedCheck,
): Promise<{ database: string; entity: string }> {
  const sql = new SqlRunner(em);
  const probe = `entity_check_probe_${check.table}`;
  const definition = `select pg_get_constraintdef(c.oid) as def from pg_constraint c
    where c.conrelid = $1::regclass and c.conname = $2`;
  await sql.run(`create table ${probe} (like ${check.table})`);
  try {
    await sql.run(
      `alter table ${probe} add constraint ${check.name} check (${declaredCheck(orm, check.table, check.name)})`,
    );
    const database = await sql.one<{ def: string }>(definition, [check.table, check.name]);
    const entity = await sql.one<{ def: string }>(definition, [probe, check.name]);
    return { database: database!.def, entity: entity!.def };
  } finally {
    await sql.run(`drop table ${probe}`);
  }
}

/** What still differs between the entities and the database, as the SQL that would align the database. */
async function differences(database: TestDatabase): Promise<string[]> {
  const { orm } = database.db;
  const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
  const { statements, changedChecks } = splitChangedChecks(diff);
  const em = database.db.fork();
  for (const check of changedChecks) {
    const { database: stored, entity } = await checkDefinitions(em, orm, check);
    if (stored !== entity)
      statements.push(`-- ${check.table}.${check.name}: database ${stored}, entity ${entity}`);
  }
  return statements;
}

test('a freshly migrated database is what the entities describe, and the diff shows where it is not', async () => {
  // One database for both halves: a migrated PGlite with PostGIS takes long enough to open only once.
  const database = await openTestDatabase({ seeded: false });
  try {
    const statements = await differences(database);
    const hint =
      'entities and migrations disagree; declare the difference on the entity (indexes, checks, column ' +
      'types, delete rules) or write a migration (server/db/migrations) that makes the database so. ' +
      'SQL that would align the database with the entities:';
    expect(statements, `${hint}\n${statements.join('\n')}`).toEqual([]);

    const sql = new SqlRunner(database.db.fork());
    await sql.run(`alter table facility alter column phone type varchar(40)`);
    await sql.run(`drop index facility_type_idx`);
    await sql.run(`alter table road_edge drop constraint road_edge_cost_check`);
    await sql.run(`alter table road_edge add constraint road_edge_cost_check check (cost >= 1)`);
    const changed = (await differences(database)).join('\n');
    expect(changed).toMatch(/alter table "facility" alter column "phone" type text/);
    expect(changed).toMatch(/create index "facility_type_idx"/);
    expect(changed).toMatch(/road_edge\.road_edge_cost_check: database CHECK \(\(cost >= \(1\)/);
  } finally {
    await database.dispose();
  }
  // Two schema diffs over every table of a freshly migrated PGlite: minutes on a loaded machine, not seconds.
}, 300_000);
