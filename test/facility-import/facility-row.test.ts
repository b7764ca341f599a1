import gcoord from 'gcoord';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../server/facility-import/csv';
import { readFacilityFile } from '../../server/facility-import/facility-file';
import { facilityFromRow } from '../../server/facility-import/facility-row';

describe('parseCsv', () => {
  test('quoted fields with commas, doubled quotes and line breaks; CRLF; BOM; blank lines', () => {
    const rows = parseCsv(
      '\uFEFFsource_key,name,address\r\na,"康养, 驿站","说""明""\n第二行"\r\n\r\nb,食堂,\n',
    );
    expect(rows).toEqual([
      { line: 2, record: { source_key: 'a', name: '康养, 驿站', address: '说"明"\n第二行' } },
      { line: 5, record: { source_key: 'b', name: '食堂', address: '' } },
    ]);
  });

  test('an unclosed quote or a repeated column is a format error naming the line', () => {
    expect(() => parseCsv('a,b\n1,"oops\n')).toThrow(/line 2/);
    expect(() => parseCsv('a,a\n1,2')).toThrow(/twice/);
  });
});

describe('facilityFromRow', () => {
  const base = {
    source_key: 'k1',
    name: '湖滨康养驿站',
    type: 'COMMUNITY_CARE_STATION',
    lng: '120.165',
    lat: '30.257',
  };

  test('a good row becomes a record; Chinese type names are accepted', () => {
    const { record, problems } = facilityFromRow(
      { ...base, type: '老年食堂/助餐点', services: 'MEAL;MEAL_DELIVERY' },
      'WGS84',
      'file',
    );
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      sourceKey: 'k1',
      type: 'MEAL_POINT',
      services: ['MEAL', 'MEAL_DELIVERY'],
      lng: 120.165,
      source: 'file',
    });
  });

  test('every problem of a row is listed', () => {
    const { record, problems } = facilityFromRow(
      {
        ...base,
        type: 'CASINO',
        lat: '95',
        total_beds: '10',
        vacant_beds: '12',
        services: 'MEAL;GOLF',
        colour: 'red',
      },
      'WGS84',
      'file',
    );
    expect(record).toBeNull();
    expect(problems.map((p) => p.field).sort()).toEqual(['colour', 'lat', 'services', 'type', 'vacant_beds']);
  });

  test('GCJ-02 and BD-09 coordinates are converted to WGS84 (hundreds of metres apart in Hangzhou)', () => {
    const wgs: [number, number] = [120.165, 30.257];
    const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02);
    const bd = gcoord.transform(wgs, gcoord.WGS84, gcoord.BD09);
    expect(Math.abs(gcj[0] - wgs[0]) * 96_000).toBeGreaterThan(300);
    for (const [crs, [lng, lat]] of [
      ['GCJ02', gcj],
      ['BD09', bd],
    ] as const) {
      const { record } = facilityFromRow({ ...base, lng: String(lng), lat: String(lat) }, crs, 'file');
      expect(record!.lng).toBeCloseTo(wgs[0], 5);
      expect(record!.lat).toBeCloseTo(wgs[1], 5);
    }
  });
});

describe('readFacilityFile', () => {
  test('GeoJSON features without a usable Point are reported, not dropped', () => {
    const rows = readFacilityFile(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [120.1, 30.2] },
            properties: { name: 'a' },
          },
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: ['x', null] },
            properties: { name: 'b' },
          },
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { name: 'c' } },
        ],
      }),
      'GEOJSON',
    );
    expect(rows.map((r) => r.readError?.field ?? null)).toEqual([null, 'geometry', 'geometry']);
    expect(rows[0].fields).toMatchObject({ name: 'a', lng: 120.1, lat: 30.2 });
  });

  test('a file that is not what it claims is a clear error', () => {
    expect(() => readFacilityFile('{"type":"Feature"}', 'GEOJSON')).toThrow(/FeatureCollection/);
    expect(() => readFacilityFile('not json', 'GEOJSON')).toThrow(/Not valid JSON/);
  });
});
