import { invalidateOnChange } from '../cluster/cluster-caches';
import { ClusterBus } from '../cluster/cluster-bus';
import type { ComputePool } from '../compute/compute-pool';
import type { AppConfig } from '../config';
import type { Database } from '../db/database';
import { connectFacilityEvents } from '../facilities/facility-events';
import { FacilityRepository } from '../facilities/facility.repository';
import { openJobQueue, type JobQueue } from '../jobs/job-queue';
import { JobRepository } from '../jobs/job.repository';
import { JobService } from '../jobs/job.service';
import '../jobs/registered-jobs';
import { SERVICE_AREAS_JOB } from '../jobs/service-areas.job';
import { NetworkLoader } from '../network/network.loader';
import { tileCacheOf } from '../tiles/tile-cache';
import { NodeMetrics } from './metrics';

/** What makes a process one node among many: its bus, job queue, road network and metrics. */
export interface NodeServices {
  bus: ClusterBus;
  queue: JobQueue;
  network: NetworkLoader;
  metrics: NodeMetrics;
  /** Stops working jobs (running ones finish within the queue's grace), listening and publishing. */
  stop(): Promise<void>;
}

/** Who asks for the jobs a node queues by itself. */
const SYSTEM = { role: 'ADMIN', subject: 'system:network-changed', facilityIds: [], tokenId: null } as const;
/** Announcements in quick succession (an import's statements) queue one job. */
const SETTLE_MS = 500;

/**
 * Connects a process to the others on its database: vacancy changes through the cluster bus, caches
 * invalidated by the database's announcements, and the job queue (worked here when `work`).
 */
export async function startNodeServices(
  db: Database,
  config: Pick<AppConfig, 'redisUrl' | 'jobExpireSeconds' | 'jobMaintenanceSeconds'>,
  compute: ComputePool,
  work: boolean,
): Promise<NodeServices> {
  const network = new NetworkLoader(db, compute);
  const bus = await ClusterBus.open(db, config);
  const queue = await openJobQueue(db, {
    expireSeconds: config.jobExpireSeconds,
    maintenanceSeconds: config.jobMaintenanceSeconds,
  });
  const metrics = new NodeMetrics({ db, compute, jobs: () => new JobRepository(db.fork()).counts() });
  const disconnect = connectFacilityEvents(bus, (id) => new FacilityRepository(db.fork()).findById(id));
  const stopInvalidating = invalidateOnChange(bus, {
    network,
    clearTiles: () => tileCacheOf(db.orm.em.getDriver()).clear(),
  });
  // A new road network (an import, by any process) makes stored service areas stale: every node asks for their
  // recomputation, and the queue keeps one waiting job however many ask.
  let queueing: NodeJS.Timeout | null = null;
  const stopQueueing = bus.subscribe('cache', (what) => {
    if (what !== 'network' || queueing) return;
    queueing = setTimeout(() => {
      queueing = null;
      new JobService(db.fork(), SYSTEM, { queue, bus })
        .start(SERVICE_AREAS_JOB, { networkChanged: true })
        .catch((error: unknown) => console.error('Service areas could not be queued:', error));
    }, SETTLE_MS);
  });
  if (work) {
    await queue.work({
      db,
      network,
      bus,
      onAttemptEnd: (kind, outcome) => metrics.jobAttemptEnded(kind, outcome),
    });
  }
  return {
    bus,
    queue,
    network,
    metrics,
    stop: async () => {
      stopQueueing();
      if (queueing) clearTimeout(queueing);
      await queue.stop();
      stopInvalidating();
      disconnect();
      await bus.close();
    },
  };
}
