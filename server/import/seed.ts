import type { EntityManager } from '@mikro-orm/sql';
import type { Database } from '../db/database';
import { FacilityType } from '../facilities/facility-kind';
import { RegionLevel } from '../regions/region-level';
import { refreshServiceAreas } from '../service-areas/service-area.service';
import { readDistrictBoundaries, type DistrictBoundary } from './boundaries';
import { readCensus, type CensusDistrict } from './census';
import { DEMO_SOURCES, SOURCE_TEXT } from './demo-sources';
import type { BoundingBox } from './geo/polygon';
import { ImportRepository } from './import.repository';
import type { FacilityImportRecord, RegionRecord, UpsertCounts } from './import.records';
import { extractHealthFacilities, type OsmFacility } from './osm/health-facilities';
import { extractBaseFeatures, extractBuildings } from './osm/map-features';
import { readOsm } from './osm/osm-reader';
import { extractWalkNetwork } from './osm/walk-network';
import { spreadDistrictElderly } from './population-spread';
import { startProgress, type Progress } from './progress';
import { generateSampleConsortium } from './sample-consortium';
import { generateSampleFacilities, type SampleCareFacility } from './sample-facilities';
import { generateSamplePartnerships } from './sample-partnerships';

/** What a seed run did, table by table. */
export type SeedReport = Record<string, UpsertCounts>;

type ProgressFactory = (label: string, total: number) => Progress;

/** Regions of one city file: province and city rows from the census, then each district. */
export function regionsOf(
  districts: DistrictBoundary[],
  census: Map<string, CensusDistrict>,
): RegionRecord[] {
  if (!districts.length) return [];
  const cityCode = `${districts[0].code.slice(0, 4)}00`;
  const provinceCode = `${cityCode.slice(0, 2)}0000`;
  const counts = (code: string) => {
    const row = census.get(code);
    return {
      populationTotal: row?.popTotal ?? null,
      age60plus: row?.age60plus ?? null,
      age65plus: row?.age65plus ?? null,
      age80plus: row?.age80plus ?? null,
      populationSource: row ? SOURCE_TEXT.census : null,
    };
  };
  const province = census.get(provinceCode);
  const city = census.get(cityCode);
  return [
    {
      code: provinceCode,
      name: province?.province ?? provinceCode,
      level: RegionLevel.PROVINCE,
      parentCode: null,
      boundary: null,
      labelPoint: null,
      ...counts(provinceCode),
      isSample: false,
      source: SOURCE_TEXT.census,
    },
    {
      code: cityCode,
      name: city?.city ?? cityCode,
      level: RegionLevel.CITY,
      parentCode: provinceCode,
      boundary: null,
      labelPoint: null,
      ...counts(cityCode),
      isSample: false,
      source: SOURCE_TEXT.census,
    },
    ...districts.map((d) => ({
      code: d.code,
      name: d.name,
      level: RegionLevel.DISTRICT,
      parentCode: cityCode,
      boundary: d.boundary,
      labelPoint: d.labelPoint,
      ...counts(d.code),
      isSample: false,
      source: SOURCE_TEXT.boundaries,
    })),
  ];
}

/** An OSM health facility as a directory row. */
export function osmFacilityRecord(facility: OsmFacility): FacilityImportRecord {
  return {
    sourceKey: `osm:${facility.osmId}`,
    type: FacilityType[facility.type],
    name: facility.name,
    nameEn: facility.nameEn,
    address: facility.address,
    phone: facility.phone,
    openingHours: facility.openingHours,
    lng: facility.lng,
    lat: facility.lat,
    isSample: false,
    source: SOURCE_TEXT.osm,
    osmId: facility.osmId,
  };
}

/** A generated sample resource as a directory row. */
export function sampleFacilityRecord(facility: SampleCareFacility): FacilityImportRecord {
  return {
    sourceKey: facility.sourceKey,
    type: FacilityType[facility.type],
    name: facility.name,
    address: facility.address,
    phone: facility.phone,
    openingHours: facility.openingHours,
    operatorType: facility.operatorType,
    services: facility.services,
    feeMinMonthly: facility.monthlyFeeMin,
    feeMaxMonthly: facility.monthlyFeeMax,
    totalBeds: facility.beds,
    nursingBeds: facility.nursingBeds,
    dementiaBeds: facility.dementiaBeds,
    vacantBeds: facility.vacantBeds,
    vacancyUpdatedAt: facility.vacancyUpdatedAt,
    residents: facility.residents,
    hasRehabRoom: facility.hasRehabRoom,
    hasInhouseMedical: facility.hasInhouseMedical,
    ltcInsurance: facility.ltcInsurance,
    medicalInsurance: facility.medicalInsurance,
    starRating: facility.starRating,
    lng: facility.lng,
    lat: facility.lat,
    isSample: true,
    source: facility.source,
    verifiedOn: facility.verifiedOn,
  };
}

function extractBoundsOf(
  osmBounds: BoundingBox | null,
  nodes: Iterable<{ lng: number; lat: number }>,
): BoundingBox {
  if (osmBounds) return osmBounds;
  const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const n of nodes) {
    box.west = Math.min(box.west, n.lng);
    box.east = Math.max(box.east, n.lng);
    box.south = Math.min(box.south, n.lat);
    box.north = Math.max(box.north, n.lat);
  }
  return box as BoundingBox;
}

/**
 * Builds the complete demo (Hangzhou 上城区 and 下城区) from the files the repository ships, in one
 * transaction: regions and census counts, OSM health facilities, the walk network, base-map features,
 * population cells, sample care resources and the facilities' service areas. Running it again changes nothing.
 */
export async function seedDemo(db: Database, progress: ProgressFactory = startProgress): Promise<SeedReport> {
  const [osm, districts, census] = await Promise.all([
    readOsm(DEMO_SOURCES.osm),
    readDistrictBoundaries(DEMO_SOURCES.boundaries),
    readCensus(DEMO_SOURCES.census),
  ]);
  const extractBounds = extractBoundsOf(osm.bounds, osm.nodes.values());
  const network = extractWalkNetwork(osm);
  const buildings = extractBuildings(osm);
  const mapFeatures = extractBaseFeatures(osm);
  const osmFacilities = extractHealthFacilities(osm);
  const demo = districts.filter((d) => (DEMO_SOURCES.demoDistricts as readonly string[]).includes(d.code));

  return db.fork().transactional(async (em: EntityManager) => {
    const repo = new ImportRepository(em);
    const report: SeedReport = {};
    report.region = await repo.upsertRegions(regionsOf(districts, census));
    await repo.refreshParentBoundaries();

    const network_ = progress('Walk network edges', network.edges.length);
    report.road_edge = await repo.replaceNetwork(network.edges, network_);
    network_.done();

    const features = progress('Base-map features', mapFeatures.length);
    report.map_feature = await repo.upsertMapFeatures(mapFeatures, features);
    features.done();

    const samples = demo.flatMap((d) =>
      generateSampleFacilities({
        district: { code: d.code, name: d.name, cityName: '杭州市', polygon: d.boundary },
        buildings,
        streets: network.edges.filter((edge) => edge.foot),
        extractBounds,
        referenceDate: DEMO_SOURCES.referenceDate,
      }),
    );
    const facilityRows = [...osmFacilities.map(osmFacilityRecord), ...samples.map(sampleFacilityRecord)];
    const facilities = progress('Facilities', facilityRows.length);
    report.facility = await repo.upsertFacilities(facilityRows, facilities);
    facilities.done();

    const medical = osmFacilities
      .filter((f) => f.type === 'HOSPITAL' || f.type === 'PRIMARY_CARE')
      .map((f) => ({ sourceKey: `osm:${f.osmId}`, type: f.type, lng: f.lng, lat: f.lat }));
    const partnerships = demo.flatMap((d) =>
      generateSamplePartnerships({
        districtCode: d.code,
        careFacilities: samples.filter((s) => s.districtCode === d.code),
        medicalFacilities: medical,
        referenceDate: DEMO_SOURCES.referenceDate,
      }),
    );
    report.medical_partnership = await repo.upsertPartnerships(
      partnerships.map((p) => ({
        sourceKey: p.sourceKey,
        careSourceKey: p.careFacilitySourceKey,
        medicalSourceKey: p.medicalFacilitySourceKey,
        signedOn: p.signedOn,
        endsOn: null,
        services: p.services,
        greenChannel: p.greenChannel,
        twoWayReferral: p.twoWayReferral,
        isSample: true,
        source: p.source,
      })),
    );
    const consortia = demo.flatMap((d) => {
      const consortium = generateSampleConsortium({
        district: { code: d.code, name: d.name },
        careFacilities: samples.filter((s) => s.districtCode === d.code),
        partnerships: partnerships.filter((p) => p.sourceKey.startsWith(`sample:${d.code}:`)),
        referenceDate: DEMO_SOURCES.referenceDate,
      });
      return consortium ? [consortium] : [];
    });
    report.consortium = await repo.upsertConsortia(
      consortia.map((c) => ({
        sourceKey: c.sourceKey,
        name: c.name,
        level: c.level,
        regionCode: c.districtCode,
        leadSourceKey: c.leadSourceKey,
        members: c.members,
        isSample: true,
        source: c.source,
      })),
    );

    const cells = progress('Population cells', demo.length);
    const cellCounts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
    for (const d of demo) {
      const row = census.get(d.code);
      if (!row) throw new Error(`The census has no row for district ${d.code}`);
      const spread = spreadDistrictElderly({
        district: { ...row, code: d.code, polygon: d.boundary },
        buildings,
        roads: network.edges.filter((edge) => edge.foot),
        extractBounds,
      });
      const counts = await repo.replacePopulationCells(
        d.code,
        spread.map((c) => ({ ...c, regionCode: d.code, source: SOURCE_TEXT.population })),
      );
      for (const key of Object.keys(cellCounts) as (keyof UpsertCounts)[]) cellCounts[key] += counts[key];
      cells.advance();
    }
    cells.done();
    report.population_cell = cellCounts;

    // Last, so that they are computed on the network and facility locations just written.
    report.service_area = await refreshServiceAreas(em, progress);
    return report;
  });
}

/** Seeds the demo when the directory is empty (a newcomer's first `npm start`). */
export async function ensureDemoData(db: Database): Promise<SeedReport | null> {
  const counts = await new ImportRepository(db.fork()).tableCounts();
  if (counts.facility > 0) return null;
  console.log('Empty database: building the demo data (Hangzhou 上城区, 下城区) from data/ …');
  return seedDemo(db);
}
