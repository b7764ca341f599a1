import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ClusterBus } from '../../server/cluster/cluster-bus';
import { SqlRunner } from '../../server/db/sql';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database';

const REDIS_URL = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase({ seeded: false });
});
afterAll(async () => {
  await database?.dispose();
});

/** Two buses, as two nodes would have, each recording what reaches it. */
async function twoNodes(redisUrl: string | null) {
  const buses = await Promise.all([0, 1].map(() => ClusterBus.open(database.db, { redisUrl })));
  const received = buses.map(() => [] as unknown[]);
  buses.forEach((bus, index) => bus.subscribe('vacancy', (message) => received[index].push(message)));
  return { buses, received, close: () => Promise.all(buses.map((bus) => bus.close())) };
}

test.skipIf(TEST_DATABASE_URL)(
  'on the embedded database the bus stays in this process, Redis or not',
  async () => {
    const bus = await ClusterBus.open(database.db, { redisUrl: REDIS_URL });
    try {
      expect(bus.transport).toBe('in-process');
      const received: unknown[] = [];
      bus.subscribe('vacancy', (message) => received.push(message));
      await bus.publish('vacancy', { facilityId: '1' });
      await settle(0);
      expect(received).toEqual([{ facilityId: '1' }]);
    } finally {
      await bus.close();
    }
  },
);

describe.skipIf(!TEST_DATABASE_URL).each([
  ['PostgreSQL LISTEN/NOTIFY', null],
  ['Redis', REDIS_URL],
])('between nodes over %s', (_name, redisUrl) => {
  test('a message published on one node reaches every node once', async () => {
    const nodes = await twoNodes(redisUrl);
    try {
      expect(nodes.buses[0].transport).toBe(redisUrl ? 'redis' : 'postgresql');
      await nodes.buses[1].publish('vacancy', { facilityId: '7' });
      await settle(500);
      expect(nodes.received).toEqual([[{ facilityId: '7' }], [{ facilityId: '7' }]]);
    } finally {
      await nodes.close();
    }
  });

  test('a change to the road network committed by any writer is announced to every node', async () => {
    const nodes = await twoNodes(redisUrl);
    const changes = nodes.buses.map(() => [] as unknown[]);
    nodes.buses.forEach((bus, index) => bus.subscribe('cache', (what) => changes[index].push(what)));
    try {
      await new SqlRunner(database.db.fork()).run(`delete from road_edge where id = -1`);
      await settle(500);
      expect(changes).toEqual([['network'], ['network']]);
    } finally {
      await nodes.close();
    }
  });
});

test('a message too large for NOTIFY is refused before it is sent', async () => {
  const bus = await ClusterBus.open(database.db, { redisUrl: null });
  try {
    await expect(bus.publish('vacancy', { text: 'x'.repeat(8_000) })).rejects.toThrow(/limited to/);
  } finally {
    await bus.close();
  }
});
