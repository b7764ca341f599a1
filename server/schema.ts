import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { FacilityResolver } from './facilities/facility.resolver';
import { RegionResolver } from './regions/region.resolver';

/** The resolvers that make up the API. */
export const resolvers = [FacilityResolver, RegionResolver] as const;

/** Builds the executable GraphQL schema. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false });
}

/** The schema as committed in schema/schema.graphql: sorted so that diffs show real changes only. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
