import type { Point } from 'geojson';
import type { FacilityType } from '../facilities/facility-kind';

/** Kinds of place a journey can start from. */
export const PlaceKind = {
  FACILITY: 'FACILITY',
  REGION: 'REGION',
  ROAD: 'ROAD',
  COMPOUND: 'COMPOUND',
  LANDMARK: 'LANDMARK',
  BUILDING: 'BUILDING',
  ADDRESS: 'ADDRESS',
} as const;
export type PlaceKind = (typeof PlaceKind)[keyof typeof PlaceKind];

/** Kinds stored in the place table (facilities and regions are read from their own tables). */
export type StoredPlaceKind = Exclude<PlaceKind, 'FACILITY' | 'REGION'>;

/** A named place as an import writes it; `sourceKey` makes re-imports update instead of duplicate. */
export interface PlaceImportRecord {
  sourceKey: string;
  kind: StoredPlaceKind;
  name: string;
  nameEn: string | null;
  address: string | null;
  lng: number;
  lat: number;
}

/** A place the search may answer with, before ranking: its search text decides whether and how well it matches. */
export interface PlaceCandidate {
  id: string;
  kind: PlaceKind;
  name: string;
  nameEn: string | null;
  address: string | null;
  location: Point;
  searchText: string;
  facilityId: string | null;
  facilityType: FacilityType | null;
}

/** A place found by the search, with the region it lies in. */
export interface PlaceRecord extends Omit<PlaceCandidate, 'searchText'> {
  addressEn: string | null;
  regionCode: string | null;
  regionName: string | null;
}
