import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { preparingClient } from '../../server/db/prepared-client';
import { SqlRunner } from '../../server/db/sql';
import { loadConfig } from '../../server/config';
import { TEST_DATABASE_URL } from '../support/database';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer({ seeded: false });

/** A pool of one connection whose client keeps at most `keep` prepared statements. */
function onePool(keep: number) {
  return new pg.Pool({ connectionString: fixture.database.url!, max: 1, Client: preparingClient(keep) });
}

/** Runs `use` on the one connection of such a pool, then closes it. */
async function withClient(keep: number, use: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const pool = onePool(keep);
  const client = await pool.connect();
  try {
    await use(client);
  } finally {
    client.release();
    await pool.end();
  }
}

const prepared = async (pool: pg.Pool) =>
  (
    await pool.query<{ statement: string }>(
      `select statement from pg_prepared_statements order by prepare_time, statement`,
    )
  ).rows.map((row) => row.statement);

describe.skipIf(!TEST_DATABASE_URL)('statements with parameters are prepared once per connection', () => {
  test('a statement run again on a connection is prepared there once, and answers as before', async () => {
    const pool = onePool(3);
    try {
      for (const n of [1, 2, 3]) {
        const { rows } = await pool.query<{ n: number }>('select $1::int + 1 as n', [n]);
        expect(rows[0].n).toBe(n + 1);
      }
      expect(await prepared(pool)).toEqual(['select $1::int + 1 as n']);
      // A config object is named too (as pg-pool and load tools send it), keeping its other options.
      const { rows } = await pool.query({ text: 'select $1::int * 2 as n', values: [21], rowMode: 'array' });
      expect(rows).toEqual([[42]]);
      expect(await prepared(pool)).toEqual(['select $1::int + 1 as n', 'select $1::int * 2 as n']);
      // Without parameters nothing is named: pg's simple protocol, several statements in one text.
      await pool.query('select 1; select 2');
      expect(await prepared(pool)).toEqual(['select $1::int + 1 as n', 'select $1::int * 2 as n']);
    } finally {
      await pool.end();
    }
  });

  test('beyond its bound a connection deallocates the least recently used, also inside a transaction', async () => {
    await withClient(2, async (client) => {
      await client.query('begin');
      for (const text of [
        'select $1::int as a',
        'select $1::int as b',
        'select $1::int as a',
        'select $1::int as c',
      ])
        await client.query(text, [1]);
      // b was used least recently: gone; the transaction is still good.
      const { rows } = await client.query<{ statement: string }>(
        `select statement from pg_prepared_statements order by statement`,
      );
      expect(rows.map((row) => row.statement)).toEqual(['select $1::int as a', 'select $1::int as c']);
      expect((await client.query<{ b: number }>('select $1::int as b', [7])).rows[0].b).toBe(7);
      await client.query('commit');
    });
  });

  test('a statement evicted and asked again at once, before the deallocation ran, is prepared again', async () => {
    await withClient(1, async (client) => {
      await client.query('select $1::int as a', [1]);
      // Queued together: b evicts a (deallocate a, then b), a evicts b (deallocate b, then a again).
      const [b, a] = await Promise.all([
        client.query<{ b: number }>('select $1::int as b', [2]),
        client.query<{ a: number }>('select $1::int as a', [3]),
      ]);
      expect([b.rows[0].b, a.rows[0].a]).toEqual([2, 3]);
      // b was still queued, not yet prepared, when a evicted it: it stays prepared, untracked, until used again.
      const { rows } = await client.query<{ statement: string }>(
        `select statement from pg_prepared_statements order by statement`,
      );
      expect(rows.map((row) => row.statement)).toEqual(['select $1::int as a', 'select $1::int as b']);
      expect((await client.query<{ a: number }>('select $1::int as a', [4])).rows[0].a).toBe(4);
      expect((await client.query<{ b: number }>('select $1::int as b', [5])).rows[0].b).toBe(5);
    });
  });

  test('a deallocation refused inside a failed transaction leaves the statement usable after it', async () => {
    await withClient(1, async (client) => {
      await client.query('select $1::int as a', [1]);
      await client.query('begin');
      await expect(client.query('select 1 / $1::int', [0])).rejects.toThrow(/division by zero/);
      // The transaction is aborted: the deallocation of the evicted statement fails with the statement itself.
      await expect(client.query('select $1::int as c', [5])).rejects.toThrow(/aborted/);
      await client.query('rollback');
      expect((await client.query<{ a: number }>('select $1::int as a', [6])).rows[0].a).toBe(6);
      expect((await client.query<{ c: number }>('select $1::int as c', [7])).rows[0].c).toBe(7);
    });
  });

  test('a statement that fails to prepare is not taken as prepared: the next try prepares it again', async () => {
    const pool = onePool(5);
    try {
      await expect(pool.query('select $1::int from no_such_table', [1])).rejects.toThrow(/no_such_table/);
      await pool.query('create table no_such_table (x int)');
      await expect(pool.query('select $1::int from no_such_table', [1])).resolves.toBeTruthy();
      await pool.query('drop table no_such_table');
    } finally {
      await pool.end();
    }
  });

  test('the server prepares what SqlRunner sends through the ORM', async () => {
    const text = `select $1::text as v /* prepared-${process.pid} */`;
    // One transaction holds one connection: the statement and the look at that connection's statements.
    const seen = await fixture.database.db.fork().transactional(async (em) => {
      const runner = new SqlRunner(em);
      for (let i = 0; i < 3; i++)
        expect((await runner.one<{ v: string }>(text, [String(i)]))!.v).toBe(String(i));
      return runner.all<{ name: string }>(`select name from pg_prepared_statements where statement = $1`, [
        text,
      ]);
    });
    expect(seen).toHaveLength(1);
    expect(seen[0].name).toMatch(/^cm_/);
  });
});

test('CAREMAP_PREPARED_STATEMENTS=0 leaves statements unnamed, for poolers that do not carry them', () => {
  expect(loadConfig({}).preparedStatements).toBe(100);
  expect(loadConfig({ CAREMAP_PREPARED_STATEMENTS: '0' }).preparedStatements).toBe(0);
  expect(preparingClient(0)).toBe(pg.Client);
  expect(() => loadConfig({ CAREMAP_PREPARED_STATEMENTS: '-1' })).toThrow(/whole number/);
  expect(() => loadConfig({ CAREMAP_PREPARED_STATEMENTS: 'lots' })).toThrow(/whole number/);
});
