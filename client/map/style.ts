import type { StyleSpecification } from 'maplibre-gl';
import type { LngLat } from '../domain';
import type { NearFilter } from '../filters';
import { basemapLayers, facilityLayers, overlayLayers, type LayerOptions } from './layers';
import { basemapSource, facilitySource, nearSource, selectionSource, SOURCE_IDS } from './sources';

/** Everything the map's look depends on. */
export interface StyleOptions extends LayerOptions {
  /** Where the platform's tiles are served, e.g. http://localhost:4000. */
  origin: string;
  /** Facility filters as tile URL parameters (toTileQuery). */
  tileQuery: string;
  selection: LngLat | null;
  near: NearFilter | null;
}

/**
 * The platform's own base map: no glyphs URL and no sprite, so every label is drawn in the browser
 * from local fonts (MapLibre renders text locally when a style has no glyphs) and nothing is fetched
 * from outside the platform.
 */
export function platformBasemap(
  options: Pick<StyleOptions, 'origin' | 'lang' | 'elder'>,
): StyleSpecification {
  return {
    version: 8,
    name: 'CareMap base map',
    sources: { [SOURCE_IDS.basemap]: basemapSource(options.origin) },
    layers: basemapLayers(options),
  };
}

const OWN_SOURCES = new Set<string>([SOURCE_IDS.facilities, SOURCE_IDS.selection, SOURCE_IDS.near]);

/**
 * A base style (the platform's or a deployment's own, e.g. 天地图) with the facility layers on top.
 * Returns a new style; applying it twice gives the same result as once.
 */
export function withFacilityOverlay(base: StyleSpecification, options: StyleOptions): StyleSpecification {
  const overlays = overlayLayers(options);
  const baseLayers = base.layers.filter(
    (layer) => !('source' in layer && OWN_SOURCES.has(layer.source as string)),
  );
  return {
    ...base,
    sources: {
      ...base.sources,
      [SOURCE_IDS.facilities]: facilitySource(options.origin, options.tileQuery),
      [SOURCE_IDS.selection]: selectionSource(options.selection),
      [SOURCE_IDS.near]: nearSource(options.near),
    },
    layers: [...baseLayers, ...overlays.below, ...facilityLayers(options), ...overlays.above],
  };
}

/** The complete style of the platform's map. */
export function platformStyle(options: StyleOptions): StyleSpecification {
  return withFacilityOverlay(platformBasemap(options), options);
}
