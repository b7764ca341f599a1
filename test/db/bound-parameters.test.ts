import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { SqlRunner, SqlValueError } from '../../server/db/sql';
import { formatError } from '../../server/graphql/format-error';
import { TEST_DATABASE_URL } from '../support/database';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer({ seeded: false });
const runner = () => new SqlRunner(fixture.database.db.fork());

/** What a GraphQL client would be told about an error a resolver threw. */
const asClientSees = (error: unknown) =>
  formatError({ message: String(error), extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);

const FACILITIES = `query($filter: FacilityFilter) { facilities(filter: $filter, first: 5) { totalCount } }`;

describe('SqlRunner sends values as bound parameters, never inside the SQL text', () => {
  test('a NUL byte in a text value is BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
    const error = await runner()
      .one('select $1::text as v', ['a\u0000b'])
      .catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toBe('22021');
    expect(asClientSees(error).extensions?.code).toBe('BAD_USER_INPUT');
    expect(asClientSees(error).message).toMatch(/NUL/);
  });

  test('a lone surrogate is refused, never silently replaced', async () => {
    const error = await runner()
      .one('select $1::text as v', ['a\ud800b'])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SqlValueError);
    expect(asClientSees(error).extensions?.code).toBe('BAD_USER_INPUT');
    const inArray = await runner()
      .one('select $1::text[] as v', [['ok', '\udc00']])
      .catch((caught: unknown) => caught);
    expect(inArray).toBeInstanceOf(SqlValueError);
    const paired = await runner().one<{ v: string }>('select $1::text as v', ['养老 😀 \u{20000}']);
    expect(paired!.v).toBe('养老 😀 \u{20000}');
  });

  test('text where a number belongs, or a number out of range, is BAD_USER_INPUT', async () => {
    for (const [value, sqlState] of [
      ['x', '22P02'],
      [NaN, '22P02'],
      [1e20, '22003'],
    ] as const) {
      const error = await runner()
        .one('select $1::int as v', [value])
        .catch((caught: unknown) => caught);
      expect((error as { code?: string }).code).toBe(sqlState);
      expect(asClientSees(error).extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  test('select 10 - $1 with -5 returns 15 (a negative value is not turned into a -- comment)', async () => {
    const row = await runner().one<{ v: number }>('select 10 - $1::int as v', [-5]);
    expect(row!.v).toBe(15);
  });

  test('NaN and Infinity bind as float values, not as identifiers', async () => {
    const row = await runner().one<{ nan: number; inf: number; negative: number }>(
      'select $1::float8 as nan, $2::float8 as inf, $3::float8 as negative',
      [NaN, Infinity, -Infinity],
    );
    expect(row!.nan).toBeNaN();
    expect(row!.inf).toBe(Infinity);
    expect(row!.negative).toBe(-Infinity);
  });

  test("a literal '?' in the SQL beside parameters does not shift them", async () => {
    const row = await runner().one<{ mark: string; first: string; second: number }>(
      `select '?' as mark, $1::text as first, $2::int as second`,
      ['one', 2],
    );
    expect(row).toEqual({ mark: '?', first: 'one', second: 2 });
  });

  test('arrays bind as arrays, with quotes, commas, braces, NULL and the empty array intact', async () => {
    const texts = ['a', 'b,c', 'd"e', '{f}', 'NULL', null, ''];
    const row = await runner().one<{ texts: (string | null)[]; ints: number[]; empty: string[]; n: number }>(
      'select $1::text[] as texts, $2::int[] as ints, $3::text[] as empty, cardinality($1::text[]) as n',
      [texts, [3, -1, 0], []],
    );
    expect(row).toEqual({ texts, ints: [3, -1, 0], empty: [], n: texts.length });
  });

  test('SQL with parameters but no $1 is refused, so a leftover ? cannot slip through', async () => {
    await expect(runner().one('select ?::int as v', [1])).rejects.toThrow(/placeholders/);
    await expect(runner().one('select $1::int as a, ?::int as b', [1, 2])).rejects.toThrow(/placeholders/);
    await expect(runner().one('select $2::int as v', [1, 2])).rejects.toThrow(/placeholders/);
    await expect(runner().one('select $1::int as v')).rejects.toThrow(/placeholders/);
  });

  test('inside em.transactional the runner writes in that transaction: a rollback leaves nothing', async () => {
    const entity = 'bound-parameters-rollback';
    const count = async (sql: SqlRunner) =>
      (await sql.one<{ n: number }>('select count(*)::int as n from audit_log where entity = $1', [entity]))!
        .n;
    const rollback = fixture.database.db.fork().transactional(async (tx) => {
      const sql = new SqlRunner(tx);
      await sql.run(
        `insert into audit_log (actor, role, action, entity, entity_id) values ($1, 'ADMIN', 'TEST', $2, '1')`,
        ['test', entity],
      );
      expect(await count(sql)).toBe(1);
      throw new Error('roll back');
    });
    await expect(rollback).rejects.toThrow('roll back');
    expect(await count(runner())).toBe(0);
  });

  test.skipIf(!TEST_DATABASE_URL)(
    'PostgreSQL receives parameters: pg_stat_activity shows $1, not the value',
    async () => {
      const marker = `bound-value-${process.pid}-${Date.now()}`;
      const lock = 424_242;
      const observer = new pg.Client({ connectionString: fixture.database.url! });
      await observer.connect();
      try {
        await observer.query('select pg_advisory_lock($1)', [lock]);
        const pending = runner().one<{ v: string }>(
          'select pg_advisory_xact_lock($1::bigint), $2::text as v',
          [lock, marker],
        );
        let seen: string | null = null;
        while (seen === null) {
          const { rows } = await observer.query<{ query: string }>(
            `select query from pg_stat_activity
             where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'
               and query like '%pg_advisory_xact_lock%'`,
          );
          seen = rows[0]?.query ?? null;
        }
        await observer.query('select pg_advisory_unlock($1)', [lock]);
        expect(seen).toContain('$2::text');
        expect(seen).not.toContain(marker);
        expect((await pending)!.v).toBe(marker);
      } finally {
        await observer.end();
      }
    },
  );
});

describe('through GraphQL', () => {
  test('a NUL byte in FacilityFilter.text is BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
    const result = await fixture.server.query(FACILITIES, { filter: { text: '养老\u0000院' } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/NUL/);
  });

  test('a NUL byte written into the query text itself is BAD_USER_INPUT too', async () => {
    const result = await fixture.server.query(
      `{ facilities(filter: { text: "养老\\u0000院" }, first: 5) { totalCount } }`,
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/NUL/);
  });

  test('a lone surrogate in FacilityFilter.text is BAD_USER_INPUT, never silently replaced', async () => {
    const result = await fixture.server.query(FACILITIES, { filter: { text: '养老\ud800院' } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/surrogate/);
  });
});
