import type { GraphQLFormattedError } from 'graphql';
import { createApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Database } from '../../server/db/database';
import { createSchema } from '../../server/schema';
import { TEST_JWT_SECRET } from './secret';

/** A running server on a free port with a helper to send GraphQL over real HTTP. */
export interface TestServer {
  app: App;
  url: string;
  query<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; data?: Data | null; errors?: GraphQLFormattedError[] }>;
  close(): Promise<void>;
}

/** Starts the platform's HTTP server on an ephemeral port over the given database. */
export async function startTestServer(db: Database, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const config = {
    ...loadConfig({ NODE_ENV: 'test', CAREMAP_JWT_SECRET: TEST_JWT_SECRET, ...env }),
    port: 0,
    host: '127.0.0.1',
  };
  const app = await createApp({ config, db, schema: await createSchema() });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    async query(query, variables, headers) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: never; errors?: GraphQLFormattedError[] };
      return { status: res.status, ...body };
    },
    close: () => app.close(),
  };
}
