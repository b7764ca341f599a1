import type { MultiPolygon } from 'geojson';
import type {
  FacilityDetailsQuery,
  FacilityListQuery,
  PlacesQuery,
  RouteQuery,
  ServiceCircleQuery,
  VacancyChangedSubscription,
} from './generated/graphql';

/** A GeoJSON point as the API returns locations. */
export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

/** The schema types locations as any GeoJSON; a facility's location is always a point (see `asPoint`). */
export type Located<T extends { location: unknown }> = Omit<T, 'location'> & { location: GeoPoint };

type NodeOf<Connection extends { edges: { node: unknown }[] }> = Connection['edges'][number]['node'];

/** A page of a facilities connection whose nodes have point locations. */
export type LocatedPage<Connection extends { edges: { node: { location: unknown } }[] }> = Omit<
  Connection,
  'edges'
> & { edges: { node: Located<NodeOf<Connection>> }[] };

/** A row of the result list (FacilityList.graphql). */
export type FacilityListItem = Located<NodeOf<FacilityListQuery['facilities']>>;

/** The result list's page (FacilityList.graphql). */
export type FacilityListPage = LocatedPage<FacilityListQuery['facilities']>;

/** Everything the details panel shows (FacilityDetails.graphql). */
export type FacilityDetails = Located<NonNullable<FacilityDetailsQuery['facility']>>;

/** One area of the 15-minute circle (ServiceCircle.graphql): a multipolygon, as the schema documents. */
export type CircleArea = Omit<ServiceCircleQuery['isochrone'][number], 'geometry'> & {
  geometry: MultiPolygon;
};

/**
 * A facility of the circle's list, with its walking time in minutes (ServiceCircle.graphql): the schema's
 * travelMinutes is null only for queries without `within`, and the circle's query always has one.
 */
export type ReachableFacility = Omit<Located<NodeOf<ServiceCircleQuery['facilities']>>, 'travelMinutes'> & {
  travelMinutes: number;
};

/** Answer of ServiceCircle.graphql, locations, areas and travel times narrowed. */
export interface ServiceCircleData {
  isochrone: CircleArea[];
  facilities: Omit<ServiceCircleQuery['facilities'], 'edges'> & { edges: { node: ReachableFacility }[] };
}

/** A place to start a journey from (Places.graphql). */
export type PlaceItem = Located<PlacesQuery['places'][number]>;

/** A walking route (Route.graphql), its line and steps narrowed from the schema's GeoJSON. */
export type WalkRoute = Omit<NonNullable<RouteQuery['route']>, 'geometry' | 'steps'> & {
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  steps: { type: 'MultiPoint'; coordinates: [number, number][] };
};

/** A facility's new vacancy, as the live subscription delivers it (VacancyChanged.graphql). */
export type VacancyChange = VacancyChangedSubscription['vacancyChanged'];

/** The map settings the server hands the client (/config.json, not GraphQL). */
export interface MapConfig {
  mapStyleUrl: string | null;
  facilityBounds: { west: number; south: number; east: number; north: number } | null;
  /** The elderly-care hotline the elder mode calls (default 12349), when the deployment names one. */
  hotline?: string | null;
}
