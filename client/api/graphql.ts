import facilityDetailsQuery from '../../schema/operations/FacilityDetails.graphql?raw';
import facilityListQuery from '../../schema/operations/FacilityList.graphql?raw';
import regionNamesQuery from '../../schema/operations/RegionNames.graphql?raw';
import serviceCircleQuery from '../../schema/operations/ServiceCircle.graphql?raw';
import type { LngLat } from '../domain';
import type {
  FacilityDetails,
  FacilityDetailsData,
  FacilityListData,
  MapConfig,
  RegionNamesData,
  ServiceCircleData,
} from './types';

/** An answer of the API that carries errors instead of data. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

async function request<Data>(query: string, variables: Record<string, unknown>, signal?: AbortSignal) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
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

/** The facilities of the result list. */
export async function fetchFacilityList(
  filter: Record<string, unknown>,
  first: number,
  signal?: AbortSignal,
): Promise<FacilityListData['facilities']> {
  const data = await request<FacilityListData>(facilityListQuery, { filter, first }, signal);
  return data.facilities;
}

/** One facility with everything the details panel shows; null when it does not exist. */
export async function fetchFacilityDetails(
  id: string,
  signal?: AbortSignal,
): Promise<FacilityDetails | null> {
  try {
    return (await request<FacilityDetailsData>(facilityDetailsQuery, { id }, signal)).facility;
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
  filter: Record<string, unknown>,
  first: number,
  signal?: AbortSignal,
): Promise<ServiceCircleData> {
  return request<ServiceCircleData>(
    serviceCircleQuery,
    { point: { lng: point.lng, lat: point.lat }, speed: speedMetersPerMinute, filter, first },
    signal,
  );
}

/** District names by division code. */
export async function fetchRegionNames(): Promise<Map<string, string>> {
  const data = await request<RegionNamesData>(regionNamesQuery, {});
  return new Map(data.regions.map((region) => [region.code, region.name]));
}

/** The map settings of this deployment. */
export async function fetchMapConfig(): Promise<MapConfig> {
  const response = await fetch('/config.json');
  if (!response.ok) throw new ApiError(`HTTP ${response.status} for /config.json`, null);
  return (await response.json()) as MapConfig;
}
