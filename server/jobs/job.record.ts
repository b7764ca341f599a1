/** Where a job is in its life. */
export type JobState = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

/** States a job never leaves. */
export const FINISHED_JOB_STATES: ReadonlySet<JobState> = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

/** A job as stored. */
export interface JobRecord {
  id: string;
  kind: string;
  input: Record<string, unknown>;
  state: JobState;
  /** 0–1. */
  progress: number;
  progressLabel: string | null;
  /** Attempts started so far (a retry after a failure or a lost worker is another attempt). */
  attempts: number;
  result: Record<string, unknown> | null;
  error: string | null;
  requestedBy: string;
  requesterRole: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}
