import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver } from './audit/audit.resolver';
import { authChecker } from './auth/authorize';
import { ViewerResolver } from './auth/viewer.resolver';
import { FacilityConsortiaResolver } from './consortia/facility-consortia.resolver';
import { CoverageResolver } from './coverage/coverage.resolver';
import { facilityEvents } from './facilities/facility-events';
import { FacilityImportResolver } from './facility-import/facility-import.resolver';
import { FacilityMutationResolver } from './facilities/facility.mutation.resolver';
import { FacilityResolver } from './facilities/facility.resolver';
import { FacilitySubscriptionResolver } from './facilities/facility.subscription.resolver';
import { GapResolver } from './gaps/gap.resolver';
import { IndicatorResolver } from './indicators/indicator.resolver';
import { IsochroneResolver } from './isochrones/isochrone.resolver';
import { JobResolver } from './jobs/job.resolver';
import { TravelTimeResolver } from './facilities/travel-time.resolver';
import { FacilityPartnershipsResolver } from './partnerships/facility-partnerships.resolver';
import { RegionResolver } from './regions/region.resolver';
import { PopulationImportResolver } from './population/population-import.resolver';
import { BoundaryImportResolver } from './boundary-import/boundary-import.resolver';
import { PlaceResolver } from './places/place.resolver';
import { FacilityFeeResolver } from './facilities/facility-fee.resolver';
import { RouteResolver } from './places/route.resolver';
import { ScenarioResolver } from './scenarios/scenario.resolver';
import { SiteResolver } from './sites/site.resolver';
import { FacilityServiceAreaResolver } from './facilities/facility-service-area.resolver';
import {
  ConsortiumMemberResolver,
  ConsortiumResolver,
  PartnershipResolver,
} from './partnerships/relation.resolver';
import { NeedResolver } from './need/need.resolver';
import { CareServiceResolver } from './care-services/care-service.resolver';
import { ColocationResolver } from './colocation/colocation.resolver';

/** The resolvers that make up the API. */
export const resolvers = [
  FacilityResolver,
  FacilityPartnershipsResolver,
  FacilityConsortiaResolver,
  FacilityServiceAreaResolver,
  FacilityMutationResolver,
  FacilityImportResolver,
  FacilitySubscriptionResolver,
  RegionResolver,
  PartnershipResolver,
  ConsortiumResolver,
  ConsortiumMemberResolver,
  IsochroneResolver,
  TravelTimeResolver,
  AuditResolver,
  ViewerResolver,
  CoverageResolver,
  GapResolver,
  IndicatorResolver,
  PopulationImportResolver,
  BoundaryImportResolver,
  PlaceResolver,
  FacilityFeeResolver,
  RouteResolver,
  JobResolver,
  ScenarioResolver,
  SiteResolver,
  NeedResolver,
  CareServiceResolver,
  ColocationResolver,
] as const;

/** Builds the executable GraphQL schema. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false, authChecker, authMode: 'error', pubSub: facilityEvents });
}

/** The schema as committed in schema/schema.graphql: sorted so that diffs show real changes only. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
