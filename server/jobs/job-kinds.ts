import type { EntityManager } from '@mikro-orm/sql';
import type { Principal, Role } from '../auth/role';
import type { Database } from '../db/database';
import type { NetworkLoader } from '../network/network.loader';

/** What a job's work gets: its own entity manager, the road network, who asked, progress and cancellation. */
export interface JobContext {
  db: Database;
  em: EntityManager;
  network: NetworkLoader;
  /** Who asked for the job (their role and name; no facility rights). */
  principal: Principal;
  /** Aborted when the job is cancelled or its worker stops. */
  signal: AbortSignal;
  /** Reports how far the job is, 0–1, with what it is doing. */
  progress(fraction: number, label?: string): void;
}

/** A kind of job: who may ask for it, how it is checked and done. */
export interface JobKind<Input extends object = Record<string, unknown>, Result = unknown> {
  /** Name stored with each job, e.g. COVERAGE. */
  readonly name: string;
  /** Roles that may start (and see) jobs of this kind. */
  readonly roles: readonly Role[];
  /** Attempts after the first when one fails or its worker is lost. */
  readonly retryLimit: number;
  /**
   * Whether asking again while one is queued returns the queued one instead of a second (a refresh that
   * reads the database when it runs, say).
   */
  readonly oncePerQueue?: boolean;
  /** Checks an input when the job is asked for (throws BAD_USER_INPUT), before anything is queued. */
  check?(input: Input, principal: Principal): void;
  /** Does the work; the result is stored as JSON. */
  run(input: Input, context: JobContext): Promise<Result>;
}

const kinds = new Map<string, JobKind>();

/** Makes a kind of job known to every worker and API node that imports its module. */
export function registerJobKind<Input extends object, Result>(kind: JobKind<Input, Result>): void {
  kinds.set(kind.name, kind as unknown as JobKind);
}

/** The kind of a name, if registered. */
export function jobKind(name: string): JobKind | undefined {
  return kinds.get(name);
}

/** Names of every registered kind. */
export function jobKindNames(): string[] {
  return [...kinds.keys()];
}
