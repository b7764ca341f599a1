import type { EntityManager } from '@mikro-orm/sql';
import type { LineString } from 'geojson';
import { asGeoJson } from '../db/geometry-sql';
import { SqlRunner } from '../db/sql';
import {
  buildGraph,
  type Oneway,
  type RoadEdgeRow,
  type RoadGraph,
  type RoadVertexRow,
} from '../routing/graph';

interface EdgeRow {
  id: number;
  source: number;
  target: number;
  lengthMeters: number;
  highway: string;
  geometry: string;
  foot: boolean;
  bicycle: boolean;
  motorVehicle: boolean;
  oneway: number;
  kerb: 'lowered' | 'raised' | null;
  maxspeedKmh: number | null;
}

/** Reads the `road_edge` table into the routing engine. */
export class NetworkRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** The whole edge table as a routing graph; vertices sit at the first and last points of their edges. */
  async loadGraph(): Promise<RoadGraph> {
    // Ids arrive as float8 so that buildGraph, not a cast, rejects one that does not fit 32 bits.
    const rows = await this.sql.all<EdgeRow>(
      `select id::float8 as "id", source::float8 as "source", target::float8 as "target",
         length_m as "lengthMeters", highway, ${asGeoJson('geom')} as "geometry", foot, bicycle,
         motor_vehicle as "motorVehicle", oneway::float8 as "oneway", kerb, maxspeed_kmh as "maxspeedKmh"
       from road_edge order by id`,
    );
    const edges: RoadEdgeRow[] = rows.map((row) => ({
      id: row.id,
      source: row.source,
      target: row.target,
      lengthMeters: row.lengthMeters,
      highway: row.highway,
      foot: row.foot,
      bicycle: row.bicycle,
      motorVehicle: row.motorVehicle,
      oneway: row.oneway as Oneway,
      kerb: row.kerb,
      maxspeedKmh: row.maxspeedKmh,
      coordinates: (JSON.parse(row.geometry) as LineString).coordinates as [number, number][],
    }));
    return buildGraph(verticesOf(edges), edges);
  }
}

/** One vertex per id, placed where the lowest-id edge touching it starts or ends. */
function verticesOf(edges: readonly RoadEdgeRow[]): RoadVertexRow[] {
  const vertices = new Map<number, RoadVertexRow>();
  for (const edge of edges) {
    const first = edge.coordinates[0];
    const last = edge.coordinates[edge.coordinates.length - 1];
    if (!vertices.has(edge.source))
      vertices.set(edge.source, { id: edge.source, lng: first[0], lat: first[1] });
    if (!vertices.has(edge.target))
      vertices.set(edge.target, { id: edge.target, lng: last[0], lat: last[1] });
  }
  return [...vertices.values()];
}
