import PgBoss from 'pg-boss';
import type { Database } from '../db/database';
import { jobKind } from './job-kinds';
import { runJobAttempt, type JobWorkerDeps } from './job-runner';
import { JobRepository } from './job.repository';

/** The pg-boss queue every job travels on (the job's id is the pg-boss id; its kind is in the job table). */
const QUEUE = 'caremap-jobs';

/** Hands stored jobs to workers: pg-boss on PostgreSQL, this process on the embedded database. */
export interface JobQueue {
  readonly engine: 'pg-boss' | 'in-process';
  /** Queues a stored job. */
  enqueue(jobId: string, kind: string): Promise<void>;
  /** Takes a cancelled job off the queue (a running one stops through its stored state). */
  cancel(jobId: string): Promise<void>;
  /** Starts working jobs in this process. */
  work(deps: JobWorkerDeps): Promise<void>;
  /** Whether the queue answers (readiness). */
  healthy(): Promise<boolean>;
  /** Stops taking jobs, lets running ones end (up to a grace period), then closes. */
  stop(): Promise<void>;
}

/** How a queue on PostgreSQL expires and retries. */
export interface QueueTiming {
  /** A job running longer than this is taken as lost (its worker died) and retried. */
  expireSeconds: number;
  /** How often expired jobs are looked for. */
  maintenanceSeconds: number;
}

/** Opens the node's queue. */
export async function openJobQueue(db: Database, timing: QueueTiming): Promise<JobQueue> {
  if (!db.url) return new InProcessQueue(db);
  const boss = new PgBoss({
    connectionString: db.url,
    application_name: 'caremap-jobs',
    max: 4,
    maintenanceIntervalSeconds: timing.maintenanceSeconds,
  });
  boss.on('error', (error) => console.error('Job queue error:', error.message));
  await boss.start();
  await createQueueOnce(boss);
  return new PgBossQueue(boss, timing);
}

/** Creates the queue unless it exists; nodes starting together may deadlock creating it, and then try again. */
async function createQueueOnce(boss: PgBoss): Promise<void> {
  for (let attempt = 1; !(await boss.getQueue(QUEUE)); attempt++) {
    try {
      await boss.createQueue(QUEUE);
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

class PgBossQueue implements JobQueue {
  readonly engine = 'pg-boss';

  constructor(
    private readonly boss: PgBoss,
    private readonly timing: QueueTiming,
  ) {}

  async enqueue(jobId: string, kind: string): Promise<void> {
    await this.boss.send(
      QUEUE,
      { jobId },
      {
        id: jobId,
        retryLimit: jobKind(kind)?.retryLimit ?? 0,
        retryDelay: 1,
        expireInSeconds: this.timing.expireSeconds,
      },
    );
  }

  cancel(jobId: string): Promise<void> {
    return this.boss.cancel(QUEUE, jobId);
  }

  async work(deps: JobWorkerDeps): Promise<void> {
    await this.boss.work<{ jobId: string }>(QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      await runJobAttempt(deps, job.data.jobId);
    });
  }

  async healthy(): Promise<boolean> {
    return this.boss.getQueue(QUEUE).then(
      (queue) => queue !== null,
      () => false,
    );
  }

  stop(): Promise<void> {
    return this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

/**
 * Jobs run one at a time in this process, on the embedded database: the same table, states, retries and
 * results as on PostgreSQL. Jobs left queued or running by a previous run are taken up again at start.
 */
class InProcessQueue implements JobQueue {
  readonly engine = 'in-process';
  private readonly pending: string[] = [];
  private deps: JobWorkerDeps | null = null;
  private running: Promise<void> | null = null;
  private readonly stopping = new AbortController();

  constructor(private readonly db: Database) {}

  async enqueue(jobId: string): Promise<void> {
    this.pending.push(jobId);
    this.pump();
  }

  async cancel(jobId: string): Promise<void> {
    const index = this.pending.indexOf(jobId);
    if (index >= 0) this.pending.splice(index, 1);
  }

  async work(deps: JobWorkerDeps): Promise<void> {
    this.deps = deps;
    this.pending.push(...(await new JobRepository(this.db.fork()).unfinished()));
    this.pump();
  }

  async healthy(): Promise<boolean> {
    return !this.stopping.signal.aborted;
  }

  async stop(): Promise<void> {
    this.stopping.abort(new Error('The server is stopping'));
    this.pending.length = 0;
    await this.running;
  }

  private pump(): void {
    if (this.running || !this.deps || this.stopping.signal.aborted) return;
    const deps = this.deps;
    this.running = (async () => {
      for (let id = this.pending.shift(); id; id = this.pending.shift()) {
        await runJobAttempt(deps, id, this.stopping.signal).catch(async () => {
          // A failed attempt with attempts left is queued again (the runner stored it as QUEUED).
          if ((await new JobRepository(this.db.fork()).stateOf(id)) === 'QUEUED') this.pending.push(id);
        });
      }
    })().finally(() => {
      this.running = null;
      if (this.pending.length) this.pump();
    });
  }
}
