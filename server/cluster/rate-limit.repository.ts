import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';

/** A client's count in its current window and the milliseconds left of the window. */
export interface WindowCount {
  current: number;
  ttl: number;
}

/** Rate-limit counters in the database, shared by every node. */
export class RateLimitRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Counts one request of a key; a window that has ended starts again at 1. */
  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const row = await this.sql.one<{ hits: number; ttl: number }>(
      `insert into rate_limit_hit as h (key, hits, resets_at)
       values ($1, 1, clock_timestamp() + $2::int * interval '1 millisecond')
       on conflict (key) do update set
         hits = case when h.resets_at <= clock_timestamp() then 1 else h.hits + 1 end,
         resets_at = case when h.resets_at <= clock_timestamp() then excluded.resets_at else h.resets_at end
       returning hits, greatest(0, ceil(extract(epoch from (resets_at - clock_timestamp())) * 1000))::int as ttl`,
      [key, windowMs],
    );
    return { current: row!.hits, ttl: row!.ttl };
  }

  /** A key's count without counting a request. */
  async read(key: string): Promise<WindowCount> {
    const row = await this.sql.one<{ hits: number; ttl: number }>(
      `select hits, greatest(0, ceil(extract(epoch from (resets_at - clock_timestamp())) * 1000))::int as ttl
       from rate_limit_hit where key = $1 and resets_at > clock_timestamp()`,
      [key],
    );
    return row ? { current: row.hits, ttl: row.ttl } : { current: 0, ttl: 0 };
  }

  /** Forgets windows that ended; returns how many. */
  deleteEnded(): Promise<number> {
    return this.sql.run(`delete from rate_limit_hit where resets_at < clock_timestamp()`);
  }
}
