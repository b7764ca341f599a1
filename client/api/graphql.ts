import type { GeoJSON, MultiPolygon } from 'geojson';
import type { LngLat } from '../domain';
import {
  FacilityDetailsDocument,
  FacilityListDocument,
  PlacesDocument,
  RegionNamesDocument,
  RouteDocument,
  ServiceCircleDocument,
  type FacilityFilter,
  type TypedDocumentString,
} from './generated/graphql';
import type {
  FacilityDetails,
  FacilityListPage,
  GeoPoint,
  Located,
  MapConfig,
  PlaceItem,
  ServiceCircleData,
  WalkRoute,
} from './types';

/** An answer of the API that carries errors instead of data. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    /** The first error's extensions as the API sent them (a refused query's `cost` and `maxCost`, say). */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

async function request<Data, Variables>(
  document: TypedDocumentString<Data, Variables>,
  variables: Variables,
  signal?: AbortSignal,
): Promise<Data> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  const body = (await response.json()) as {
    data?: Data;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length || !body.data) {
    const first = body.errors?.[0];
    throw new ApiError(first?.message ?? `HTTP ${response.status}`, first?.extensions?.code ?? null);
  }
  return body.data;
}

/** A facility location as a point; anything else is an answer the client cannot show. */
function asPoint(geometry: GeoJSON): GeoPoint {
  if (geometry.type !== 'Point') throw new ApiError(`A location is a ${geometry.type}, not a Point`, null);
  const [lng, lat] = geometry.coordinates;
  return { type: 'Point', coordinates: [lng, lat] };
}

/** A circle area as a multipolygon, the only geometry the schema documents for isochrones. */
function asMultiPolygon(geometry: GeoJSON): MultiPolygon {
  if (geometry.type !== 'MultiPolygon')
    throw new ApiError(`An area is a ${geometry.type}, not a MultiPolygon`, null);
  return geometry;
}

function located<T extends { location: GeoJSON }>(item: T): Located<T> {
  return { ...item, location: asPoint(item.location) };
}

function locatedPage<Node extends { location: GeoJSON }, Page extends { edges: { node: Node }[] }>(
  page: Page,
) {
  return { ...page, edges: page.edges.map(({ node }) => ({ node: located(node) })) };
}

/** The facilities of the result list. */
export async function fetchFacilityList(
  filter: FacilityFilter,
  first: number,
  signal?: AbortSignal,
): Promise<FacilityListPage> {
  const data = await request(FacilityListDocument, { filter, first }, signal);
  return locatedPage(data.facilities);
}

/** One facility with everything the details panel shows; null when it does not exist. */
export async function fetchFacilityDetails(
  id: string,
  signal?: AbortSignal,
): Promise<FacilityDetails | null> {
  try {
    const { facility } = await request(FacilityDetailsDocument, { id }, signal);
    return facility && located(facility);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT'))
      return null;
    throw error;
  }
}

/**
 * The 15-minute circle from a point: its three areas, and the facilities of `filter` (which holds the same
 * point in `within`) soonest first.
 */
export async function fetchServiceCircle(
  point: LngLat,
  speedMetersPerMinute: number,
  filter: FacilityFilter,
  first: number,
  signal?: AbortSignal,
): Promise<ServiceCircleData> {
  const data = await request(
    ServiceCircleDocument,
    { point: { lng: point.lng, lat: point.lat }, speed: speedMetersPerMinute, filter, first },
    signal,
  );
  const edges = data.facilities.edges.map(({ node }) => {
    const { travelMinutes } = node;
    if (travelMinutes === null) throw new ApiError(`Facility ${node.id} came without its travel time`, null);
    return { node: { ...located(node), travelMinutes } };
  });
  return {
    isochrone: data.isochrone.map((area) => ({ ...area, geometry: asMultiPolygon(area.geometry) })),
    facilities: { ...data.facilities, edges },
  };
}

/** Places to start from whose name, address or pinyin holds the text, best first. */
export async function fetchPlaces(text: string, first: number, signal?: AbortSignal): Promise<PlaceItem[]> {
  const data = await request(PlacesDocument, { text, first }, signal);
  return data.places.map(located);
}

/** The walking route between two points; null when the network does not reach the end. */
export async function fetchRoute(
  from: LngLat,
  to: LngLat,
  speedMetersPerMinute: number,
  signal?: AbortSignal,
): Promise<WalkRoute | null> {
  const data = await request(RouteDocument, { from, to, speed: speedMetersPerMinute }, signal);
  if (!data.route) return null;
  const { geometry, steps } = data.route;
  if (geometry.type !== 'LineString' || steps.type !== 'MultiPoint')
    throw new ApiError('A route is not a LineString with MultiPoint steps', null);
  return {
    ...data.route,
    geometry: { type: 'LineString', coordinates: geometry.coordinates as [number, number][] },
    steps: { type: 'MultiPoint', coordinates: steps.coordinates as [number, number][] },
  };
}

/** District names by division code. */
export async function fetchRegionNames(): Promise<Map<string, string>> {
  const data = await request(RegionNamesDocument, {});
  return new Map(data.regions.map((region) => [region.code, region.name]));
}

/** The map settings of this deployment. */
export async function fetchMapConfig(): Promise<MapConfig> {
  const response = await fetch('/config.json');
  if (!response.ok) throw new ApiError(`HTTP ${response.status} for /config.json`, null);
  return (await response.json()) as MapConfig;
}
