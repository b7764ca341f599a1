import { Repeater } from '@graphql-yoga/subscription';
import {
  Arg,
  Authorized,
  Ctx,
  Float,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { RequestContext } from '../context';
import { FacilityType } from '../facilities/facility-kind';
import { connectionOf, pageWindow } from '../graphql/pagination';
import { COVERAGE_JOB } from './coverage.job';
import type { JobChange } from './job-runner';
import { FINISHED_JOB_STATES, type JobRecord } from './job.record';
import { JobService } from './job.service';
import { Job, JobConnection, JobStateName } from './job.type';
import './registered-jobs';
import { SERVICE_AREAS_JOB } from './service-areas.job';

const service = (ctx: RequestContext) => new JobService(ctx.em, ctx.principal, ctx.jobs);

@Resolver(() => Job)
export class JobResolver {
  @Authorized('PLANNER', 'ADMIN')
  @Query(() => JobConnection, {
    description: 'Background jobs, newest first: every job for ADMIN, your own for PLANNER.',
  })
  async jobs(
    @Arg('kind', () => String, { nullable: true }) kind: string | null,
    @Arg('state', () => JobStateName, { nullable: true }) state: JobStateName | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const { limit, offset } = pageWindow(first, after, ctx.config.maxPageSize);
    const { jobs, total } = await service(ctx).list({ kind, state }, limit, offset);
    return connectionOf(jobs, offset, total);
  }

  @Authorized('PLANNER', 'ADMIN')
  @Query(() => Job, { description: 'One job: poll it until its state is COMPLETED, FAILED or CANCELLED.' })
  job(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<JobRecord> {
    return service(ctx).find(id);
  }

  @Authorized('PLANNER', 'ADMIN')
  @Mutation(() => Job, {
    description:
      'Queues the `coverage` question as a job (a whole city, say): the same report, stored as the result. PLANNER or ADMIN.',
  })
  startCoverageJob(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('types', () => [FacilityType]) types: FacilityType[],
    @Arg('minutes', () => Int, { nullable: true }) minutes: number | null,
    @Arg('basket', () => Boolean, { nullable: true }) basket: boolean | null,
    @Arg('capacityAware', () => Boolean, { nullable: true }) capacityAware: boolean | null,
    @Arg('speedMetersPerMinute', () => Float, { nullable: true }) speedMetersPerMinute: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<JobRecord> {
    return service(ctx).start(COVERAGE_JOB, {
      regionCode,
      types,
      minutes,
      basket,
      capacityAware,
      speedMetersPerMinute,
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Job, {
    description:
      'Queues the recomputation of stored service areas (after an import, say); while one waits, returns that one. ADMIN.',
  })
  startServiceAreaJob(@Ctx() ctx: RequestContext): Promise<JobRecord> {
    return service(ctx).start(SERVICE_AREAS_JOB, {});
  }

  @Authorized('PLANNER', 'ADMIN')
  @Mutation(() => Job, { description: 'Cancels a job that has not finished; a running attempt stops.' })
  cancelJob(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<JobRecord> {
    return service(ctx).cancel(id);
  }

  @Authorized('PLANNER', 'ADMIN')
  @Subscription(() => Job, {
    description: 'A job as it is now, then after each change (state, progress) until it finishes.',
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      const jobs = service(ctx);
      return new Repeater<JobRecord>(async (push, stop) => {
        let last = await jobs.find(String(args.id));
        await push(last);
        if (FINISHED_JOB_STATES.has(last.state) || !ctx.jobs) return stop();
        const unsubscribe = ctx.jobs.bus.subscribe('job', (message) => {
          if ((message as JobChange).id !== last.id) return;
          jobs.find(last.id).then(async (job) => {
            last = job;
            await push(job);
            if (FINISHED_JOB_STATES.has(job.state)) stop();
          }, stop);
        });
        await stop;
        unsubscribe();
      });
    },
  })
  jobChanged(@Root() job: JobRecord, @Arg('id', () => ID) _id: string): JobRecord {
    return job;
  }
}
