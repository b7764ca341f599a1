import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/database';
import { RateLimitRepository, type WindowCount } from './rate-limit.repository';

type Callback = (error: Error | null, result?: WindowCount) => void;

/** How often a node forgets ended windows. */
const SWEEP_MS = 60_000;

/**
 * A @fastify/rate-limit store whose counters live in PostgreSQL, so that a client's requests count the same
 * on every node. Each limiter (GraphQL, tiles) counts under its own prefix, named by its limit and window so
 * that every node names it alike.
 */
export function postgresRateLimitStore(db: Database): FastifyRateLimitStoreCtor {
  const prefixOf = (params: object) => {
    const { max, timeWindow } = params as { max?: unknown; timeWindow?: unknown };
    return `${String(max)}/${String(timeWindow)}:`;
  };
  return class PostgresRateLimitStore {
    private readonly prefix: string;

    constructor(params: object) {
      this.prefix = prefixOf(params);
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      new RateLimitRepository(db.fork()).hit(this.prefix + key, timeWindow).then(
        (count) => callback(null, count),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback): void {
      new RateLimitRepository(db.fork()).read(this.prefix + key).then(
        (count) => callback(null, count),
        (error: Error) => callback(error),
      );
    }

    child(params: object) {
      return new PostgresRateLimitStore(params);
    }
  };
}

/** Deletes ended windows now and then; returns the function that stops. */
export function sweepRateLimits(db: Database): () => void {
  const timer = setInterval(() => {
    new RateLimitRepository(db.fork()).deleteEnded().catch(() => undefined);
  }, SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
