import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from './database';
import { startTestServer, type TestServer } from './graphql';

/** A test file's own database and running server, opened before its tests and closed after them. */
export interface ServerFixture {
  database: TestDatabase;
  server: TestServer;
}

/**
 * Registers beforeAll/afterAll hooks that give the calling test file a private database (a copy of the seeded
 * demo unless `seeded: false`) and a server on it; the returned object is filled in before the first test.
 */
export function useTestServer(options: { seeded?: boolean; env?: NodeJS.ProcessEnv } = {}): ServerFixture {
  const fixture = {} as ServerFixture;
  beforeAll(async () => {
    fixture.database = await openTestDatabase({ seeded: options.seeded ?? true });
    fixture.server = await startTestServer(fixture.database.db, options.env);
  });
  afterAll(async () => {
    await fixture.server?.close();
    await fixture.database?.dispose();
  });
  return fixture;
}
