import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MetricsAccess } from '../config';
import type { NodeMetrics } from './metrics';
import { readiness, type ReadinessSources } from './readiness';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a request may read the metrics; the HTTP status to refuse with otherwise. */
function metricsRefusal(access: MetricsAccess, request: FastifyRequest): number | null {
  if (access.mode === 'off') return 404;
  if (access.mode === 'loopback') return LOOPBACK.has(request.socket.remoteAddress ?? '') ? null : 403;
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') && sameSecret(header.slice(7), access.token) ? null : 401;
}

/**
 * `/health` (the process answers: liveness), `/ready` (it can serve: readiness, 503 otherwise and while
 * draining) and `/metrics` (Prometheus text, as CAREMAP_METRICS allows).
 */
export function serveOps(
  fastify: FastifyInstance,
  options: { sources: ReadinessSources; metrics: NodeMetrics; access: MetricsAccess; databaseKind: string },
): void {
  fastify.get('/health', async () => ({ status: 'ok', database: options.databaseKind }));
  fastify.get('/ready', async (_request, reply) => {
    const { ready, checks } = await readiness(options.sources);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
  fastify.get('/metrics', async (request, reply) => {
    const refusal = metricsRefusal(options.access, request);
    if (refusal === 404) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    if (refusal)
      return reply
        .code(refusal)
        .type('text/plain; charset=utf-8')
        .send('Metrics are not open to this client');
    const registry = options.metrics.registry;
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
