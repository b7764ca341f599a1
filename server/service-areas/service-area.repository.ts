import type { EntityManager } from '@mikro-orm/sql';
import type { MultiPolygon, Point } from 'geojson';
import { asGeoJson, fromGeoJson } from '../db/geometry-sql';
import { SqlParams, SqlRunner } from '../db/sql';
import type { IsochroneRecord } from '../isochrones/isochrone.service';
import type { TravelMethod } from '../routing/travel-kind';
import type { FacilitySite, GeoPoint } from '../routing/road-network';

/** What a stored area was computed with; an area computed with anything else is stale. */
export interface ServiceAreaBasis {
  mode: string;
  speedMetersPerMinute: number;
  networkFingerprint: string;
}

/** A facility's exact location and, when stored and up to date, its area for one limit. */
export interface StoredServiceArea {
  site: FacilitySite;
  area: IsochroneRecord | null;
}

/** Decimals that bring a coordinate back as the same double, so a stored location compares equal. */
const EXACT_DECIMALS = 15;

/** SQL: a stored row is up to date when its basis matches and the facility has not moved since (alias sa, f). */
const upToDate = (params: SqlParams, basis: ServiceAreaBasis) =>
  `sa.mode = ${params.add(basis.mode, 'text')} and sa.speed_m_per_min = ${params.add(basis.speedMetersPerMinute, 'float8')}
  and sa.network_fingerprint = ${params.add(basis.networkFingerprint, 'text')}
  and ST_Equals(sa.facility_location, f.location)`;

function toSite(id: string, location: string): FacilitySite {
  const [lng, lat] = (JSON.parse(location) as Point).coordinates;
  return { id, lng, lat };
}

/** Every query about stored service areas (table service_area). */
export class ServiceAreaRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Facilities (not archived) missing an up-to-date area for any of the limits: new, moved, or another basis. */
  async staleSites(minutesList: readonly number[], basis: ServiceAreaBasis): Promise<FacilitySite[]> {
    const params = new SqlParams();
    const rows = await this.sql.all<{ id: string; location: string }>(
      `select f.id::text as "id", ${asGeoJson('f.location', EXACT_DECIMALS)} as "location" from facility f
       where f.archived_at is null
         and (select count(*) from service_area sa
              where sa.facility_id = f.id and sa.minutes = any(${params.add(minutesList, 'int[]')})
                and ${upToDate(params, basis)}) < ${params.add(minutesList.length, 'int')}
       order by f.id`,
      params.values,
    );
    return rows.map((row) => toSite(row.id, row.location));
  }

  /**
   * Which of the points already have up-to-date areas for every limit stored at exactly that place
   * (for any facility): indexes into points. Areas depend only on the place and the basis.
   */
  async pointsWithAreas(
    points: readonly GeoPoint[],
    minutesList: readonly number[],
    basis: ServiceAreaBasis,
  ): Promise<Set<number>> {
    if (!points.length) return new Set();
    // Coordinates compared as numbers, so that the join is a hash join and not a scan per point.
    const params = new SqlParams();
    const lngs = params.add(
      points.map((point) => point.lng),
      'float8[]',
    );
    const lats = params.add(
      points.map((point) => point.lat),
      'float8[]',
    );
    const rows = await this.sql.all<{ index: number }>(
      `select (p.position - 1)::int as "index"
       from unnest(${lngs}, ${lats}) with ordinality as p(lng, lat, position)
       join service_area sa on ST_X(sa.facility_location) = p.lng and ST_Y(sa.facility_location) = p.lat
       where sa.minutes = any(${params.add(minutesList, 'float8[]')})
         and sa.mode = ${params.add(basis.mode, 'text')}
         and sa.speed_m_per_min = ${params.add(basis.speedMetersPerMinute, 'float8')}
         and sa.network_fingerprint = ${params.add(basis.networkFingerprint, 'text')}
       group by p.position
       having count(distinct sa.minutes) = ${params.add(minutesList.length, 'int')}`,
      params.values,
    );
    return new Set(rows.map((row) => row.index));
  }

  /** A facility (not archived) with its up-to-date stored area for the limit, or null when there is no such facility. */
  async forFacility(
    facilityId: string,
    minutes: number,
    basis: ServiceAreaBasis,
  ): Promise<StoredServiceArea | null> {
    const params = new SqlParams();
    const row = await this.sql.one<{
      location: string;
      method: TravelMethod | null;
      geometry: string | null;
      areaSquareMeters: number | null;
    }>(
      `select ${asGeoJson('f.location', EXACT_DECIMALS)} as "location", sa.method,
         ${asGeoJson('sa.geom')} as "geometry", sa.area_m2 as "areaSquareMeters"
       from facility f
       left join service_area sa on sa.facility_id = f.id and sa.minutes = ${params.add(minutes, 'int')}
         and ${upToDate(params, basis)}
       where f.id = ${params.add(Number(facilityId), 'int')} and f.archived_at is null`,
      params.values,
    );
    if (!row) return null;
    const area =
      row.method && row.geometry && row.areaSquareMeters !== null
        ? {
            minutes,
            method: row.method,
            geometry: JSON.parse(row.geometry) as MultiPolygon,
            areaSquareMeters: row.areaSquareMeters,
          }
        : null;
    return { site: toSite(facilityId, row.location), area };
  }

  /** Stores a facility's areas over any older ones, with the location and basis they were computed from. */
  async save(
    site: FacilitySite,
    areas: readonly IsochroneRecord[],
    basis: ServiceAreaBasis,
  ): Promise<{ inserted: number; updated: number }> {
    const location = JSON.stringify({ type: 'Point', coordinates: [site.lng, site.lat] });
    const params = new SqlParams();
    const values = areas.map(
      (area) =>
        `(${[
          params.add(Number(site.id), 'int'),
          params.add(basis.mode, 'text'),
          params.add(area.minutes, 'int'),
          params.add(area.method, 'text'),
          params.add(basis.speedMetersPerMinute, 'float8'),
          params.add(area.areaSquareMeters, 'float8'),
          fromGeoJson(params.add(JSON.stringify(area.geometry), 'text')),
          fromGeoJson(params.add(location, 'text')),
          params.add(basis.networkFingerprint, 'text'),
          'now()',
        ].join(', ')})`,
    );
    const rows = await this.sql.all<{ inserted: boolean }>(
      `insert into service_area (facility_id, mode, minutes, method, speed_m_per_min, area_m2, geom,
         facility_location, network_fingerprint, computed_at)
       values ${values.join(', ')}
       on conflict (facility_id, mode, minutes) do update set method = excluded.method,
         speed_m_per_min = excluded.speed_m_per_min, area_m2 = excluded.area_m2, geom = excluded.geom,
         facility_location = excluded.facility_location, network_fingerprint = excluded.network_fingerprint,
         computed_at = excluded.computed_at
       returning (xmax = 0) as "inserted"`,
      params.values,
    );
    const inserted = rows.filter((row) => row.inserted).length;
    return { inserted, updated: rows.length - inserted };
  }

  /** How many areas are stored, of every mode. */
  async count(): Promise<number> {
    const row = await this.sql.one<{ n: number }>(`select count(*)::int as "n" from service_area`);
    return row?.n ?? 0;
  }

  /**
   * Removes the areas of modes and limits no longer stored (each pair of `modes[i]`, `minutes[i]` is kept);
   * returns how many rows.
   */
  deleteUndeclared(modes: readonly string[], minutes: readonly number[]): Promise<number> {
    const params = new SqlParams();
    return this.sql.run(
      `delete from service_area sa where not exists (
         select 1 from unnest(${params.add(modes, 'text[]')}, ${params.add(minutes, 'int[]')}) as d(mode, minutes)
         where d.mode = sa.mode and d.minutes = sa.minutes)`,
      params.values,
    );
  }

  /** Removes the areas of archived facilities, which the map no longer shows; returns how many rows. */
  deleteArchived(): Promise<number> {
    return this.sql.run(
      `delete from service_area sa using facility f where f.id = sa.facility_id and f.archived_at is not null`,
    );
  }
}
