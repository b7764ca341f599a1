import type { EntityManager } from '@mikro-orm/sql';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { forbidden } from '../auth/authorize';
import type { Principal } from '../auth/role';
import type { ClusterBus } from '../cluster/cluster-bus';
import { badUserInput, notFound } from '../kernel/errors';
import { jobKind } from './job-kinds';
import type { JobQueue } from './job-queue';
import { announceJob } from './job-runner';
import type { JobRecord } from './job.record';
import { JobRepository, type JobFilter } from './job.repository';

/** The node's queue and bus, as requests reach them. */
export interface JobDesk {
  queue: JobQueue;
  bus: ClusterBus;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rules of jobs: who may start, see and cancel which. */
export class JobService {
  private readonly jobs: JobRepository;

  constructor(
    em: EntityManager,
    private readonly principal: Principal,
    private readonly desk: JobDesk | undefined,
  ) {
    this.jobs = new JobRepository(em);
  }

  /** Checks and queues a job of a kind; the job as stored. */
  async start(kindName: string, input: Record<string, unknown>): Promise<JobRecord> {
    const kind = jobKind(kindName);
    if (!kind) throw badUserInput(`No job kind ${kindName.slice(0, 40)}`, 'kind');
    if (!kind.roles.includes(this.principal.role))
      throw forbidden(`Starting a ${kind.name} job needs ${kind.roles.join(' or ')}`);
    kind.check?.(input, this.principal);
    const desk = this.requireDesk();
    const { job, created } = await this.jobs.create(
      {
        id: randomUUID(),
        kind: kind.name,
        input,
        requestedBy: this.principal.subject,
        requesterRole: this.principal.role,
      },
      kind.oncePerQueue ?? false,
    );
    if (created) {
      await desk.queue.enqueue(job.id, job.kind);
      await announceJob(desk.bus, { id: job.id, state: 'QUEUED' });
    }
    return job;
  }

  /** A job the caller may see; NOT_FOUND otherwise. */
  async find(rawId: string): Promise<JobRecord> {
    const job = UUID.test(rawId) ? await this.jobs.find(rawId) : null;
    if (!job || !this.maySee(job)) throw notFound(`No job with id ${rawId.slice(0, 60)}`);
    return job;
  }

  /** The jobs the caller may see: all for ADMIN, their own for others. */
  list(filter: Omit<JobFilter, 'requestedBy'>, limit: number, offset: number) {
    if (filter.kind && !jobKind(filter.kind))
      throw badUserInput(`No job kind ${filter.kind.slice(0, 40)}`, 'kind');
    const own = this.principal.role === 'ADMIN' ? null : this.principal.subject;
    return this.jobs.list({ ...filter, requestedBy: own }, limit, offset);
  }

  /** Cancels a job not yet finished (a finished job is returned as it is). */
  async cancel(rawId: string): Promise<JobRecord> {
    const job = await this.find(rawId);
    const desk = this.requireDesk();
    const cancelled = await this.jobs.cancel(job.id);
    if (!cancelled) return job;
    await desk.queue.cancel(job.id);
    await announceJob(desk.bus, { id: job.id, state: 'CANCELLED' });
    return cancelled;
  }

  private maySee(job: JobRecord): boolean {
    if (this.principal.role === 'ADMIN') return true;
    return job.requestedBy === this.principal.subject && job.requesterRole === this.principal.role;
  }

  private requireDesk(): JobDesk {
    if (!this.desk) {
      throw new GraphQLError('This server runs no job queue', {
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
    return this.desk;
  }
}
