import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { PageInfo } from '../graphql/pagination';

/** A recorded change. */
@ObjectType({
  simpleResolvers: true,
  description: 'A recorded change: who, when, what, the values before and after.',
})
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLDateTime)
  at!: Date;

  @Field(() => String, { description: 'Subject of the token that made the change.' })
  actor!: string;

  @Field(() => String)
  role!: string;

  @Field(() => String, { description: 'CREATE, UPDATE, UPDATE_VACANCY, ARCHIVE, IMPORT, END …' })
  action!: string;

  @Field(() => String, { description: 'facility, partnership or consortium.' })
  entity!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  oldValues!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  newValues!: Record<string, unknown> | null;
}

@ObjectType({ simpleResolvers: true })
export class AuditEntryEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AuditEntry)
  node!: AuditEntry;
}

@ObjectType({ simpleResolvers: true })
export class AuditEntryConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [AuditEntryEdge])
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
