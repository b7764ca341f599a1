import type { Point } from 'geojson';
import type { FacilityService, FacilityType, HospitalGrade, OperatorType } from './facility-kind';

/** A facility as read from the database, the shape resolvers hand to GraphQL. */
export interface FacilityRecord {
  id: string;
  sourceKey: string;
  type: FacilityType;
  name: string;
  nameEn: string | null;
  address: string | null;
  /** The address in pinyin. */
  addressEn: string | null;
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
  vacancyUpdatedAt: Date | null;
  residents: number | null;
  hasRehabRoom: boolean | null;
  hasInhouseMedical: boolean | null;
  ltcInsurance: boolean | null;
  medicalInsurance: boolean | null;
  starRating: number | null;
  hospitalGrade: HospitalGrade | null;
  regionCode: string | null;
  location: Point;
  isSample: boolean;
  source: string;
  osmId: string | null;
  verifiedOn: string | null;
  version: number;
  updatedAt: Date;
  /** Metres from the `near` point, when the query had one. */
  distanceMeters: number | null;
  /** Minutes from the `within` point, when the query had one. */
  travelMinutes: number | null;
}

/** Where a facility is, exactly, and its straight-line metres from a point: what travel times start from. */
export interface FacilitySiteRecord {
  id: string;
  lng: number;
  lat: number;
  distanceMeters: number;
}
