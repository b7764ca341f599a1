import { stat } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/sql';
import type { Database } from '../db/database';
import { readCensus } from './census';
import { ImportRepository } from './import.repository';
import { extractHealthFacilities } from './osm/health-facilities';
import { extractBaseFeatures } from './osm/map-features';
import { osmClip, parseBoundingBox, type OsmClip } from './osm/osm-clip';
import { readOsm } from './osm/osm-reader';
import { extractWalkNetwork } from './osm/walk-network';
import { startProgress, type Progress } from './progress';
import { refreshServiceAreas } from '../service-areas/service-area.service';
import { osmFacilityRecord, readDemoRegions, type SeedReport } from './seed';

function inTransaction(
  db: Database,
  work: (repo: ImportRepository, em: EntityManager) => Promise<SeedReport>,
): Promise<SeedReport> {
  return db.fork().transactional((em: EntityManager) => work(new ImportRepository(em), em));
}

/** Where an OSM import keeps data: a `west,south,east,north` box and/or a region's outline, by division code. */
export interface OsmArea {
  bbox?: string;
  region?: string;
}

/** The clip of an import area, reading the region's outline from the database; throws when it has none. */
async function clipOfArea(db: Database, area: OsmArea): Promise<OsmClip | null> {
  const box = area.bbox ? parseBoundingBox(area.bbox) : null;
  if (!area.region) return osmClip(box, null);
  const boundary = await new ImportRepository(db.fork()).regionBoundary(area.region);
  if (boundary === undefined) throw new Error(`--region ${area.region}: no such region`);
  if (boundary === null) throw new Error(`--region ${area.region}: the region has no boundary to clip to`);
  return osmClip(box, boundary);
}

/**
 * Imports an OpenStreetMap file: health facilities, the walk network (replacing the old one) and base-map
 * features, only inside `area` when one is given.
 */
export async function importOsm(
  db: Database,
  path: string,
  progress: (label: string, total: number) => Progress = startProgress,
  area: OsmArea = {},
): Promise<SeedReport> {
  const clip = await clipOfArea(db, area);
  const megabytes = await stat(path).then(
    (file) => Math.ceil(file.size / 2 ** 20),
    () => 0,
  );
  const reading = progress('Reading OSM file (MB)', megabytes);
  let bytes = 0;
  const osm = await readOsm(path, clip, (chunk) => {
    const before = Math.floor(bytes / 2 ** 20);
    bytes += chunk;
    reading.advance(Math.floor(bytes / 2 ** 20) - before);
  });
  reading.done();
  const network = extractWalkNetwork(osm);
  const features = extractBaseFeatures(osm);
  const facilities = extractHealthFacilities(osm).map(osmFacilityRecord);
  return inTransaction(db, async (repo, em) => {
    const edges = progress('Walk network edges', network.edges.length);
    const road_edge = await repo.replaceNetwork(network.edges, edges);
    edges.done();
    const mapProgress = progress('Base-map features', features.length);
    const map_feature = await repo.upsertMapFeatures(features, mapProgress);
    mapProgress.done();
    const facilityProgress = progress('Facilities', facilities.length);
    const facility = await repo.upsertFacilities(facilities, facilityProgress);
    facilityProgress.done();
    const service_area = await refreshServiceAreas(em, progress);
    return { road_edge, map_feature, facility, service_area };
  });
}

/**
 * Imports district outlines (feature id = 6-digit code, of today or of an ended district), onto today's
 * districts by the succession rule, with the shipped division codes and carried census counts.
 */
export async function importBoundaries(db: Database, path: string): Promise<SeedReport> {
  const { regions, successions } = await readDemoRegions([path]);
  return inTransaction(db, async (repo) => {
    const region = await repo.upsertRegions(regions);
    const region_succession = await repo.replaceSuccessions(successions);
    await repo.refreshParentBoundaries();
    return { region, region_succession };
  });
}

/** Imports census counts for the regions already present, matched by division code. */
export async function importCensus(db: Database, path: string): Promise<SeedReport> {
  const census = await readCensus(path);
  return inTransaction(db, async (repo) => ({ region: await repo.updateCensusCounts([...census.values()]) }));
}
