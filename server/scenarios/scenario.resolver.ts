import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { ScenarioChangeInput } from './scenario.input';
import { scenarioOf, ScenarioService } from './scenario.service';
import { Scenario } from './scenario.type';

@Resolver(() => Scenario)
export class ScenarioResolver {
  @Authorized('PLANNER', 'ADMIN')
  @Query(() => [Scenario], {
    description:
      'The caller’s scenarios and those other planners share, newest first (ADMIN: all). At most 100.',
  })
  async scenarios(@Ctx() ctx: RequestContext) {
    return (await new ScenarioService(ctx.em, ctx.principal).list()).slice(0, 100).map(scenarioOf);
  }

  @Authorized('PLANNER', 'ADMIN')
  @Query(() => Scenario, {
    description: 'One scenario: NOT_FOUND, or FORBIDDEN when another planner’s and not shared.',
  })
  async scenario(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return scenarioOf(await new ScenarioService(ctx.em, ctx.principal).readable(id, 'id'));
  }

  @Authorized('PLANNER', 'ADMIN')
  @Mutation(() => Scenario, {
    description: 'A new, empty scenario owned by the caller (not shared unless asked).',
  })
  async createScenario(
    @Arg('name', () => String) name: string,
    @Arg('shared', () => Boolean, { nullable: true }) shared: boolean | null,
    @Ctx() ctx: RequestContext,
  ) {
    return scenarioOf(await new ScenarioService(ctx.em, ctx.principal).create(name, shared ?? false));
  }

  @Authorized('PLANNER', 'ADMIN')
  @Mutation(() => Scenario, {
    description:
      'Renames or (un)shares a scenario. Owner only (FORBIDDEN otherwise); a stale expectedVersion is a CONFLICT.',
  })
  async updateScenario(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Arg('shared', () => Boolean, { nullable: true }) shared: boolean | null,
    @Ctx() ctx: RequestContext,
  ) {
    return scenarioOf(
      await new ScenarioService(ctx.em, ctx.principal).update(id, expectedVersion, name, shared),
    );
  }

  @Authorized('PLANNER', 'ADMIN')
  @Mutation(() => Scenario, {
    description:
      'Adds a change (ADD, MOVE, CLOSE, CAPACITY). Owner only; a stale expectedVersion is a CONFLICT.',
  })
  async addScenarioChange(
    @Arg('scenarioId', () => ID) scenarioId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('change', () => ScenarioChangeInput) change: ScenarioChangeInput,
    @Ctx() ctx: RequestContext,
  ) {
    return scenarioOf(
      await new ScenarioService(ctx.em, ctx.principal).addChange(scenarioId, expectedVersion, change),
    );
  }

  @Authorized('PLANNER', 'ADMIN')
  @Mutation(() => Scenario, {
    description:
      'Replaces a change in place (e.g. a hypothetical facility dragged elsewhere). Owner only; CONFLICT when stale.',
  })
  async replaceScenarioChange(
    @Arg('scenarioId', () => ID) scenarioId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('changeId', () => ID) changeId: string,
    @Arg('change', () => ScenarioChangeInput) change: ScenarioChangeInput,
    @Ctx() ctx: RequestContext,
  ) {
    return scenarioOf(
      await new ScenarioService(ctx.em, ctx.principal).replaceChange(
        scenarioId,
        expectedVersion,
        changeId,
        change,
      ),
    );
  }

  @Authorized('PLANNER', 'ADMIN')
  @Mutation(() => Scenario, { description: 'Removes a change. Owner only; CONFLICT when stale.' })
  async removeScenarioChange(
    @Arg('scenarioId', () => ID) scenarioId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('changeId', () => ID) changeId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return scenarioOf(
      await new ScenarioService(ctx.em, ctx.principal).removeChange(scenarioId, expectedVersion, changeId),
    );
  }

  @Authorized('PLANNER', 'ADMIN')
  @Mutation(() => Boolean, { description: 'Deletes a scenario. Owner only; CONFLICT when stale.' })
  deleteScenario(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return new ScenarioService(ctx.em, ctx.principal).delete(id, expectedVersion);
  }
}
