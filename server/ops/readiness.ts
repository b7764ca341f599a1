import type { ClusterBus } from '../cluster/cluster-bus';
import type { Database } from '../db/database';
import { SqlRunner } from '../db/sql';
import type { JobQueue } from '../jobs/job-queue';
import type { NetworkLoader } from '../network/network.loader';

/** How long one readiness check may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 2_000;

/** What a node needs to serve: the database (and replica), the job queue, the cluster bus, the road network. */
export interface ReadinessSources {
  db: Database;
  queue: JobQueue;
  bus: ClusterBus;
  network: NetworkLoader;
  /** True once the node has been told to stop: it finishes what runs and takes nothing new. */
  draining(): boolean;
}

function within<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS).unref()),
  ]);
}

const answers = (db: () => SqlRunner) =>
  db()
    .one<{ ok: number }>('select 1 as ok')
    .then((row) => row?.ok === 1);

/** Each check and whether the node is ready: every check passes and it is not draining. */
export async function readiness(
  sources: ReadinessSources,
): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
  const { db } = sources;
  const [database, readReplica, queue] = await Promise.all([
    within(
      answers(() => new SqlRunner(db.fork())),
      false,
    ),
    db.hasReadReplica
      ? within(
          answers(() => new SqlRunner(db.forkRead())),
          false,
        )
      : Promise.resolve(true),
    within(sources.queue.healthy(), false),
  ]);
  const checks = {
    database,
    readReplica,
    queue,
    bus: sources.bus.connected(),
    network: sources.network.loaded(),
    accepting: !sources.draining(),
  };
  return { ready: Object.values(checks).every(Boolean), checks };
}
