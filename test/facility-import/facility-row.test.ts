import gcoord from 'gcoord';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../server/facility-import/csv';
import { readFacilityFile } from '../../server/facility-import/facility-file';
import { facilityFromRow } from '../../server/facility-import/facility-row';
import type { StoredFacility } from '../../server/facilities/facility-write.repository';

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

  test('CSV rows with more cells than the header are a row error, not accepted with the extras dropped', () => {
    const rows = readFacilityFile('source_key,name\na,食堂,extra\nb,驿站\n', 'CSV');
    expect(rows[0].readError).toMatchObject({ field: 'row', message: expect.stringMatching(/1 more cell/) });
    expect(rows[1].readError).toBeUndefined();
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

  test.each([
    ['services', 'constructor'],
    ['services', 'MEAL;toString'],
    ['operator_type', 'toString'],
    ['hospital_grade', '__proto__'],
    ['operator_type', 'hasOwnProperty'],
  ])('import validation by `value in Enum`: %s=%s is a row error, not VALID', (field, value) => {
    const { record, problems } = facilityFromRow({ ...base, [field]: value }, 'WGS84', 'file');
    expect(record).toBeNull();
    expect(problems.map((p) => p.field)).toEqual([field]);
  });

  test.each(['2023-02-30', '0000-01-01', '1899-12-31', '2023-2-3', '3000-01-01', '20230101'])(
    'verified_on=%s is a row error, not VALID in the dry run and INTERNAL in the real run',
    (verifiedOn) => {
      const { record, problems } = facilityFromRow({ ...base, verified_on: verifiedOn }, 'WGS84', 'file');
      expect(record).toBeNull();
      expect(problems.map((p) => p.field)).toEqual(['verified_on']);
    },
  );

  test('real dates pass: verified_on 2024-02-29 and 1900-01-01', () => {
    for (const verifiedOn of ['2024-02-29', '1900-01-01']) {
      const { record, problems } = facilityFromRow({ ...base, verified_on: verifiedOn }, 'WGS84', 'file');
      expect(problems).toEqual([]);
      expect(record!.verifiedOn).toBe(verifiedOn);
    }
  });

  test('numbers are decimal: 0x10 beds, 1e3 fees and a hex longitude are row errors', () => {
    const { problems } = facilityFromRow(
      { ...base, lng: '0x78', total_beds: '0x10', fee_min_monthly: '1e3' },
      'WGS84',
      'file',
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['fee_min_monthly', 'lng', 'total_beds']);
  });

  test('every text cell has a length cap: source over 2,000 characters, name over 200', () => {
    const { problems } = facilityFromRow(
      { ...base, name: '养'.repeat(201), source: 'x'.repeat(2_001), address: 'y'.repeat(501) },
      'WGS84',
      'file',
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['address', 'name', 'source']);
  });

  describe('checked against the stored facility, by the rules of updateFacility', () => {
    const stored = {
      id: '22',
      version: 4,
      name: '湖滨康养驿站',
      nameEn: null,
      address: null,
      totalBeds: 20,
      nursingBeds: null,
      dementiaBeds: null,
      vacantBeds: 8,
      feeMinMonthly: null,
      feeMaxMonthly: null,
      lng: 120.165,
      lat: 30.257,
      archived: false,
    } satisfies StoredFacility;
    const context = { stored, extent: null };
    const row = { ...base, total_beds: '20' };

    test('total_beds below the live vacancy is a row error (the dry run used to pass it)', () => {
      const { record, problems } = facilityFromRow({ ...base, total_beds: '5' }, 'WGS84', 'file', context);
      expect(record).toBeNull();
      expect(problems).toEqual([
        { field: 'total_beds', message: expect.stringMatching(/live vacancy of 8/), code: 'BAD_USER_INPUT' },
      ]);
    });

    test('a blank total_beds on a facility with vacancy 8 is a row error', () => {
      const { record, problems } = facilityFromRow({ ...base, total_beds: '' }, 'WGS84', 'file', context);
      expect(record).toBeNull();
      expect(problems.map((p) => p.field)).toEqual(['total_beds']);
    });

    test('vacant_beds in the file does not count for an existing facility: its live vacancy does', () => {
      const { record, problems } = facilityFromRow(
        { ...base, total_beds: '10', vacant_beds: '30' },
        'WGS84',
        'file',
        context,
      );
      expect(problems).toEqual([]);
      expect(record!.totalBeds).toBe(10);
    });

    test('a stale expected_version is a CONFLICT for that row; the current one passes', () => {
      const stale = facilityFromRow({ ...row, expected_version: '3' }, 'WGS84', 'file', context);
      expect(stale.record).toBeNull();
      expect(stale.problems).toEqual([
        {
          field: 'expected_version',
          message: expect.stringMatching(/expected version 3, it is now at 4/),
          code: 'CONFLICT',
        },
      ]);
      expect(facilityFromRow({ ...row, expected_version: '4' }, 'WGS84', 'file', context).problems).toEqual(
        [],
      );
      const none = facilityFromRow({ ...base, expected_version: '1' }, 'WGS84', 'file');
      expect(none.problems.map((p) => p.code)).toEqual(['CONFLICT']);
    });
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
