import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';

/** Queries about the secrets the platform generates for itself (table app_secret). */
export class SecretRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Stores `candidate` under `name` unless a value is there already; returns the value kept. */
  async keep(name: string, candidate: string): Promise<string> {
    await this.sql.run(`insert into app_secret (name, value) values ($1, $2) on conflict (name) do nothing`, [
      name,
      candidate,
    ]);
    const row = await this.sql.one<{ value: string }>(`select value from app_secret where name = $1`, [name]);
    return row!.value;
  }
}
