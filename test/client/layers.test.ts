import { createPropertyExpression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';
import type {
  FillLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { FACILITY_TYPES } from '../../client/domain';
import { messagesFor } from '../../client/i18n/i18n';
import { drawIcon } from '../../client/map/icons';
import { CIRCLE_MINUTES } from '../../client/circle';
import {
  basemapLayers,
  CIRCLE_LAYER_IDS,
  circleLayers,
  FACILITY_LAYER_IDS,
  facilityLayers,
  SERVICE_AREA_LAYER_IDS,
  serviceAreaLayers,
} from '../../client/map/layers';
import { CIRCLE_STYLES, TYPE_STYLES } from '../../client/map/theme';

type Properties = Record<string, string | number | boolean>;

function layerOf(layers: LayerSpecification[], id: string): SymbolLayerSpecification {
  const layer = layers.find((l) => l.id === id);
  if (!layer || layer.type !== 'symbol') throw new Error(`no symbol layer ${id}`);
  return layer;
}

/** Evaluates a layout property of a layer for one feature, the way MapLibre would. */
function evaluate(
  layer: SymbolLayerSpecification,
  property: string,
  properties: Properties,
  zoom = 16,
): unknown {
  const value = (layer.layout as Record<string, unknown>)[property];
  const spec = (latest as unknown as Record<string, Record<string, never>>)[`layout_${layer.type}`][property];
  const parsed = createPropertyExpression(value, spec);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const result = parsed.value.evaluate({ zoom }, { type: 'Point', properties } as never);
  // Formatted text and resolved images print as their text and image id.
  return typeof result === 'object' && result !== null ? String(result) : result;
}

function shows(layer: SymbolLayerSpecification, properties: Properties): boolean {
  return featureFilter(layer.filter).filter({ zoom: 16 }, { type: 1, properties } as never);
}

const hospital: Properties = {
  type: 'HOSPITAL',
  name: '浙江省人民医院',
  name_en: 'Zhejiang Provincial People’s Hospital',
  is_sample: false,
};
const sampleHome: Properties = { type: 'NURSING_HOME', name: '示例养老院', is_sample: true, vacant_beds: 4 };
const mixedCluster: Properties = { point_count: 12, vacant_count: 3, is_sample: false };

describe('facility layers', () => {
  const zh = facilityLayers({ lang: 'zh', elder: false });
  const marker = layerOf(zh, FACILITY_LAYER_IDS.marker);
  const cluster = layerOf(zh, FACILITY_LAYER_IDS.cluster);
  const badge = layerOf(zh, FACILITY_LAYER_IDS.badge);
  const label = layerOf(zh, FACILITY_LAYER_IDS.label);

  it('give each type its own colour and symbol', () => {
    const colors = new Set(FACILITY_TYPES.map((type) => TYPE_STYLES[type].color));
    const symbols = new Set(FACILITY_TYPES.map((type) => messagesFor('zh').typeSymbols[type]));
    expect(colors.size).toBe(FACILITY_TYPES.length);
    expect(symbols.size).toBe(FACILITY_TYPES.length);
    for (const type of FACILITY_TYPES) {
      expect(evaluate(marker, 'text-field', { ...hospital, type })).toBe(messagesFor('zh').typeSymbols[type]);
    }
  });

  it('name marker images the icon drawer can draw, with sample data marked', () => {
    for (const type of FACILITY_TYPES) {
      for (const is_sample of [false, true]) {
        const id = evaluate(marker, 'icon-image', { type, is_sample }) as string;
        expect(id.endsWith('-sample')).toBe(is_sample);
        expect(drawIcon(id)).not.toBeNull();
      }
    }
    expect(drawIcon(evaluate(cluster, 'icon-image', mixedCluster) as string)).not.toBeNull();
    expect(
      drawIcon(evaluate(cluster, 'icon-image', { ...mixedCluster, type: 'HOSPITAL' }) as string),
    ).not.toBeNull();
  });

  it('show clusters and facilities in separate layers', () => {
    expect(shows(cluster, mixedCluster)).toBe(true);
    expect(shows(cluster, hospital)).toBe(false);
    expect(shows(marker, hospital)).toBe(true);
    expect(shows(marker, mixedCluster)).toBe(false);
    expect(evaluate(cluster, 'text-field', mixedCluster)).toBe('12');
  });

  it('never hide a facility marker behind another (the list and the map must agree)', () => {
    expect(marker.layout?.['icon-allow-overlap']).toBe(true);
    expect(cluster.layout?.['icon-allow-overlap']).toBe(true);
  });

  it('put a vacancy badge on facilities and clusters with vacant beds only', () => {
    expect(shows(badge, sampleHome)).toBe(true);
    expect(evaluate(badge, 'text-field', sampleHome)).toBe('4');
    expect(shows(badge, mixedCluster)).toBe(true);
    expect(evaluate(badge, 'text-field', mixedCluster)).toBe('3');
    expect(shows(badge, hospital)).toBe(false);
    expect(evaluate(badge, 'text-field', { ...sampleHome, vacant_beds: 120 })).toBe('99+');
  });

  it('write names in the interface language and mark sample data in the label', () => {
    expect(evaluate(label, 'text-field', hospital)).toBe('浙江省人民医院');
    expect(evaluate(label, 'text-field', sampleHome)).toBe('示例养老院 · 示例');
    const en = layerOf(facilityLayers({ lang: 'en', elder: false }), FACILITY_LAYER_IDS.label);
    expect(evaluate(en, 'text-field', hospital)).toBe('Zhejiang Provincial People’s Hospital');
    expect(evaluate(en, 'text-field', sampleHome)).toBe('示例养老院 (sample)');
  });

  it('draw larger markers and text in elder mode', () => {
    const elder = facilityLayers({ lang: 'zh', elder: true });
    const elderMarker = layerOf(elder, FACILITY_LAYER_IDS.marker);
    expect(elderMarker.layout?.['icon-size']).toBeGreaterThan(marker.layout?.['icon-size'] as number);
    expect(elderMarker.layout?.['text-size']).toBeGreaterThan(marker.layout?.['text-size'] as number);
    expect(evaluate(elderMarker, 'icon-image', hospital)).toBe('caremap-marker-HOSPITAL-hc');
    const elderLabel = layerOf(elder, FACILITY_LAYER_IDS.label);
    expect(elderLabel.layout?.['text-size']).toBeGreaterThan(label.layout?.['text-size'] as number);
  });

  it('return new objects on every call', () => {
    const again = facilityLayers({ lang: 'zh', elder: false });
    expect(again).toEqual(zh);
    expect(again[0]).not.toBe(zh[0]);
  });
});

describe('base-map layers', () => {
  it('use only the layers the basemap tiles carry', () => {
    const sourceLayers = new Set(
      basemapLayers({ lang: 'zh', elder: false }).flatMap((layer) =>
        'source-layer' in layer && layer['source-layer'] ? [layer['source-layer']] : [],
      ),
    );
    expect([...sourceLayers].sort()).toEqual([
      'boundary',
      'building',
      'green',
      'region_label',
      'road',
      'water',
    ]);
  });

  it('use a stronger palette in elder mode', () => {
    const paint = (elder: boolean) =>
      basemapLayers({ lang: 'zh', elder }).find((layer) => layer.id === 'background')?.paint as Record<
        string,
        string
      >;
    expect(paint(false)['background-color']).not.toBe(paint(true)['background-color']);
  });
});

/** Evaluates a paint property of a layer for one feature, the way MapLibre would. */
function paintOf(
  layer: FillLayerSpecification | LineLayerSpecification,
  property: string,
  properties: Properties,
) {
  const value = (layer.paint as Record<string, unknown>)[property];
  const spec = (latest as unknown as Record<string, Record<string, never>>)[`paint_${layer.type}`][property];
  const parsed = createPropertyExpression(value, spec);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const color = parsed.value.evaluate({ zoom: 15 }, { type: 'Polygon', properties } as never) as {
    toString(): string;
  };
  return color.toString();
}

const passes = (layer: LayerSpecification, properties: Properties, type: 1 | 3 = 3) =>
  'filter' in layer && layer.filter
    ? featureFilter(layer.filter).filter({ zoom: 15 }, { type, properties } as never)
    : true;

describe('the 15-minute circle’s layers', () => {
  const { below, above } = circleLayers({ lang: 'zh', elder: false });
  const area = below.find((layer) => layer.id === CIRCLE_LAYER_IDS.area) as FillLayerSpecification;

  it('shade the three areas in three distinct colours, the legend’s', () => {
    const colors = CIRCLE_MINUTES.map((minutes) => paintOf(area, 'fill-color', { role: 'area', minutes }));
    expect(new Set(colors).size).toBe(3);
    expect(new Set(CIRCLE_MINUTES.map((minutes) => CIRCLE_STYLES[minutes].color)).size).toBe(3);
    expect(area.paint?.['fill-opacity']).toBeLessThan(0.3);
  });

  it('outline each area in its colour and its own dash, so they differ without colour too', () => {
    const outlines = CIRCLE_MINUTES.map(
      (minutes) =>
        below.find((layer) => layer.id === CIRCLE_LAYER_IDS.outline(minutes)) as LineLayerSpecification,
    );
    const dashes = outlines.map((line) => JSON.stringify(line.paint?.['line-dasharray'] ?? 'solid'));
    expect(new Set(dashes).size).toBe(3);
    for (const [i, minutes] of CIRCLE_MINUTES.entries()) {
      expect(passes(outlines[i], { role: 'area', minutes })).toBe(true);
      expect(passes(outlines[i], { role: 'area', minutes: minutes === 5 ? 10 : 5 })).toBe(false);
    }
  });

  it('mark the starting point, and label it on the map only when the areas are a straight-line estimate', () => {
    const label = above.find((layer) => layer.id === CIRCLE_LAYER_IDS.label) as SymbolLayerSpecification;
    expect(above.map((layer) => layer.id)).toEqual([CIRCLE_LAYER_IDS.origin, CIRCLE_LAYER_IDS.label]);
    expect(passes(label, { role: 'origin', method: 'RADIUS' }, 1)).toBe(true);
    expect(passes(label, { role: 'origin', method: 'NETWORK' }, 1)).toBe(false);
    expect(evaluate(label, 'text-field', {})).toBe('直线估算，非步行路线');
    const en = circleLayers({ lang: 'en', elder: false }).above[1] as SymbolLayerSpecification;
    expect(evaluate(en, 'text-field', {})).toBe('Straight-line estimate, not walking routes');
  });

  it('use the high-contrast colours in elder mode', () => {
    const elder = circleLayers({ lang: 'zh', elder: true }).below[0] as FillLayerSpecification;
    expect(paintOf(elder, 'fill-color', { minutes: 15 })).not.toBe(
      paintOf(area, 'fill-color', { minutes: 15 }),
    );
  });
});

describe('the service-area layers', () => {
  const layers = serviceAreaLayers({ lang: 'zh', elder: false });

  it('read the service-area tiles from the zoom the server has them', () => {
    for (const layer of layers) {
      expect(layer).toMatchObject({
        source: 'caremap-service-areas',
        'source-layer': 'service_areas',
        minzoom: 11,
      });
    }
  });

  it('outline straight-line fallbacks dashed and network areas solid', () => {
    const solid = layers.find(
      (layer) => layer.id === SERVICE_AREA_LAYER_IDS.outline,
    ) as LineLayerSpecification;
    const dashed = layers.find(
      (layer) => layer.id === SERVICE_AREA_LAYER_IDS.radiusOutline,
    ) as LineLayerSpecification;
    expect(passes(solid, { method: 'NETWORK', minutes: 15 })).toBe(true);
    expect(passes(solid, { method: 'RADIUS', minutes: 15 })).toBe(false);
    expect(passes(dashed, { method: 'RADIUS', minutes: 15 })).toBe(true);
    expect(solid.paint?.['line-dasharray']).toBeUndefined();
    expect(dashed.paint?.['line-dasharray']).toBeDefined();
  });
});
