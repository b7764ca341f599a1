import type { ApolloServerPlugin } from '@apollo/server';
import client from 'prom-client';
import type { ComputePool } from '../compute/compute-pool';
import type { RequestContext } from '../context';
import type { Database } from '../db/database';

/** Operation names become label values: a client could send endlessly many, so a bounded set is kept. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Where the job gauge reads its counts. */
export type JobCounts = () => Promise<{ kind: string; state: string; n: number }[]>;

/**
 * Prometheus metrics of one node: GraphQL operations and their latency by operation, HTTP answers by route,
 * the Node.js defaults (event-loop lag among them), database pool connections, compute threads and jobs.
 */
export class NodeMetrics {
  readonly registry = new client.Registry();
  private readonly operations: client.Counter<'operation' | 'type' | 'outcome'>;
  private readonly latency: client.Histogram<'operation' | 'type'>;
  private readonly http: client.Counter<'route' | 'method' | 'status'>;
  private readonly jobAttempts: client.Counter<'kind' | 'outcome'>;
  private readonly names = new Set<string>();

  constructor(sources: { db: Database; compute?: ComputePool; jobs?: JobCounts }) {
    const registers = [this.registry];
    client.collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    this.operations = new client.Counter({
      name: 'caremap_graphql_operations_total',
      help: 'GraphQL operations answered, by operation name, type and outcome (ok or error).',
      labelNames: ['operation', 'type', 'outcome'],
      registers,
    });
    this.latency = new client.Histogram({
      name: 'caremap_graphql_operation_seconds',
      help: 'Time to answer a GraphQL operation, by operation name and type.',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.http = new client.Counter({
      name: 'caremap_http_requests_total',
      help: 'HTTP requests answered, by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    this.jobAttempts = new client.Counter({
      name: 'caremap_job_attempts_total',
      help: 'Job attempts this process ended, by kind and outcome (completed, failed, retry, cancelled).',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    new client.Gauge({
      name: 'caremap_db_pool_connections',
      help: 'Connections of the PostgreSQL pools, by pool (write, read) and state (total, idle, waiting).',
      labelNames: ['pool', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const stats of await sources.db.poolStats()) {
          this.set({ pool: stats.pool, state: 'total' }, stats.total);
          this.set({ pool: stats.pool, state: 'idle' }, stats.idle);
          this.set({ pool: stats.pool, state: 'waiting' }, stats.waiting);
        }
      },
    });
    if (sources.compute) {
      const compute = sources.compute;
      new client.Gauge({
        name: 'caremap_compute_tasks',
        help: 'Compute-pool tasks running and queued.',
        labelNames: ['state'],
        registers,
        collect() {
          const stats = compute.stats();
          this.set({ state: 'running' }, stats.running);
          this.set({ state: 'queued' }, stats.queued);
        },
      });
    }
    if (sources.jobs) {
      const counts = sources.jobs;
      new client.Gauge({
        name: 'caremap_jobs',
        help: 'Jobs in the database, by kind and state.',
        labelNames: ['kind', 'state'],
        registers,
        async collect() {
          this.reset();
          for (const row of await counts()) this.set({ kind: row.kind, state: row.state }, row.n);
        },
      });
    }
  }

  /** Counts an HTTP answer under its route pattern (never the raw URL). */
  httpAnswered(route: string | undefined, method: string, status: number): void {
    this.http.inc({ route: route ?? 'unmatched', method, status: String(status) });
  }

  /** Counts a job attempt's end. */
  jobAttemptEnded(kind: string, outcome: string): void {
    this.jobAttempts.inc({ kind, outcome });
  }

  /**
   * Counts and times one answered operation, over HTTP (the Apollo plugin) or WebSocket (a query or
   * mutation when its result is sent; a subscription when it ends). `started` is performance.now() at arrival.
   */
  operationAnswered(
    name: string | null | undefined,
    type: string | undefined,
    failed: boolean,
    started: number,
  ): void {
    const labels = { operation: this.label(name), type: type ?? 'unknown' };
    this.operations.inc({ ...labels, outcome: failed ? 'error' : 'ok' });
    this.latency.observe(labels, (performance.now() - started) / 1000);
  }

  /** Apollo plugin timing each operation. */
  plugin(): ApolloServerPlugin<RequestContext> {
    return {
      requestDidStart: async () => {
        const started = performance.now();
        return {
          willSendResponse: async ({ operationName, operation, errors, response }) => {
            const failed =
              (errors?.length ?? 0) > 0 ||
              (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
            this.operationAnswered(operationName, operation?.operation, failed, started);
          },
        };
      },
    };
  }

  private label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(name);
    return name;
  }
}
