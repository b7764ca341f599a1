import { expect, test } from 'vitest';
import { SqlRunner } from '../../server/db/sql';
import { openTestDatabase } from '../support/database';

test('every geometry column has a spatial index, and Chinese name search has its index', async () => {
  const database = await openTestDatabase({ seeded: false });
  try {
    const sql = new SqlRunner(database.db.fork());
    const unindexed = await sql.all<{ column: string }>(
      `select c.relname || '.' || a.attname as "column"
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid and c.relkind = 'r'
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       join pg_type t on t.oid = a.atttypid and t.typname = 'geometry'
       where a.attnum > 0 and not a.attisdropped and not exists (
         select 1 from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
         where i.indrelid = c.oid and am.amname = 'gist' and a.attnum = any(i.indkey))
       order by 1`,
    );
    expect(unindexed).toEqual([]);
    const search = await sql.one<{ n: number }>(
      `select count(*)::int as n from pg_indexes where tablename = 'facility' and indexdef ilike '%gin (search_grams)%'`,
    );
    expect(search!.n).toBe(1);
  } finally {
    await database.dispose();
  }
});
