import type { EntityManager } from '@mikro-orm/sql';
import { inThreadComputation, type Computation, type ComputeCaller } from '../compute/compute-pool';
import { notFound } from '../kernel/errors';
import type { UpsertCounts } from '../import/import.records';
import type { Progress } from '../import/progress';
import { IsochroneService, type IsochroneRecord } from '../isochrones/isochrone.service';
import { assertMinutes, travelProfileOf } from '../isochrones/travel.validate';
import type { NetworkLoader } from '../network/network.loader';
import { NetworkRepository } from '../network/network.repository';
import { RoadNetwork, type GeoPoint } from '../routing/road-network';
import { travelProfile, type TravelProfile } from '../routing/profile';
import { TravelMode } from '../routing/travel-kind';
import { ServiceAreaRepository, type ServiceAreaBasis } from './service-area.repository';
import { STORED_SERVICE_AREA_MODES, storedMinutes } from '../kernel/stored-service-areas';

/** Places whose areas one compute task draws: small enough that a task ends in well under a second. */
const SITES_PER_TASK = 8;

/** Service areas computed ahead of a write, by mode and place (see preparedKey). */
export type PreparedAreas = Map<string, IsochroneRecord[]>;

/** A place as a key: its exact coordinates. */
function placeKey(place: GeoPoint): string {
  return `${place.lng},${place.lat}`;
}

/** The areas of a mode at a place, as a key of PreparedAreas. */
function preparedKey(mode: TravelMode, place: GeoPoint): string {
  return `${mode} ${placeKey(place)}`;
}

/** One mode whose areas are stored: how it travels, what its rows are computed with, and its limits. */
interface StoredMode {
  profile: TravelProfile;
  basis: ServiceAreaBasis;
  minutes: readonly number[];
}

/**
 * Each facility's service areas of STORED_SERVICE_AREAS (walking 5, 10 and 15 minutes, and the other modes'
 * circles): stored in PostGIS when facilities are written, each row with the basis it was computed on.
 */
export class ServiceAreaService {
  private readonly areas: ServiceAreaRepository;
  private readonly isochrones: IsochroneService;
  private readonly stored: readonly StoredMode[];

  constructor(
    em: EntityManager,
    private readonly computation: Computation,
  ) {
    this.areas = new ServiceAreaRepository(em);
    this.isochrones = new IsochroneService(em, computation);
    this.stored = STORED_SERVICE_AREA_MODES.map((mode) => {
      const profile = travelProfile(mode);
      return { profile, basis: this.basisOf(profile), minutes: storedMinutes(mode) };
    });
  }

  /**
   * Computes and stores the areas of every facility that was added or moved, or whose areas come
   * from another network or speed, for every stored mode; drops those of archived facilities and of modes
   * and limits no longer stored. Facilities already up to date cost nothing; areas prepared ahead (see
   * prepare) are stored without computing them again. Counts are of stored areas (one per facility, mode
   * and limit).
   */
  async refresh(
    progress?: (label: string, total: number) => Progress,
    prepared: PreparedAreas = new Map(),
  ): Promise<UpsertCounts> {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
    counts.deleted =
      (await this.areas.deleteArchived()) +
      (await this.areas.deleteUndeclared(
        this.stored.flatMap((stored) => stored.minutes.map(() => stored.profile.mode)),
        this.stored.flatMap((stored) => stored.minutes),
      ));
    const staleByMode = [];
    for (const stored of this.stored) {
      staleByMode.push({ stored, sites: await this.areas.staleSites(stored.minutes, stored.basis) });
    }
    const total = staleByMode.reduce((sum, { sites }) => sum + sites.length, 0);
    const bar = total && progress ? progress('Service areas', total) : null;
    for (const { stored, sites } of staleByMode) {
      const mode = stored.profile.mode;
      const computed = await this.areasOf(
        stored,
        sites.filter((site) => !prepared.has(preparedKey(mode, site))),
      );
      for (const site of sites) {
        const key = preparedKey(mode, site);
        const saved = await this.areas.save(site, prepared.get(key) ?? computed.get(key)!, stored.basis);
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
   * The areas of the places that have none stored yet, of every stored mode, computed now: a write computes
   * them before its transaction, so that the transaction (which on the embedded database holds every reader)
   * stays short.
   */
  async prepare(places: readonly GeoPoint[]): Promise<PreparedAreas> {
    const points = places.map(({ lng, lat }) => ({ lng, lat }));
    const prepared: PreparedAreas = new Map();
    for (const stored of this.stored) {
      const done = await this.areas.pointsWithAreas(points, stored.minutes, stored.basis);
      const computed = await this.areasOf(
        stored,
        points.filter((_, index) => !done.has(index)),
      );
      for (const [key, areas] of computed) prepared.set(key, areas);
    }
    return prepared;
  }

  /**
   * A facility's area for a limit and mode (at the mode's usual speed): the stored one when that mode and
   * limit are stored and up to date, else computed now. Never stores anything: reading is not writing (the
   * stored areas are written with the facility).
   */
  async forFacility(
    facilityId: string,
    minutes: number,
    mode: TravelMode = TravelMode.WALK,
  ): Promise<IsochroneRecord> {
    assertMinutes(minutes, 'minutes');
    const profile = travelProfileOf(mode, null);
    const stored = await this.areas.forFacility(facilityId, minutes, this.basisOf(profile));
    if (!stored) throw notFound(`No facility with id ${facilityId}`);
    if (stored.area) return stored.area;
    // Drawn as a stored one is: towards the facility (an isochrone from it differs along one-way streets).
    const [[area]] = await this.isochrones.areasReachingEach([stored.site], [minutes], profile);
    return area;
  }

  /** What an area of the profile is computed with on this computation's network. */
  private basisOf(profile: TravelProfile): ServiceAreaBasis {
    return {
      mode: profile.mode,
      speedMetersPerMinute: profile.speedMetersPerMinute,
      networkFingerprint: this.computation.network.fingerprint,
    };
  }

  /** The stored mode's areas of each place (each place once), a few places per compute task, by preparedKey. */
  private async areasOf(stored: StoredMode, places: readonly GeoPoint[]): Promise<PreparedAreas> {
    const unique = [...new Map(places.map((place) => [placeKey(place), place])).values()];
    const areas: PreparedAreas = new Map();
    for (let start = 0; start < unique.length; start += SITES_PER_TASK) {
      const batch = unique.slice(start, start + SITES_PER_TASK);
      const computed = await this.isochrones.areasReachingEach(batch, stored.minutes, stored.profile);
      batch.forEach((place, index) => areas.set(preparedKey(stored.profile.mode, place), computed[index]));
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
