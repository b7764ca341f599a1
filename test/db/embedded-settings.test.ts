import { expect, test } from 'vitest';
import { SqlRunner } from '../../server/db/sql';
import { TEST_DATABASE_URL } from '../support/database';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer({ seeded: false });

// The embedded database keeps a small buffer pool (server/db/database.ts): about 130 MB less resident memory.
test.skipIf(TEST_DATABASE_URL)('the embedded database runs with a buffer pool of 16 MB', async () => {
  const row = await new SqlRunner(fixture.database.db.fork()).one<{ value: string }>(
    `select current_setting('shared_buffers') as value`,
  );
  expect(row!.value).toBe('16MB');
});
