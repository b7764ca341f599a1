import { describe, expect, it } from 'vitest';
import { extractHealthFacilities } from '../../../server/import/osm/health-facilities';
import {
  isBuildingPart,
  mergeDuplicates,
  osmName,
  type LocatedFacility,
} from '../../../server/import/osm/health-facility-quality';
import type { OsmData, OsmTags } from '../../../server/import/osm/osm-data';

/** An extract of tagged nodes only, at the given positions. */
function nodes(...entries: [number, number, number, OsmTags][]): OsmData {
  return {
    nodes: new Map(entries.map(([id, lng, lat, tags]) => [id, { lng, lat, tags }])),
    ways: [],
    relations: [],
    bounds: null,
  };
}

describe('real hospitals that looked broken (issue: 未命名医院, 浙医一院 twice, 六号楼)', () => {
  it('keeps unnamed hospitals and pharmacies out of the directory', () => {
    const found = extractHealthFacilities(
      nodes([1, 120.16, 30.28, { amenity: 'hospital' }], [2, 120.17, 30.28, { amenity: 'pharmacy' }]),
    );
    expect(found).toEqual([]);
  });

  it('names a hospital from its other name tags when `name` is missing', () => {
    expect(osmName({ 'name:zh': '杭州市中医院' })).toBe('杭州市中医院');
    expect(osmName({ official_name: '浙江大学医学院附属第一医院' })).toBe('浙江大学医学院附属第一医院');
    expect(osmName({ 'name:en': 'Hangzhou Number 6 Hospital' })).toBe('Hangzhou Number 6 Hospital');
    expect(osmName({ amenity: 'hospital' })).toBeNull();
    const [found] = extractHealthFacilities(
      nodes([1, 120.16, 30.28, { amenity: 'hospital', 'name:zh': '杭州市中医院' }]),
    );
    expect(found.name).toBe('杭州市中医院');
  });

  it('merges the same hospital mapped twice within 300 m, keeping the fuller record', () => {
    const found = extractHealthFacilities(
      nodes(
        [1, 120.1734, 30.2599, { amenity: 'hospital', name: '浙医一院' }],
        [2, 120.175, 30.2605, { amenity: 'hospital', name: '浙医一院', phone: '0571-87236114' }],
        [3, 120.1767, 30.2488, { amenity: 'hospital', name: '浙医一院', 'name:en': 'First Affiliated' }],
      ),
    );
    expect(found.map((f) => [f.osmId, f.phone])).toEqual([
      ['node/2', '0571-87236114'],
      ['node/3', null],
    ]);
  });

  it('fills what the kept record lacks from its duplicate', () => {
    type Row = LocatedFacility & { phone: string | null; address: string | null };
    const rows: Row[] = [
      {
        osmId: 'a',
        type: 'HOSPITAL',
        name: '同德医院',
        lng: 120.1,
        lat: 30.2,
        tags: { a: '1', b: '2' },
        phone: null,
        address: null,
      },
      {
        osmId: 'b',
        type: 'HOSPITAL',
        name: '同德医院',
        lng: 120.1001,
        lat: 30.2,
        tags: {},
        phone: '123',
        address: null,
      },
    ];
    const merged = mergeDuplicates(rows, ['phone', 'address']);
    expect(merged).toEqual([expect.objectContaining({ osmId: 'a', phone: '123' })]);
  });

  it('does not import a building of a hospital (…楼 mapped as building=*) as a hospital', () => {
    expect(isBuildingPart({ building: 'yes' }, '浙江省第一医院六号楼')).toBe(true);
    expect(isBuildingPart({ building: 'yes' }, '浙江大学医学院附属第二医院')).toBe(false);
    expect(isBuildingPart({}, '门诊楼')).toBe(false);
    const found = extractHealthFacilities(
      nodes(
        [1, 120.16, 30.28, { amenity: 'hospital', building: 'yes', name: '浙江省第一医院六号楼' }],
        [2, 120.17, 30.28, { amenity: 'hospital', building: 'yes', name: '浙江大学医学院附属第二医院' }],
      ),
    );
    expect(found.map((f) => f.name)).toEqual(['浙江大学医学院附属第二医院']);
  });
});
