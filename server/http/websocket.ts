import type { Server } from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import type { Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AppConfig } from '../config';
import type { RequestContext } from '../context';
import type { Database } from '../db/database';
import { formatError } from '../graphql/format-error';
import { checkQueryLimits } from '../graphql/limits';
import { createLoaders } from '../loaders';
import type { JobDesk } from '../jobs/job.service';
import type { NetworkLoader } from '../network/network.loader';
import type { NodeMetrics } from '../ops/metrics';
import type { Callers, ClientRequest } from './caller';

/** Bounds of the WebSocket endpoint. */
export const WEBSOCKET_LIMITS = {
  /** Largest message accepted, in bytes; a larger one closes the socket (1009). */
  maxMessageBytes: 64 * 1024,
  /** Operations running at once on one socket. */
  maxOperationsPerSocket: 20,
  /** Sockets open at once from one client address. */
  maxSocketsPerAddress: 16,
} as const;

/** Counts one operation against the client's rate limit; resolves with the seconds to wait when it is over. */
export type RateLimitCheck = (client: ClientRequest) => Promise<number>;

type SocketState = {
  client?: ClientRequest;
  address?: string;
  /** When each operation of the socket arrived, by its id (for the metrics). */
  arrived?: Map<string, { started: number; name: string | undefined; type: string | undefined }>;
};

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * Serves graphql-ws on `/graphql` of the HTTP server, with the HTTP endpoint's guards: the same validation
 * (introspection off when configured), depth, alias and cost limits, rate-limit counter and error masking, plus
 * a message size limit and caps per socket and per client address.
 */
export function serveGraphQLOverWebSocket(
  server: Server,
  app: {
    schema: GraphQLSchema;
    config: AppConfig;
    db: Database;
    network: NetworkLoader;
    jobs?: JobDesk;
    callers: Callers;
    rateLimit: RateLimitCheck;
    /** Counts and times each operation, as the HTTP endpoint's are. */
    metrics?: Pick<NodeMetrics, 'operationAnswered'>;
  },
): Disposable {
  const { schema, config, db, network, callers, metrics } = app;
  const rules = config.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const socketsPerAddress = new Map<string, number>();
  const sockets = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: WEBSOCKET_LIMITS.maxMessageBytes,
  });
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error.toJSON(), error));

  return useServer<{ authorization?: unknown }, SocketState>(
    {
      schema,
      onConnect: async (ctx) => {
        const address = ctx.extra.request.socket.remoteAddress ?? 'unknown';
        if ((socketsPerAddress.get(address) ?? 0) >= WEBSOCKET_LIMITS.maxSocketsPerAddress) {
          ctx.extra.socket.close(4429, 'Too many sockets from this address');
          return false;
        }
        const authorization = ctx.connectionParams?.authorization;
        const client: ClientRequest = {
          ip: address,
          headers: { authorization: typeof authorization === 'string' ? authorization : undefined },
        };
        if ('error' in (await callers.of(client))) return false;
        socketsPerAddress.set(address, (socketsPerAddress.get(address) ?? 0) + 1);
        ctx.extra.client = client;
        ctx.extra.address = address;
        return true;
      },
      onClose: (ctx) => {
        const { address } = ctx.extra;
        if (address === undefined) return;
        const left = (socketsPerAddress.get(address) ?? 1) - 1;
        if (left > 0) socketsPerAddress.set(address, left);
        else socketsPerAddress.delete(address);
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const started = performance.now();
        // Counted before the first await, so that operations arriving together are counted in order.
        if (Object.keys(ctx.subscriptions).length > WEBSOCKET_LIMITS.maxOperationsPerSocket) {
          return [
            refusal(
              `At most ${WEBSOCKET_LIMITS.maxOperationsPerSocket} operations at once on one socket`,
              'BAD_USER_INPUT',
            ),
          ];
        }
        // The credential is verified again for each operation, so that a revoked token stops at once.
        const client: ClientRequest = { ...ctx.extra.client! };
        const wait = await app.rateLimit(client);
        if (wait > 0) return [refusal(`Too many requests; retry in ${wait} s`, 'RATE_LIMITED')];
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        const variables = payload.variables ?? {};
        try {
          checkQueryLimits(schema, document, variables, payload.operationName ?? undefined);
        } catch (error) {
          return [error as GraphQLError];
        }
        const caller = await callers.of(client);
        if (!('principal' in caller)) return [refusal('The credential is not valid', 'UNAUTHENTICATED')];
        const em = db.fork();
        const contextValue: RequestContext = {
          em,
          config,
          principal: caller.principal,
          network,
          loaders: createLoaders(em),
          jobs: app.jobs,
        };
        const operation = getOperationAST(document, payload.operationName ?? undefined);
        (ctx.extra.arrived ??= new Map()).set(id, {
          started,
          name: payload.operationName ?? operation?.name?.value,
          type: operation?.operation,
        });
        return {
          schema,
          document,
          variableValues: variables,
          operationName: payload.operationName ?? undefined,
          contextValue,
        };
      },
      onNext: (ctx, id, _payload, _args, result) => {
        // A query or mutation is answered by its one result; a subscription is counted when it ends.
        const arrived = ctx.extra.arrived?.get(id);
        if (arrived && arrived.type !== 'subscription') {
          ctx.extra.arrived!.delete(id);
          metrics?.operationAnswered(
            arrived.name,
            arrived.type,
            Boolean(result.errors?.length),
            arrived.started,
          );
        }
        return result.errors ? { ...result, errors: format(result.errors) } : undefined;
      },
      onError: (ctx, id, _payload, errors) => {
        const arrived = ctx.extra.arrived?.get(id);
        if (arrived) {
          ctx.extra.arrived!.delete(id);
          metrics?.operationAnswered(arrived.name, arrived.type, true, arrived.started);
        }
        return format(errors);
      },
      onComplete: (ctx, id) => {
        const arrived = ctx.extra.arrived?.get(id);
        if (!arrived) return;
        ctx.extra.arrived!.delete(id);
        metrics?.operationAnswered(arrived.name, arrived.type, false, arrived.started);
      },
    },
    sockets,
  );
}
