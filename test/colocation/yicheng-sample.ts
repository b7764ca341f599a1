import type { SqlRunner } from '../../server/db/sql';

/**
 * 示例数据: sample facilities of 峄城区 (370404), a rural county of 枣庄市, for the co-location tests.
 * Invented names and positions around the county seat (about 117.59 E, 34.77 N): two township health
 * centres (one with a care home 120 m away, one with the nearest care home 1.5 km away) and three village
 * clinics (two with a 农村幸福院 within 60 m, one without any). Every row is marked is_sample.
 */
export const YICHENG_SAMPLE: readonly {
  key: string;
  type: string;
  name: string;
  lng: number;
  lat: number;
}[] = [
  { key: 'a', type: 'PRIMARY_CARE', name: '示例坛山乡镇卫生院', lng: 117.59, lat: 34.77 },
  { key: 'b', type: 'NURSING_HOME', name: '示例坛山敬老院', lng: 117.5913, lat: 34.77 },
  { key: 'c', type: 'PRIMARY_CARE', name: '示例榴园镇卫生院', lng: 117.65, lat: 34.8 },
  { key: 'd', type: 'NURSING_HOME', name: '示例榴园养老院', lng: 117.6664, lat: 34.8 },
  { key: 'e', type: 'PRIMARY_CARE', name: '示例王庄村卫生室', lng: 117.61, lat: 34.74 },
  { key: 'f', type: 'RURAL_CARE', name: '示例王庄村农村幸福院', lng: 117.6105, lat: 34.74 },
  { key: 'g', type: 'PRIMARY_CARE', name: '示例曹庄村卫生室', lng: 117.62, lat: 34.75 },
  { key: 'h', type: 'RURAL_CARE', name: '示例曹庄村农村幸福院', lng: 117.62, lat: 34.7504 },
  { key: 'i', type: 'PRIMARY_CARE', name: '示例古邵村卫生室', lng: 117.7, lat: 34.72 },
];

/** Inserts 峄城区 (and its province and city, if missing) and the sample facilities; returns ids by key. */
export async function insertYichengSample(sql: SqlRunner): Promise<Map<string, string>> {
  await sql.run(
    `insert into region (code, name, level, parent_code, source) values
       ('370000', '山东省', 'PROVINCE', null, 'test fixture (示例)'),
       ('370400', '枣庄市', 'CITY', '370000', 'test fixture (示例)'),
       ('370404', '峄城区', 'DISTRICT', '370400', 'test fixture (示例)')
     on conflict (code) do nothing`,
  );
  const ids = new Map<string, string>();
  for (const facility of YICHENG_SAMPLE) {
    const row = await sql.one<{ id: string }>(
      `insert into facility (source_key, type, name, location, region_code, is_sample, source, search_text, search_grams)
       values ($1, $2::facility_type, $3, ST_SetSRID(ST_MakePoint($4, $5), 4326), '370404', true, '示例数据 test fixture', $3, '{}')
       returning id::text as "id"`,
      [`sample:yicheng:${facility.key}`, facility.type, facility.name, facility.lng, facility.lat],
    );
    ids.set(facility.key, row!.id);
  }
  return ids;
}
