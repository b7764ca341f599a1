import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { TokenService } from './auth/token.service';
import type { AppConfig } from './config';
import type { RequestContext } from './context';
import type { Database } from './db/database';
import { formatError } from './graphql/format-error';
import { createLoaders } from './graphql/loaders';
import { NetworkLoader } from './network/network.loader';
import { queryLimitsPlugin } from './graphql/limits';
import { RateLimiter } from './http/rate-limit';
import { handleGraphQL } from './http/graphql-handler';
import { serveQueryEditor } from './http/query-editor';
import { serveStatic } from './http/static-files';
import { serveMapRequest } from './tiles/map.http';

/** Largest GraphQL request body accepted, in bytes. */
export const MAX_BODY_BYTES = 5_000_000;

/** The running platform: HTTP server, GraphQL and the database behind them. */
export interface App {
  server: Server;
  apollo: ApolloServer<RequestContext>;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Wires GraphQL, the built client and the database into one HTTP server. */
export async function createApp(options: {
  config: AppConfig;
  db: Database;
  schema: GraphQLSchema;
  clientDir?: string;
  /** The road network in memory; by default read from the database on first use. */
  network?: NetworkLoader;
}): Promise<App> {
  const { config, db, schema } = options;
  const network = options.network ?? new NetworkLoader(db);
  const clientDir = options.clientDir ?? path.resolve('dist/client');
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Cache control would wrap every field's resolver to read hints the schema never gives.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin,
    ],
  });
  await apollo.start();
  const context = async (req: IncomingMessage): Promise<RequestContext> => {
    const em = db.fork();
    const principal = await new TokenService(em, config.jwtSecret).principalOf(req.headers.authorization);
    return { em, config, principal, network, loaders: createLoaders(em) };
  };

  const limiter = new RateLimiter(config.rateLimitPerMinute);

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/graphql') {
      const wait = limiter.take(req.headers.authorization ?? req.socket.remoteAddress ?? 'unknown');
      if (wait > 0) {
        res.writeHead(429, {
          'content-type': 'application/json; charset=utf-8',
          'retry-after': String(wait),
        });
        res.end(
          JSON.stringify({
            errors: [
              { message: `Too many requests; retry in ${wait} s`, extensions: { code: 'RATE_LIMITED' } },
            ],
          }),
        );
        return;
      }
      const wantsPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
      if (wantsPage && config.queryEditor) return serveQueryEditor(res);
      return handleGraphQL(apollo, req, res, context, MAX_BODY_BYTES);
    }
    if (pathname.startsWith('/tiles/') || pathname === '/config.json')
      return serveMapRequest(req, res, { db, config });
    if (pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', database: db.kind }));
      return;
    }
    if (req.method === 'GET' && (await serveStatic(clientDir, req, res))) return;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('Unexpected error while answering an HTTP request:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal server error');
    });
  });

  const sockets = new WebSocketServer({ server, path: '/graphql' });
  const subscriptions = useServer<{ authorization?: string }>(
    {
      schema,
      context: async ({ connectionParams }) => {
        const em = db.fork();
        const principal = await new TokenService(em, config.jwtSecret).principalOf(
          connectionParams?.authorization,
        );
        return { em, config, principal, network, loaders: createLoaders(em) } satisfies RequestContext;
      },
    },
    sockets,
  );

  return {
    server,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      await subscriptions.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
