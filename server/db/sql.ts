import type { EntityManager } from '@mikro-orm/sql';

/** Runs raw SQL on an entity manager, inside its current transaction when it has one. */
export class SqlRunner {
  constructor(private readonly em: EntityManager) {}

  /** All rows of a query; `?` placeholders are bound from `params`. */
  async all<Row>(query: string, params: unknown[] = []): Promise<Row[]> {
    const rows = await this.em.getConnection().execute(query, params, 'all', this.em.getTransactionContext());
    return rows as Row[];
  }

  /** The first row of a query, or null. */
  async one<Row>(query: string, params: unknown[] = []): Promise<Row | null> {
    const rows = await this.all<Row>(query, params);
    return rows[0] ?? null;
  }

  /** Runs a statement and returns how many rows it touched. */
  async run(query: string, params: unknown[] = []): Promise<number> {
    const result = (await this.em
      .getConnection()
      .execute(query, params, 'run', this.em.getTransactionContext())) as { affectedRows?: number };
    return result.affectedRows ?? 0;
  }
}

/** Binds a JavaScript array as a SQL `text[]` (placeholders inline values, so arrays travel as JSON). */
export const TEXT_ARRAY_PARAM = `coalesce((select array_agg(e) from jsonb_array_elements_text(?::jsonb) e), '{}'::text[])`;
