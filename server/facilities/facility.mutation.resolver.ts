import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { FacilityCreateInput, FacilityUpdateInput } from './facility-write.input';
import { FacilityWriteService } from './facility-write.service';
import { Facility } from './facility.type';

const service = (ctx: RequestContext) =>
  new FacilityWriteService(ctx.em, ctx.principal, ctx.config, ctx.network);

@Resolver()
export class FacilityMutationResolver {
  @Mutation(() => Facility, {
    description:
      'Sets vacant beds (空余床位). OPERATOR of the facility or ADMIN. A stale expectedVersion fails with CONFLICT and changes nothing.',
  })
  updateVacancy(
    @Arg('facilityId', () => ID) facilityId: string,
    @Arg('vacantBeds', () => Int) vacantBeds: number,
    @Arg('expectedVersion', () => Int, { description: 'The `version` you read.' }) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).updateVacancy(facilityId, vacantBeds, expectedVersion);
  }

  @Mutation(() => Facility, {
    description:
      'Changes a facility. OPERATOR: fees, services, hours and phone of their own facilities; ADMIN: any field.',
  })
  updateFacility(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => FacilityUpdateInput) input: FacilityUpdateInput,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).update(id, input, expectedVersion);
  }

  @Mutation(() => Facility, { description: 'Adds a facility. ADMIN.' })
  createFacility(
    @Arg('input', () => FacilityCreateInput) input: FacilityCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).create(input);
  }

  @Mutation(() => Boolean, {
    description: 'Hides a facility from the public; it and its history are kept. ADMIN.',
  })
  archiveFacility(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).archive(id, expectedVersion);
  }
}
