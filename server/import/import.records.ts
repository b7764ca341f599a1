import type { EdgeAttributes } from './osm/edge-attributes';
import type { Geometry, LineString, MultiPolygon, Polygon } from 'geojson';
import type { FacilityService, FacilityType, HospitalGrade, OperatorType } from '../facilities/facility-kind';
import type { RegionLevel } from '../regions/region-level';

/** A region as an import writes it. */
export interface RegionRecord {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  boundary: Polygon | MultiPolygon | null;
  labelPoint: [number, number] | null;
  populationTotal: number | null;
  age60plus: number | null;
  age65plus: number | null;
  age80plus: number | null;
  populationSource: string | null;
  isSample: boolean;
  source: string;
  /** The day a re-division replaced the region; null while in force. */
  validTo: string | null;
  boundarySource: string | null;
  boundaryApproximate: boolean;
  /** How many outlines `boundary` joins (they are unioned when more than one). */
  boundaryPieces?: number;
}

/** All or part of a region that went to another on a day. */
export interface SuccessionRecord {
  predecessorCode: string;
  successorCode: string;
  effectiveOn: string;
  transferred: string[];
  basis: string;
}

/** A facility as an import writes it; `sourceKey` makes re-imports update instead of duplicate. */
export interface FacilityImportRecord {
  sourceKey: string;
  type: FacilityType;
  name: string;
  nameEn?: string | null;
  address?: string | null;
  phone?: string | null;
  openingHours?: string | null;
  operatorType?: OperatorType | null;
  services?: FacilityService[];
  feeMinMonthly?: number | null;
  feeMaxMonthly?: number | null;
  totalBeds?: number | null;
  nursingBeds?: number | null;
  dementiaBeds?: number | null;
  vacantBeds?: number | null;
  vacancyUpdatedAt?: string | null;
  residents?: number | null;
  hasRehabRoom?: boolean | null;
  hasInhouseMedical?: boolean | null;
  ltcInsurance?: boolean | null;
  medicalInsurance?: boolean | null;
  starRating?: number | null;
  hospitalGrade?: HospitalGrade | null;
  lng: number;
  lat: number;
  isSample: boolean;
  source: string;
  osmId?: string | null;
  verifiedOn?: string | null;
}

/** One edge of the road network, with who may use it and how (see osm/edge-attributes). */
export interface EdgeRecord extends EdgeAttributes {
  id: number;
  source: number;
  target: number;
  lengthMeters: number;
  highway: string;
  osmWayId: number | null;
  coordinates: [number, number][];
}

/** A base-map feature. */
export interface MapFeatureRecord {
  sourceKey: string;
  layer: string;
  kind: string | null;
  name: string | null;
  geometry: Geometry;
}

/** Elderly counts of one small area. */
export interface PopulationCellRecord {
  cellKey: string;
  regionCode: string;
  polygon: Polygon;
  centroid: [number, number];
  age60plus: number;
  age65plus: number;
  age80plus: number;
  signal: number;
  method: string;
  source: string;
}

/** A pairing, naming both facilities by their source keys. */
export interface PartnershipRecord {
  sourceKey: string;
  careSourceKey: string;
  medicalSourceKey: string;
  signedOn: string;
  endsOn: string | null;
  services: string[];
  greenChannel: boolean;
  twoWayReferral: boolean;
  isSample: boolean;
  source: string;
}

/** A consortium, naming its facilities by their source keys. */
export interface ConsortiumRecord {
  sourceKey: string;
  name: string;
  level: 'DISTRICT' | 'STREET';
  regionCode: string;
  leadSourceKey: string;
  members: { sourceKey: string; role: string }[];
  isSample: boolean;
  source: string;
}

/** What an upsert did. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export type { LineString };
