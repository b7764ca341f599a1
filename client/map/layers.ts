import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CIRCLE_MINUTES } from '../circle';
import { FACILITY_TYPES } from '../domain';
import { messagesFor, type Lang } from '../i18n/i18n';
import { badgeImageId, type IconLook } from './icons';
import { SERVICE_AREA_MINZOOM, SOURCE_IDS } from './sources';
import { CIRCLE_STYLES, FONT_STACK, PALETTES, TYPE_STYLES } from './theme';

/** What the layers depend on besides the data: the interface language and elder mode. */
export interface LayerOptions {
  lang: Lang;
  elder: boolean;
}

/** Ids of the facility layers, for clicks and for reading what the map shows. */
export const FACILITY_LAYER_IDS = {
  cluster: 'facility-cluster',
  marker: 'facility-marker',
  badge: 'facility-badge',
  label: 'facility-label',
} as const;

/** Ids of the 15-minute circle's layers. */
export const CIRCLE_LAYER_IDS = {
  area: 'circle-area',
  outline: (minutes: number) => `circle-outline-${minutes}`,
  origin: 'circle-origin',
  label: 'circle-label',
} as const;

/** Ids of the layer of every facility's service area. */
export const SERVICE_AREA_LAYER_IDS = {
  area: 'service-area',
  outline: 'service-area-outline',
  radiusOutline: 'service-area-outline-radius',
} as const;

/** Zoom from which facility names are written next to their markers. */
export const FACILITY_LABEL_MINZOOM = 15;

const look = (elder: boolean): IconLook => (elder ? 'hc' : 'std');
const isCluster: ExpressionSpecification = ['has', 'point_count'];
const isFacility: ExpressionSpecification = ['!', ['has', 'point_count']];
const boldFont = FONT_STACK.map((family, i) => (i === 0 ? `${family} Bold` : family));

/** Value by facility type, for data-driven properties. */
function byType(
  value: (type: (typeof FACILITY_TYPES)[number]) => string,
  fallback: string,
): ExpressionSpecification {
  return [
    'match',
    ['get', 'type'],
    ...FACILITY_TYPES.flatMap((type) => [type, value(type)]),
    fallback,
  ] as never;
}

/** A line width that grows with zoom (MapLibre's exponential interpolation between stops). */
function widthByZoom(stops: [number, number][], scale: number): ExpressionSpecification {
  return [
    'interpolate',
    ['exponential', 1.5],
    ['zoom'],
    ...stops.flatMap(([z, w]) => [z, w * scale]),
  ] as never;
}

/** The base-map layers over the platform's basemap tiles, in drawing order. */
export function basemapLayers(options: LayerOptions): LayerSpecification[] {
  const palette = PALETTES[options.elder ? 'elder' : 'standard'];
  const scale = options.elder ? 1.3 : 1;
  const source = SOURCE_IDS.basemap;
  const textSize = options.elder ? 19 : 13;
  const roadClasses = [
    {
      id: 'path',
      minzoom: 14,
      width: [
        [14, 0.8],
        [18, 3],
      ] as [number, number][],
    },
    {
      id: 'service',
      minzoom: 14,
      width: [
        [14, 1],
        [18, 6],
      ] as [number, number][],
    },
    {
      id: 'street',
      minzoom: 12,
      width: [
        [12, 1],
        [18, 12],
      ] as [number, number][],
    },
    {
      id: 'major',
      minzoom: 9,
      width: [
        [9, 1],
        [18, 20],
      ] as [number, number][],
    },
  ];
  const roadCasings: LayerSpecification[] = roadClasses
    .filter((road) => road.id !== 'path')
    .map((road) => ({
      id: `road-${road.id}-casing`,
      type: 'line',
      source,
      'source-layer': 'road',
      minzoom: Math.max(road.minzoom, 12),
      filter: ['==', ['get', 'class'], road.id],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': palette.roadCasing,
        'line-width': widthByZoom(
          road.width.map(([z, w]) => [z, w + 1.5]),
          scale,
        ),
      },
    }));
  const roadFills: LayerSpecification[] = roadClasses.map((road) => ({
    id: `road-${road.id}`,
    type: 'line',
    source,
    'source-layer': 'road',
    minzoom: road.minzoom,
    filter: ['==', ['get', 'class'], road.id],
    layout: { 'line-cap': road.id === 'path' ? 'butt' : 'round', 'line-join': 'round' },
    paint: {
      'line-color':
        road.id === 'path' ? palette.path : road.id === 'major' ? palette.majorRoad : palette.road,
      'line-width': widthByZoom(road.width, scale),
      ...(road.id === 'path' ? { 'line-dasharray': [2, 1.5] } : {}),
    },
  }));
  return [
    { id: 'background', type: 'background', paint: { 'background-color': palette.background } },
    {
      id: 'green',
      type: 'fill',
      source,
      'source-layer': 'green',
      paint: { 'fill-color': palette.green },
    },
    {
      id: 'water-area',
      type: 'fill',
      source,
      'source-layer': 'water',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': palette.water },
    },
    {
      id: 'waterway',
      type: 'line',
      source,
      'source-layer': 'water',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: {
        'line-color': palette.waterLine,
        'line-width': widthByZoom(
          [
            [10, 1],
            [18, 6],
          ],
          scale,
        ),
      },
    },
    {
      id: 'building',
      type: 'fill',
      source,
      'source-layer': 'building',
      minzoom: 14,
      paint: {
        'fill-color': palette.building,
        'fill-outline-color': palette.buildingOutline,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 14, 0.4, 16, 1],
      },
    },
    ...roadCasings,
    ...roadFills,
    {
      id: 'boundary',
      type: 'line',
      source,
      'source-layer': 'boundary',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': palette.boundary,
        'line-width': widthByZoom(
          [
            [6, 1],
            [16, 3],
          ],
          scale,
        ),
        'line-dasharray': [3, 2],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'road-label',
      type: 'symbol',
      source,
      'source-layer': 'road',
      minzoom: 15,
      filter: ['all', ['has', 'name'], ['in', ['get', 'class'], ['literal', ['major', 'street']]]],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': FONT_STACK,
        'text-size': textSize - 1,
      },
      paint: { 'text-color': palette.label, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.5 },
    },
    {
      id: 'region-label',
      type: 'symbol',
      source,
      'source-layer': 'region_label',
      minzoom: 8,
      maxzoom: 15,
      layout: { 'text-field': ['get', 'name'], 'text-font': boldFont, 'text-size': textSize + 2 },
      paint: {
        'text-color': palette.boundary,
        'text-halo-color': palette.labelHalo,
        'text-halo-width': 2,
      },
    },
  ];
}

/** The facility layers: clusters, one marker per type, the vacancy badge and names, with sample data marked. */
export function facilityLayers(options: LayerOptions): LayerSpecification[] {
  const messages = messagesFor(options.lang);
  const palette = PALETTES[options.elder ? 'elder' : 'standard'];
  const iconLook = look(options.elder);
  const iconScale = options.elder ? 1.35 : 1;
  const source = SOURCE_IDS.facilities;
  const sourceLayer = 'facilities';
  const colorOf = (type: keyof typeof TYPE_STYLES) =>
    options.elder ? TYPE_STYLES[type].contrastColor : TYPE_STYLES[type].color;
  const name: ExpressionSpecification =
    options.lang === 'en' ? ['coalesce', ['get', 'name_en'], ['get', 'name']] : ['get', 'name'];
  const vacant: ExpressionSpecification = ['coalesce', ['get', 'vacant_beds'], ['get', 'vacant_count'], 0];
  return [
    {
      id: FACILITY_LAYER_IDS.cluster,
      type: 'symbol',
      source,
      'source-layer': sourceLayer,
      filter: isCluster,
      layout: {
        'icon-image': ['concat', 'caremap-cluster-', ['coalesce', ['get', 'type'], 'mixed'], `-${iconLook}`],
        'icon-size': ['step', ['get', 'point_count'], iconScale, 10, iconScale * 1.2, 50, iconScale * 1.45],
        'icon-allow-overlap': true,
        'text-field': ['to-string', ['get', 'point_count']],
        'text-font': boldFont,
        'text-size': options.elder ? 19 : 14,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: FACILITY_LAYER_IDS.marker,
      type: 'symbol',
      source,
      'source-layer': sourceLayer,
      filter: isFacility,
      layout: {
        'icon-image': [
          'concat',
          'caremap-marker-',
          ['get', 'type'],
          `-${iconLook}`,
          ['case', ['==', ['get', 'is_sample'], true], '-sample', ''],
        ],
        'icon-size': iconScale,
        'icon-allow-overlap': true,
        'text-field': byType((type) => messages.typeSymbols[type], '?'),
        'text-font': boldFont,
        'text-size': options.elder ? 19 : 14,
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': '#ffffff',
        'text-halo-color': byType(colorOf, '#333333'),
        'text-halo-width': 1.2,
      },
    },
    {
      id: FACILITY_LAYER_IDS.badge,
      type: 'symbol',
      source,
      'source-layer': sourceLayer,
      filter: ['>', vacant, 0],
      layout: {
        'icon-image': badgeImageId(iconLook),
        'icon-size': iconScale,
        'icon-offset': ['case', isCluster, ['literal', [15, -15]], ['literal', [12, -12]]],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'text-field': ['case', ['>', vacant, 99], '99+', ['to-string', vacant]],
        'text-font': boldFont,
        'text-size': options.elder ? 18 : 11,
        'text-offset': ['case', isCluster, ['literal', [1.36, -1.36]], ['literal', [1.09, -1.09]]],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: FACILITY_LAYER_IDS.label,
      type: 'symbol',
      source,
      'source-layer': sourceLayer,
      minzoom: FACILITY_LABEL_MINZOOM,
      filter: isFacility,
      layout: {
        'text-field': [
          'case',
          ['==', ['get', 'is_sample'], true],
          ['concat', name, options.lang === 'en' ? ' (sample)' : ' · 示例'],
          name,
        ],
        'text-font': FONT_STACK,
        'text-size': options.elder ? 19 : 12,
        'text-anchor': 'top',
        'text-offset': [0, options.elder ? 1.5 : 1.4],
        'text-max-width': 9,
      },
      paint: {
        'text-color': palette.label,
        'text-halo-color': palette.labelHalo,
        'text-halo-width': options.elder ? 2 : 1.5,
      },
    },
  ];
}

/** Ids of the walking route's layers. */
export const ROUTE_LAYER_IDS = { casing: 'route-casing', line: 'route-line', step: 'route-step' } as const;

/** The walking route under the facilities: a dark casing, a bright line, a ring at each step. */
export function routeLayers(options: LayerOptions): LayerSpecification[] {
  const scale = options.elder ? 1.4 : 1;
  const source = SOURCE_IDS.route;
  return [
    {
      id: ROUTE_LAYER_IDS.casing,
      type: 'line',
      source,
      filter: ['==', ['get', 'role'], 'line'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 9 * scale },
    },
    {
      id: ROUTE_LAYER_IDS.line,
      type: 'line',
      source,
      filter: ['==', ['get', 'role'], 'line'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': options.elder ? '#5a00a8' : '#7b2ff7', 'line-width': 5 * scale },
    },
    {
      id: ROUTE_LAYER_IDS.step,
      type: 'circle',
      source,
      filter: ['==', ['get', 'role'], 'step'],
      paint: {
        'circle-radius': 4 * scale,
        'circle-color': '#ffffff',
        'circle-stroke-color': options.elder ? '#5a00a8' : '#7b2ff7',
        'circle-stroke-width': 2 * scale,
      },
    },
  ];
}

/** Layers under the facilities (the near-search circle) and over them (selection ring, near origin). */
export function overlayLayers(options: LayerOptions): {
  below: LayerSpecification[];
  above: LayerSpecification[];
} {
  const palette = PALETTES[options.elder ? 'elder' : 'standard'];
  const near = SOURCE_IDS.near;
  return {
    below: [
      {
        id: 'near-area',
        type: 'fill',
        source: near,
        filter: ['==', ['get', 'role'], 'area'],
        paint: { 'fill-color': palette.near, 'fill-opacity': 0.08 },
      },
      {
        id: 'near-outline',
        type: 'line',
        source: near,
        filter: ['==', ['get', 'role'], 'area'],
        paint: { 'line-color': palette.near, 'line-width': 2, 'line-dasharray': [2, 2] },
      },
    ],
    above: [
      {
        id: 'selection-ring',
        type: 'circle',
        source: SOURCE_IDS.selection,
        paint: {
          'circle-radius': options.elder ? 28 : 22,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': palette.selection,
          'circle-stroke-width': options.elder ? 4 : 3,
        },
      },
      {
        id: 'near-origin',
        type: 'circle',
        source: near,
        filter: ['==', ['get', 'role'], 'origin'],
        paint: {
          'circle-radius': options.elder ? 10 : 8,
          'circle-color': palette.near,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 3,
        },
      },
    ],
  };
}

/** A colour per circle (5, 10, 15 minutes) by the feature's `minutes`. */
function byMinutes(elder: boolean): ExpressionSpecification {
  return [
    'match',
    ['get', 'minutes'],
    ...CIRCLE_MINUTES.flatMap((minutes) => [
      minutes,
      elder ? CIRCLE_STYLES[minutes].contrastColor : CIRCLE_STYLES[minutes].color,
    ]),
    '#666666',
  ] as never;
}

/**
 * The 15-minute circle: three nested shaded areas under the facilities, each outlined in its own colour
 * and dash; over the facilities its starting point, labelled on the map when the areas are only a
 * straight-line estimate.
 */
export function circleLayers(options: LayerOptions): {
  below: LayerSpecification[];
  above: LayerSpecification[];
} {
  const palette = PALETTES[options.elder ? 'elder' : 'standard'];
  const source = SOURCE_IDS.circle;
  const isArea: ExpressionSpecification = ['==', ['get', 'role'], 'area'];
  const isOrigin: ExpressionSpecification = ['==', ['get', 'role'], 'origin'];
  const width = options.elder ? 3.5 : 2.5;
  return {
    below: [
      {
        id: CIRCLE_LAYER_IDS.area,
        type: 'fill',
        source,
        filter: isArea,
        paint: { 'fill-color': byMinutes(options.elder), 'fill-opacity': options.elder ? 0.22 : 0.16 },
      },
      ...CIRCLE_MINUTES.map((minutes): LayerSpecification => ({
        id: CIRCLE_LAYER_IDS.outline(minutes),
        type: 'line',
        source,
        filter: ['all', isArea, ['==', ['get', 'minutes'], minutes]],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': options.elder ? CIRCLE_STYLES[minutes].contrastColor : CIRCLE_STYLES[minutes].color,
          'line-width': width,
          ...(CIRCLE_STYLES[minutes].dash.length ? { 'line-dasharray': CIRCLE_STYLES[minutes].dash } : {}),
        },
      })),
    ],
    above: [
      {
        id: CIRCLE_LAYER_IDS.origin,
        type: 'circle',
        source,
        filter: isOrigin,
        paint: {
          'circle-radius': options.elder ? 11 : 9,
          'circle-color': palette.circleOrigin,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 3,
        },
      },
      {
        id: CIRCLE_LAYER_IDS.label,
        type: 'symbol',
        source,
        filter: ['all', isOrigin, ['==', ['get', 'method'], 'RADIUS']],
        layout: {
          'text-field': messagesFor(options.lang).circleRadiusMapLabel,
          'text-font': boldFont,
          'text-size': options.elder ? 18 : 14,
          'text-anchor': 'top',
          'text-offset': [0, 1.2],
          'text-allow-overlap': true,
        },
        paint: { 'text-color': palette.label, 'text-halo-color': palette.labelHalo, 'text-halo-width': 2 },
      },
    ],
  };
}

/**
 * Every facility's walking area (service-area tiles): lightly shaded, so that places many facilities
 * reach look darker, with straight-line fallbacks outlined dashed.
 */
export function serviceAreaLayers(options: LayerOptions): LayerSpecification[] {
  const source = SOURCE_IDS.serviceAreas;
  const sourceLayer = 'service_areas';
  const outline = (id: string, method: string, dash: number[] | null): LayerSpecification => ({
    id,
    type: 'line',
    source,
    'source-layer': sourceLayer,
    minzoom: SERVICE_AREA_MINZOOM,
    filter: ['==', ['get', 'method'], method],
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': byMinutes(options.elder),
      'line-width': options.elder ? 1.4 : 0.8,
      'line-opacity': 0.5,
      ...(dash ? { 'line-dasharray': dash } : {}),
    },
  });
  return [
    {
      id: SERVICE_AREA_LAYER_IDS.area,
      type: 'fill',
      source,
      'source-layer': sourceLayer,
      minzoom: SERVICE_AREA_MINZOOM,
      paint: { 'fill-color': byMinutes(options.elder), 'fill-opacity': options.elder ? 0.14 : 0.1 },
    },
    outline(SERVICE_AREA_LAYER_IDS.outline, 'NETWORK', null),
    outline(SERVICE_AREA_LAYER_IDS.radiusOutline, 'RADIUS', [2, 2]),
  ];
}
