import type { StyleSpecification } from 'maplibre-gl';
import type { CircleMinutes } from '../circle';
import type { LngLat } from '../domain';
import type { NearFilter } from '../filters';
import {
  basemapLayers,
  circleLayers,
  facilityLayers,
  overlayLayers,
  routeLayers,
  serviceAreaLayers,
  type LayerOptions,
} from './layers';
import {
  basemapSource,
  circleSource,
  facilitySource,
  nearSource,
  routeSource,
  selectionSource,
  serviceAreaSource,
  SOURCE_IDS,
  type CircleDrawing,
  type RouteDrawing,
} from './sources';

/** Everything the map's look depends on. */
export interface StyleOptions extends LayerOptions {
  /** Where the platform's tiles are served, e.g. http://localhost:4000. */
  origin: string;
  /** Facility filters as tile URL parameters (toTileQuery). */
  tileQuery: string;
  selection: LngLat | null;
  near: NearFilter | null;
  /** The 15-minute circle; absent or null: none. */
  circle?: CircleDrawing | null;
  /** Time limit of every facility's service area drawn; absent or null: the layer is off. */
  serviceAreaMinutes?: CircleMinutes | null;
  /** The walking route drawn; absent or null: none. */
  route?: RouteDrawing | null;
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

const OWN_SOURCES = new Set<string>([
  SOURCE_IDS.facilities,
  SOURCE_IDS.selection,
  SOURCE_IDS.near,
  SOURCE_IDS.circle,
  SOURCE_IDS.serviceAreas,
  SOURCE_IDS.route,
]);

/**
 * A base style (the platform's or a deployment's own, e.g. 天地图) with the platform's layers on top:
 * service areas, the 15-minute circle and the near circle under the facilities; the selection ring and
 * the starting points over them. Returns a new style; applying it twice gives the same result as once.
 */
export function withFacilityOverlay(base: StyleSpecification, options: StyleOptions): StyleSpecification {
  const overlays = overlayLayers(options);
  const circle = circleLayers(options);
  const serviceAreaMinutes = options.serviceAreaMinutes ?? null;
  const baseLayers = base.layers.filter(
    (layer) => !('source' in layer && OWN_SOURCES.has(layer.source as string)),
  );
  const baseSources = Object.fromEntries(Object.entries(base.sources).filter(([id]) => !OWN_SOURCES.has(id)));
  return {
    ...base,
    sources: {
      ...baseSources,
      ...(serviceAreaMinutes === null
        ? {}
        : {
            [SOURCE_IDS.serviceAreas]: serviceAreaSource(
              options.origin,
              options.tileQuery,
              serviceAreaMinutes,
            ),
          }),
      [SOURCE_IDS.facilities]: facilitySource(options.origin, options.tileQuery),
      [SOURCE_IDS.selection]: selectionSource(options.selection),
      [SOURCE_IDS.near]: nearSource(options.near),
      [SOURCE_IDS.circle]: circleSource(options.circle ?? null),
      [SOURCE_IDS.route]: routeSource(options.route ?? null),
    },
    layers: [
      ...baseLayers,
      ...(serviceAreaMinutes === null ? [] : serviceAreaLayers(options)),
      ...circle.below,
      ...overlays.below,
      ...routeLayers(options),
      ...facilityLayers(options),
      ...overlays.above,
      ...circle.above,
    ],
  };
}

/** The complete style of the platform's map. */
export function platformStyle(options: StyleOptions): StyleSpecification {
  return withFacilityOverlay(platformBasemap(options), options);
}
