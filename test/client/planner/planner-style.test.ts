import {
  createPropertyExpression,
  featureFilter,
  latest,
  validateStyleMin,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import type { FillLayerSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { choroplethOf } from '../../../client/planner/choropleth';
import { countClasses, GAP_RAMP, INDICATOR_RAMP } from '../../../client/planner/classes';
import { interiorPoint } from '../../../client/planner/geometry';
import {
  PLANNER_COLORS,
  PLANNER_LAYER_IDS,
  plannerLayers,
  stepColor,
} from '../../../client/planner/map/planner-layers';
import { gapLabelsSource, gapsSource, PLANNER_SOURCE_IDS } from '../../../client/planner/map/planner-sources';
import { plannerStyle, type PlannerStyleOptions } from '../../../client/planner/map/planner-style';
import type { District } from '../../../client/planner/types';
import { gap, indicatorRow, square } from './fixtures';

type Properties = Record<string, string | number | boolean>;

const districts: District[] = [
  {
    code: '330102',
    name: '上城区',
    boundary: { type: 'Polygon', coordinates: [square(120.15, 30.22, 0.04)] },
    labelPoint: null,
  },
  {
    code: '330103',
    name: '下城区',
    boundary: { type: 'Polygon', coordinates: [square(120.15, 30.26, 0.04)] },
    labelPoint: null,
  },
  { code: '330185', name: '临安市', boundary: null, labelPoint: null },
];
const gaps = [
  gap({ id: 'BEYOND_REACH:2', rank: 1, elderly: { age60plus: 4556, age65plus: 3239, age80plus: 822 } }),
  gap({ id: 'BEYOND_REACH:3', rank: 2, elderly: { age60plus: 120, age65plus: 80, age80plus: 20 } }),
  gap({
    id: 'NO_NETWORK_ACCESS:1',
    reason: 'NO_NETWORK_ACCESS',
    rank: null,
    elderly: { age60plus: 55966, age65plus: 39764, age80plus: 10146 },
  }),
];
const choropleth = choroplethOf(
  [indicatorRow({ value: 66.1 }), indicatorRow({ regionCode: '330103', regionName: '下城区', value: 63.2 })],
  'NURSING_BED_SHARE',
);
const options: PlannerStyleOptions = {
  origin: 'http://127.0.0.1:4000',
  lang: 'zh',
  districts,
  selectedRegion: '330102',
  choropleth,
  serviceAreas: [
    {
      id: '31',
      name: '照料中心',
      nameEn: null,
      type: 'COMMUNITY_CARE_STATION',
      isSample: false,
      method: 'NETWORK',
      geometry: { type: 'MultiPolygon', coordinates: [[square(120.16, 30.23, 0.01)]] },
    },
  ],
  gaps,
  gapClasses: countClasses(gaps.map((g) => g.elderly.age60plus)),
  selectedGapId: 'BEYOND_REACH:2',
  show: { serviceAreas: true, gaps: true },
  facilityTypes: ['STREET_CARE_CENTER', 'COMMUNITY_CARE_STATION'],
};

function layer(layers: LayerSpecification[], id: string): FillLayerSpecification {
  const found = layers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found as FillLayerSpecification;
}

/** A paint property's value for one feature, the way MapLibre computes it. */
function paint(spec: LayerSpecification, property: string, properties: Properties): unknown {
  const value = (spec.paint as Record<string, unknown>)[property];
  const parsed = createPropertyExpression(
    value,
    (latest as unknown as Record<string, Record<string, never>>)[`paint_${spec.type}`][property],
  );
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return String(parsed.value.evaluate({ zoom: 13 }, { type: 'Polygon', properties } as never));
}

function shows(spec: LayerSpecification, properties: Properties): boolean {
  return featureFilter((spec as { filter?: unknown }).filter as never).filter({ zoom: 13 }, {
    type: 3,
    properties,
  } as never);
}

/** A colour as MapLibre prints it, from the hex of a ramp. */
function rgba(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},1)`;
}

describe('the planner map style', () => {
  const style = plannerStyle(options);

  it('is a valid MapLibre style that fetches only from the platform', () => {
    expect(validateStyleMin(style)).toEqual([]);
    const urls = Object.values(style.sources).flatMap((source) =>
      'tiles' in source ? (source.tiles ?? []) : [],
    );
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith('http://127.0.0.1:4000/tiles/')).toBe(true);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('draws the planner layers over the base map and under the facilities of the analysed types', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('background')).toBeLessThan(ids.indexOf(PLANNER_LAYER_IDS.choropleth));
    expect(ids.indexOf(PLANNER_LAYER_IDS.gapLabel)).toBeLessThan(ids.indexOf('facility-marker'));
    const facilities = style.sources['caremap-facilities'] as { tiles: string[] };
    expect(facilities.tiles[0]).toContain('types=STREET_CARE_CENTER%2CCOMMUNITY_CARE_STATION');
  });

  it('shades gaps by older people (60+), darkest for the most', () => {
    const fill = layer(style.layers, PLANNER_LAYER_IDS.gapFill);
    expect(paint(fill, 'fill-color', { age60plus: 55966 })).toBe(rgba(GAP_RAMP[4]));
    expect(paint(fill, 'fill-color', { age60plus: 0 })).toBe(rgba(GAP_RAMP[0]));
  });

  it('outlines gaps without network access dashed and the selected gap in black', () => {
    const dashed = layer(style.layers, PLANNER_LAYER_IDS.gapLineNoNetwork);
    expect(shows(dashed, { reason: 'NO_NETWORK_ACCESS' })).toBe(true);
    expect(shows(dashed, { reason: 'BEYOND_REACH' })).toBe(false);
    const selected = layer(style.layers, PLANNER_LAYER_IDS.gapSelected);
    expect(shows(selected, { id: 'BEYOND_REACH:2' })).toBe(true);
    expect(shows(selected, { id: 'BEYOND_REACH:3' })).toBe(false);
    expect(paint(selected, 'line-color', {})).toBe(rgba(PLANNER_COLORS.selectedGap));
  });

  it('colours districts by the indicator, and those without a value grey (no data, not zero)', () => {
    const fill = layer(style.layers, PLANNER_LAYER_IDS.choropleth);
    expect(fill.layout?.visibility).toBe('visible');
    expect(paint(fill, 'fill-color', { code: '330102', value: 66.1 })).toBe(rgba(INDICATOR_RAMP[4]));
    expect(paint(fill, 'fill-color', { code: '330103', value: 63.2 })).toBe(rgba(INDICATOR_RAMP[0]));
    expect(paint(fill, 'fill-color', { code: '330104' })).toBe(rgba(PLANNER_COLORS.noData));
    const source = style.sources[PLANNER_SOURCE_IDS.districts] as GeoJSONSourceSpecification;
    const features = (source.data as FeatureCollection).features;
    expect(features.map((feature) => feature.properties)).toEqual([
      { code: '330102', name: '上城区', value: 66.1 },
      { code: '330103', name: '下城区', value: 63.2 },
    ]);
  });

  it('hides what is switched off without removing it', () => {
    const layers = plannerLayers({
      selectedRegion: '330102',
      selectedGapId: null,
      choroplethClasses: null,
      gapClasses: countClasses([]),
      show: { serviceAreas: false, gaps: false },
    });
    for (const id of [
      PLANNER_LAYER_IDS.choropleth,
      PLANNER_LAYER_IDS.serviceAreaFill,
      PLANNER_LAYER_IDS.gapFill,
    ]) {
      expect(layer(layers, id).layout?.visibility).toBe('none');
    }
    expect(layer(layers, PLANNER_LAYER_IDS.districtSelected).layout?.visibility).toBeUndefined();
    expect(stepColor('age60plus', countClasses([]), '#cfcfcf')).toBe('#cfcfcf');
  });
});

describe('the gap sources', () => {
  it('number the real gaps in the API’s order and label each at a point inside it; the area without street data is not ranked (it was #1 with 55,966 people)', () => {
    const polygons = (gapsSource(gaps).data as FeatureCollection).features;
    expect(polygons.map((feature) => feature.properties!.rank)).toEqual([1, 2, 3]);
    expect(polygons[2].properties).toMatchObject({
      id: 'NO_NETWORK_ACCESS:1',
      reason: 'NO_NETWORK_ACCESS',
      age60plus: 55966,
    });
    const labels = (gapLabelsSource(gaps).data as FeatureCollection<Point>).features;
    expect(labels.map((label) => label.properties!.id)).toEqual(['BEYOND_REACH:2', 'BEYOND_REACH:3']);
    expect(labels[1].geometry.coordinates).toEqual(interiorPoint(gaps[1].area));
  });
});
