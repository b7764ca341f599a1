import type { EntityManager } from '@mikro-orm/sql';
import type { Database } from '../db/database';
import { FacilityType } from '../facilities/facility-kind';
import { refreshServiceAreas } from '../service-areas/service-area.service';
import { readDistrictBoundaries, type DistrictBoundary } from './boundaries';
import { readCensus } from './census';
import { DEMO_SOURCES, SOURCE_TEXT } from './demo-sources';
import type { BoundingBox } from './geo/polygon';
import { ImportRepository } from './import.repository';
import type { FacilityImportRecord, RegionRecord, SuccessionRecord, UpsertCounts } from './import.records';
import { RegionLevel } from '../regions/region-level';
import { regionsOfDivisions } from './division-regions';
import { sampleStreetTable } from './sample/street-population';
import { readDivisions } from './divisions';
import { extractHealthFacilities, type OsmFacility } from './osm/health-facilities';
import { extractBaseFeatures, extractBuildings } from './osm/map-features';
import { readOsm } from './osm/osm-reader';
import { extractWalkNetwork } from './osm/walk-network';
import { extractNamedPlaces } from './osm/named-places';
import { PlaceRepository } from '../places/place.repository';
import { FacilityFeeRepository } from '../facilities/facility-fee.repository';
import { sampleFeesFromRange } from '../facilities/facility-fee-sample';
import { spreadDistrictElderly } from './population-spread';
import { startProgress, type Progress } from './progress';
import { generateSampleConsortium } from './sample-consortium';
import { generateSampleFacilities, type SampleCareFacility } from './sample-facilities';
import { generateSamplePartnerships } from './sample-partnerships';

/** What a seed run did, table by table. */
export type SeedReport = Record<string, UpsertCounts>;

type ProgressFactory = (label: string, total: number) => Progress;

/** Today's regions and the ended ones, with census counts carried by the documented rule, from the shipped files. */
export async function readDemoRegions(
  outlinePaths: readonly string[] = DEMO_SOURCES.outlines,
): Promise<{ regions: RegionRecord[]; successions: SuccessionRecord[]; outlines: DistrictBoundary[] }> {
  const [outlines, census, { divisions, successions }] = await Promise.all([
    Promise.all(outlinePaths.map(readDistrictBoundaries)).then((files) => files.flat()),
    readCensus(DEMO_SOURCES.census),
    readDivisions(DEMO_SOURCES.divisions, DEMO_SOURCES.successions),
  ]);
  return {
    ...regionsOfDivisions({
      divisions,
      successions,
      census,
      outlines,
      sources: {
        divisions: SOURCE_TEXT.divisions,
        boundaries: SOURCE_TEXT.boundaries,
        census: SOURCE_TEXT.census,
      },
    }),
    outlines,
  };
}

/** A 2020 census district the demo is built on: its 2016 outline and today's district that holds it. */
interface DemoTerritory {
  code: string;
  boundary: DistrictBoundary['boundary'];
  districtCode: string;
  districtName: string;
}

function demoTerritories(
  outlines: DistrictBoundary[],
  successions: SuccessionRecord[],
  regions: RegionRecord[],
): DemoTerritory[] {
  return DEMO_SOURCES.demoDistricts.map((code) => {
    const outline = outlines.find((o) => o.code === code);
    const current = regions.find((r) => r.code === code && r.validTo === null)
      ? code
      : successions.find((s) => s.predecessorCode === code && s.transferred.length === 0)?.successorCode;
    const district = regions.find((r) => r.code === current);
    if (!outline || !district)
      throw new Error(`The demo district ${code} has no outline or no district of today`);
    return { code, boundary: outline.boundary, districtCode: district.code, districtName: district.name };
  });
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
 * Builds the complete demo from the files the repository ships, in one transaction: the regions of the
 * four policy cities (province to community, with census counts), and on the 2020 census districts 上城区
 * and 下城区 (today in 上城区 and 拱墅区): OSM health facilities, the walk network, base-map features,
 * population cells, sample care resources and the facilities' service areas. Running it again changes nothing.
 */
export async function seedDemo(db: Database, progress: ProgressFactory = startProgress): Promise<SeedReport> {
  const [osm, census, { regions, successions, outlines }] = await Promise.all([
    readOsm(DEMO_SOURCES.osm),
    readCensus(DEMO_SOURCES.census),
    readDemoRegions([DEMO_SOURCES.boundaries]),
  ]);
  const extractBounds = extractBoundsOf(osm.bounds, osm.nodes.values());
  const network = extractWalkNetwork(osm);
  const buildings = extractBuildings(osm);
  const mapFeatures = extractBaseFeatures(osm);
  const osmFacilities = extractHealthFacilities(osm);
  const demo = demoTerritories(outlines, successions, regions);

  return db.fork().transactional(async (em: EntityManager) => {
    const repo = new ImportRepository(em);
    const report: SeedReport = {};
    report.region = await repo.upsertRegions(regions);
    report.region_succession = await repo.replaceSuccessions(successions);
    await repo.refreshParentBoundaries();

    const network_ = progress('Walk network edges', network.edges.length);
    report.road_edge = await repo.replaceNetwork(network.edges, network_);
    network_.done();

    const features = progress('Base-map features', mapFeatures.length);
    report.map_feature = await repo.upsertMapFeatures(mapFeatures, features);
    features.done();
    report.place = await new PlaceRepository(em).replaceAll(extractNamedPlaces(osm));

    const samples = demo.flatMap((d) =>
      generateSampleFacilities({
        district: { code: d.code, name: d.districtName, cityName: '杭州市', polygon: d.boundary },
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
    // Homes with beds publish fees per care level; the samples' are derived from their fee range.
    await new FacilityFeeRepository(em).replaceBySourceKey(
      new Map(
        samples
          .filter((s) => s.type === 'NURSING_HOME' || s.type === 'NURSING_HOSPITAL')
          .flatMap((s) =>
            s.monthlyFeeMin !== null && s.monthlyFeeMax !== null
              ? [[s.sourceKey, sampleFeesFromRange(s.monthlyFeeMin, s.monthlyFeeMax)] as const]
              : [],
          ),
      ),
    );

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
        district: { code: d.code, name: d.districtName },
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
        regionCode: demo.find((d) => d.code === c.districtCode)!.districtCode,
        leadSourceKey: c.leadSourceKey,
        members: c.members,
        isSample: true,
        source: c.source,
      })),
    );

    const cells = progress('Population cells', demo.length);
    const cellCounts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
    for (const districtCode of [...new Set(demo.map((d) => d.districtCode))]) {
      const records = demo
        .filter((d) => d.districtCode === districtCode)
        .flatMap((d) => {
          const row = census.get(d.code);
          if (!row) throw new Error(`The census has no row for district ${d.code}`);
          cells.advance();
          return spreadDistrictElderly({
            district: { ...row, code: d.code, polygon: d.boundary },
            buildings,
            roads: network.edges.filter((edge) => edge.foot),
            extractBounds,
          }).map((c) => ({ ...c, regionCode: districtCode, source: SOURCE_TEXT.population }));
        });
      const counts = await repo.replacePopulationCells(districtCode, records);
      for (const key of Object.keys(cellCounts) as (keyof UpsertCounts)[]) cellCounts[key] += counts[key];
    }
    cells.done();
    report.population_cell = cellCounts;
    report.street_population = await writeSampleStreetTables(em, regions, demo);

    // Last, so that they are computed on the network and facility locations just written.
    report.service_area = await refreshServiceAreas(em, progress);
    return report;
  });
}

/** Sample street tables (示例数据) for the districts of the demo; streets without outline keep them as statistics. */
async function writeSampleStreetTables(
  em: EntityManager,
  regions: RegionRecord[],
  demo: DemoTerritory[],
): Promise<UpsertCounts> {
  const communities = new Map<string, number>();
  for (const region of regions) {
    if (region.level === RegionLevel.COMMUNITY && region.parentCode)
      communities.set(region.parentCode, (communities.get(region.parentCode) ?? 0) + 1);
  }
  const rows = [...new Set(demo.map((d) => d.districtCode))].flatMap((districtCode) => {
    const district = regions.find((r) => r.code === districtCode)!;
    const streets = regions.filter((r) => r.parentCode === districtCode && r.level === RegionLevel.STREET);
    return sampleStreetTable(
      {
        popTotal: district.populationTotal ?? 0,
        age60plus: district.age60plus ?? 0,
        age65plus: district.age65plus ?? 0,
        age80plus: district.age80plus ?? 0,
      },
      streets.map((street) => ({ code: street.code, communities: communities.get(street.code) ?? 0 })),
    );
  });
  const changed = await new ImportRepository(em).setRegionPopulation(
    rows.map((row) => ({
      code: row.code,
      counts: row,
      populationTotal: row.populationTotal,
      year: 2020,
      source: SOURCE_TEXT.streetPopulation,
      isSample: true,
    })),
  );
  return { inserted: 0, updated: changed.size, unchanged: rows.length - changed.size, deleted: 0 };
}

/** Seeds the demo when the directory is empty (a newcomer's first `npm start`). */
export async function ensureDemoData(db: Database): Promise<SeedReport | null> {
  const counts = await new ImportRepository(db.fork()).tableCounts();
  if (counts.facility > 0) return null;
  console.log('Empty database: building the demo data (Hangzhou 上城区, 拱墅区) from data/ …');
  return seedDemo(db);
}
