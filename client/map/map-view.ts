import maplibregl, { type StyleSpecification } from 'maplibre-gl';
import type { Bounds, LngLat } from '../domain';
import type { MapPosition } from '../url-state';
import { drawIcon, ICON_PIXEL_RATIO } from './icons';
import { CIRCLE_LAYER_IDS, FACILITY_LAYER_IDS, SERVICE_AREA_LAYER_IDS } from './layers';
import { summarizeAreas, summarizeRendered, type RenderedMap } from './rendered';
import { ATTRIBUTION } from './sources';
import { IDEOGRAPH_FONT_FAMILY } from './theme';

/** Mark set when the first facility has been drawn (read by the benchmark and the end-to-end tests). */
const FIRST_FACILITY_MARK = 'caremap:first-facility';

/** Callbacks the map reports to. */
export interface MapViewEvents {
  facilityClick(id: string, point: LngLat): void;
  mapClick(point: LngLat): void;
  viewChange(position: MapPosition): void;
  rendered(summary: RenderedMap): void;
}

const CLICKABLE = [FACILITY_LAYER_IDS.marker, FACILITY_LAYER_IDS.cluster, FACILITY_LAYER_IDS.label];

/** The MapLibre map of the client, driven by pure style functions and reporting what it draws. */
export class MapView {
  private readonly map: maplibregl.Map;

  constructor(
    container: HTMLElement,
    style: StyleSpecification,
    start: MapPosition | Bounds,
    events: MapViewEvents,
  ) {
    const position = 'zoom' in start ? start : null;
    this.map = new maplibregl.Map({
      container,
      style,
      localIdeographFontFamily: IDEOGRAPH_FONT_FAMILY,
      attributionControl: { compact: true, customAttribution: ATTRIBUTION.sample },
      ...(position
        ? { center: [position.lng, position.lat] as [number, number], zoom: position.zoom }
        : { bounds: boundsArray(start as Bounds), fitBoundsOptions: { padding: 40, maxZoom: 16 } }),
      maxZoom: 19,
      minZoom: 3,
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('styleimagemissing', (event) => {
      const image = drawIcon(event.id);
      if (image && !this.map.hasImage(event.id))
        this.map.addImage(event.id, image, { pixelRatio: ICON_PIXEL_RATIO });
    });
    this.map.on('click', (event) => {
      const hit = this.map.queryRenderedFeatures(event.point, { layers: this.presentLayers(CLICKABLE) })[0];
      if (!hit) return events.mapClick({ lng: event.lngLat.lng, lat: event.lngLat.lat });
      const [lng, lat] = (hit.geometry as GeoJSON.Point).coordinates;
      if (hit.properties.point_count !== undefined) {
        this.map.easeTo({ center: [lng, lat], zoom: Math.min(this.map.getZoom() + 2, 16) });
      } else if (hit.id !== undefined) {
        events.facilityClick(String(hit.id), { lng, lat });
      }
    });
    for (const layer of CLICKABLE) {
      this.map.on('mouseenter', layer, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', layer, () => (this.map.getCanvas().style.cursor = ''));
    }
    // aria-busy marks the map as changing from the start of a move or restyle until everything is drawn.
    this.map.on('movestart', () => container.setAttribute('aria-busy', 'true'));
    this.map.on('moveend', () => events.viewChange(this.position()));
    this.map.once('load', () => events.viewChange(this.position()));
    this.map.on('idle', () => {
      container.removeAttribute('aria-busy');
      events.rendered(this.rendered());
    });
    const markFirstFacility = () => {
      const { facilities, clusters } = this.rendered();
      if (facilities + clusters === 0) return;
      performance.mark(FIRST_FACILITY_MARK);
      this.map.off('render', markFirstFacility);
    };
    this.map.on('render', markFirstFacility);
  }

  /** Applies a new style, changing only what differs (tile URLs, colours, texts). */
  setStyle(style: StyleSpecification): void {
    this.map.getContainer().setAttribute('aria-busy', 'true');
    this.map.setStyle(style, { diff: true });
    // A style that changed nothing draws no frame; repaint so that 'idle' clears aria-busy.
    this.map.triggerRepaint();
  }

  /** Where the map looks now. */
  position(): MapPosition {
    const center = this.map.getCenter();
    return { lng: center.lng, lat: center.lat, zoom: this.map.getZoom() };
  }

  /** The visible area. */
  bounds(): Bounds {
    const b = this.map.getBounds();
    return { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() };
  }

  /** Goes back to a position at once (the view a list had before a facility was opened). */
  jumpTo(position: MapPosition): void {
    this.map.jumpTo({ center: [position.lng, position.lat], zoom: position.zoom });
  }

  /** Flies to a place, zooming in at least to `minZoom`. */
  flyTo(point: LngLat, minZoom = 16): void {
    this.map.flyTo({
      center: [point.lng, point.lat],
      zoom: Math.max(this.map.getZoom(), minZoom),
      essential: true,
    });
  }

  /** Shows an area whole. */
  fitBounds(bounds: Bounds, maxZoom = 16): void {
    this.map.fitBounds(boundsArray(bounds), { padding: 60, maxZoom, essential: true });
  }

  /**
   * Fetches the tiles of these sources again, e.g. the facilities after vacancies changed. Whole sources,
   * not only the tiles of what changed: refreshTiles with tile ids reaches only the tiles in view, and a
   * stale tile kept in MapLibre's cache would come back when the map zooms or pans to it.
   */
  refreshSources(sourceIds: readonly string[]): void {
    for (const id of sourceIds) if (this.map.getSource(id)) this.map.refreshTiles(id);
  }

  /** Facilities, clusters, circle areas and service areas currently drawn. */
  rendered(): RenderedMap {
    const drawn = (ids: readonly string[]) => {
      const layers = this.presentLayers(ids);
      return layers.length ? this.map.queryRenderedFeatures({ layers }) : [];
    };
    return {
      ...summarizeRendered(drawn([FACILITY_LAYER_IDS.marker, FACILITY_LAYER_IDS.cluster])),
      ...summarizeAreas(drawn([CIRCLE_LAYER_IDS.area]), drawn([SERVICE_AREA_LAYER_IDS.area])),
    };
  }

  private presentLayers(ids: readonly string[]): string[] {
    return ids.filter((id) => this.map.getLayer(id));
  }
}

function boundsArray(bounds: Bounds): [number, number, number, number] {
  return [bounds.west, bounds.south, bounds.east, bounds.north];
}
