// type-graphql's decorators need the metadata polyfill before any server module loads.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ClusterBus } from '../../server/cluster/cluster-bus';
import { SqlRunner } from '../../server/db/sql';
import { openJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import { JobService } from '../../server/jobs/job.service';
import '../../server/jobs/registered-jobs';
import { startWorker, type WorkerChild } from '../cluster/nodes';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database';

/** A lost attempt is noticed after this (and the queue's maintenance), then retried. */
const TIMING = { CAREMAP_JOB_EXPIRE_SECONDS: '4', CAREMAP_JOB_MAINTENANCE_SECONDS: '1' };
const ALL_TYPES = [
  'NURSING_HOME',
  'NURSING_HOSPITAL',
  'STREET_CARE_CENTER',
  'COMMUNITY_CARE_STATION',
  'MEAL_POINT',
  'HOSPITAL',
  'PRIMARY_CARE',
  'PHARMACY',
];

// Workers in other processes share a queue only on PostgreSQL; the embedded database runs jobs in its server.
describe.skipIf(!TEST_DATABASE_URL)('a job whose worker is killed', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let bus: ClusterBus;
  const workers: WorkerChild[] = [];

  beforeAll(async () => {
    database = await openTestDatabase({ seeded: true });
    queue = await openJobQueue(database.db, { expireSeconds: 4, maintenanceSeconds: 1 });
    bus = await ClusterBus.open(database.db, { redisUrl: null });
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
    await queue?.stop();
    await bus?.close();
    await database?.dispose();
  });

  test('is completed by another worker, and its result is stored once', async () => {
    const sql = new SqlRunner(database.db.fork());
    const state = async (id: string) =>
      (await sql.one<{ state: string; attempts: number; result: unknown; finished: Date | null }>(
        `select state, attempts, result, finished_at as finished from background_job where id = $1::uuid`,
        [id],
      ))!;
    const first = await startWorker(database.url!, TIMING);
    workers.push(first);
    const job = await new JobService(
      database.db.fork(),
      { role: 'PLANNER', subject: 'worker-kill test', facilityIds: [], tokenId: null },
      { queue, bus },
    ).start('COVERAGE', { regionCode: '330100', types: ALL_TYPES, minutes: 60, capacityAware: true });

    let seen = await state(job.id);
    const deadline = Date.now() + 60_000;
    while (seen.state === 'QUEUED' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = await state(job.id);
    }
    expect(seen).toMatchObject({ state: 'RUNNING', attempts: 1 });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // Killed mid-attempt: nothing was stored.
    expect(await state(job.id)).toMatchObject({ state: 'RUNNING', attempts: 1, result: null });

    workers.push(await startWorker(database.url!, TIMING));
    let done = await state(job.id);
    for (let end = Date.now() + 120_000; !['COMPLETED', 'FAILED'].includes(done.state) && Date.now() < end;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      done = await state(job.id);
    }
    expect(done.state).toBe('COMPLETED');
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(done.result).toMatchObject({ region: { regionCode: '330100' } });
    const boss = await sql.one<{ state: string; retries: number }>(
      `select state::text as state, retry_count as retries from pgboss.job where id = $1::uuid`,
      [job.id],
    );
    expect(boss).toMatchObject({ state: 'completed' });
    expect(boss!.retries).toBeGreaterThanOrEqual(1);
    // A late attempt (the queue retries a slow one) finds the job finished and stores nothing over it.
    const finished = done.finished;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await state(job.id)).finished).toEqual(finished);
  });
});
