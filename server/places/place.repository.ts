import type { EntityManager } from '@mikro-orm/sql';
import { asGeoJson } from '../db/geometry-sql';
import { SqlParams, SqlRunner } from '../db/sql';
import { buildSearchText, searchGrams } from '../facilities/search-text';
import type { PlaceCandidate, PlaceImportRecord } from './place.record';

const BATCH = 400;

/** A normalized query and its index grams (see facilities/search-text.ts). */
export interface PlaceText {
  normalized: string;
  grams: string[];
}

type CandidateRow = Omit<PlaceCandidate, 'location'> & { location: string };

const toCandidate = (row: CandidateRow): PlaceCandidate => ({ ...row, location: JSON.parse(row.location) });

/** Every query about places: the place table, and facilities and regions as places to start from. */
export class PlaceRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /**
   * Replaces the imported places with these, by source key: new ones are added, changed ones updated,
   * the others deleted. Returns how many rows were inserted, updated, left unchanged and deleted.
   */
  async replaceAll(
    places: PlaceImportRecord[],
  ): Promise<{ inserted: number; updated: number; unchanged: number; deleted: number }> {
    const deleted = await this.sql.run(`delete from place where not (source_key = any($1::text[]))`, [
      places.map((place) => place.sourceKey),
    ]);
    let inserted = 0;
    let updated = 0;
    for (let start = 0; start < places.length; start += BATCH) {
      const params = new SqlParams();
      const rows = places.slice(start, start + BATCH).map((place) => {
        const searchText = buildSearchText(place);
        const point = JSON.stringify({ type: 'Point', coordinates: [place.lng, place.lat] });
        return `(${[
          params.add(place.sourceKey, 'text'),
          params.add(place.kind, 'text'),
          params.add(place.name, 'text'),
          params.add(place.nameEn, 'text'),
          params.add(place.address, 'text'),
          `ST_SetSRID(ST_GeomFromGeoJSON(${params.add(point, 'text')}), 4326)`,
          params.add(searchText, 'text'),
          params.add(searchGrams(searchText), 'text[]'),
        ].join(', ')})`;
      });
      const columns = ['kind', 'name', 'name_en', 'address', 'location', 'search_text', 'search_grams'];
      const changed = await this.sql.all<{ inserted: boolean }>(
        `insert into place as t (source_key, ${columns.join(', ')}) values ${rows.join(', ')}
         on conflict (source_key) do update set ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}
         where (${columns.map((c) => `t.${c}`).join(', ')}) is distinct from (${columns.map((c) => `excluded.${c}`).join(', ')})
         returning (xmax = 0) as inserted`,
        params.values,
      );
      inserted += changed.filter((row) => row.inserted).length;
      updated += changed.filter((row) => !row.inserted).length;
    }
    return { inserted, updated, unchanged: places.length - inserted - updated, deleted };
  }

  /**
   * Places and facilities (not archived) whose search text holds the query, shortest names first, at most
   * `limit` of each: the candidates the service ranks.
   */
  async candidates(text: PlaceText, limit: number): Promise<PlaceCandidate[]> {
    const params = new SqlParams();
    const match = (alias: string) =>
      [
        ...(text.grams.length ? [`${alias}.search_grams @> ${params.add(text.grams, 'text[]')}`] : []),
        `strpos(${alias}.search_text, ${params.add(text.normalized, 'text')}) > 0`,
      ].join(' and ');
    const placeMatch = match('p');
    const facilityMatch = match('f');
    const cap = params.add(limit, 'int');
    const rows = await this.sql.all<CandidateRow>(
      `(select 'place:' || p.id as "id", p.kind, p.name, p.name_en as "nameEn", p.address,
          ${asGeoJson('p.location')} as "location", p.search_text as "searchText",
          null::text as "facilityId", null::text as "facilityType"
        from place p where ${placeMatch} order by length(p.name), p.id limit ${cap})
       union all
       (select 'facility:' || f.id, 'FACILITY', f.name, f.name_en, f.address, ${asGeoJson('f.location')},
          f.search_text, f.id::text, f.type::text
        from facility f where f.archived_at is null and ${facilityMatch}
        order by length(f.name), f.id limit ${cap})`,
      params.values,
    );
    return rows.map(toCandidate);
  }

  /** Every region with a place to show it at (its label point, else a point inside its boundary). */
  async regionCandidates(): Promise<Omit<PlaceCandidate, 'searchText'>[]> {
    const rows = await this.sql.all<Omit<CandidateRow, 'searchText'>>(
      `select 'region:' || r.code as "id", 'REGION' as "kind", r.name, null::text as "nameEn",
         null::text as "address",
         ${asGeoJson('coalesce(r.label_point, ST_PointOnSurface(r.boundary))')} as "location",
         null::text as "facilityId", null::text as "facilityType"
       from region r where r.label_point is not null or r.boundary is not null
       order by r.code`,
    );
    return rows.map((row) => ({ ...row, location: JSON.parse(row.location) }));
  }

  /** The smallest region (by area) covering each point, in the order given; null outside all. */
  async regionsAt(
    points: { lng: number; lat: number }[],
  ): Promise<({ code: string; name: string } | null)[]> {
    if (!points.length) return [];
    const rows = await this.sql.all<{ n: number; code: string; name: string }>(
      `select i.n::int as n, r.code, r.name
       from unnest($1::float8[], $2::float8[]) with ordinality as i(lng, lat, n)
       cross join lateral (
         select r.code, r.name from region r
         where r.boundary is not null and ST_Covers(r.boundary, ST_SetSRID(ST_MakePoint(i.lng, i.lat), 4326))
         order by ST_Area(r.boundary), r.code limit 1) r`,
      [points.map((p) => p.lng), points.map((p) => p.lat)],
    );
    const byIndex = new Map(rows.map((row) => [row.n, { code: row.code, name: row.name }]));
    return points.map((_, index) => byIndex.get(index + 1) ?? null);
  }
}
