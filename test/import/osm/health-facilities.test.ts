import { describe, expect, it } from 'vitest';
import {
  classifyHealthFacility,
  extractHealthFacilities,
  formatAddress,
} from '../../../server/import/osm/health-facilities';
import { hangzhouOsm, osmData } from '../fixtures';

/**
 * Read once from the 2015 extract: every amenity=hospital node and closed way, with the name we give it.
 * Left out: four unnamed ones (node/293836530, node/2499242130, way/25228162, way/255624667) and a building of
 * a hospital (way/255624666 浙江省第一医院六号楼). The two 浙医一院 nodes are 1.27 km apart: two campuses, both kept.
 */
const HANGZHOU_HOSPITALS = [
  ['node/35278378', '浙江省人民医院'],
  ['node/136615218', 'Hangzhou Number 6 Hospital'],
  ['node/270623275', '杭州市第一人民医院'],
  ['node/332055987', '浙江省新华医院'],
  ['node/344628913', '浙医一院'],
  ['node/344629382', '浙医一院'],
  ['node/1667035136', '浙江省立同德医院'],
  ['way/255624664', '浙江大学医学院附属第二医院'],
];

describe('extractHealthFacilities on the Hangzhou extract', () => {
  it('finds the 8 named hospitals, each once', async () => {
    const hospitals = extractHealthFacilities(await hangzhouOsm()).filter(
      (facility) => facility.type === 'HOSPITAL',
    );
    expect(hospitals.map((hospital) => [hospital.osmId, hospital.name])).toEqual(HANGZHOU_HOSPITALS);
  });

  it('locates facilities mapped as areas inside the extract and keys them by OSM id', async () => {
    const osm = await hangzhouOsm();
    const facilities = extractHealthFacilities(osm);
    const secondAffiliated = facilities.find((facility) => facility.osmId === 'way/255624664');
    expect(secondAffiliated).toMatchObject({
      sourceKey: 'osm:way/255624664',
      nameEn: 'The Second Affiliated Hospital, College of Medicine, Zhejiang University',
    });
    for (const facility of facilities) {
      expect(facility.lng).toBeGreaterThanOrEqual(120.1);
      expect(facility.lng).toBeLessThanOrEqual(120.1851);
      expect(facility.lat).toBeGreaterThanOrEqual(30.23);
      expect(facility.lat).toBeLessThanOrEqual(30.2963);
    }
  });

  it('finds the pharmacies and the university clinic as primary care', async () => {
    const facilities = extractHealthFacilities(await hangzhouOsm());
    expect(
      facilities.filter((facility) => facility.type === 'PHARMACY').map((facility) => facility.name),
    ).toEqual(['海王星辰']);
    expect(
      facilities.filter((facility) => facility.type === 'PRIMARY_CARE').map((facility) => facility.name),
    ).toEqual(['浙江大学校医院']);
  });
});

describe('classifyHealthFacility', () => {
  it.each([
    [{ amenity: 'hospital' }, 'HOSPITAL'],
    [{ amenity: 'clinic' }, 'PRIMARY_CARE'],
    [{ amenity: 'doctors' }, 'PRIMARY_CARE'],
    [{ healthcare: 'centre' }, 'PRIMARY_CARE'],
    [{ amenity: 'pharmacy' }, 'PHARMACY'],
    [{ amenity: 'nursing_home' }, 'NURSING_HOME'],
    [{ amenity: 'social_facility', social_facility: 'assisted_living' }, 'NURSING_HOME'],
    [{ amenity: 'social_facility', social_facility: 'food_bank' }, null],
    [{ healthcare: 'physiotherapist' }, 'REHABILITATION'],
    [{ amenity: 'restaurant' }, null],
  ])('%o is %s', (tags, type) => {
    expect(classifyHealthFacility(tags)).toBe(type);
  });
});

describe('formatAddress', () => {
  it('joins addr:* tags in Chinese order', () => {
    expect(
      formatAddress({
        'addr:housenumber': '158',
        'addr:street': '庆春路',
        'addr:district': '上城区',
        'addr:city': '杭州市',
      }),
    ).toBe('杭州市上城区庆春路158号');
  });

  it('falls back to addr:full, then to address, then to null', () => {
    expect(formatAddress({ 'addr:full': '杭州市解放路88号' })).toBe('杭州市解放路88号');
    expect(formatAddress({ address: '459 Wensan Road' })).toBe('459 Wensan Road');
    expect(formatAddress({})).toBeNull();
  });
});

describe('extractHealthFacilities on a hand-made extract', () => {
  it('places a clinic drawn as a square at its centre and takes name:zh when name is missing', () => {
    const osm = osmData({
      nodes: { 1: [120, 30], 2: [120.002, 30], 3: [120.002, 30.002], 4: [120, 30.002] },
      ways: {
        10: [
          [1, 2, 3, 4, 1],
          { amenity: 'clinic', 'name:zh': '湖滨街道社区卫生服务中心', phone: '0571-87001234' },
        ],
      },
    });
    const [clinic] = extractHealthFacilities(osm);
    expect(clinic).toMatchObject({
      osmId: 'way/10',
      type: 'PRIMARY_CARE',
      name: '湖滨街道社区卫生服务中心',
      phone: '0571-87001234',
    });
    expect(clinic.lng).toBeCloseTo(120.001, 9);
    expect(clinic.lat).toBeCloseTo(30.001, 9);
  });

  it('ignores an unclosed way', () => {
    const osm = osmData({
      nodes: { 1: [120, 30], 2: [120.002, 30], 3: [120.002, 30.002] },
      ways: { 10: [[1, 2, 3], { amenity: 'hospital' }] },
    });
    expect(extractHealthFacilities(osm)).toEqual([]);
  });
});
