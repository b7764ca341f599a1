import type { EntityManager } from '@mikro-orm/sql';
import type { Database } from '../db/database';
import { readDistrictBoundaries } from './boundaries';
import { readCensus } from './census';
import { DEMO_SOURCES } from './demo-sources';
import { ImportRepository } from './import.repository';
import { extractHealthFacilities } from './osm/health-facilities';
import { extractBaseFeatures } from './osm/map-features';
import { readOsm } from './osm/osm-reader';
import { extractWalkNetwork } from './osm/walk-network';
import { startProgress, type Progress } from './progress';
import { refreshServiceAreas } from '../service-areas/service-area.service';
import { osmFacilityRecord, regionsOf, type SeedReport } from './seed';

function inTransaction(
  db: Database,
  work: (repo: ImportRepository, em: EntityManager) => Promise<SeedReport>,
): Promise<SeedReport> {
  return db.fork().transactional((em: EntityManager) => work(new ImportRepository(em), em));
}

/** Imports an OpenStreetMap file: health facilities, the walk network (replacing the old one) and base-map features. */
export async function importOsm(
  db: Database,
  path: string,
  progress: (label: string, total: number) => Progress = startProgress,
): Promise<SeedReport> {
  const osm = await readOsm(path);
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

/** Imports district boundaries, with province and city rows and census counts from the shipped census file. */
export async function importBoundaries(db: Database, path: string): Promise<SeedReport> {
  const [districts, census] = await Promise.all([
    readDistrictBoundaries(path),
    readCensus(DEMO_SOURCES.census),
  ]);
  return inTransaction(db, async (repo) => {
    const region = await repo.upsertRegions(regionsOf(districts, census));
    await repo.refreshParentBoundaries();
    return { region };
  });
}

/** Imports census counts for the regions already present, matched by division code. */
export async function importCensus(db: Database, path: string): Promise<SeedReport> {
  const census = await readCensus(path);
  return inTransaction(db, async (repo) => ({ region: await repo.updateCensusCounts([...census.values()]) }));
}
