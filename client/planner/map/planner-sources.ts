import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import { ATTRIBUTION } from '../../map/sources';
import type { Choropleth } from '../choropleth';
import { interiorPoint } from '../geometry';
import type { District, Gap, ServiceArea } from '../types';

/** Source ids of the planner's layers. */
export const PLANNER_SOURCE_IDS = {
  districts: 'planner-districts',
  serviceAreas: 'planner-service-areas',
  gaps: 'planner-gaps',
  gapLabels: 'planner-gap-labels',
} as const;

const SAMPLE_ATTRIBUTION = '示例数据 sample: older people per 200 m cell';

function collection<G extends Polygon | MultiPolygon | Point>(features: Feature<G>[]): FeatureCollection<G> {
  return { type: 'FeatureCollection', features };
}

/** District outlines; with a choropleth, each district with an exact value carries it as `value`. */
export function districtsSource(
  districts: readonly District[],
  choropleth: Choropleth | null,
): GeoJSONSourceSpecification {
  const values = new Map(choropleth?.withValue.map((row) => [row.regionCode, row.value!]) ?? []);
  return {
    type: 'geojson',
    attribution: ATTRIBUTION.boundaries,
    data: collection(
      districts.flatMap((district) =>
        district.boundary
          ? [
              {
                type: 'Feature' as const,
                geometry: district.boundary,
                properties: {
                  code: district.code,
                  name: district.name,
                  ...(values.has(district.code) ? { value: values.get(district.code) } : {}),
                },
              },
            ]
          : [],
      ),
    ),
  };
}

/** Each facility's walking service area. */
export function serviceAreasSource(areas: readonly ServiceArea[]): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: collection(
      areas.map((area) => ({
        type: 'Feature' as const,
        geometry: area.geometry,
        properties: { facilityId: area.id, type: area.type, method: area.method },
      })),
    ),
  };
}

/** The gaps, with their rank and older people as properties for styling and clicks. */
export function gapsSource(gaps: readonly Gap[]): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    attribution: SAMPLE_ATTRIBUTION,
    data: collection(
      gaps.map((gap, index) => ({
        type: 'Feature' as const,
        geometry: gap.area,
        properties: { id: gap.id, rank: gap.rank ?? index + 1, reason: gap.reason, ...gap.elderly },
      })),
    ),
  };
}

/** A point inside each real gap, labelled with its rank (areas without street data are not ranked). */
export function gapLabelsSource(gaps: readonly Gap[]): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: collection(
      gaps
        .filter((gap) => gap.reason === 'BEYOND_REACH')
        .map((gap, index) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: interiorPoint(gap.area) },
          properties: { id: gap.id, rank: gap.rank ?? index + 1 },
        })),
    ),
  };
}
