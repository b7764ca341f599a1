import type { MultiPolygon } from 'geojson';
import type { TravelMethod } from '../circle';
import type {
  FacilityService,
  FacilityType,
  HospitalGrade,
  OperatorType,
  PartnershipService,
} from '../domain';

/** A GeoJSON point as the API returns locations. */
export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

/** A row of the result list (FacilityList.graphql). */
export interface FacilityListItem {
  id: string;
  type: FacilityType;
  name: string;
  nameEn: string | null;
  address: string | null;
  location: GeoPoint;
  isSample: boolean;
  vacantBeds: number | null;
  totalBeds: number | null;
  feeMinMonthly: number | null;
  feeMaxMonthly: number | null;
  distanceMeters: number | null;
}

/** Answer of FacilityList.graphql. */
export interface FacilityListData {
  facilities: { totalCount: number; edges: { node: FacilityListItem }[] };
}

/** A pairing of the details panel. */
export interface PartnershipDetails {
  id: string;
  careFacilityId: string;
  medicalFacilityId: string;
  signedOn: string;
  endsOn: string | null;
  services: PartnershipService[];
  greenChannel: boolean;
  twoWayReferral: boolean;
  primaryLevel: boolean;
  isSample: boolean;
}

/** A consortium of the details panel. */
export interface ConsortiumDetails {
  id: string;
  name: string;
  level: string;
  leadFacilityId: string;
  isSample: boolean;
  members: { facilityId: string; role: string }[];
}

/** Everything the details panel shows (FacilityDetails.graphql). */
export interface FacilityDetails {
  id: string;
  type: FacilityType;
  name: string;
  nameEn: string | null;
  address: string | null;
  phone: string | null;
  openingHours: string | null;
  operatorType: OperatorType | null;
  services: FacilityService[];
  feeMinMonthly: number | null;
  feeMaxMonthly: number | null;
  totalBeds: number | null;
  nursingBeds: number | null;
  dementiaBeds: number | null;
  vacantBeds: number | null;
  vacancyUpdatedAt: string | null;
  residents: number | null;
  hasRehabRoom: boolean | null;
  hasInhouseMedical: boolean | null;
  ltcInsurance: boolean | null;
  medicalInsurance: boolean | null;
  starRating: number | null;
  hospitalGrade: HospitalGrade | null;
  regionCode: string | null;
  location: GeoPoint;
  isSample: boolean;
  source: string;
  osmId: string | null;
  verifiedOn: string | null;
  partnerships: PartnershipDetails[];
  partners: { id: string; name: string; nameEn: string | null; type: FacilityType; isSample: boolean }[];
  consortia: ConsortiumDetails[];
}

/** Answer of FacilityDetails.graphql. */
export interface FacilityDetailsData {
  facility: FacilityDetails | null;
}

/** Answer of RegionNames.graphql. */
export interface RegionNamesData {
  regions: { code: string; name: string }[];
}

/** The map settings the server hands the client (/config.json). */
export interface MapConfig {
  mapStyleUrl: string | null;
  facilityBounds: { west: number; south: number; east: number; north: number } | null;
}

/** One area of the 15-minute circle (ServiceCircle.graphql). */
export interface CircleArea {
  minutes: number;
  geometry: MultiPolygon;
  areaSquareMeters: number;
  method: TravelMethod;
}

/** A facility of the circle's list, with its walking time in minutes. */
export interface ReachableFacility extends FacilityListItem {
  travelMinutes: number;
}

/** Answer of ServiceCircle.graphql. */
export interface ServiceCircleData {
  isochrone: CircleArea[];
  facilities: {
    totalCount: number;
    travelMethod: TravelMethod | null;
    edges: { node: ReachableFacility }[];
  };
}

/** A facility's new vacancy, as the live subscription delivers it (VacancyChanged.graphql). */
export interface VacancyChange {
  id: string;
  vacantBeds: number | null;
  vacancyUpdatedAt: string | null;
}
