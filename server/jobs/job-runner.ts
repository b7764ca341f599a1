import type { ClusterBus } from '../cluster/cluster-bus';
import type { Database } from '../db/database';
import type { NetworkLoader } from '../network/network.loader';
import { jobKind } from './job-kinds';
import type { JobState } from './job.record';
import { JobRepository } from './job.repository';

/** What a worker needs to run jobs. */
export interface JobWorkerDeps {
  db: Database;
  network: NetworkLoader;
  bus: ClusterBus;
  /** Called when an attempt ends, for the metrics. */
  onAttemptEnd?: (kind: string, outcome: 'completed' | 'failed' | 'cancelled' | 'retry') => void;
}

/** A job's change as announced to every node (subscribers then read the job). */
export interface JobChange {
  id: string;
  state: JobState;
}

/** How often a running job looks at its stored state (a cancellation missed on the bus), and stores progress. */
const CHECK_MS = 1_000;

/** Announces a job's change on the bus; a lost announcement only delays a subscriber until the next. */
export function announceJob(bus: ClusterBus, change: JobChange): Promise<void> {
  return bus
    .publish('job', change)
    .catch((error: unknown) => console.error('Job change not announced:', error));
}

/**
 * Runs one attempt of a stored job: marks it running, runs its kind's work with progress and cancellation,
 * and stores its result once (an attempt that finds the job finished, or cancelled, stores nothing). Throws
 * when the attempt failed, after recording whether a retry follows (attempts left) or the job failed.
 */
export async function runJobAttempt(deps: JobWorkerDeps, id: string, stopping?: AbortSignal): Promise<void> {
  const jobs = () => new JobRepository(deps.db.fork());
  const job = await jobs().start(id);
  if (!job) return;
  const kind = jobKind(job.kind);
  if (!kind) {
    await jobs().fail(id, `No worker knows jobs of kind ${job.kind}`, true);
    await announceJob(deps.bus, { id, state: 'FAILED' });
    return;
  }
  await announceJob(deps.bus, { id, state: 'RUNNING' });
  const cancel = new AbortController();
  const signal = stopping ? AbortSignal.any([cancel.signal, stopping]) : cancel.signal;
  const stopListening = deps.bus.subscribe('job', (message) => {
    const change = message as JobChange;
    if (change.id === id && change.state === 'CANCELLED') cancel.abort();
  });
  let reported = { fraction: 0, label: null as string | null, stored: true };
  const check = setInterval(() => {
    const { fraction, label, stored } = reported;
    reported = { ...reported, stored: true };
    const running = stored
      ? jobs()
          .stateOf(id)
          .then((state) => state === 'RUNNING')
      : jobs().progress(id, fraction, label);
    running.then(
      (still) => {
        if (!still) cancel.abort();
        else if (!stored) void announceJob(deps.bus, { id, state: 'RUNNING' });
      },
      () => undefined,
    );
  }, CHECK_MS);
  const em = deps.db.fork();
  try {
    const result = await kind.run(job.input, {
      db: deps.db,
      em,
      network: deps.network,
      principal: {
        role: job.requesterRole as never,
        subject: job.requestedBy,
        facilityIds: [],
        tokenId: null,
      },
      signal,
      progress: (fraction, label) => {
        reported = { fraction: Math.min(1, Math.max(0, fraction)), label: label ?? null, stored: false };
      },
    });
    if (signal.aborted) throw signal.reason;
    const stored = await jobs().complete(id, result);
    deps.onAttemptEnd?.(job.kind, stored ? 'completed' : 'cancelled');
    if (stored) await announceJob(deps.bus, { id, state: 'COMPLETED' });
  } catch (error) {
    if (cancel.signal.aborted) {
      deps.onAttemptEnd?.(job.kind, 'cancelled');
      return;
    }
    const final = job.attempts > kind.retryLimit;
    await jobs().fail(id, error instanceof Error ? error.message : String(error), final);
    deps.onAttemptEnd?.(job.kind, final ? 'failed' : 'retry');
    await announceJob(deps.bus, { id, state: final ? 'FAILED' : 'QUEUED' });
    throw error;
  } finally {
    clearInterval(check);
    stopListening();
  }
}
