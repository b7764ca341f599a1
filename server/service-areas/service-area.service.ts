import type { EntityManager } from '@mikro-orm/sql';
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

/** Each facility's 5-, 10- and 15-minute walking areas: stored in PostGIS, recomputed when stale. */
export class ServiceAreaService {
  private readonly areas: ServiceAreaRepository;
  private readonly isochrones: IsochroneService;
  private readonly basis: ServiceAreaBasis;

  constructor(em: EntityManager, network: RoadNetwork) {
    this.areas = new ServiceAreaRepository(em);
    this.isochrones = new IsochroneService(em, network);
    this.basis = {
      mode: SERVICE_AREA_PROFILE.mode,
      speedMetersPerMinute: SERVICE_AREA_PROFILE.speedMetersPerMinute,
      networkFingerprint: network.fingerprint,
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
    for (const site of stale) {
      const areas = await this.isochrones.areasFrom(site, LIFE_CIRCLE_MINUTES, SERVICE_AREA_PROFILE);
      const saved = await this.areas.save(site, areas, this.basis);
      counts.inserted += saved.inserted;
      counts.updated += saved.updated;
      bar?.advance();
    }
    bar?.done();
    counts.unchanged = (await this.areas.count()) - counts.inserted - counts.updated;
    return counts;
  }

  /**
   * A facility's walking area for a limit: the stored one when up to date; else computed now, and for
   * the 5-, 10- and 15-minute limits stored again (all three) so the map layer catches up.
   */
  async forFacility(facilityId: string, minutes: number): Promise<IsochroneRecord> {
    assertMinutes(minutes, 'minutes');
    const stored = await this.areas.forFacility(facilityId, minutes, this.basis);
    if (!stored) throw notFound(`No facility with id ${facilityId}`);
    if (stored.area) return stored.area;
    if (!LIFE_CIRCLE_MINUTES.includes(minutes)) {
      const [area] = await this.isochrones.areasFrom(stored.site, [minutes], SERVICE_AREA_PROFILE);
      return area;
    }
    const areas = await this.isochrones.areasFrom(stored.site, LIFE_CIRCLE_MINUTES, SERVICE_AREA_PROFILE);
    await this.areas.save(stored.site, areas, this.basis);
    return areas.find((area) => area.minutes === minutes)!;
  }
}

/** Refreshes stale service areas against the network as this entity manager (an import's transaction) sees it. */
export async function refreshServiceAreas(
  em: EntityManager,
  progress?: (label: string, total: number) => Progress,
): Promise<UpsertCounts> {
  const network = new RoadNetwork(await new NetworkRepository(em).loadGraph());
  return new ServiceAreaService(em, network).refresh(progress);
}
