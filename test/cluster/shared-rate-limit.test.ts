import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';
import { TEST_JWT_SECRET } from '../support/secret';

const REDIS_URL = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
const LIMIT = 6;

// Two nodes share counters on PostgreSQL (in the database, or in Redis when configured).
describe.skipIf(!TEST_DATABASE_URL).each([
  ['in PostgreSQL', {}, LIMIT],
  ['in Redis', { REDIS_URL }, LIMIT],
  // A deployment that says it has one node counts in memory: two nodes would each allow the limit.
  [
    'in each node’s memory (CAREMAP_RATE_LIMIT_STORE=memory)',
    { CAREMAP_RATE_LIMIT_STORE: 'memory' },
    2 * LIMIT,
  ],
])('a rate limit counted %s', (_where, env: NodeJS.ProcessEnv, allowed: number) => {
  let database: TestDatabase;
  let nodes: TestServer[];

  beforeAll(async () => {
    database = await openTestDatabase({ seeded: false });
    const nodeEnv = { ...env, CAREMAP_RATE_LIMIT_PER_MINUTE: String(LIMIT), CAREMAP_JOB_WORKER: '0' };
    nodes = [await startTestServer(database.db, nodeEnv), await startTestServer(database.db, nodeEnv)];
  });
  afterAll(async () => {
    for (const node of nodes ?? []) await node.close();
    await database?.dispose();
  });

  test(`holds at ${allowed} a minute for one token spread over two nodes`, async () => {
    // A token of its own: its key is new on every run, whatever earlier runs left in Redis.
    const { token } = await new TokenService(database.db.fork(), TEST_JWT_SECRET).issue({
      kind: 'JWT',
      role: 'PLANNER',
      subject: 'shared rate limit',
    });
    const statuses: number[] = [];
    for (let i = 0; i < allowed + 2; i++) {
      const answer = await nodes[i % 2].query(
        '{ viewer { role } }',
        {},
        { authorization: `Bearer ${token}` },
      );
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([...Array<number>(allowed).fill(200), 429, 429]);
  });
});
