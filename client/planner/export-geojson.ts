import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AnalysisSettings } from './settings';
import type { Gap } from './types';

/** What every gaps file says about its numbers. */
export const GAPS_SAMPLE_NOTE =
  '示例数据 sample: older people per 200 m cell are the 2020 census district totals spread over OpenStreetMap housing; they are not counts of real people in each area.';

/** Properties of one gap in the exported file. */
export interface GapProperties {
  id: string;
  rank: number;
  reason: Gap['reason'];
  cellCount: number;
  regionCodes: string[];
  age60plus: number;
  age65plus: number;
  age80plus: number;
  missing: {
    type: string;
    age60plus: number;
    age65plus: number;
    age80plus: number;
    nearestFacilityId: string | null;
    nearestFacilityName: string | null;
    nearestFacilityIsSample: boolean | null;
    nearestFacilityLocation: [number, number] | null;
    travelMinutes: number | null;
  }[];
  sample: true;
}

/** The gaps file: a FeatureCollection (RFC 7946, WGS84) with the question and a sample note as foreign members. */
export interface GapsFile extends FeatureCollection<Polygon | MultiPolygon, GapProperties> {
  sample: true;
  note: string;
  question: AnalysisSettings;
  generatedAt: string;
}

/** The gaps as GeoJSON, in the API's order (most older people first), geometry unchanged. */
export function gapsGeoJson(gaps: readonly Gap[], question: AnalysisSettings, generatedAt: string): GapsFile {
  const features: Feature<Polygon | MultiPolygon, GapProperties>[] = gaps.map((gap, index) => ({
    type: 'Feature',
    id: gap.id,
    geometry: gap.area,
    properties: {
      id: gap.id,
      rank: index + 1,
      reason: gap.reason,
      cellCount: gap.cellCount,
      regionCodes: [...gap.regionCodes],
      ...gap.elderly,
      missing: gap.missing.map((missing) => ({
        type: missing.type,
        ...missing.elderly,
        nearestFacilityId: missing.nearestFacility?.id ?? null,
        nearestFacilityName: missing.nearestFacility?.name ?? null,
        nearestFacilityIsSample: missing.nearestFacility?.isSample ?? null,
        nearestFacilityLocation: missing.nearestFacility?.location.coordinates ?? null,
        travelMinutes: missing.travelMinutes,
      })),
      sample: true,
    },
  }));
  return {
    type: 'FeatureCollection',
    sample: true,
    note: GAPS_SAMPLE_NOTE,
    question: { ...question, types: [...question.types] },
    generatedAt,
    features,
  };
}

/** File name of a gaps export: region, types and time limit. */
export function gapsFileName(question: AnalysisSettings, date: string): string {
  const types = question.types.map((type) => type.toLowerCase().replaceAll('_', '-')).join('+');
  return `caremap-gaps-${question.regionCode}-${types}-${question.minutes}min-${date}.geojson`;
}
