import { defineEntity, p } from '@mikro-orm/core';

const BackgroundJobSchema = defineEntity({
  name: 'BackgroundJob',
  tableName: 'background_job',
  indexes: [
    { name: 'background_job_created_at_idx', properties: ['createdAt'] },
    { name: 'background_job_kind_state_idx', properties: ['kind', 'state'] },
  ],
  properties: {
    id: p.uuid().primary(),
    kind: p.text(),
    input: p.json<Record<string, unknown>>(),
    state: p.text(),
    progress: p.double().default(0),
    progressLabel: p.text().nullable(),
    attempts: p.integer().default(0),
    result: p.json<Record<string, unknown>>().nullable(),
    error: p.text().nullable(),
    requestedBy: p.text(),
    requesterRole: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});

/** A long computation run by a worker: its input, state, progress and stored result. */
export class BackgroundJob extends BackgroundJobSchema.class {}
BackgroundJobSchema.setClass(BackgroundJob);
