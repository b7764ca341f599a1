import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { ADMIN_CLI_PATH, handleAdminRequest } from './admin/admin.http';
import { resolveJwtSecret } from './auth/jwt-secret';
import { ComputePool } from './compute/compute-pool';
import type { AppConfig } from './config';
import type { RequestContext } from './context';
import type { Database } from './db/database';
import { formatError } from './graphql/format-error';
import { compiledExecutionGateway } from './graphql/compiled-execution';
import { createLoaders } from './loaders';
import { queryLimitsPlugin } from './graphql/limits';
import { storableTextPlugin } from './graphql/storable-text';
import { Callers } from './http/caller';
import { capConnectionsPerAddress } from './http/connection-cap';
import { answerHttpError, answerNotFound, rateLimitError } from './http/errors';
import { HTTP_LIMITS, MAX_BODY_BYTES } from './http/http-limits';
import { QUERY_EDITOR_HEADERS, QUERY_EDITOR_PAGE } from './http/query-editor';
import { serveGraphQLOverWebSocket } from './http/websocket';
import { subscriptionsOverWebSocketOnly } from './http/websocket-only';
import { Redis } from 'ioredis';
import { postgresRateLimitStore, sweepRateLimits } from './cluster/rate-limit-store';
import type { NetworkLoader } from './network/network.loader';
import { startNodeServices, type NodeServices } from './ops/node-services';
import { serveOps } from './ops/ops.http';
import { answerMapRequest } from './tiles/map.http';
import { readFromReplica } from './http/read-replica';

/** The running platform: HTTP server, GraphQL and the database behind them. */
export interface App {
  server: Server;
  apollo: ApolloServer<RequestContext>;
  /** The road network in memory. */
  network: NetworkLoader;
  /** Worker threads for the CPU-heavy work of requests. */
  compute: ComputePool;
  /** The cluster bus, job queue and metrics of this node. */
  node: NodeServices;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /**
   * Stops taking work (readiness fails, new requests get 503), lets running requests finish for up to the
   * configured grace, then closes: subscriptions end with 1001 (going away) so clients reconnect elsewhere.
   */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** An AbortSignal that fires when the client goes away before its answer is sent. */
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Wires GraphQL, the map endpoints, the built client and the database into one Fastify server. */
export async function createApp(options: {
  config: AppConfig;
  db: Database;
  schema: GraphQLSchema;
  clientDir?: string;
  /** The key of this run's admin path for the command line (embedded database only); none: no admin path. */
  adminKey?: string | null;
}): Promise<App> {
  const { config, db, schema } = options;
  const compute = new ComputePool();
  const node = await startNodeServices(db, config, compute, config.jobWorker);
  const { network, metrics } = node;
  const jobs = { queue: node.queue, bus: node.bus };
  let draining = false;
  let inFlight = 0;
  const clientDir = options.clientDir ?? path.resolve('dist/client');
  const jwtSecret = config.jwtSecret ?? (await resolveJwtSecret(db, config)).secret;
  const callers = new Callers(db, jwtSecret);

  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledExecutionGateway(schema),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Cache control would wrap every field's resolver to read hints the schema never gives.
      ApolloServerPluginCacheControlDisabled(),
      subscriptionsOverWebSocketOnly,
      queryLimitsPlugin,
      storableTextPlugin,
      metrics.plugin(),
      ...(db.hasReadReplica ? [readFromReplica(db)] : []),
    ],
  });
  await apollo.start();

  const fastify = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    requestTimeout: HTTP_LIMITS.requestTimeoutMs,
    connectionTimeout: HTTP_LIMITS.idleTimeoutMs,
    keepAliveTimeout: HTTP_LIMITS.keepAliveTimeoutMs,
    forceCloseConnections: true,
    http: { headersTimeout: HTTP_LIMITS.headersTimeoutMs, connectionsCheckingInterval: 2_000 },
    frameworkErrors: (error, request, reply) => answerHttpError(error, request, reply),
  });
  capConnectionsPerAddress(fastify.server, HTTP_LIMITS.maxConnectionsPerAddress);
  fastify.setErrorHandler(answerHttpError);
  fastify.setNotFoundHandler(answerNotFound);
  // Apollo answers what is not JSON (CSRF prevention, 400 for a missing query), so every body reaches it.
  fastify.addContentTypeParser(
    /^application\/graphql-response\+json/,
    { parseAs: 'string' },
    fastify.getDefaultJsonParser('error', 'error'),
  );
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  // Requests being answered: counted out when their response closes (sent, aborted, or hijacked and ended).
  fastify.addHook('onRequest', async (request, reply) => {
    inFlight += 1;
    reply.raw.once('close', () => (inFlight -= 1));
    if (draining) {
      reply.header('connection', 'close');
      return reply.code(503).type('text/plain; charset=utf-8').send('This node is stopping; retry');
    }
  });
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpAnswered(request.routeOptions.url, request.method, reply.statusCode);
  });

  // Counters shared by every node: in Redis when configured, else in PostgreSQL; in memory (bounded) on
  // the embedded database, which has one node, or where the deployment says it has one
  // (CAREMAP_RATE_LIMIT_STORE=memory: no database write per request).
  const shared = db.kind === 'postgresql' && config.rateLimitStore === 'shared';
  const redis = config.redisUrl && shared ? new Redis(config.redisUrl) : null;
  redis?.on('error', () => undefined);
  const stopSweeping = shared && !redis ? sweepRateLimits(db) : () => undefined;
  await fastify.register(fastifyRateLimit, {
    global: false,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    cache: 10_000,
    ...(redis ? { redis, nameSpace: 'caremap-rate:' } : shared ? { store: postgresRateLimitStore(db) } : {}),
    keyGenerator: (request) => callers.rateLimitKey(request),
    errorResponseBuilder: (_request, context) => rateLimitError(context.ttl),
  });
  const limitGraphQL = fastify.rateLimit();
  const limitTiles = fastify.rateLimit({
    max: config.rateLimitPerMinute * HTTP_LIMITS.tileRequestsPerGraphQLRequest,
  });
  const countOperation = fastify.createRateLimit();

  const graphql = fastifyApolloHandler(apollo, {
    context: async (request, reply): Promise<RequestContext> => {
      const caller = await callers.of(request);
      const em = db.fork();
      if ('error' in caller) throw caller.error;
      return {
        em,
        config,
        principal: caller.principal,
        loaders: createLoaders(em),
        network,
        signal: clientGone(reply),
        jobs,
      };
    },
  });
  const queryEditor = async (request: FastifyRequest, reply: FastifyReply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && config.queryEditor) return reply.headers(QUERY_EDITOR_HEADERS).send(QUERY_EDITOR_PAGE);
  };
  fastify.all('/graphql', { onRequest: [limitGraphQL, queryEditor] }, graphql);

  const map = async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await answerMapRequest(request, { db, config });
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  };
  fastify.all('/tiles/*', { onRequest: limitTiles }, map);
  fastify.all('/config.json', { onRequest: limitTiles }, map);
  if (options.adminKey) {
    const deps = { adminKey: options.adminKey, db, jwtSecret, network };
    // The admin path streams a command's output for as long as it runs (an import can take minutes), and
    // reads its own small body: it takes the raw request before Fastify parses anything.
    fastify.all(ADMIN_CLI_PATH, {
      onRequest: async (request, reply) => {
        reply.hijack();
        await handleAdminRequest(request.raw, reply.raw, deps);
      },
      handler: async () => undefined,
    });
  }
  serveOps(fastify, {
    sources: { db, queue: node.queue, bus: node.bus, network, draining: () => draining },
    metrics,
    access: config.metrics,
    databaseKind: db.kind,
  });

  if (existsSync(clientDir)) {
    await fastify.register(fastifyStatic, {
      root: clientDir,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply, file) =>
        reply.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  }

  const subscriptions = serveGraphQLOverWebSocket(fastify.server, {
    schema,
    config,
    db,
    network,
    jobs,
    callers,
    metrics,
    rateLimit: async (client) => {
      // The plugin's limiter reads the route's settings from the request; a WebSocket operation has none.
      const limit = await countOperation(Object.assign(client, { routeOptions: { config: {} } }) as never);
      return limit.isAllowed || !limit.isExceeded ? 0 : Math.max(limit.ttlInSeconds, 1);
    },
  });
  await fastify.ready();

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      draining = true;
      await subscriptions.dispose();
      await fastify.close();
      await apollo.stop();
      await node.stop();
      stopSweeping();
      redis?.disconnect();
      await compute.close();
    })());
  return {
    server: fastify.server,
    apollo,
    network,
    compute,
    node,
    listen: async (port, host) => {
      await fastify.listen({ port, host });
      const address = fastify.server.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    drain: async () => {
      draining = true;
      const until = Date.now() + config.shutdownGraceMs;
      while (inFlight > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      await close();
    },
    close,
  };
}
