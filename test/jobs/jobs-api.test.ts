import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { beforeAll, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { JobRepository } from '../../server/jobs/job.repository';
import { useTestServer } from '../support/test-server';
import { TEST_JWT_SECRET } from '../support/secret';

const fixture = useTestServer();
const auth: Record<string, Record<string, string>> = { PUBLIC: {} };

const JOB_FIELDS = 'id kind state progress attempts result error requestedBy finishedAt';
const START_COVERAGE = `mutation($code: String!, $types: [FacilityType!]!) {
  startCoverageJob(regionCode: $code, types: $types, minutes: 15) { ${JOB_FIELDS} } }`;
const JOB = `query($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`;
const CITY = { code: '330100', types: ['NURSING_HOME', 'STREET_CARE_CENTER'] };

interface JobAnswer {
  id: string;
  kind: string;
  state: string;
  progress: number;
  attempts: number;
  result: Record<string, unknown> | null;
  error: string | null;
  requestedBy: string;
}

beforeAll(async () => {
  const tokens = new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET);
  for (const [name, role] of [
    ['PLANNER', 'PLANNER'],
    ['OTHER_PLANNER', 'PLANNER'],
    ['ADMIN', 'ADMIN'],
  ] as const) {
    const { token } = await tokens.issue({ kind: 'JWT', role, subject: `jobs ${name}` });
    auth[name] = { authorization: `Bearer ${token}` };
  }
});

async function startCoverage(who = 'PLANNER'): Promise<JobAnswer> {
  const started = await fixture.server.query<{ startCoverageJob: JobAnswer }>(
    START_COVERAGE,
    CITY,
    auth[who],
  );
  expect(started.errors).toBeUndefined();
  return started.data!.startCoverageJob;
}

async function poll(id: string, who = 'PLANNER'): Promise<JobAnswer> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = await fixture.server.query<{ job: JobAnswer }>(JOB, { id }, auth[who]);
    expect(answer.errors).toBeUndefined();
    const job = answer.data!.job;
    if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(job.state) || Date.now() > deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('a whole-city coverage job stores the report the coverage query gives, polled by its owner to COMPLETED', async () => {
  const job = await startCoverage();
  expect(job).toMatchObject({ kind: 'COVERAGE', state: 'QUEUED', attempts: 0, result: null });
  const done = await poll(job.id);
  expect(done).toMatchObject({ state: 'COMPLETED', attempts: 1, progress: 1, error: null });
  const asked = await fixture.server.query<{ coverage: Record<string, unknown> }>(
    `query($code: String!, $types: [FacilityType!]!) { coverage(regionCode: $code, types: $types, minutes: 15) {
      region { regionCode cellCount elderly { age60plus } withinReach { age60plus } } searches } }`,
    CITY,
    auth.PLANNER,
  );
  expect(asked.errors).toBeUndefined();
  const stored = done.result as { region: Record<string, unknown>; searches: number };
  const region = asked.data!.coverage.region as Record<string, unknown>;
  expect(stored.searches).toBe(asked.data!.coverage.searches);
  expect(stored.region).toMatchObject(region);
});

test('a job cancelled (queued or running) ends CANCELLED and stores no result; a finished job stays as it is', async () => {
  const first = await startCoverage();
  const cancel = `mutation($id: ID!) { cancelJob(id: $id) { id state attempts } }`;
  // A small coverage job can finish before the cancel arrives (seen on a loaded machine): queue jobs behind
  // the first and cancel the last one queued, trying again with a longer queue until a cancel lands.
  let cancelledId: string | null = null;
  for (let queued = 2; queued <= 16 && cancelledId === null; queued *= 2) {
    const jobs = [];
    for (let i = 0; i < queued; i++) jobs.push(await startCoverage());
    const last = jobs[jobs.length - 1];
    const cancelled = await fixture.server.query<{ cancelJob: JobAnswer }>(
      cancel,
      { id: last.id },
      auth.PLANNER,
    );
    expect(cancelled.errors).toBeUndefined();
    const state = cancelled.data!.cancelJob.state;
    expect(['CANCELLED', 'COMPLETED']).toContain(state);
    if (state === 'CANCELLED') cancelledId = last.id;
  }
  expect(cancelledId).not.toBeNull();
  expect((await poll(first.id)).state).toBe('COMPLETED');
  // A running attempt notices within a second and stops; it must not store its result then.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await poll(cancelledId!)).toMatchObject({ state: 'CANCELLED', result: null });
  const again = await fixture.server.query<{ cancelJob: JobAnswer }>(cancel, { id: first.id }, auth.PLANNER);
  expect(again.data!.cancelJob.state).toBe('COMPLETED');
});

test('jobs lists your own jobs to a PLANNER and every job to ADMIN; another planner cannot see one; PUBLIC is refused', async () => {
  const mine = await startCoverage();
  await poll(mine.id);
  const list = `{ jobs(first: 50) { totalCount edges { node { id requestedBy } } } }`;
  type List = { jobs: { totalCount: number; edges: { node: { id: string; requestedBy: string } }[] } };
  const own = await fixture.server.query<List>(list, {}, auth.PLANNER);
  expect(own.data!.jobs.edges.map((edge) => edge.node.requestedBy)).toContain('jobs PLANNER');
  expect(new Set(own.data!.jobs.edges.map((edge) => edge.node.requestedBy))).toEqual(
    new Set(['jobs PLANNER']),
  );
  const other = await fixture.server.query<List>(list, {}, auth.OTHER_PLANNER);
  expect(other.data!.jobs.totalCount).toBe(0);
  expect(
    (await fixture.server.query(JOB, { id: mine.id }, auth.OTHER_PLANNER)).errors?.[0].extensions?.code,
  ).toBe('NOT_FOUND');
  const all = await fixture.server.query<List>(list, {}, auth.ADMIN);
  expect(all.data!.jobs.edges.map((edge) => edge.node.id)).toContain(mine.id);
  const refused = await fixture.server.query(list, {}, auth.PUBLIC);
  expect(refused.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  const serviceAreas = await fixture.server.query(
    `mutation { startServiceAreaJob { id } }`,
    {},
    auth.PLANNER,
  );
  expect(serviceAreas.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

test('a job of a kind asked once per queue, asked for twice while one waits, is one job', async () => {
  const jobs = new JobRepository(fixture.database.db.fork());
  const job = { kind: 'SERVICE_AREAS', input: {}, requestedBy: 'jobs test', requesterRole: 'ADMIN' };
  // Stored only, never handed to the queue: it stays QUEUED for as long as the test needs.
  const [one, two] = await Promise.all([
    jobs.create({ ...job, id: randomUUID() }, true),
    jobs.create({ ...job, id: randomUUID() }, true),
  ]);
  expect([one.created, two.created].sort()).toEqual([false, true]);
  expect(one.job.id).toBe(two.job.id);
  expect((await jobs.cancel(one.job.id))?.state).toBe('CANCELLED');
});

test('a service-area job completes with the counts of areas stored', async () => {
  const started = await fixture.server.query<{ startServiceAreaJob: JobAnswer }>(
    `mutation { startServiceAreaJob { ${JOB_FIELDS} } }`,
    {},
    auth.ADMIN,
  );
  expect(started.errors).toBeUndefined();
  const done = await poll(started.data!.startServiceAreaJob.id, 'ADMIN');
  expect(done.state).toBe('COMPLETED');
  expect(done.result).toMatchObject({ inserted: 0, updated: 0, unchanged: expect.any(Number) });
  expect((done.result as { unchanged: number }).unchanged).toBeGreaterThan(0);
});

test('jobChanged delivers the job as it is, then its changes, ending with COMPLETED', async () => {
  const client = createClient({
    url: `${fixture.server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: auth.PLANNER.authorization },
  });
  try {
    const job = await startCoverage();
    const states: string[] = [];
    let result: unknown = null;
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ jobChanged: { state: string; result: unknown } }>(
        {
          query: `subscription($id: ID!) { jobChanged(id: $id) { state result } }`,
          variables: { id: job.id },
        },
        {
          next: (event) => {
            if (event.errors) return reject(new Error(JSON.stringify(event.errors)));
            states.push(event.data!.jobChanged.state);
            result = event.data!.jobChanged.result;
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    expect(states.at(-1)).toBe('COMPLETED');
    expect(result).toMatchObject({ region: { regionCode: CITY.code } });
  } finally {
    await client.dispose();
  }
});
