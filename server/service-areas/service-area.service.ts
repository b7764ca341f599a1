import type { EntityManager } from '@mikro-orm/sql';
import { inThreadComputation, type Computation, type ComputeCaller } from '../compute/compute-pool';
import { notFound } from '../kernel/errors';
import type { UpsertCounts } from '../import/import.records';
import type { Progress } from '../import/progress';
import { IsochroneService, LIFE_CIRCLE_MINUTES, type IsochroneRecord } from '../isochrones/isochrone.service';
import { assertMinutes } from '../isochrones/travel.validate';
import type { NetworkLoader } from '../network/network.loader';
import { NetworkRepository } from '../network/network.repository';
import { RoadNetwork, type GeoPoint } from '../routing/road-network';
import { travelProfile } from '../routing/profile';
import { ServiceAreaRepository, type ServiceAreaBasis } from './service-area.repository';

/** Stored areas are for walking at the planning speed, 60 m/min. */
const SERVICE_AREA_PROFILE = travelProfile('WALK');

/** Places whose areas one compute task draws: small enough that a task ends in well under a second. */
const SITES_PER_TASK = 8;

/** Service areas computed ahead of a write, by place (see placeKey). */
export type PreparedAreas = Map<string, IsochroneRecord[]>;

/** A place as a key: its exact coordinates. */
function placeKey(place: GeoPoint): string {
  return `${place.lng},${place.lat}`;
}

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
   * nothing; areas prepared ahead (see prepare) are stored without computing them again. Counts are
   * of stored areas (one per facility and limit).
   */
  async refresh(
    progress?: (label: string, total: number) => Progress,
    prepared: PreparedAreas = new Map(),
  ): Promise<UpsertCounts> {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
    counts.deleted = await this.areas.deleteArchived();
    const stale = await this.areas.staleSites(LIFE_CIRCLE_MINUTES, this.basis);
    const bar = stale.length && progress ? progress('Service areas', stale.length) : null;
    const computed = await this.areasOf(stale.filter((site) => !prepared.has(placeKey(site))));
    for (const site of stale) {
      const key = placeKey(site);
      const saved = await this.areas.save(site, prepared.get(key) ?? computed.get(key)!, this.basis);
      counts.inserted += saved.inserted;
      counts.updated += saved.updated;
      bar?.advance();
    }
    bar?.done();
    counts.unchanged = (await this.areas.count()) - counts.inserted - counts.updated;
    return counts;
  }

  /**
   * The areas of the places that have none stored yet, computed now: a write computes them before its
   * transaction, so that the transaction (which on the embedded database holds every reader) stays short.
   */
  async prepare(places: readonly GeoPoint[]): Promise<PreparedAreas> {
    const points = places.map(({ lng, lat }) => ({ lng, lat }));
    const stored = await this.areas.pointsWithAreas(points, LIFE_CIRCLE_MINUTES, this.basis);
    return this.areasOf(points.filter((_, index) => !stored.has(index)));
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

  /** The areas of each place (each place once), a few places per compute task. */
  private async areasOf(places: readonly GeoPoint[]): Promise<PreparedAreas> {
    const unique = [...new Map(places.map((place) => [placeKey(place), place])).values()];
    const areas: PreparedAreas = new Map();
    for (let start = 0; start < unique.length; start += SITES_PER_TASK) {
      const batch = unique.slice(start, start + SITES_PER_TASK);
      const computed = await this.isochrones.areasFromEach(batch, LIFE_CIRCLE_MINUTES, SERVICE_AREA_PROFILE);
      batch.forEach((place, index) => areas.set(placeKey(place), computed[index]));
    }
    return areas;
  }
}

/** Areas computed before a write's transaction, and the computation that made them. */
export interface AreasAhead {
  readonly computation: Computation;
  readonly areas: PreparedAreas;
}

/**
 * Computes, before a write's transaction and on the server's compute pool, the areas of the places
 * the write will store (only those with none stored at that place yet).
 */
export async function prepareServiceAreas(
  em: EntityManager,
  network: NetworkLoader,
  places: readonly GeoPoint[],
  caller: ComputeCaller = {},
): Promise<AreasAhead> {
  const computation = await network.computation(caller);
  return { computation, areas: await new ServiceAreaService(em, computation).prepare(places) };
}

/**
 * Refreshes stale service areas as this entity manager (a write's transaction) sees the facilities:
 * with the computation and areas prepared before the transaction, or else against the network read
 * through the entity manager, in this thread (seeding and file imports replace the network in the
 * same transaction).
 */
export async function refreshServiceAreas(
  em: EntityManager,
  progress?: (label: string, total: number) => Progress,
  ahead?: AreasAhead,
): Promise<UpsertCounts> {
  const computation =
    ahead?.computation ?? inThreadComputation(new RoadNetwork(await new NetworkRepository(em).loadGraph()));
  return new ServiceAreaService(em, computation).refresh(progress, ahead?.areas);
}
