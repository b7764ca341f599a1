import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_STACK, PALETTES } from '../../map/theme';
import type { Classes } from '../classes';
import { PLANNER_SOURCE_IDS } from './planner-sources';

/** Ids of the planner's layers, for clicks and tests. */
export const PLANNER_LAYER_IDS = {
  choropleth: 'planner-choropleth',
  serviceAreaFill: 'planner-service-area-fill',
  serviceAreaLine: 'planner-service-area-line',
  gapFill: 'planner-gap-fill',
  gapLine: 'planner-gap-line',
  gapLineNoNetwork: 'planner-gap-line-no-network',
  gapSelected: 'planner-gap-selected',
  gapLabel: 'planner-gap-label',
  districtLine: 'planner-district-line',
  districtSelected: 'planner-district-selected',
} as const;

/** Colours of the planner's layers that legends repeat. */
export const PLANNER_COLORS = {
  noData: '#cfcfcf',
  /** Areas without street data (无路网数据): unknown, neutral, never a gap colour. */
  unknown: '#8c8c8c',
  serviceArea: '#2f9e44',
  serviceAreaLine: '#2b8a3e',
  gapLine: '#7a0010',
  selectedGap: '#111111',
  selectedDistrict: '#5a189a',
} as const;

/** What the planner's layers show. */
export interface PlannerLayerOptions {
  selectedRegion: string;
  selectedGapId: string | null;
  /** Classes of the indicator shading the districts; null hides the choropleth. */
  choroplethClasses: Classes | null;
  gapClasses: Classes;
  show: { serviceAreas: boolean; gaps: boolean };
}

/** A colour by class of a numeric property, as a MapLibre step expression (or one colour). */
export function stepColor(
  property: string,
  classes: Classes,
  fallback: string,
): ExpressionSpecification | string {
  if (classes.colors.length === 0) return fallback;
  if (classes.thresholds.length === 0) return classes.colors[0];
  return [
    'step',
    ['get', property],
    classes.colors[0],
    ...classes.thresholds.flatMap((threshold, i) => [threshold, classes.colors[i + 1]]),
  ] as ExpressionSpecification;
}

const visibility = (shown: boolean) => ({ visibility: shown ? ('visible' as const) : ('none' as const) });

/** The planner's layers over the base map, bottom to top: choropleth, service areas, gaps, district outlines. */
export function plannerLayers(options: PlannerLayerOptions): LayerSpecification[] {
  const { districts, serviceAreas, gaps, gapLabels } = PLANNER_SOURCE_IDS;
  const choropleth = options.choroplethClasses;
  const isSelectedGap: ExpressionSpecification = ['==', ['get', 'id'], options.selectedGapId ?? ''];
  return [
    {
      id: PLANNER_LAYER_IDS.choropleth,
      type: 'fill',
      source: districts,
      layout: visibility(choropleth !== null),
      paint: {
        'fill-color': [
          'case',
          ['has', 'value'],
          stepColor('value', choropleth ?? { thresholds: [], colors: [] }, PLANNER_COLORS.noData),
          PLANNER_COLORS.noData,
        ] as ExpressionSpecification,
        'fill-opacity': 0.7,
      },
    },
    {
      id: PLANNER_LAYER_IDS.serviceAreaFill,
      type: 'fill',
      source: serviceAreas,
      layout: visibility(options.show.serviceAreas),
      paint: { 'fill-color': PLANNER_COLORS.serviceArea, 'fill-opacity': 0.14 },
    },
    {
      id: PLANNER_LAYER_IDS.serviceAreaLine,
      type: 'line',
      source: serviceAreas,
      layout: visibility(options.show.serviceAreas),
      paint: { 'line-color': PLANNER_COLORS.serviceAreaLine, 'line-width': 1, 'line-opacity': 0.6 },
    },
    {
      id: PLANNER_LAYER_IDS.gapFill,
      type: 'fill',
      source: gaps,
      layout: visibility(options.show.gaps),
      paint: {
        'fill-color': [
          'case',
          ['==', ['get', 'reason'], 'NO_NETWORK_ACCESS'],
          PLANNER_COLORS.unknown,
          stepColor('age60plus', options.gapClasses, PLANNER_COLORS.noData),
        ],
        'fill-opacity': ['case', ['==', ['get', 'reason'], 'NO_NETWORK_ACCESS'], 0.3, 0.72],
      },
    },
    {
      id: PLANNER_LAYER_IDS.gapLine,
      type: 'line',
      source: gaps,
      filter: ['==', ['get', 'reason'], 'BEYOND_REACH'],
      layout: visibility(options.show.gaps),
      paint: { 'line-color': PLANNER_COLORS.gapLine, 'line-width': 1.2 },
    },
    {
      id: PLANNER_LAYER_IDS.gapLineNoNetwork,
      type: 'line',
      source: gaps,
      filter: ['==', ['get', 'reason'], 'NO_NETWORK_ACCESS'],
      layout: visibility(options.show.gaps),
      paint: { 'line-color': PLANNER_COLORS.unknown, 'line-width': 1.6, 'line-dasharray': [2, 1.5] },
    },
    {
      id: PLANNER_LAYER_IDS.districtLine,
      type: 'line',
      source: districts,
      paint: { 'line-color': PALETTES.standard.boundary, 'line-width': 1.2, 'line-opacity': 0.9 },
    },
    {
      id: PLANNER_LAYER_IDS.districtSelected,
      type: 'line',
      source: districts,
      filter: ['==', ['get', 'code'], options.selectedRegion],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PLANNER_COLORS.selectedDistrict, 'line-width': 3.5 },
    },
    {
      id: PLANNER_LAYER_IDS.gapSelected,
      type: 'line',
      source: gaps,
      filter: isSelectedGap,
      layout: { ...visibility(options.show.gaps), 'line-join': 'round' },
      paint: { 'line-color': PLANNER_COLORS.selectedGap, 'line-width': 3.5 },
    },
    {
      id: PLANNER_LAYER_IDS.gapLabel,
      type: 'symbol',
      source: gapLabels,
      minzoom: 11,
      layout: {
        ...visibility(options.show.gaps),
        'text-field': ['concat', '#', ['to-string', ['get', 'rank']]],
        'text-font': FONT_STACK,
        'text-size': ['case', isSelectedGap, 16, 13],
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': '#111111', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ];
}
