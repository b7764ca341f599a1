import { createHash } from 'node:crypto';
import type { LngLat, RoadGraph } from './graph';
import { isochroneLines } from './isochrone';
import type { TravelProfile } from './profile';
import type { ReachedNetwork } from './reach';
import {
  nearestOrigin,
  travelTimeToSnap,
  travelTimesFrom,
  type SearchDirection,
  type TravelTimes,
} from './search';
import { snapPoint, type Snap } from './snap';

/** A WGS84 position. */
export interface GeoPoint {
  readonly lng: number;
  readonly lat: number;
}

/** A facility where a search starts or ends: its id and location. */
export interface FacilitySite extends GeoPoint {
  readonly id: string;
}

/** Travel times from one point that lies on the network. */
export interface TravelTimesFromPoint {
  readonly snap: Snap;
  readonly times: TravelTimes;
}

/** The soonest facility for a place, and how many minutes away it is. */
export interface NearestFacility {
  readonly facilityId: string;
  readonly travelMinutes: number;
}

/** One search from many facilities at once: for any place, the soonest of them within the limit. */
export interface FacilityReach {
  readonly limitMinutes: number;
  /** Facilities left out because no street the profile may use is within the snap limit. */
  readonly offNetwork: readonly FacilitySite[];
  /** The soonest facility for a place, or null when the place is off the network or none is within the limit. */
  nearest(place: GeoPoint): NearestFacility | null;
}

/**
 * The walk network held in memory, with the questions the services ask of it. Immutable: a reload
 * builds a new one, so a request keeps answering from the network it started with.
 */
export class RoadNetwork {
  /** Changes whenever an edge, a vertex or a geometry of the network changes. */
  readonly fingerprint: string;
  /** Facility snaps by mode and location: facilities are placed on the network again and again. */
  private readonly siteSnaps = new Map<string, Snap | null>();

  /** A network over the graph; a known fingerprint (a worker's copy of a network) is taken as given. */
  constructor(
    readonly graph: RoadGraph,
    fingerprint?: string,
  ) {
    this.fingerprint = fingerprint ?? fingerprintOf(graph);
  }

  /** Bytes held by the network's typed arrays. */
  memoryBytes(): number {
    return this.graph.memoryBytes();
  }

  /** The nearest point of a street the profile may use, within the snap limit (300 m), or null. */
  snap(point: GeoPoint, profile: TravelProfile): Snap | null {
    return snapPoint(this.graph, point.lng, point.lat, undefined, profile);
  }

  /** Like snap, remembered per location: for facilities, which are placed on every `within` query. */
  snapSite(site: GeoPoint, profile: TravelProfile): Snap | null {
    const key = `${profile.mode}|${site.lng},${site.lat}`;
    let snap = this.siteSnaps.get(key);
    if (snap === undefined) {
      snap = this.snap(site, profile);
      this.siteSnaps.set(key, snap);
    }
    return snap;
  }

  /** Minutes from a point to every vertex within the limit, or null when the point is off the network. */
  travelTimesFrom(
    point: GeoPoint,
    profile: TravelProfile,
    limitMinutes: number,
  ): TravelTimesFromPoint | null {
    const snap = this.snap(point, profile);
    return snap ? { snap, times: travelTimesFrom(this.graph, profile, [snap], limitMinutes) } : null;
  }

  /** Minutes from a search's origin to a facility, its own walk to the street included; Infinity when unreachable. */
  travelMinutesTo(times: TravelTimes, site: GeoPoint): number {
    const snap = this.snapSite(site, times.profile);
    return snap ? travelTimeToSnap(times, snap) : Infinity;
  }

  /**
   * What a traveller from the point covers within each limit (TO_ORIGINS: from where the point is
   * reached within it): the straight way onto the nearest street (cut where time runs out) and the
   * reached network. Null when the point is off the network.
   */
  reachedAreas(
    point: GeoPoint,
    profile: TravelProfile,
    minutesList: readonly number[],
    direction: SearchDirection = 'FROM_ORIGINS',
  ): ReachedNetwork[] | null {
    const snap = this.snap(point, profile);
    if (!snap) return null;
    return isochroneLines(this.graph, profile, snap, minutesList, direction).map((reached) => {
      const approachMeters = Math.min(
        snap.snapDistanceMeters,
        reached.minutes * profile.speedMetersPerMinute,
      );
      if (!(approachMeters > 0)) return reached;
      const share = approachMeters / snap.snapDistanceMeters;
      const approach: LngLat[] = [
        [point.lng, point.lat],
        [
          point.lng + share * (snap.snappedLng - point.lng),
          point.lat + share * (snap.snappedLat - point.lat),
        ],
      ];
      return {
        minutes: reached.minutes,
        lines: { type: 'MultiLineString', coordinates: [approach, ...reached.lines.coordinates] },
        lengthMeters: reached.lengthMeters + approachMeters,
      };
    });
  }

  /** One multi-source search into all the facilities: the soonest of them for any place, within limitMinutes. */
  travelTimesFromFacilities(
    facilities: readonly FacilitySite[],
    limitMinutes: number,
    profile: TravelProfile,
  ): FacilityReach {
    const placed: FacilitySite[] = [];
    const snaps: Snap[] = [];
    const offNetwork: FacilitySite[] = [];
    for (const facility of facilities) {
      const snap = this.snapSite(facility, profile);
      if (snap) {
        placed.push(facility);
        snaps.push(snap);
      } else {
        offNetwork.push(facility);
      }
    }
    const times = travelTimesFrom(this.graph, profile, snaps, limitMinutes, undefined, 'TO_ORIGINS');
    return {
      limitMinutes,
      offNetwork,
      nearest: (place) => {
        const snap = this.snap(place, profile);
        const reach = snap ? nearestOrigin(times, snap) : null;
        return reach
          ? { facilityId: placed[reach.originIndex].id, travelMinutes: reach.travelMinutes }
          : null;
      },
    };
  }
}

function fingerprintOf(graph: RoadGraph): string {
  const hash = createHash('sha256');
  for (const array of [
    graph.vertexIds,
    graph.vertexLng,
    graph.vertexLat,
    graph.edgeIds,
    graph.edgeSource,
    graph.edgeTarget,
    graph.edgeLengthMeters,
    graph.edgeHighway,
    graph.edgeAccess,
    graph.edgeOneway,
    graph.edgeMaxspeedKmh,
    graph.geometryOffsets,
    graph.geometryCoordinates,
  ]) {
    hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  hash.update(graph.highwayNames.join('\n'));
  return hash.digest('hex').slice(0, 32);
}
