import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { connectionOf, pageWindow } from '../graphql/pagination';
import { auditFilter } from './audit-filter';
import { AuditRepository } from './audit.repository';
import { AuditEntryConnection } from './audit.type';

@Resolver()
export class AuditResolver {
  @Authorized('PLANNER', 'ADMIN')
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first. PLANNER or ADMIN.' })
  async auditLog(
    @Arg('entity', () => String, { nullable: true }) entity: string | null,
    @Arg('entityId', () => ID, {
      nullable: true,
      description: 'A row id in decimal (22), or an indicator code when entity is indicator_target.',
    })
    entityId: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const { limit, offset } = pageWindow(first, after, ctx.config.maxPageSize);
    const filter = auditFilter(entity, entityId);
    const audit = new AuditRepository(ctx.em);
    const [entries, total] = await Promise.all([audit.list(filter, limit, offset), audit.count(filter)]);
    return connectionOf(entries, offset, total);
  }
}
