import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { GraphQLDate } from 'graphql-scalars';
import { ConsortiumCreateInput, ConsortiumUpdateInput } from '../consortia/consortium.input';
import { Consortium, ConsortiumMember } from '../consortia/consortium.type';
import type { RequestContext } from '../context';
import { FacilityRepository } from '../facilities/facility.repository';
import { Facility } from '../facilities/facility.type';
import { PartnershipCreateInput, PartnershipUpdateInput } from './partnership.input';
import { Partnership } from './partnership.type';
import { RelationWriteService } from './relation-write.service';

const service = (ctx: RequestContext) => new RelationWriteService(ctx.em, ctx.principal);
const facility = (ctx: RequestContext, id: string) => new FacilityRepository(ctx.em).findById(id);

@Resolver(() => Partnership)
export class PartnershipResolver {
  @FieldResolver(() => Facility, {
    nullable: true,
    description: 'The care institution (null once archived).',
  })
  careFacility(@Root() partnership: Partnership, @Ctx() ctx: RequestContext) {
    return facility(ctx, partnership.careFacilityId);
  }

  @FieldResolver(() => Facility, {
    nullable: true,
    description: 'The medical institution (null once archived).',
  })
  medicalFacility(@Root() partnership: Partnership, @Ctx() ctx: RequestContext) {
    return facility(ctx, partnership.medicalFacilityId);
  }

  @Mutation(() => Partnership, { description: 'Records a pairing (签约结对). ADMIN.' })
  createPartnership(
    @Arg('input', () => PartnershipCreateInput) input: PartnershipCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).createPartnership(input);
  }

  @Mutation(() => Partnership, { description: 'Changes a pairing. ADMIN.' })
  updatePartnership(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PartnershipUpdateInput) input: PartnershipUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).updatePartnership(id, input);
  }

  @Mutation(() => Partnership, { description: 'Ends a pairing on a date; it is kept for history. ADMIN.' })
  endPartnership(
    @Arg('id', () => ID) id: string,
    @Arg('endsOn', () => GraphQLDate) endsOn: string,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).endPartnership(id, endsOn);
  }
}

@Resolver(() => Consortium)
export class ConsortiumResolver {
  @FieldResolver(() => Facility, {
    nullable: true,
    description: 'The lead institution (null once archived).',
  })
  lead(@Root() consortium: Consortium, @Ctx() ctx: RequestContext) {
    return facility(ctx, consortium.leadFacilityId);
  }

  @Mutation(() => Consortium, { description: 'Records a consortium (康养联合体). ADMIN.' })
  createConsortium(
    @Arg('input', () => ConsortiumCreateInput) input: ConsortiumCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).createConsortium(input);
  }

  @Mutation(() => Consortium, {
    description: 'Changes a consortium; members, when given, replaces the list. ADMIN.',
  })
  updateConsortium(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ConsortiumUpdateInput) input: ConsortiumUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).updateConsortium(id, input);
  }

  @Mutation(() => Consortium, { description: 'Ends a consortium on a date; it is kept for history. ADMIN.' })
  endConsortium(
    @Arg('id', () => ID) id: string,
    @Arg('endedOn', () => GraphQLDate) endedOn: string,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).endConsortium(id, endedOn);
  }
}

@Resolver(() => ConsortiumMember)
export class ConsortiumMemberResolver {
  @FieldResolver(() => Facility, { nullable: true, description: 'The member facility (null once archived).' })
  facility(@Root() member: ConsortiumMember, @Ctx() ctx: RequestContext) {
    return facility(ctx, member.facilityId);
  }
}
