import type { EntityManager } from '@mikro-orm/sql';
import { SqlParams, SqlRunner } from '../db/sql';
import type { JobRecord, JobState } from './job.record';

const COLUMNS = `id::text as id, kind, input, state, progress, progress_label as "progressLabel", attempts, result,
  error, requested_by as "requestedBy", requester_role as "requesterRole", created_at as "createdAt",
  started_at as "startedAt", finished_at as "finishedAt"`;

type JobRow = Omit<JobRecord, 'createdAt' | 'startedAt' | 'finishedAt'> & {
  createdAt: Date | string;
  startedAt: Date | string | null;
  finishedAt: Date | string | null;
};

/** A row as a record: PGlite hands timestamps over as text, PostgreSQL as dates. */
function toJob(row: JobRow | null): JobRecord | null {
  if (!row) return null;
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    ...row,
    createdAt: date(row.createdAt)!,
    startedAt: date(row.startedAt),
    finishedAt: date(row.finishedAt),
  };
}

/** Which jobs a list shows. */
export interface JobFilter {
  kind?: string | null;
  state?: JobState | null;
  /** Only the jobs this subject asked for. */
  requestedBy?: string | null;
}

/** Background jobs in the database: their state, progress and result, shared by every node and worker. */
export class JobRepository {
  private readonly sql: SqlRunner;

  constructor(private readonly em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /**
   * Stores a new queued job; with `once`, a job of the same kind already queued is returned instead (the
   * transaction-scoped advisory lock makes two nodes asking at once agree on one).
   */
  async create(
    job: Pick<JobRecord, 'id' | 'kind' | 'input' | 'requestedBy' | 'requesterRole'>,
    once = false,
  ): Promise<{ job: JobRecord; created: boolean }> {
    if (!once) return { job: (await this.insert(new SqlRunner(this.em), job))!, created: true };
    return this.em.transactional(async (tx) => {
      const sql = new SqlRunner(tx);
      await sql.one(`select pg_advisory_xact_lock(hashtext($1))`, [`background_job:${job.kind}`]);
      const queued = toJob(
        await sql.one<JobRow>(
          `select ${COLUMNS} from background_job where kind = $1 and state = 'QUEUED' order by created_at limit 1`,
          [job.kind],
        ),
      );
      if (queued) return { job: queued, created: false };
      return { job: (await this.insert(sql, job))!, created: true };
    });
  }

  private async insert(
    sql: SqlRunner,
    job: Pick<JobRecord, 'id' | 'kind' | 'input' | 'requestedBy' | 'requesterRole'>,
  ): Promise<JobRecord | null> {
    return toJob(
      await sql.one<JobRow>(
        `insert into background_job (id, kind, input, state, requested_by, requester_role)
         values ($1::uuid, $2, $3::jsonb, 'QUEUED', $4, $5) returning ${COLUMNS}`,
        [job.id, job.kind, JSON.stringify(job.input), job.requestedBy, job.requesterRole],
      ),
    );
  }

  async find(id: string): Promise<JobRecord | null> {
    return toJob(
      await this.sql.one<JobRow>(`select ${COLUMNS} from background_job where id = $1::uuid`, [id]),
    );
  }

  /** A page of jobs, newest first, and how many match. */
  async list(
    filter: JobFilter,
    limit: number,
    offset: number,
  ): Promise<{ jobs: JobRecord[]; total: number }> {
    const params = new SqlParams();
    const where: string[] = [];
    if (filter.kind) where.push(`kind = ${params.add(filter.kind)}`);
    if (filter.state) where.push(`state = ${params.add(filter.state)}`);
    if (filter.requestedBy) where.push(`requested_by = ${params.add(filter.requestedBy)}`);
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const total = await this.sql.one<{ n: number }>(
      `select count(*)::int as n from background_job ${clause}`,
      params.values,
    );
    const rows = await this.sql.all<JobRow>(
      `select ${COLUMNS} from background_job ${clause} order by created_at desc, id
       limit ${params.add(limit, 'int')} offset ${params.add(offset, 'int')}`,
      params.values,
    );
    return { jobs: rows.map((row) => toJob(row)!), total: total!.n };
  }

  /** Starts an attempt of a job still to be done; null when it is finished or cancelled. */
  async start(id: string): Promise<JobRecord | null> {
    const row = await this.sql.one<JobRow>(
      `update background_job set state = 'RUNNING', attempts = attempts + 1, started_at = now(), progress = 0,
         progress_label = null
       where id = $1::uuid and state in ('QUEUED', 'RUNNING') returning ${COLUMNS}`,
      [id],
    );
    return toJob(row);
  }

  /** Records progress of a running job; false when it is no longer running (cancelled). */
  async progress(id: string, fraction: number, label: string | null): Promise<boolean> {
    const touched = await this.sql.run(
      `update background_job set progress = $2, progress_label = $3 where id = $1::uuid and state = 'RUNNING'`,
      [id, fraction, label],
    );
    return touched > 0;
  }

  /** Stores the result of a running job; false when it was already finished (the result is stored once). */
  async complete(id: string, result: unknown): Promise<boolean> {
    const touched = await this.sql.run(
      `update background_job set state = 'COMPLETED', result = $2::jsonb, progress = 1, finished_at = now(),
         error = null
       where id = $1::uuid and state = 'RUNNING'`,
      [id, JSON.stringify(result ?? null)],
    );
    return touched > 0;
  }

  /** Records a failed attempt: the job waits for its retry, or has failed for good. */
  async fail(id: string, error: string, final: boolean): Promise<void> {
    await this.sql.run(
      `update background_job set state = $3::text, error = $2, finished_at = case when $3::text = 'FAILED' then now() end
       where id = $1::uuid and state = 'RUNNING'`,
      [id, error, final ? 'FAILED' : 'QUEUED'],
    );
  }

  /** Cancels a job not yet finished; the cancelled job, or null when it had finished. */
  async cancel(id: string): Promise<JobRecord | null> {
    const row = await this.sql.one<JobRow>(
      `update background_job set state = 'CANCELLED', finished_at = now()
       where id = $1::uuid and state in ('QUEUED', 'RUNNING') returning ${COLUMNS}`,
      [id],
    );
    return toJob(row);
  }

  async stateOf(id: string): Promise<JobState | null> {
    const row = await this.sql.one<{ state: JobState }>(
      `select state from background_job where id = $1::uuid`,
      [id],
    );
    return row?.state ?? null;
  }

  /** Ids of the jobs not finished, oldest first (taken up again when an in-process queue starts). */
  async unfinished(): Promise<string[]> {
    const rows = await this.sql.all<{ id: string }>(
      `select id::text as id from background_job where state in ('QUEUED', 'RUNNING') order by created_at`,
    );
    return rows.map((row) => row.id);
  }

  /** Jobs by kind and state, for the metrics. */
  counts(): Promise<{ kind: string; state: JobState; n: number }[]> {
    return this.sql.all(`select kind, state, count(*)::int as n from background_job group by kind, state`);
  }
}
