import type { Database } from '../../server/db/database';
import { SqlRunner } from '../../server/db/sql';
import { mulberry32 } from '../../server/import/sample/prng';
import { NetworkRepository } from '../../server/network/network.repository';
import { RoadNetwork, type GeoPoint } from '../../server/routing/road-network';
import { travelProfile } from '../../server/routing/profile';

/** 西湖 (West Lake) centre: water, more than 300 m from any walkway. */
export const WEST_LAKE: GeoPoint = { lng: 120.145, lat: 30.245 };
/** North-east of the extract, outside the data altogether. */
export const OUTSIDE_DATA: GeoPoint = { lng: 120.3, lat: 30.4 };
/** 湖滨, on a main road by the lake. */
export const HUBIN: GeoPoint = { lng: 120.162, lat: 30.256 };

/** Raw SQL on a test database, outside any transaction. */
export function sqlOn(db: Database): SqlRunner {
  return new SqlRunner(db.fork());
}

/** The demo network as the server loads it. */
export async function loadNetwork(db: Database): Promise<RoadNetwork> {
  return new RoadNetwork(await new NetworkRepository(db.fork()).loadGraph());
}

/** Points spread at random (fixed seed) over the network's bounding box that lie within 300 m of a street. */
export function randomStreetPoints(network: RoadNetwork, count: number, seed: number): GeoPoint[] {
  const { graph } = network;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let v = 0; v < graph.vertexCount; v++) {
    west = Math.min(west, graph.vertexLng[v]);
    east = Math.max(east, graph.vertexLng[v]);
    south = Math.min(south, graph.vertexLat[v]);
    north = Math.max(north, graph.vertexLat[v]);
  }
  const random = mulberry32(seed);
  const points: GeoPoint[] = [];
  while (points.length < count) {
    const point = {
      lng: Math.round((west + random.next() * (east - west)) * 1e6) / 1e6,
      lat: Math.round((south + random.next() * (north - south)) * 1e6) / 1e6,
    };
    if (network.snap(point, travelProfile('WALK'))) points.push(point);
  }
  return points;
}
