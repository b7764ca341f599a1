import maplibregl, { type StyleSpecification } from 'maplibre-gl';
import type { Bounds } from '../../domain';
import { drawIcon, ICON_PIXEL_RATIO } from '../../map/icons';
import { ATTRIBUTION } from '../../map/sources';
import { IDEOGRAPH_FONT_FAMILY } from '../../map/theme';
import { PLANNER_LAYER_IDS } from './planner-layers';

/** What the planner map reports. */
export interface PlannerMapEvents {
  gapClick(id: string): void;
  /** A click anywhere on the map (after gap clicks), for placing a hypothetical facility. */
  mapClick?(point: { lng: number; lat: number }): boolean;
}

/** A hypothetical facility on the map: draggable; where it ends up is reported. */
export interface ScenarioMarker {
  readonly id: string;
  readonly lng: number;
  readonly lat: number;
  readonly label: string;
}

const boundsArray = (b: Bounds): [number, number, number, number] => [b.west, b.south, b.east, b.north];

/** The MapLibre map of the planner page and the report, driven by plannerStyle. */
export class PlannerMap {
  private readonly map: maplibregl.Map;
  /** A style given before the first one was parsed: a diff needs a parsed style to compare with. */
  private pendingStyle: StyleSpecification | null = null;
  private styleParsed = false;
  private scenarioMarkers: maplibregl.Marker[] = [];
  private siteMarkers: maplibregl.Marker[] = [];

  constructor(
    container: HTMLElement,
    style: StyleSpecification,
    start: Bounds,
    events: PlannerMapEvents | null,
    options: { keepDrawing?: boolean } = {},
  ) {
    container.setAttribute('aria-busy', 'true');
    this.map = new maplibregl.Map({
      container,
      style,
      bounds: boundsArray(start),
      fitBoundsOptions: { padding: 30 },
      localIdeographFontFamily: IDEOGRAPH_FONT_FAMILY,
      attributionControl: { compact: true, customAttribution: ATTRIBUTION.sample },
      // The report copies the canvas into an image, which needs the drawing kept after each frame.
      canvasContextAttributes: { preserveDrawingBuffer: options.keepDrawing ?? false },
      interactive: events !== null,
      maxZoom: 18,
      minZoom: 6,
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.on('styleimagemissing', (event) => {
      const image = drawIcon(event.id);
      if (image && !this.map.hasImage(event.id))
        this.map.addImage(event.id, image, { pixelRatio: ICON_PIXEL_RATIO });
    });
    this.map.once('style.load', () => {
      this.styleParsed = true;
      if (this.pendingStyle) this.setStyle(this.pendingStyle);
      this.pendingStyle = null;
    });
    this.map.on('movestart', () => container.setAttribute('aria-busy', 'true'));
    this.map.on('idle', () => container.removeAttribute('aria-busy'));
    if (!events) return;
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    const gapLayers = [PLANNER_LAYER_IDS.gapFill];
    this.map.on('click', (event) => {
      if (events.mapClick?.({ lng: event.lngLat.lng, lat: event.lngLat.lat })) return;
      const present = gapLayers.filter((id) => this.map.getLayer(id));
      const hit = present.length
        ? this.map.queryRenderedFeatures(event.point, { layers: present })[0]
        : undefined;
      if (hit && typeof hit.properties.id === 'string') events.gapClick(hit.properties.id);
    });
    this.map.on(
      'mouseenter',
      PLANNER_LAYER_IDS.gapFill,
      () => (this.map.getCanvas().style.cursor = 'pointer'),
    );
    this.map.on('mouseleave', PLANNER_LAYER_IDS.gapFill, () => (this.map.getCanvas().style.cursor = ''));
  }

  /** Shows the scenario's hypothetical facilities as draggable markers; a drag reports the new place. */
  setScenarioMarkers(
    markers: readonly ScenarioMarker[],
    moved: (id: string, lng: number, lat: number) => void,
  ): void {
    for (const marker of this.scenarioMarkers) marker.remove();
    this.scenarioMarkers = markers.map((spec) => {
      const element = document.createElement('div');
      element.className = 'scenario-marker';
      element.dataset.changeId = spec.id;
      element.title = spec.label;
      element.textContent = '＋';
      const marker = new maplibregl.Marker({ element, draggable: true })
        .setLngLat([spec.lng, spec.lat])
        .addTo(this.map);
      marker.on('dragend', () => {
        const { lng, lat } = marker.getLngLat();
        moved(spec.id, lng, lat);
      });
      return marker;
    });
  }

  /** Shows suggested sites as numbered markers, rank 1 first. */
  setSiteMarkers(sites: readonly { rank: number; lng: number; lat: number; label: string }[]): void {
    for (const marker of this.siteMarkers) marker.remove();
    this.siteMarkers = sites.map((site) => {
      const element = document.createElement('div');
      element.className = 'suggested-marker';
      element.dataset.rank = String(site.rank);
      element.title = site.label;
      element.textContent = String(site.rank);
      return new maplibregl.Marker({ element }).setLngLat([site.lng, site.lat]).addTo(this.map);
    });
  }

  /** Applies a new style, changing only what differs. */
  setStyle(style: StyleSpecification): void {
    this.map.getContainer().setAttribute('aria-busy', 'true');
    if (!this.styleParsed) {
      this.pendingStyle = style;
      return;
    }
    this.map.setStyle(style, { diff: true });
    this.map.triggerRepaint();
  }

  /** Shows an area whole. */
  fitBounds(bounds: Bounds): void {
    this.map.fitBounds(boundsArray(bounds), { padding: 40, maxZoom: 16, duration: 0 });
  }

  /** Shows an area whole, centred on a point inside it (a gap's label point). */
  centreOn(point: [number, number], bounds: Bounds): void {
    const camera = this.map.cameraForBounds(boundsArray(bounds), { padding: 60, maxZoom: 16 });
    this.map.jumpTo({ center: point, zoom: camera?.zoom ?? this.map.getZoom() });
  }

  /** Resolves once everything in view has been drawn. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.map.loaded() && !this.map.getContainer().hasAttribute('aria-busy')) resolve();
      else this.map.once('idle', () => resolve());
    });
  }

  /** The drawn map as a PNG data URL (needs keepDrawing). */
  snapshot(): string {
    return this.map.getCanvas().toDataURL('image/png');
  }

  /** Frees the map's WebGL context. */
  remove(): void {
    this.map.remove();
  }
}
