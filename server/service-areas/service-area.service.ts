import type { EntityManager } from '@mikro-orm/sql';
import { inThreadComputation, type Computation } from '../compute/compute-pool';
import { notFound } from '../graphql/errors';
import type { UpsertCounts } from '../import/import.records';
import type { Progress } from '../import/progress';
import { IsochroneService, LIFE_CIRCLE_MINUTES, type IsochroneRecord } from '../isochrones/isochrone.service';
import { assertMinutes } from '../isochrones/travel.validate';
import { NetworkRepository } from '../network/network.repository';
import { RoadNetwork } from '../network/road-network';
import { travelProfile } from '../routing/profile';
import { ServiceAreaRepository, type ServiceAreaBasis } from './service-area.repository';

/** Stored areas are for walking at the planning speed, 60 m/min. */
const SERVICE_AREA_PROFILE = travelProfile('WALK');

/** Facilities whose areas one compute task draws: small enough that a task ends in well under a second. */
const SITES_PER_TASK = 8;

/** Each facility's 5-, 10- and 15-minute walking areas: stored in PostGIS when facilities are written. */
export class ServiceAreaService {
  private readonly areas: ServiceAreaRepository;
  private readonly isochrones: IsochroneService;
  private readonly basis: ServiceAreaBasis;

  constructor(em: EntityManager, computation: Computation) {
    this.areas = new ServiceAreaRepository(em);
    this.isochrones = new IsochroneService(em, computation);
    this.basis = {
      mode: SERVICE_AREA_PROFILE.mode,
      speedMetersPerMinute: SERVICE_AREA_PROFILE.speedMetersPerMinute,
      networkFingerprint: computation.network.fingerprint,
    };
  }

  /**
   * Computes and stores the areas of every facility that was added or moved, or whose areas come
   * from another network; drops those of archived facilities. Facilities already up to date cost
   * nothing. Counts are of stored areas (one per facility and limit).
   */
  async refresh(progress?: (label: string, total: number) => Progress): Promise<UpsertCounts> {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
    counts.deleted = await this.areas.deleteArchived();
    const stale = await this.areas.staleSites(LIFE_CIRCLE_MINUTES, this.basis);
    const bar = stale.length && progress ? progress('Service areas', stale.length) : null;
    for (let start = 0; start < stale.length; start += SITES_PER_TASK) {
      const sites = stale.slice(start, start + SITES_PER_TASK);
      const areasOfSites = await this.isochrones.areasFromEach(
        sites,
        LIFE_CIRCLE_MINUTES,
        SERVICE_AREA_PROFILE,
      );
      for (const [index, site] of sites.entries()) {
        const saved = await this.areas.save(site, areasOfSites[index], this.basis);
        counts.inserted += saved.inserted;
        counts.updated += saved.updated;
        bar?.advance();
      }
    }
    bar?.done();
    counts.unchanged = (await this.areas.count()) - counts.inserted - counts.updated;
    return counts;
  }

  /**
   * A facility's walking area for a limit: the stored one when up to date, else computed now. Never
   * stores anything: reading is not writing (the stored areas are written with the facility).
   */
  async forFacility(facilityId: string, minutes: number): Promise<IsochroneRecord> {
    assertMinutes(minutes, 'minutes');
    const stored = await this.areas.forFacility(facilityId, minutes, this.basis);
    if (!stored) throw notFound(`No facility with id ${facilityId}`);
    if (stored.area) return stored.area;
    const [area] = await this.isochrones.areasFrom(stored.site, [minutes], SERVICE_AREA_PROFILE);
    return area;
  }
}

/**
 * Refreshes stale service areas as this entity manager (a write's transaction) sees the facilities:
 * with the given computation (the server's network, on its worker pool), or else against the network
 * read through the entity manager, in this thread (seeding and file imports replace the network).
 */
export async function refreshServiceAreas(
  em: EntityManager,
  progress?: (label: string, total: number) => Progress,
  computation?: Computation,
): Promise<UpsertCounts> {
  const using =
    computation ?? inThreadComputation(new RoadNetwork(await new NetworkRepository(em).loadGraph()));
  return new ServiceAreaService(em, using).refresh(progress);
}
