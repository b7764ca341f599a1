import { CompiledQuery, type QueryResult } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from '@mikro-orm/sql';

/** SQLSTATE 22021 (character_not_in_repertoire): what PostgreSQL answers for a NUL byte in text. */
const CHARACTER_NOT_IN_REPERTOIRE = '22021';
const LONE_SURROGATE = /\p{Cs}/u;
const PLACEHOLDER = /\$(\d+)/g;

/**
 * A value that cannot travel to the database unchanged. It carries the SQLSTATE PostgreSQL uses for
 * the same fault, so it is reported like the database's own value errors.
 */
export class SqlValueError extends Error {
  readonly code = CHARACTER_NOT_IN_REPERTOIRE;
}

/**
 * Runs raw SQL on an entity manager, inside its current transaction when it has one. Values are sent to
 * the database as bound parameters `$1, $2…` (never formatted into the SQL text); arrays bind as arrays.
 */
export class SqlRunner {
  constructor(private readonly em: EntityManager) {}

  /** All rows of a query; `$n` placeholders are bound from `params`. */
  async all<Row>(query: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.execute(query, params);
    return result.rows as Row[];
  }

  /** The first row of a query, or null. */
  async one<Row>(query: string, params: readonly unknown[] = []): Promise<Row | null> {
    const rows = await this.all<Row>(query, params);
    return rows[0] ?? null;
  }

  /** Runs a statement and returns how many rows it touched. */
  async run(query: string, params: readonly unknown[] = []): Promise<number> {
    const result = await this.execute(query, params);
    return Number(result.numAffectedRows ?? 0);
  }

  private execute(query: string, params: readonly unknown[]): Promise<QueryResult<unknown>> {
    checkPlaceholders(query, params.length);
    params.forEach(checkValue);
    // MikroORM's onQuery hook sees (and may annotate) every statement, as it does the ORM's own.
    const text = this.em.config.get('onQuery')(query, params);
    return this.em.getKysely().executeQuery(CompiledQuery.raw(text, [...params]));
  }
}

/** The bound values of one statement built in parts: each value gets the next placeholder `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Binds a value; returns its placeholder, with a cast when given one (`$3::int`). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/** Placeholder counts of statements already checked, by SQL text (the hot ones are few, and long). */
const placeholderCounts = new LRUCache<string, number>({ max: 2_000 });

/** Refuses SQL whose `$n` placeholders do not number exactly its parameters (a leftover `?`, say). */
function checkPlaceholders(query: string, count: number): void {
  if (placeholderCounts.get(query) === count) return;
  const used = new Set([...query.matchAll(PLACEHOLDER)].map((match) => Number(match[1])));
  const highest = Math.max(0, ...used);
  if (highest !== count || used.size !== count) {
    throw new Error(`SQL has placeholders up to $${highest} (${used.size} distinct) for ${count} parameters`);
  }
  placeholderCounts.set(query, count);
}

/** Text is sent as UTF-8; a lone surrogate would be replaced on the way, so it is refused instead. */
function checkValue(value: unknown): void {
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
    throw new SqlValueError('Text contains a lone surrogate, which is not a Unicode character');
  }
  if (Array.isArray(value)) value.forEach(checkValue);
}
