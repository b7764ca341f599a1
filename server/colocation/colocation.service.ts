import type { EntityManager } from '@mikro-orm/sql';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { badUserInput } from '../kernel/errors';
import { assertRegionCode } from '../regions/region.service';
import { ColocationRepository, type ColocationRow } from './colocation.repository';

/** 两院一体 / 毗邻建设: a clinic counts as co-located with a partner this close, by default. */
export const DEFAULT_COLOCATION_METERS = 200;
/** Largest distance a question may set. */
export const MAX_COLOCATION_METERS = 5_000;

/** The two pairings seed 003 asks for. */
const PAIRINGS = [
  { kind: 'TOWNSHIP_HEALTH_CENTRE', nameMark: '卫生院', partnerType: 'NURSING_HOME' },
  { kind: 'VILLAGE_CLINIC', nameMark: '卫生室', partnerType: 'RURAL_CARE' },
] as const;

/** How many of one kind of clinic have their partner within the distance. */
export interface ColocationTally {
  kind: string;
  clinics: number;
  colocated: number;
  colocatedPercent: number | null;
}

/** The indicator and its map layer. */
export interface ColocationReport {
  regionCode: string;
  maxDistanceMeters: number;
  tallies: ColocationTally[];
  features: FeatureCollection<Point>;
  isSample: boolean;
  notes: string[];
}

function feature(kind: string, row: ColocationRow): Feature<Point> {
  return {
    type: 'Feature',
    id: row.id,
    geometry: { type: 'Point', coordinates: [row.lng, row.lat] },
    properties: {
      kind,
      name: row.name,
      colocated: row.partnerId !== null,
      partnerId: row.partnerId,
      partnerName: row.partnerName,
      distanceMeters: row.distanceMeters,
      isSample: row.isSample,
    },
  };
}

/** Rules of rural co-location (003): township health centres with care homes, village clinics with 幸福院. */
export class ColocationService {
  private readonly repository: ColocationRepository;

  constructor(em: EntityManager) {
    this.repository = new ColocationRepository(em);
  }

  /** Each clinic of the region with its partner within the distance, as tallies and GeoJSON points. */
  async report(regionCode: string, maxDistanceMeters: number | null): Promise<ColocationReport> {
    assertRegionCode(regionCode, 'regionCode');
    const meters = maxDistanceMeters ?? DEFAULT_COLOCATION_METERS;
    if (!Number.isFinite(meters) || meters <= 0 || meters > MAX_COLOCATION_METERS) {
      throw badUserInput(
        `maxDistanceMeters must be above 0 and at most ${MAX_COLOCATION_METERS}, got ${meters}`,
        'maxDistanceMeters',
      );
    }
    const tallies: ColocationTally[] = [];
    const features: Feature<Point>[] = [];
    let isSample = false;
    for (const pairing of PAIRINGS) {
      const rows = await this.repository.clinicsWithPartners(
        regionCode,
        pairing.nameMark,
        pairing.partnerType,
        meters,
      );
      const colocated = rows.filter((row) => row.partnerId !== null).length;
      tallies.push({
        kind: pairing.kind,
        clinics: rows.length,
        colocated,
        colocatedPercent: rows.length ? (100 * colocated) / rows.length : null,
      });
      features.push(...rows.map((row) => feature(pairing.kind, row)));
      isSample ||= rows.some((row) => row.isSample);
    }
    return {
      regionCode,
      maxDistanceMeters: meters,
      tallies,
      features: { type: 'FeatureCollection', features },
      isSample,
      notes: [
        'Township health centres (乡镇卫生院) and village clinics (村卫生室) are the PRIMARY_CARE facilities whose names contain 卫生院 or 卫生室.',
        `Co-located: a NURSING_HOME (for a 卫生院, 两院一体) or a RURAL_CARE 农村幸福院 (for a 卫生室, 毗邻建设) within ${meters} m, geodesic.`,
      ],
    };
  }
}
