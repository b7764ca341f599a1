import { beforeAll, describe, expect, it } from 'vitest';
import type { BoundingBox } from '../../../server/import/geo/polygon';
import { pointInPolygon, inBoundingBox } from '../../../server/import/geo/polygon';
import { extractHealthFacilities, type OsmFacility } from '../../../server/import/osm/health-facilities';
import { extractBuildings, type OsmBuilding } from '../../../server/import/osm/map-features';
import type { OsmData } from '../../../server/import/osm/osm-data';
import { extractWalkNetwork, type WalkEdge } from '../../../server/import/osm/walk-network';
import { generateSampleConsortium } from '../../../server/import/sample-consortium';
import {
  generateSampleFacilities,
  SAMPLE_FACILITY_COUNTS,
  type SampleCareFacility,
} from '../../../server/import/sample-facilities';
import { generateSamplePartnerships } from '../../../server/import/sample-partnerships';
import { FACILITY_SERVICES, PARTNERSHIP_SERVICES, SAMPLE_SOURCE } from '../../../server/import/vocabulary';
import { hangzhouDistrict, hangzhouOsm } from '../fixtures';

const REFERENCE_DATE = '2024-06-01';
const DISTRICT_CODES = ['330102', '330103'];

let osm: OsmData;
let buildings: OsmBuilding[];
let streets: WalkEdge[];
let medical: OsmFacility[];
beforeAll(async () => {
  osm = await hangzhouOsm();
  buildings = extractBuildings(osm);
  streets = extractWalkNetwork(osm).edges;
  medical = extractHealthFacilities(osm);
});

function generate(code: string, referenceDate = REFERENCE_DATE): SampleCareFacility[] {
  const district = { ...hangzhouDistrict(code), cityName: '杭州市' };
  return generateSampleFacilities({
    district,
    buildings,
    streets,
    extractBounds: osm.bounds as BoundingBox,
    referenceDate,
  });
}

describe('generateSampleFacilities for 上城区 and 下城区', () => {
  it('gives the same facilities for the same input', () => {
    expect(generate('330102')).toEqual(generate('330102'));
  });

  it.each(DISTRICT_CODES)(
    '%s: the planned number of each type, inside the district and the extract',
    (code) => {
      const facilities = generate(code);
      const polygon = hangzhouDistrict(code).polygon;
      for (const [type, count] of Object.entries(SAMPLE_FACILITY_COUNTS)) {
        expect(facilities.filter((facility) => facility.type === type).length).toBe(count);
      }
      for (const facility of facilities) {
        expect(pointInPolygon([facility.lng, facility.lat], polygon)).toBe(true);
        expect(inBoundingBox([facility.lng, facility.lat], osm.bounds as BoundingBox)).toBe(true);
        expect(facility.placedOn).toMatch(/^osm:way\/\d+$/);
      }
    },
  );

  it.each(DISTRICT_CODES)('%s: bed counts are consistent', (code) => {
    for (const facility of generate(code)) {
      if (facility.beds === null) {
        expect([
          facility.nursingBeds,
          facility.vacantBeds,
          facility.residents,
          facility.vacancyUpdatedAt,
        ]).toEqual([null, null, null, null]);
        continue;
      }
      const { beds, nursingBeds, dementiaBeds, vacantBeds, residents } = facility;
      expect(vacantBeds).toBeGreaterThanOrEqual(0);
      expect(vacantBeds).toBeLessThanOrEqual(beds);
      expect(nursingBeds).toBeLessThanOrEqual(beds);
      expect(dementiaBeds).toBeLessThanOrEqual(nursingBeds ?? 0);
      expect(residents).toBe(beds - (vacantBeds ?? 0));
      const updated = Date.parse(facility.vacancyUpdatedAt ?? '');
      expect(updated).toBeGreaterThanOrEqual(Date.parse('2024-05-18T00:00:00Z'));
      expect(updated).toBeLessThanOrEqual(Date.parse('2024-06-01T00:00:00Z'));
    }
  });

  it('makes nursing homes of 30–300 beds, some with 100+ beds lacking a rehabilitation room', () => {
    const homes = DISTRICT_CODES.flatMap((code) => generate(code)).filter(
      (facility) => facility.type === 'NURSING_HOME',
    );
    for (const home of homes) {
      expect(home.beds).toBeGreaterThanOrEqual(30);
      expect(home.beds).toBeLessThanOrEqual(300);
      expect(home.nursingBeds).toBeGreaterThanOrEqual(Math.round(0.4 * (home.beds ?? 0)));
      expect(home.monthlyFeeMin).toBeGreaterThanOrEqual(3_000);
      expect(home.monthlyFeeMax).toBeLessThanOrEqual(12_000);
      expect(home.starRating).toBeGreaterThanOrEqual(1);
      expect(home.starRating).toBeLessThanOrEqual(5);
    }
    const large = homes.filter((home) => (home.beds ?? 0) >= 100);
    const withRehab = large.filter((home) => home.hasRehabRoom).length;
    expect(withRehab).toBeGreaterThan(large.length / 2);
    expect(withRehab).toBeLessThan(large.length);
  });

  it('keeps names and keys unique across districts, and marks every row as sample data', () => {
    const facilities = DISTRICT_CODES.flatMap((code) => generate(code));
    expect(new Set(facilities.map((facility) => facility.name)).size).toBe(facilities.length);
    expect(new Set(facilities.map((facility) => facility.sourceKey)).size).toBe(facilities.length);
    for (const facility of facilities) {
      expect(facility).toMatchObject({ isSample: true, source: SAMPLE_SOURCE });
      expect(facility.sourceKey).toMatch(/^sample:33010[23]:[a-z-]+:\d+$/);
      expect(facility.phone).toMatch(/^0571-8\d{7}$/);
      expect(facility.address).toMatch(/^杭州市(上城区|下城区)/);
      expect(facility.services.every((service) => FACILITY_SERVICES.includes(service))).toBe(true);
      expect(facility.services.length).toBeGreaterThan(0);
    }
    expect(
      facilities.find((facility) => facility.sourceKey === 'sample:330102:community-care-station:1')?.name,
    ).toMatch(/^上城区.+社区居家养老服务照料中心$/);
  });

  it('gives a district outside the extract nothing', () => {
    expect(generate('330104')).toEqual([]);
  });

  it('rejects a reference date that is not YYYY-MM-DD', () => {
    expect(() => generate('330102', '2024-02-30')).toThrow(/expected a date as YYYY-MM-DD/);
  });
});

describe('generateSamplePartnerships and generateSampleConsortium', () => {
  function partnerships(code: string) {
    const careFacilities = generate(code);
    return {
      careFacilities,
      partnerships: generateSamplePartnerships({
        districtCode: code,
        careFacilities,
        medicalFacilities: medical,
        referenceDate: REFERENCE_DATE,
      }),
    };
  }

  it('is deterministic', () => {
    expect(partnerships('330103')).toEqual(partnerships('330103'));
  });

  it.each(DISTRICT_CODES)(
    '%s: pairs all but one nursing home with 1–2 medical partners, one primary-level',
    (code) => {
      const { careFacilities, partnerships: pairs } = partnerships(code);
      const homes = careFacilities.filter((facility) => facility.type === 'NURSING_HOME');
      const medicalKeys = new Set(medical.map((facility) => facility.sourceKey));
      const primaryKeys = new Set(
        medical.filter((facility) => facility.type === 'PRIMARY_CARE').map((facility) => facility.sourceKey),
      );
      const paired = homes.filter((home) =>
        pairs.some((pair) => pair.careFacilitySourceKey === home.sourceKey),
      );
      expect(paired.length).toBe(homes.length - 1);
      for (const home of paired) {
        const partners = pairs.filter((pair) => pair.careFacilitySourceKey === home.sourceKey);
        expect(partners.length).toBeGreaterThanOrEqual(1);
        expect(partners.length).toBeLessThanOrEqual(2);
        expect(partners.some((pair) => primaryKeys.has(pair.medicalFacilitySourceKey))).toBe(true);
      }
      for (const pair of pairs) {
        expect(medicalKeys.has(pair.medicalFacilitySourceKey)).toBe(true);
        expect(pair.services.length).toBeGreaterThan(0);
        expect(pair.services.every((service) => PARTNERSHIP_SERVICES.includes(service))).toBe(true);
        expect(pair.signedOn < REFERENCE_DATE).toBe(true);
        expect(pair.isSample).toBe(true);
      }
      expect(new Set(pairs.map((pair) => pair.sourceKey)).size).toBe(pairs.length);
    },
  );

  it('leads the district consortium with the nursing hospital and lists existing members once', () => {
    const { careFacilities, partnerships: pairs } = partnerships('330102');
    const consortium = generateSampleConsortium({
      district: { code: '330102', name: '上城区' },
      careFacilities,
      partnerships: pairs,
      referenceDate: REFERENCE_DATE,
    });
    expect(consortium).toMatchObject({
      sourceKey: 'sample:330102:consortium:district',
      name: '上城区康养联合体',
      leadSourceKey: 'sample:330102:nursing-hospital:1',
      isSample: true,
    });
    const known = new Set([...careFacilities, ...medical].map((facility) => facility.sourceKey));
    const memberKeys = consortium?.members.map((member) => member.sourceKey) ?? [];
    expect(memberKeys.every((key) => known.has(key))).toBe(true);
    expect(new Set(memberKeys).size).toBe(memberKeys.length);
    expect(memberKeys).not.toContain(consortium?.leadSourceKey);
    expect(new Set(consortium?.members.map((member) => member.role))).toEqual(
      new Set(['CARE', 'REHABILITATION', 'MEDICAL']),
    );
  });
});
