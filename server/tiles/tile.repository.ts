import type { Geometry } from 'geojson';
import type { EntityManager } from '@mikro-orm/sql';
import { SqlParams, SqlRunner } from '../db/sql';
import { facilityConditions } from '../facilities/facility.repository';
import type { FacilityQuery } from '../facilities/facility.query';
import type { TravelMode } from '../routing/travel-kind';
import type { TileFeature, TileValue } from './mvt-encoder';
import { TILE_EXTENT, tileBounds, type LngLatBounds, type TileAddress } from './tile-grid';
import {
  BASEMAP_BUFFER,
  BUILDING_MINZOOM,
  CLUSTER_CELLS_PER_SIDE,
  CLUSTER_MAX_ZOOM,
  GREEN_MINZOOM,
  roadKindsAt,
  WATER_AREA_MINZOOM,
  waterwayKindsAt,
} from './tilesets';

/**
 * The SQL of one tile layer. It selects `geom` already in tile coordinates (integers, y down, polygons
 * with exterior rings of positive area as MVT 2.1 wants), then `id` when `hasId`, then `attributes`.
 * Both databases run the same SQL; only the final encoding differs (ST_AsMVT or the TypeScript encoder).
 */
export interface TileLayerSql {
  name: string;
  sql: string;
  params: unknown[];
  hasId: boolean;
  attributes: string[];
}

/**
 * One row `t` with the affine transform from Web Mercator into the tile's coordinates, computed from
 * ST_TileEnvelope exactly as ST_AsMVTGeom does (fx = extent / width, fy = -extent / height).
 */
const tileFrame = (params: SqlParams, tile: TileAddress) => {
  const address = [tile.z, tile.x, tile.y].map((value) => params.add(value, 'int'));
  return `(select e1.fx, e1.fy, -ST_XMin(e1.e) * e1.fx as xoff, -ST_YMax(e1.e) * e1.fy as yoff
  from (select e0.e, ${TILE_EXTENT}::float8 / (ST_XMax(e0.e) - ST_XMin(e0.e)) as fx,
               -(${TILE_EXTENT}::float8 / (ST_YMax(e0.e) - ST_YMin(e0.e))) as fy
        from (select ST_TileEnvelope(${address.join(', ')}) as e) e0) e1) t`;
};

const toTile = (geometry: string) =>
  `ST_Affine(ST_Transform(${geometry}, 3857), t.fx, 0, 0, t.fy, t.xoff, t.yoff)`;

const CLIP_BOX = `ST_MakeBox2D(ST_Point(${-BASEMAP_BUFFER}, ${-BASEMAP_BUFFER}), ST_Point(${TILE_EXTENT + BASEMAP_BUFFER}, ${TILE_EXTENT + BASEMAP_BUFFER}))`;

/** A point in tile coordinates, snapped to the integer grid. */
const tilePoint = (geometry: string) => `ST_SnapToGrid(${toTile(geometry)}, 1)`;
/** Lines clipped to the buffered tile and snapped; lines that collapse come out empty. */
const tileLines = (geometry: string) =>
  `ST_CollectionExtract(ST_SnapToGrid(ST_ClipByBox2D(${toTile(geometry)}, ${CLIP_BOX}), 1), 2)`;
/** Polygons clipped, snapped, with positive-area (in tile space, y down: clockwise) exterior rings. */
const tilePolygons = (geometry: string) =>
  `ST_ForcePolygonCCW(ST_CollectionExtract(ST_SnapToGrid(ST_ClipByBox2D(${toTile(geometry)}, ${CLIP_BOX}), 1), 3))`;

const envelope = (params: SqlParams, bounds: LngLatBounds) => {
  const corners = [bounds.west, bounds.south, bounds.east, bounds.north].map((value) =>
    params.add(value, 'float8'),
  );
  return `ST_MakeEnvelope(${corners.join(', ')}, 4326)`;
};

/** Whether facilities are merged into grid clusters at this zoom. */
function isClusterZoom(z: number): boolean {
  return z <= CLUSTER_MAX_ZOOM;
}

/** The facilities layer of a tile: the facilities the query matches inside the tile, clustered at low zoom. */
export function facilityLayerSql(query: FacilityQuery, tile: TileAddress): TileLayerSql {
  const params = new SqlParams();
  const frame = tileFrame(params, tile);
  const where = facilityConditions({ ...query, bbox: tileBounds(tile) }, params);
  const points = `select f.id, ${tilePoint('f.location')} as geom, f.type::text as type, f.name,
      f.name_en, f.vacant_beds, f.is_sample
    from facility f cross join ${frame} where ${where}`;
  if (!isClusterZoom(tile.z)) {
    return {
      name: 'facilities',
      sql: `${points} order by f.id`,
      params: params.values,
      hasId: true,
      attributes: ['type', 'name', 'name_en', 'vacant_beds', 'is_sample'],
    };
  }
  const cell = TILE_EXTENT / CLUSTER_CELLS_PER_SIDE;
  const sql = `with p as (${points}),
    c as (select count(*)::int as n, min(p.id) as id,
            round(avg(ST_X(p.geom))) as x, round(avg(ST_Y(p.geom))) as y,
            case when count(distinct p.type) = 1 then min(p.type) end as type,
            (count(*) filter (where p.vacant_beds > 0))::int as vacant_count,
            bool_and(p.is_sample) as is_sample
          from p group by floor(ST_X(p.geom) / ${cell}), floor(ST_Y(p.geom) / ${cell}))
    select p.id, p.geom, p.type, p.name, p.name_en, p.vacant_beds, p.is_sample,
      null::int as point_count, null::int as vacant_count
    from p join c on c.id = p.id and c.n = 1
    union all
    select null::int, ST_SetSRID(ST_MakePoint(c.x, c.y), 3857), c.type, null::text, null::text, null::int,
      c.is_sample, c.n, c.vacant_count
    from c where c.n > 1
    order by 1 nulls last, 8`;
  return {
    name: 'facilities',
    sql,
    params: params.values,
    hasId: true,
    attributes: ['type', 'name', 'name_en', 'vacant_beds', 'is_sample', 'point_count', 'vacant_count'],
  };
}

/**
 * The service-area layer of a tile: the stored areas of one travel mode, for the limits asked, of the
 * facilities the query matches wherever they are (an area reaches into tiles its facility is not in). An area
 * stored for another location than the facility's current one is left out rather than drawn in the wrong
 * place. Larger limits come first, so that the smaller ones draw over them.
 */
export function serviceAreaLayerSql(
  query: FacilityQuery,
  mode: TravelMode,
  minutes: readonly number[],
  tile: TileAddress,
): TileLayerSql {
  const params = new SqlParams();
  const frame = tileFrame(params, tile);
  const where = facilityConditions(query, params);
  return {
    name: 'service_areas',
    sql: `select ${tilePolygons('sa.geom')} as geom, sa.facility_id, f.type::text as type,
        sa.minutes::int as minutes, sa.method, f.is_sample
      from service_area sa join facility f on f.id = sa.facility_id cross join ${frame}
      where ${where} and sa.mode = ${params.add(mode, 'text')}
        and sa.minutes = any(${params.add(minutes, 'int[]')})
        and ST_Equals(sa.facility_location, f.location)
        and sa.geom && ${envelope(params, tileBounds(tile, BASEMAP_BUFFER))}
      order by sa.minutes desc, sa.facility_id`,
    params: params.values,
    hasId: false,
    attributes: ['facility_id', 'type', 'minutes', 'method', 'is_sample'],
  };
}

/**
 * Each region's outline (rings in ST_Boundary's order) as far as it comes near a box: the stored pieces
 * that reach the box, consecutive ones joined back into runs of the original vertices. A piece left out
 * lies wholly outside the box, so clipping the runs cuts exactly the lines clipping the whole outline would;
 * a one-ring outline met in one run stays a LineString, as ST_Boundary gives it.
 */
const boundaryNear = (params: SqlParams, box: LngLatBounds) => `(select q.region_code,
      case when count(*) = 1 and not bool_or(q.several_rings) then ST_GeometryN(ST_Collect(q.line), 1)
        else ST_Collect(q.line order by q.ring, q.run) end as lines
    from (select p.region_code, p.ring, p.run, ST_MakeLine(p.geom order by p.seq) as line,
            exists (select 1 from region_boundary_piece o where o.region_code = p.region_code and o.ring > 1)
              as several_rings
          from (select p0.region_code, p0.ring, p0.seq, p0.geom,
                  p0.seq - row_number() over (partition by p0.region_code, p0.ring order by p0.seq) as run
                from region_boundary_piece p0 where p0.geom && ${envelope(params, box)}) p
          group by p.region_code, p.ring, p.run) q
    group by q.region_code)`;

/** The base-map layers of a tile that have anything to draw at its zoom. */
export function basemapLayerSql(tile: TileAddress): TileLayerSql[] {
  const box = tileBounds(tile, BASEMAP_BUFFER);
  const layers: TileLayerSql[] = [];
  if (tile.z >= WATER_AREA_MINZOOM) {
    const params = new SqlParams();
    layers.push({
      name: 'water',
      sql: `select case when ST_Dimension(m.geom) = 2 then ${tilePolygons('m.geom')} else ${tileLines('m.geom')} end
          as geom, m.kind, m.name
        from map_feature m cross join ${tileFrame(params, tile)}
        where m.layer = 'water' and m.geom && ${envelope(params, box)}
          and (ST_Dimension(m.geom) = 2 or m.kind = any(${params.add(waterwayKindsAt(tile.z), 'text[]')}))
        order by m.id`,
      params: params.values,
      hasId: false,
      attributes: ['kind', 'name'],
    });
  }
  if (tile.z >= GREEN_MINZOOM) {
    const params = new SqlParams();
    layers.push({
      name: 'green',
      sql: `select ${tilePolygons('m.geom')} as geom, m.kind, m.name
        from map_feature m cross join ${tileFrame(params, tile)}
        where m.layer = 'green' and ST_Dimension(m.geom) = 2 and m.geom && ${envelope(params, box)}
        order by m.id`,
      params: params.values,
      hasId: false,
      attributes: ['kind', 'name'],
    });
  }
  const roads = roadKindsAt(tile.z);
  if (roads.length) {
    const params = new SqlParams();
    const kinds = params.add(
      roads.map((road) => road.kind),
      'text[]',
    );
    const classes = params.add(
      roads.map((road) => road.class),
      'text[]',
    );
    layers.push({
      name: 'road',
      sql: `select ${tileLines('m.geom')} as geom, rc.class, m.kind, m.name
        from map_feature m
          join unnest(${kinds}, ${classes}) as rc(kind, class) on rc.kind = m.kind
          cross join ${tileFrame(params, tile)}
        where m.layer = 'road' and m.geom && ${envelope(params, box)}
        order by m.id`,
      params: params.values,
      hasId: false,
      attributes: ['class', 'kind', 'name'],
    });
  }
  if (tile.z >= BUILDING_MINZOOM) {
    const params = new SqlParams();
    layers.push({
      name: 'building',
      sql: `select ${tilePolygons('m.geom')} as geom, m.kind
        from map_feature m cross join ${tileFrame(params, tile)}
        where m.layer = 'building' and ST_Dimension(m.geom) = 2 and m.geom && ${envelope(params, box)}
        order by m.id`,
      params: params.values,
      hasId: false,
      attributes: ['kind'],
    });
  }
  const boundaryParams = new SqlParams();
  const labelParams = new SqlParams();
  layers.push(
    {
      name: 'boundary',
      sql: `select ${tileLines('b.lines')} as geom, r.code, r.name, r.level::text as level
        from region r join ${boundaryNear(boundaryParams, box)} b on b.region_code = r.code cross join ${tileFrame(boundaryParams, tile)}
        where r.boundary && ${envelope(boundaryParams, box)}
        order by r.code`,
      params: boundaryParams.values,
      hasId: false,
      attributes: ['code', 'name', 'level'],
    },
    {
      name: 'region_label',
      sql: `select ${tilePoint('r.label_point')} as geom, r.code, r.name, r.level::text as level
        from region r cross join ${tileFrame(labelParams, tile)}
        where r.label_point && ${envelope(labelParams, tileBounds(tile))}
        order by r.code`,
      params: labelParams.values,
      hasId: false,
      attributes: ['code', 'name', 'level'],
    },
  );
  return layers;
}

/** Rows of a layer without the geometries that clipping or snapping emptied. */
const nonEmpty = (layer: TileLayerSql) =>
  `(select * from (${layer.sql}) l0 where l0.geom is not null and not ST_IsEmpty(l0.geom)) l`;

/**
 * One statement that encodes the layers with PostGIS ST_AsMVT (PGlite's PostGIS is built without it) and
 * concatenates them, as a tile of several layers is.
 */
export function mvtSql(layers: readonly TileLayerSql[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts = layers.map((layer) => {
    // Each layer numbers its own placeholders from $1 (tileFrame, envelope and SqlParams write nothing else
    // with a dollar sign), so in one statement they move up past the layers before it.
    const offset = params.length;
    params.push(...layer.params, layer.name);
    const body = nonEmpty(layer).replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    const idColumn = layer.hasId ? `, 'id'` : '';
    return `coalesce((select ST_AsMVT(l, $${params.length}::text, ${TILE_EXTENT}, 'geom'${idColumn}) from ${body}), ''::bytea)`;
  });
  return { sql: `select ${parts.join(' || ')} as mvt`, params };
}

/** Runs tile-layer SQL: encoded by PostGIS, or as features for the TypeScript encoder. */
export class TileRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** The layers encoded by PostGIS ST_AsMVT, one after the other, in one statement (PostgreSQL only). */
  async encodeWithPostgis(layers: readonly TileLayerSql[]): Promise<Uint8Array> {
    const { sql, params } = mvtSql(layers);
    const row = await this.sql.one<{ mvt: Uint8Array | null }>(sql, params);
    return row?.mvt ? new Uint8Array(row.mvt) : new Uint8Array();
  }

  /** The base map's data version: it changes with every write to the tables the base map draws. */
  async basemapVersion(): Promise<string> {
    const row = await this.sql.one<{ version: string }>(
      `select version::text as "version" from basemap_version`,
    );
    return row?.version ?? '';
  }

  /** The layer's features, geometry as GeoJSON in tile coordinates. */
  async features(layer: TileLayerSql): Promise<TileFeature[]> {
    const columns = layer.attributes.map((name) => `l.${name}`).join(', ');
    const rows = await this.sql.all<Record<string, TileValue> & { geom: string; id?: number | null }>(
      `select ${layer.hasId ? 'l.id, ' : ''}ST_AsGeoJSON(l.geom) as geom, ${columns} from ${nonEmpty(layer)}`,
      layer.params,
    );
    return rows.map((row) => ({
      id: row.id ?? null,
      geometry: JSON.parse(row.geom) as Geometry,
      properties: Object.fromEntries(layer.attributes.map((name) => [name, row[name]])),
    }));
  }

  /** The bounds of every facility on the map, or null when there are none. */
  async facilityBounds(): Promise<LngLatBounds | null> {
    const row = await this.sql.one<LngLatBounds>(
      `select ST_XMin(b)::float8 as west, ST_YMin(b)::float8 as south, ST_XMax(b)::float8 as east,
         ST_YMax(b)::float8 as north
       from (select ST_Extent(f.location) as b from facility f where f.archived_at is null) x where b is not null`,
    );
    return row;
  }
}
