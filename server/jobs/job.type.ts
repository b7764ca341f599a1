import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../graphql/pagination';

/** Where a job is in its life. */
export enum JobStateName {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(JobStateName, { name: 'JobState', description: 'Where a job is in its life.' });

@ObjectType({
  simpleResolvers: true,
  description:
    'A long computation run by a worker (whole-city coverage, service-area recomputation …): its progress and, once completed, its stored result. Poll `job(id)` or subscribe to `jobChanged(id)`.',
})
export class Job {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'COVERAGE, SERVICE_AREAS, or another registered kind.' })
  kind!: string;

  @Field(() => GraphQLJSONObject, { description: 'What the job was asked to do.' })
  input!: Record<string, unknown>;

  @Field(() => JobStateName)
  state!: JobStateName;

  @Field(() => Float, { description: 'How far the running attempt is, 0–1.' })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'What the running attempt is doing.' })
  progressLabel!: string | null;

  @Field(() => Int, { description: 'Attempts started: a retry after a failure or a lost worker is another.' })
  attempts!: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The stored result, once COMPLETED.' })
  result!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  error!: string | null;

  @Field(() => String, { description: 'Subject of the token that asked for the job.' })
  requestedBy!: string;

  @Field(() => GraphQLDateTime)
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  startedAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class JobEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Job)
  node!: Job;
}

@ObjectType({ simpleResolvers: true })
export class JobConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [JobEdge])
  edges!: JobEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
