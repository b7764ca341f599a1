import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import type { TestServer } from '../support/graphql';
import { tileAt, type TileAddress } from '../../server/tiles/tile-grid';

/** A facility as the tile tests compare them. */
export interface FacilityPoint {
  id: string;
  type: string;
  lng: number;
  lat: number;
}

/** Fetches a tile over HTTP and decodes it with the standard decoder (@mapbox/vector-tile). */
export async function fetchTile(server: TestServer, path: string): Promise<VectorTile> {
  const response = await fetch(`${server.url}${path}`);
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return new VectorTile(new Pbf(new Uint8Array(await response.arrayBuffer())));
}

interface FacilityPage {
  facilities: {
    edges: { node: { id: string; type: string; location: { coordinates: [number, number] } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Every facility the `facilities` query returns for a filter, page by page. */
export async function queryFacilities(
  server: TestServer,
  filter: Record<string, unknown>,
): Promise<FacilityPoint[]> {
  const found: FacilityPoint[] = [];
  let after: string | null = null;
  for (;;) {
    const result: Awaited<ReturnType<typeof server.query<FacilityPage>>> = await server.query<FacilityPage>(
      `query ($filter: FacilityFilter, $after: String) {
        facilities(filter: $filter, first: 500, after: $after) {
          edges { node { id type location } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { filter, after },
    );
    if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
    for (const { node } of result.data.facilities.edges) {
      found.push({
        id: node.id,
        type: node.type,
        lng: node.location.coordinates[0],
        lat: node.location.coordinates[1],
      });
    }
    if (!result.data.facilities.pageInfo.hasNextPage) return found;
    after = result.data.facilities.pageInfo.endCursor;
  }
}

/** The distinct tiles at a zoom that hold the given facilities, in a stable order. */
export function tilesOf(points: FacilityPoint[], z: number): TileAddress[] {
  const tiles = new Map<string, TileAddress>();
  for (const point of points) {
    const tile = tileAt(point.lng, point.lat, z);
    tiles.set(`${tile.z}/${tile.x}/${tile.y}`, tile);
  }
  return [...tiles.values()].sort((a, b) => a.x - b.x || a.y - b.y);
}

/** The URL path of a facility tile with filter parameters. */
export function facilityTilePath(tile: TileAddress, query = ''): string {
  return `/tiles/facilities/${tile.z}/${tile.x}/${tile.y}.mvt${query ? `?${query}` : ''}`;
}
