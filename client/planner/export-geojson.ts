import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { usesWalkingSpeed, type AnalysisSettings } from './settings';
import type { CoverageReport, Gap, Scenario } from './types';

/** What every gaps file says about its numbers. */
export const GAPS_SAMPLE_NOTE =
  '示例数据 sample: older people per 200 m cell are the 2020 census district totals spread over OpenStreetMap housing; they are not counts of real people in each area.';

/** Per missing type T, flat properties `missing_T_age60plus` … `missing_T_travel_minutes` (one level, for GIS tools). */
export type MissingProperties = Record<string, string | number | boolean | null>;

/** Properties of one gap in the exported file: one flat level, numbers rounded. */
export interface GapProperties extends MissingProperties {
  id: string;
  /** Rank among real gaps; null for areas without street data (unknown, never ranked). */
  rank: number | null;
  reason: Gap['reason'];
  /** 缺口 (a real gap) or 无路网数据 (no street data: unknown). */
  category: string;
  cellCount: number;
  regionCodes: string;
  age60plus: number;
  age65plus: number;
  age80plus: number;
  missingTypes: string;
  sample: true;
}

/** Minutes to one decimal: the walk model is not more precise than that. */
export function roundMinutes(minutes: number | null): number | null {
  return minutes === null ? null : Math.round(minutes * 10) / 10;
}

function missingProperties(gap: Gap): MissingProperties {
  const flat: MissingProperties = {};
  for (const missing of gap.missing) {
    const prefix = `missing_${missing.type}`;
    flat[`${prefix}_age60plus`] = missing.elderly.age60plus;
    flat[`${prefix}_age65plus`] = missing.elderly.age65plus;
    flat[`${prefix}_age80plus`] = missing.elderly.age80plus;
    flat[`${prefix}_nearest_facility_id`] = missing.nearestFacility?.id ?? null;
    flat[`${prefix}_nearest_facility_name`] = missing.nearestFacility?.name ?? null;
    flat[`${prefix}_nearest_facility_is_sample`] = missing.nearestFacility?.isSample ?? null;
    flat[`${prefix}_nearest_facility_lng`] = missing.nearestFacility?.location.coordinates[0] ?? null;
    flat[`${prefix}_nearest_facility_lat`] = missing.nearestFacility?.location.coordinates[1] ?? null;
    flat[`${prefix}_travel_minutes`] = roundMinutes(missing.travelMinutes);
  }
  return flat;
}

/**
 * The question a gaps file answers: the settings with their travel mode, and the walking speed only for WALK
 * (every other mode travels at its own speed, so the speed setting played no part).
 */
export type GapsQuestion = Omit<AnalysisSettings, 'speedMetersPerMinute'> & { speedMetersPerMinute?: number };

/** The question of the settings as a gaps file records it. */
export function gapsQuestion(settings: AnalysisSettings): GapsQuestion {
  const { speedMetersPerMinute, ...question } = settings;
  const types = [...settings.types];
  return usesWalkingSpeed(settings.mode)
    ? { ...question, types, speedMetersPerMinute }
    : { ...question, types };
}

/** The gaps file: a FeatureCollection (RFC 7946, WGS84) with the question and a sample note as foreign members. */
export interface GapsFile extends FeatureCollection<Polygon | MultiPolygon, GapProperties> {
  sample: true;
  note: string;
  question: GapsQuestion;
  generatedAt: string;
  /** Present when the gaps are a scenario's: its changes and, for the district, the change against today. */
  scenario?: ScenarioSummary;
}

/** A scenario in an export: what it changes and how many older people (60+) it covers against today. */
export interface ScenarioSummary {
  id: string;
  name: string;
  version: number;
  changes: {
    kind: string;
    type: string | null;
    name: string | null;
    lng: number | null;
    lat: number | null;
    places: number | null;
  }[];
  coveredToday60plus: number | null;
  coveredInScenario60plus: number | null;
  newlyCovered60plus: number | null;
  lostCover60plus: number | null;
}

/** The scenario and its figures for the region of the coverage report (its first comparison row). */
export function scenarioSummary(scenario: Scenario, coverage: CoverageReport): ScenarioSummary {
  const region = coverage.comparison?.find((row) => row.regionCode === coverage.region.regionCode) ?? null;
  return {
    id: scenario.id,
    name: scenario.name,
    version: scenario.version,
    changes: scenario.changes.map(({ kind, type, name, lng, lat, places }) => ({
      kind,
      type,
      name,
      lng,
      lat,
      places,
    })),
    coveredToday60plus: region?.coveredToday.age60plus ?? null,
    coveredInScenario60plus: region?.coveredInScenario.age60plus ?? null,
    newlyCovered60plus: region?.newlyCovered.age60plus ?? null,
    lostCover60plus: region?.lostCover.age60plus ?? null,
  };
}

/**
 * The gaps as GeoJSON, in the API's order (real gaps ranked first, then areas without street data),
 * geometry unchanged, properties flat.
 */
export function gapsGeoJson(
  gaps: readonly Gap[],
  question: AnalysisSettings,
  generatedAt: string,
  scenario: ScenarioSummary | null = null,
): GapsFile {
  let rank = 0;
  const features: Feature<Polygon | MultiPolygon, GapProperties>[] = gaps.map((gap) => ({
    type: 'Feature',
    id: gap.id,
    geometry: gap.area,
    properties: {
      id: gap.id,
      rank: gap.reason === 'BEYOND_REACH' ? ++rank : null,
      reason: gap.reason,
      category: gap.reason === 'BEYOND_REACH' ? '缺口' : '无路网数据',
      cellCount: gap.cellCount,
      regionCodes: gap.regionCodes.join(' '),
      ...gap.elderly,
      missingTypes: gap.missing.map((missing) => missing.type).join(' '),
      ...missingProperties(gap),
      sample: true,
    },
  }));
  return {
    type: 'FeatureCollection',
    sample: true,
    note: GAPS_SAMPLE_NOTE,
    question: gapsQuestion(question),
    generatedAt,
    ...(scenario ? { scenario } : {}),
    features,
  };
}

/** File name of a gaps export: region, types and time limit. */
export function gapsFileName(question: AnalysisSettings, date: string): string {
  const types = question.types.map((type) => type.toLowerCase().replaceAll('_', '-')).join('+');
  return `caremap-gaps-${question.regionCode}-${types}-${question.minutes}min-${date}.geojson`;
}
