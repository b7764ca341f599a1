import type { StyleSpecification } from 'maplibre-gl';
import { fetchFacilityDetails, fetchFacilityList, fetchRegionNames } from './api/graphql';
import type { FacilityListItem, MapConfig } from './api/types';
import { h } from './dom';
import type { Bounds, LngLat } from './domain';
import { toGraphQLFilter, toTileQuery, type FacilityFilters } from './filters';
import { messagesFor, type Lang } from './i18n/i18n';
import { MapView } from './map/map-view';
import type { RenderedFacilities } from './map/rendered';
import { circlePolygon } from './map/sources';
import { platformBasemap, withFacilityOverlay } from './map/style';
import { DetailsPanel } from './panels/details-panel';
import { DEFAULT_RADIUS, SearchPanel, type NearStatus } from './panels/search-panel';
import { formatUrlState, type UrlState } from './url-state';

/** How many facilities the list shows at most. */
export const LIST_SIZE = 50;
/** First view when neither the link nor the data says where to look: 杭州上城区. */
const FALLBACK_VIEW = { lng: 120.17, lat: 30.25, zoom: 13 };

/** The elements of the page the app fills in. */
export interface AppElements {
  title: HTMLElement;
  langButton: HTMLButtonElement;
  elderButton: HTMLButtonElement;
  panel: HTMLElement;
  searchPanel: HTMLElement;
  detailsPanel: HTMLElement;
  map: HTMLElement;
  mapStatus: HTMLElement;
}

function boundsOfPoints(points: LngLat[]): Bounds {
  return {
    west: Math.min(...points.map((p) => p.lng)),
    south: Math.min(...points.map((p) => p.lat)),
    east: Math.max(...points.map((p) => p.lng)),
    north: Math.max(...points.map((p) => p.lat)),
  };
}

/** The public map: keeps the map, the list, the details and the URL in step. */
export class CareMapApp {
  private state: UrlState;
  private nearStatus: NearStatus = 'idle';
  private selection: LngLat | null = null;
  private readonly mapView: MapView;
  private readonly search: SearchPanel;
  private readonly details: DetailsPanel;
  private listRequest: AbortController | null = null;
  private listTimer: ReturnType<typeof setTimeout> | undefined;
  private regionNames: Promise<Map<string, string>> | null = null;

  constructor(
    private readonly el: AppElements,
    initial: UrlState,
    private readonly config: MapConfig,
    private readonly baseStyle: StyleSpecification | null,
  ) {
    this.state = initial;
    this.search = new SearchPanel(el.searchPanel, {
      filtersChange: (filters, fit) => this.setFilters(filters, fit),
      pickPoint: () => this.setNearStatus(this.nearStatus === 'picking' ? 'idle' : 'picking'),
      useLocation: () => this.useLocation(),
      nearRadiusChange: (radiusMeters) => {
        if (this.state.filters.near) this.setNear({ ...this.state.filters.near, radiusMeters });
      },
      clearNear: () => this.setFilters({ ...this.state.filters, near: null }, false),
      open: (item: FacilityListItem) => {
        const [lng, lat] = item.location.coordinates;
        void this.openDetails(item.id, { lng, lat }, true);
      },
    });
    this.details = new DetailsPanel(el.detailsPanel, {
      back: () => this.closeDetails(),
      open: (id) => void this.openDetails(id, null, true),
    });
    const start = initial.position ?? config.facilityBounds ?? FALLBACK_VIEW;
    this.mapView = new MapView(el.map, this.style(), start, {
      facilityClick: (id, point) => {
        if (this.nearStatus === 'picking') this.setNear({ ...point, radiusMeters: this.radius() });
        else void this.openDetails(id, point, false);
      },
      mapClick: (point) => {
        if (this.nearStatus === 'picking') this.setNear({ ...point, radiusMeters: this.radius() });
      },
      viewChange: (position) => {
        this.state = { ...this.state, position };
        this.writeUrl();
        this.scheduleList();
      },
      rendered: (summary) => this.showRendered(summary),
    });
    el.langButton.addEventListener('click', () => this.setLang(this.state.lang === 'zh' ? 'en' : 'zh'));
    el.elderButton.addEventListener('click', () => this.setElder(!this.state.elder));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.state.selectedId) this.closeDetails();
    });
    this.applyChrome();
    this.renderSearch();
    this.scheduleList();
    if (initial.selectedId) void this.openDetails(initial.selectedId, null, false);
  }

  private get messages() {
    return messagesFor(this.state.lang);
  }

  private style(): StyleSpecification {
    const { lang, elder, filters } = this.state;
    const options = {
      origin: location.origin,
      lang,
      elder,
      tileQuery: toTileQuery(filters),
      selection: this.selection,
      near: filters.near,
    };
    return withFacilityOverlay(this.baseStyle ?? platformBasemap(options), options);
  }

  private restyle() {
    this.mapView.setStyle(this.style());
  }

  private writeUrl() {
    history.replaceState(null, '', `${location.pathname}${formatUrlState(this.state)}`);
  }

  private applyChrome() {
    const m = this.messages;
    const root = document.documentElement;
    root.lang = m.lang;
    root.dataset.uiStyle = this.state.elder ? 'elder' : 'standard';
    document.title = `${m.appTitle} · ${m.appSubtitle}`;
    this.el.title.textContent = m.appTitle;
    this.el.langButton.textContent = m.switchLanguage;
    this.el.langButton.setAttribute('aria-label', m.switchLanguageLabel);
    this.el.langButton.lang = this.state.lang === 'zh' ? 'en' : 'zh-CN';
    this.el.elderButton.textContent = m.elderMode;
    this.el.elderButton.setAttribute('aria-label', m.elderModeLabel);
    this.el.elderButton.setAttribute('aria-pressed', String(this.state.elder));
    this.el.panel.setAttribute('aria-label', m.panelLabel);
    this.el.map.setAttribute('aria-label', m.mapLabel);
  }

  private renderSearch() {
    this.search.render(this.messages, this.state.filters, this.nearStatus);
  }

  private setLang(lang: Lang) {
    this.state = { ...this.state, lang };
    this.writeUrl();
    this.applyChrome();
    this.renderSearch();
    this.restyle();
    this.scheduleList(0);
    if (this.state.selectedId) void this.openDetails(this.state.selectedId, null, false);
  }

  private setElder(elder: boolean) {
    this.state = { ...this.state, elder };
    this.writeUrl();
    this.applyChrome();
    this.restyle();
  }

  private setFilters(filters: FacilityFilters, fitResults: boolean) {
    this.state = { ...this.state, filters };
    this.writeUrl();
    this.renderSearch();
    this.restyle();
    if (fitResults && filters.text.trim()) void this.fitToMatches();
    else this.scheduleList(0);
  }

  private setNear(near: FacilityFilters['near']) {
    this.nearStatus = 'idle';
    this.setFilters({ ...this.state.filters, near }, false);
    if (near) {
      const ring = circlePolygon(near, near.radiusMeters).coordinates[0].map(([lng, lat]) => ({ lng, lat }));
      this.mapView.fitBounds(boundsOfPoints(ring), 17);
    }
  }

  private setNearStatus(status: NearStatus) {
    this.nearStatus = status;
    this.el.map.classList.toggle('picking', status === 'picking');
    this.renderSearch();
  }

  private radius() {
    return this.state.filters.near?.radiusMeters ?? DEFAULT_RADIUS;
  }

  private useLocation() {
    if (!('geolocation' in navigator)) return this.setNearStatus('unavailable');
    this.setNearStatus('locating');
    navigator.geolocation.getCurrentPosition(
      (position) =>
        this.setNear({
          lng: position.coords.longitude,
          lat: position.coords.latitude,
          radiusMeters: this.radius(),
        }),
      () => this.setNearStatus('unavailable'),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  /** After a text search: shows every match on the map, then the list follows the view. */
  private async fitToMatches() {
    this.search.showResults({ status: 'loading' });
    try {
      const page = await fetchFacilityList(toGraphQLFilter(this.state.filters), LIST_SIZE);
      const points = page.edges.map(({ node }) => {
        const [lng, lat] = node.location.coordinates;
        return { lng, lat };
      });
      if (points.length === 1) this.mapView.flyTo(points[0], 16);
      else if (points.length > 1) this.mapView.fitBounds(boundsOfPoints(points));
      this.scheduleList(0);
    } catch {
      this.search.showResults({ status: 'error' });
    }
  }

  private scheduleList(delay = 200) {
    this.search.markUpdating();
    clearTimeout(this.listTimer);
    this.listTimer = setTimeout(() => void this.refreshList(), delay);
  }

  /** The list shows what the map shows: the same filters, within the view (or the near circle, nearest first). */
  private async refreshList() {
    this.listRequest?.abort();
    const request = new AbortController();
    this.listRequest = request;
    const { filters } = this.state;
    const bbox = filters.near ? null : this.mapView.bounds();
    try {
      const page = await fetchFacilityList(toGraphQLFilter(filters, bbox), LIST_SIZE, request.signal);
      if (request.signal.aborted) return;
      this.search.showResults({
        status: 'ready',
        items: page.edges.map((edge) => edge.node),
        totalCount: page.totalCount,
      });
    } catch (error) {
      if (!request.signal.aborted) {
        console.error('Could not load the facility list:', error);
        this.search.showResults({ status: 'error' });
      }
    }
  }

  private async openDetails(id: string, point: LngLat | null, fly: boolean) {
    this.state = { ...this.state, selectedId: id };
    this.writeUrl();
    this.el.searchPanel.hidden = true;
    this.el.detailsPanel.hidden = false;
    this.details.showMessage(this.messages.loading, this.messages);
    if (point) this.showSelection(point, fly);
    try {
      this.regionNames ??= fetchRegionNames().catch(() => new Map<string, string>());
      const [facility, regionNames] = await Promise.all([fetchFacilityDetails(id), this.regionNames]);
      if (this.state.selectedId !== id) return;
      if (!facility) return this.details.showMessage(this.messages.loadFailed, this.messages);
      const [lng, lat] = facility.location.coordinates;
      if (!point) this.showSelection({ lng, lat }, fly);
      this.details.show(facility, this.messages, this.state.lang, regionNames);
    } catch (error) {
      console.error('Could not load the facility:', error);
      if (this.state.selectedId === id) this.details.showMessage(this.messages.loadFailed, this.messages);
    }
  }

  private showSelection(point: LngLat, fly: boolean) {
    this.selection = point;
    this.restyle();
    if (fly) this.mapView.flyTo(point, 16);
  }

  private closeDetails() {
    const id = this.state.selectedId;
    this.state = { ...this.state, selectedId: null };
    this.selection = null;
    this.writeUrl();
    this.restyle();
    this.el.detailsPanel.hidden = true;
    this.el.searchPanel.hidden = false;
    const item = this.el.searchPanel.querySelector<HTMLButtonElement>(`button.result[data-id="${id}"]`);
    (item ?? this.el.searchPanel.querySelector<HTMLInputElement>('#search-text'))?.focus();
  }

  private showRendered(summary: RenderedFacilities) {
    const status = this.el.mapStatus;
    status.textContent = this.messages.mapStatus(summary.facilities, summary.clusters);
    status.dataset.types = summary.types.join(',');
    status.dataset.facilities = String(summary.facilities);
    status.dataset.clusters = String(summary.clusters);
  }
}

/** Builds the page's fixed elements inside `root`. */
export function buildPage(root: HTMLElement): AppElements {
  const title = h('h1', { class: 'app-title' });
  const langButton = h('button', { type: 'button', id: 'lang-toggle' });
  const elderButton = h('button', { type: 'button', id: 'elder-toggle', 'aria-pressed': 'false' });
  const searchPanel = h('div', { id: 'search-panel' });
  const detailsPanel = h('div', { id: 'details-panel', hidden: true });
  const panel = h('aside', { id: 'panel', class: 'panel' }, searchPanel, detailsPanel);
  const map = h('div', { id: 'map', class: 'map', role: 'region' });
  const mapStatus = h('p', {
    id: 'map-status',
    class: 'visually-hidden',
    role: 'status',
    'aria-live': 'polite',
  });
  root.replaceChildren(
    h('header', { class: 'topbar' }, title, h('div', { class: 'topbar-actions' }, langButton, elderButton)),
    h('main', { class: 'layout' }, map, panel, mapStatus),
  );
  return { title, langButton, elderButton, panel, searchPanel, detailsPanel, map, mapStatus };
}
