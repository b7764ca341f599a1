import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { NeedCoverageQuery, NeedWeight, TravelMode } from '../api/generated/graphql';
import type { GeoPoint } from '../api/types';
import type { FacilityType } from '../domain';

/** PASS or FAIL against the target; UNKNOWN when the data to decide is absent (schema enum IndicatorStatus). */
export type IndicatorStatus = 'PASS' | 'FAIL' | 'UNKNOWN';

/** Every status, in the order the scorecard counts them. */
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ['PASS', 'FAIL', 'UNKNOWN'];

/** Levels of the division tree (schema enum RegionLevel). */
export type RegionLevel = 'PROVINCE' | 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';

/** One indicator of the scorecard for one region (schema type IndicatorResult). */
export interface IndicatorResult {
  code: string;
  name: string;
  nameEn: string;
  regionCode: string | null;
  regionName: string;
  regionLevel: RegionLevel;
  value: number | null;
  lowerBound: number | null;
  upperBound: number | null;
  target: number;
  unit: string;
  status: IndicatorStatus;
  missingData: string[];
  /** missingData in Chinese, item for item. */
  missingDataZh: string[];
  facilityIds: string[];
  failingFacilityIds: string[];
  sourceNote: string;
  /** sourceNote in Chinese. */
  sourceNoteZh: string;
  isSample: boolean;
}

/** Older people by age group. */
export interface OlderPeople {
  age60plus: number;
  age65plus: number;
  age80plus: number;
}

/** Age groups, in the order tables show them. */
export const AGE_GROUPS = ['age60plus', 'age65plus', 'age80plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Shares in percent by age group; null where there is no one to count. */
export type OlderPeoplePercent = Record<AgeGroup, number | null>;

/** Coverage of one area (schema type CoverageArea). */
export interface CoverageArea {
  regionCode: string | null;
  name: string;
  /** False where no population cell lies in the area: its counts are unknown (无数据), not zero. */
  hasPopulationData: boolean;
  cellCount: number;
  elderly: OlderPeople;
  withinReach: OlderPeople;
  withinReachPercent: OlderPeoplePercent;
  beyondReach: OlderPeople;
  noNetworkAccess: OlderPeople;
  noNetworkCellCount: number;
  census: OlderPeople | null;
  notInCells: OlderPeople | null;
  served: OlderPeople | null;
  servedPercent: OlderPeoplePercent | null;
  unservedNearUnrecordedPlaces: OlderPeople | null;
}

/** Older people within reach of care for a region (schema type CoverageReport). */
export interface CoverageReport {
  minutes: number;
  speedMetersPerMinute: number;
  mode: TravelMode;
  basket: boolean;
  capacityAware: boolean;
  facilitiesCounted: number;
  facilitiesOffNetwork: string[];
  isSample: boolean;
  notes: string[];
  /** notes in Chinese, item for item. */
  notesZh: string[];
  region: CoverageArea;
  subRegionNote: string | null;
  subRegions: CoverageArea[] | null;
  capacity: { placesOffered: number; placesTaken: number; facilitiesWithoutPlacesData: string[] } | null;
  /** With a scenario: which one, and each area against today. */
  scenario?: { id: string; name: string; version: number; changeCount: number } | null;
  comparison?: CoverageDelta[] | null;
}

/** One area in a scenario against today (schema type CoverageDelta). */
export interface CoverageDelta {
  regionCode: string | null;
  name: string;
  coveredToday: OlderPeople;
  coveredInScenario: OlderPeople;
  newlyCovered: OlderPeople;
  lostCover: OlderPeople;
}

/** One change of a scenario (schema type ScenarioChange). */
export interface ScenarioChange {
  id: string;
  kind: 'ADD' | 'MOVE' | 'CLOSE' | 'CAPACITY';
  facilityId: string | null;
  hypotheticalId: string | null;
  type: FacilityType | null;
  name: string | null;
  lng: number | null;
  lat: number | null;
  places: number | null;
}

/** A planner's what-if scenario (schema type Scenario). */
export interface Scenario {
  id: string;
  name: string;
  version: number;
  shared: boolean;
  changes: ScenarioChange[];
}

/** A suggested site (schema type SuggestedSite). */
export interface SuggestedSite {
  rank: number;
  location: GeoPoint;
  newlyCovered: number;
  marginalGain: number;
}

/** Suggested sites for a question (schema type SiteSuggestion). */
export interface SiteSuggestion {
  sites: SuggestedSite[];
  totalNewlyCovered: number;
  optimalityGap: number;
  method: 'EXACT' | 'HEURISTIC';
  candidatesConsidered: number;
  uncoveredToday: number;
  noNetworkAccess: number;
  mode: TravelMode;
  /** Whose demand was weighed: people in need by this weight; null: older people (60+). */
  weight: NeedWeight | null;
}

/** Need-weighted coverage of a region, as the NeedCoverage operation asks for it (generated from the schema). */
export type NeedCoverageReport = NeedCoverageQuery['needCoverage'];

/** People in need of one street or community and how many are within reach. */
export type NeedCoverageArea = NeedCoverageReport['areas'][number];

/** A facility as the planner names it. */
export interface FacilityName {
  id: string;
  name: string;
  nameEn: string | null;
  type: FacilityType;
  isSample: boolean;
}

/** A facility a gap lacks, with its location. */
export interface NearestFacility extends FacilityName {
  location: GeoPoint;
}

/** A facility type a gap lacks and the soonest facility of it (schema type MissingFacilityType). */
export interface MissingFacilityType {
  type: FacilityType;
  elderly: OlderPeople;
  nearestFacility: NearestFacility | null;
  travelMinutes: number | null;
}

/** Why older people are in a gap (schema enum GapReason). */
export type GapReason = 'BEYOND_REACH' | 'NO_NETWORK_ACCESS';

/** Adjacent uncovered cells merged into one area (schema type Gap). */
export interface Gap {
  id: string;
  reason: GapReason;
  /** Rank among real gaps; null for areas without street data. */
  rank: number | null;
  area: Polygon | MultiPolygon;
  cellCount: number;
  elderly: OlderPeople;
  regionCodes: string[];
  missing: MissingFacilityType[];
}

/** A district of the planner's city with its boundary. */
export interface District {
  code: string;
  name: string;
  boundary: Polygon | MultiPolygon | null;
  labelPoint: Point | null;
}

/** Where one facility's older people can walk to it from within the time limit. */
export interface ServiceArea extends FacilityName {
  method: 'NETWORK' | 'RADIUS';
  geometry: Polygon | MultiPolygon;
}
