import type { StyleSpecification } from 'maplibre-gl';
import {
  fetchFacilityDetails,
  fetchFacilityList,
  fetchPlaces,
  fetchRegionNames,
  fetchRoute,
  fetchServiceCircle,
} from './api/graphql';
import { liveEndpoint, subscriptionBBox } from './api/live-area';
import { VacancyFeed, type LiveStatus } from './api/live-vacancy';
import type { FacilityListItem, MapConfig, PlaceItem, VacancyChange } from './api/types';
import { CIRCLE_LIMIT, toWithinFilter, type CircleMinutes, type WalkingSpeed } from './circle';
import { fill, h } from './dom';
import type { Bounds, LngLat } from './domain';
import { hasFilters, NO_FILTERS, toGraphQLFilter, toTileQuery, type FacilityFilters } from './filters';
import { chosenFilterCount } from './panels/filter-controls';
import { messagesFor, type Lang } from './i18n/i18n';
import { MapView } from './map/map-view';
import type { RenderedMap } from './map/rendered';
import { circlePolygon, SOURCE_IDS, type CircleDrawing, type RouteDrawing } from './map/sources';
import { platformBasemap, withFacilityOverlay } from './map/style';
import { CirclePanel, type CircleResult, type CircleStatus } from './panels/circle-panel';
import { ComparePanel, MAX_COMPARED, syncCompareToggles, type CompareControl } from './panels/compare-panel';
import { DetailsPanel, type RouteState } from './panels/details-panel';
import { DEFAULT_RADIUS, SearchPanel, type NearStatus } from './panels/search-panel';
import { formatUrlState, parseUrlState, type MapPosition, type UrlState } from './url-state';

/** How many facilities a page of a list holds; "show more" adds a page. */
export const LIST_SIZE = 50;
/** In elder mode a page is shorter: a phone shows it without endless scrolling. */
const ELDER_LIST_SIZE = 10;
/** How many places the place search offers. */
const PLACES_SHOWN = 8;
/** The 12349 elderly-care hotline, unless the deployment's config names another number. */
const DEFAULT_HOTLINE = '12349';
/** First view when neither the link nor the data says where to look: 杭州上城区. */
const FALLBACK_VIEW = { lng: 120.17, lat: 30.25, zoom: 13 };
/** Quiet time after the map moves before the live subscription follows it, in ms. */
const RESUBSCRIBE_DELAY = 500;
/** Vacancy changes arriving this close together are shown together, in ms. */
const VACANCY_BATCH_DELAY = 250;

/** The elements of the page the app fills in. */
export interface AppElements {
  title: HTMLElement;
  langButton: HTMLButtonElement;
  elderButton: HTMLButtonElement;
  panel: HTMLElement;
  searchPanel: HTMLElement;
  circlePanel: HTMLElement;
  detailsPanel: HTMLElement;
  /** The compare view: two or three facilities side by side. */
  comparePanel: HTMLElement;
  /** How many facilities are chosen to compare, with the button that opens the view. */
  compareTray: HTMLElement;
  map: HTMLElement;
  mapStatus: HTMLElement;
  liveStatus: HTMLElement;
  /** Shown while anything is loading. */
  loading: HTMLElement;
  /** Errors, at the top of the panel where the user looks. */
  alert: HTMLElement;
  hotline: HTMLAnchorElement;
}

function boundsOfPoints(points: LngLat[]): Bounds {
  return {
    west: Math.min(...points.map((p) => p.lng)),
    south: Math.min(...points.map((p) => p.lat)),
    east: Math.max(...points.map((p) => p.lng)),
    north: Math.max(...points.map((p) => p.lat)),
  };
}

/** The bounds of a circle area, to show it whole. */
function boundsOfArea(area: CircleDrawing['areas'][number]): Bounds {
  return boundsOfPoints(area.geometry.coordinates.flat(2).map(([lng, lat]) => ({ lng, lat })));
}

/** The public map: keeps the map, the lists, the details and the URL in step, with live vacancies. */
export class CareMapApp {
  private state: UrlState;
  private nearStatus: NearStatus = 'idle';
  private selection: LngLat | null = null;
  /** Whether the panel shows the 15-minute circle (with or without a starting point yet). */
  private circleOpen: boolean;
  private circleStatus: CircleStatus = 'idle';
  private circleResult: CircleResult = { status: 'none' };
  private circleRequest: AbortController | null = null;
  private liveStatus: LiveStatus | null = null;
  private liveCutOff = false;
  private readonly pendingVacancies = new Map<string, VacancyChange>();
  private vacancyTimer: ReturnType<typeof setTimeout> | undefined;
  private watchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly mapView: MapView;
  private readonly search: SearchPanel;
  private readonly circlePanel: CirclePanel;
  private readonly details: DetailsPanel;
  private readonly comparePanel: ComparePanel;
  private compareRequest: AbortController | null = null;
  /** What every compare button reads and changes. */
  private readonly compareControl: CompareControl = {
    chosen: () => this.state.compare,
    toggle: (id) => this.toggleCompare(id),
  };
  private readonly vacancyFeed: VacancyFeed;
  private listRequest: AbortController | null = null;
  private listTimer: ReturnType<typeof setTimeout> | undefined;
  private regionNames: Promise<Map<string, string>> | null = null;
  /** Whether the list is limited to the map view (off: everything the filters match). */
  private inView = true;
  /** Pages of the list and of the circle's list shown. */
  private listPages = 1;
  private circlePages = 1;
  private placesRequest: AbortController | null = null;
  private route: RouteDrawing | null = null;
  private routeRequest: AbortController | null = null;
  /** Where the map looked before a facility was opened from a list: ← 返回列表 goes back there. */
  private viewBeforeDetails: MapPosition | null = null;
  /** Requests under way, for the loading indicator. */
  private pending = 0;
  /** While the browser's Back or Forward replays a state, the URL is replaced, never pushed. */
  private replaying = false;

  constructor(
    private readonly el: AppElements,
    initial: UrlState,
    private readonly config: MapConfig,
    private readonly baseStyle: StyleSpecification | null,
  ) {
    // A link with both a near search and a circle opens the circle: both would decide what the list holds.
    this.state = initial.circle ? { ...initial, filters: { ...initial.filters, near: null } } : initial;
    this.circleOpen = initial.circle !== null;
    this.search = new SearchPanel(el.searchPanel, {
      placeSearch: (text) => void this.searchPlaces(text, false),
      choosePlace: (place) => this.choosePlace(place),
      inViewChange: (inView) => {
        this.inView = inView;
        this.listPages = 1;
        this.renderSearch();
        this.scheduleList(0);
      },
      showMore: () => {
        this.listPages += 1;
        this.scheduleList(0);
      },
      filtersChange: (filters) => this.setFilters(filters),
      pickPoint: () => this.setNearStatus(this.nearStatus === 'picking' ? 'idle' : 'picking'),
      useLocation: () =>
        this.locate(
          (point) => this.setNear({ ...point, radiusMeters: this.radius() }),
          (status) => this.setNearStatus(status),
        ),
      nearRadiusChange: (radiusMeters) => {
        if (this.state.filters.near) this.setNear({ ...this.state.filters.near, radiusMeters });
      },
      clearNear: () => this.setFilters({ ...this.state.filters, near: null }),
      open: (item: FacilityListItem) => {
        const [lng, lat] = item.location.coordinates;
        void this.openDetails(item.id, { lng, lat }, true);
      },
      openCircle: (fromNear) => {
        const near = this.state.filters.near;
        if (fromNear && near) this.startCircle({ lng: near.lng, lat: near.lat }, null);
        else this.openCircle();
      },
      serviceAreasChange: (minutes) => this.setServiceAreas(minutes),
      compare: this.compareControl,
    });
    this.circlePanel = new CirclePanel(el.circlePanel, {
      close: () => this.closeCircle(),
      pickPoint: () => this.setCircleStatus(this.circleStatus === 'picking' ? 'idle' : 'picking'),
      useLocation: () =>
        this.locate(
          (point) => this.startCircle(point, null),
          (status) => this.setCircleStatus(status),
        ),
      speedChange: (speed) => this.setWalkingSpeed(speed),
      clearFilters: () => this.setFilters(NO_FILTERS),
      filtersChange: (filters) => this.setFilters(filters),
      showMore: () => {
        this.circlePages += 1;
        void this.computeCircle(false);
      },
      open: (item) => {
        const [lng, lat] = item.location.coordinates;
        // The circle is in view already; flying to the facility would lose it.
        void this.openDetails(item.id, { lng, lat }, false);
      },
      compare: this.compareControl,
    });
    this.details = new DetailsPanel(el.detailsPanel, {
      back: () => this.closeDetails(),
      open: (id) => void this.openDetails(id, null, true),
      circleFrom: (point, name) => this.startCircle(point, name),
      route: (to, name) => void this.showRoute(to, name),
      compare: this.compareControl,
    });
    this.comparePanel = new ComparePanel(el.comparePanel, {
      back: () => this.closeCompare(),
      open: (id) => void this.openDetails(id, null, true),
      remove: (id) => this.toggleCompare(id),
    });
    const start = initial.position ?? config.facilityBounds ?? FALLBACK_VIEW;
    this.mapView = new MapView(el.map, this.style(), start, {
      facilityClick: (id, point) => {
        if (this.nearStatus === 'picking') this.setNear({ ...point, radiusMeters: this.radius() });
        else if (this.circleStatus === 'picking') this.startCircle(point, null);
        else void this.openDetails(id, point, false);
      },
      mapClick: (point) => {
        if (this.nearStatus === 'picking') this.setNear({ ...point, radiusMeters: this.radius() });
        else if (this.circleOpen && !this.state.selectedId) this.startCircle(point, null);
      },
      viewChange: (position) => {
        this.state = { ...this.state, position };
        this.writeUrl();
        if (!this.circleOpen) this.scheduleList();
        this.scheduleWatch();
      },
      rendered: (summary) => this.showRendered(summary),
    });
    this.vacancyFeed = new VacancyFeed(
      liveEndpoint(location),
      (change) => this.queueVacancy(change),
      (status) => this.setLiveStatus(status),
    );
    el.langButton.addEventListener('click', () => this.setLang(this.state.lang === 'zh' ? 'en' : 'zh'));
    el.elderButton.addEventListener('click', () => this.setElder(!this.state.elder));
    window.addEventListener('popstate', () => this.replay(parseUrlState(location.search)));
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      if (this.state.selectedId) this.closeDetails();
      else if (this.circleStatus === 'picking') this.setCircleStatus('idle');
      else if (this.nearStatus === 'picking') this.setNearStatus('idle');
    });
    this.applyChrome();
    this.renderSearch();
    this.showPanel();
    this.updatePickingCursor();
    // A link with a circle but no map position shows the circle whole.
    if (this.state.circle) void this.computeCircle(initial.position === null);
    else this.scheduleList();
    this.renderCompareTray();
    if (this.state.comparing) void this.loadCompare();
    if (initial.selectedId) void this.openDetails(initial.selectedId, null, false);
    // A shared link with a search shows the places found and zooms to the best one (unless a facility is open).
    if (initial.query) void this.searchPlaces(initial.query, !initial.selectedId && !initial.circle);
  }

  private get pageSize() {
    return this.state.elder ? ELDER_LIST_SIZE : LIST_SIZE;
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
      circle: this.circleDrawing(),
      serviceAreaMinutes: this.state.serviceAreaMinutes,
      route: this.route,
    };
    return withFacilityOverlay(this.baseStyle ?? platformBasemap(options), options);
  }

  private circleDrawing(): CircleDrawing | null {
    const point = this.state.circle;
    if (!point) return null;
    return { point, areas: this.circleResult.status === 'ready' ? this.circleResult.areas : [] };
  }

  private restyle() {
    this.mapView.setStyle(this.style());
  }

  /** Writes the state to the URL: a new history entry (Back returns to the previous one) when `push`. */
  private writeUrl(push = false) {
    const url = `${location.pathname}${formatUrlState(this.state)}`;
    if (push && !this.replaying && url !== `${location.pathname}${location.search}`)
      history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** Goes to a state the browser's Back or Forward returned to: details, circle, filters, search, view. */
  private replay(next: UrlState) {
    this.replaying = true;
    try {
      if (next.lang !== this.state.lang) this.setLang(next.lang);
      if (next.elder !== this.state.elder) this.setElder(next.elder);
      if (JSON.stringify(next.filters) !== JSON.stringify(this.state.filters)) this.setFilters(next.filters);
      if (next.query !== this.state.query) {
        this.state = { ...this.state, query: next.query };
        if (next.query) void this.searchPlaces(next.query, false);
        else this.search.showPlaces({ status: 'none' });
        this.renderSearch();
      }
      const circleChanged = JSON.stringify(next.circle) !== JSON.stringify(this.state.circle);
      if (next.circle && circleChanged) this.startCircle(next.circle, next.startName);
      else if (!next.circle && this.circleOpen) this.closeCircle();
      if (next.selectedId && next.selectedId !== this.state.selectedId)
        void this.openDetails(next.selectedId, null, false);
      else if (!next.selectedId && this.state.selectedId) this.closeDetails();
      if (next.compare.join() !== this.state.compare.join() || next.comparing !== this.state.comparing) {
        this.state = { ...this.state, compare: next.compare, comparing: next.comparing };
        this.compareChanged();
      }
      if (next.position && !this.state.selectedId) this.mapView.jumpTo(next.position);
    } finally {
      this.replaying = false;
    }
  }

  /** Counts a request for the loading indicator while it runs. */
  private async loading<T>(work: Promise<T>): Promise<T> {
    this.pending += 1;
    this.renderLoading();
    try {
      return await work;
    } finally {
      this.pending -= 1;
      this.renderLoading();
    }
  }

  private renderLoading() {
    this.el.loading.hidden = this.pending === 0;
    this.el.loading.textContent = this.messages.loadingBar;
  }

  /** An error at the top of the panel (null: none). */
  private showAlert(text: string | null) {
    this.el.alert.hidden = text === null;
    this.el.alert.textContent = text ?? '';
  }

  /** Looks for places to start from; with `zoom`, the map goes to the best one (a shared ?q= link). */
  private async searchPlaces(text: string, zoom: boolean) {
    const query = text.trim();
    this.state = { ...this.state, query };
    this.writeUrl(!zoom);
    this.placesRequest?.abort();
    if (!query) return this.search.showPlaces({ status: 'none' });
    const request = new AbortController();
    this.placesRequest = request;
    this.search.showPlaces({ status: 'loading' });
    try {
      const items = await this.loading(fetchPlaces(query, PLACES_SHOWN, request.signal));
      if (request.signal.aborted) return;
      this.showAlert(null);
      this.search.showPlaces({ status: 'ready', items });
      const [best] = items;
      if (zoom && best) {
        const [lng, lat] = best.location.coordinates;
        this.mapView.flyTo({ lng, lat }, 16);
      }
    } catch (error) {
      if (request.signal.aborted) return;
      console.error('Could not search for places:', error);
      this.search.showPlaces({ status: 'error' });
      this.showAlert(this.messages.loadFailed);
    }
  }

  /** Starts from a place: a facility opens its details; any other place, what is within reach of it. */
  private choosePlace(place: PlaceItem) {
    const [lng, lat] = place.location.coordinates;
    const name = this.state.lang === 'en' && place.nameEn ? place.nameEn : place.name;
    if (place.facilityId) void this.openDetails(place.facilityId, { lng, lat }, true);
    else this.startCircle({ lng, lat }, name);
  }

  /** The walk from the journey's start (the circle's point) to a facility, drawn and summarised. */
  private async showRoute(to: LngLat, toName: string) {
    const from = this.state.circle;
    if (!from) return;
    const fromName = this.state.startName ?? this.messages.circleHeading;
    this.routeRequest?.abort();
    const request = new AbortController();
    this.routeRequest = request;
    this.details.showRoute({ status: 'loading' }, this.messages);
    try {
      const route = await this.loading(fetchRoute(from, to, this.state.walkingSpeed, request.signal));
      if (request.signal.aborted) return;
      const state: RouteState = { status: 'ready', route, from, fromName, to, toName };
      this.details.showRoute(state, this.messages);
      this.route = route ? { line: route.geometry.coordinates, steps: route.steps.coordinates } : null;
      this.restyle();
      if (route)
        this.mapView.fitBounds(
          boundsOfPoints(route.geometry.coordinates.map(([lng, lat]) => ({ lng, lat }))),
          17,
        );
    } catch (error) {
      if (request.signal.aborted) return;
      console.error('Could not find the route:', error);
      this.details.showRoute({ status: 'error' }, this.messages);
    }
  }

  private clearRoute() {
    this.routeRequest?.abort();
    if (!this.route) return;
    this.route = null;
    this.restyle();
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
    const hotline = this.config.hotline ?? DEFAULT_HOTLINE;
    this.el.hotline.href = `tel:${hotline}`;
    this.el.hotline.textContent = `☎ ${hotline}`;
    this.el.hotline.setAttribute('aria-label', this.messages.hotline.replace('12349', hotline));
    this.el.panel.setAttribute('aria-label', m.panelLabel);
    this.el.map.setAttribute('aria-label', m.mapLabel);
    this.renderLiveStatus();
  }

  /** Shows the details over everything, else the circle or the search. */
  private showPanel() {
    const details = this.state.selectedId !== null;
    const comparing = !details && this.state.comparing;
    this.el.detailsPanel.hidden = !details;
    this.el.comparePanel.hidden = !comparing;
    this.el.compareTray.hidden = details || comparing || this.state.compare.length === 0;
    this.el.circlePanel.hidden = details || comparing || !this.circleOpen;
    this.el.searchPanel.hidden = details || comparing || this.circleOpen;
  }

  private renderSearch() {
    this.search.render(
      this.messages,
      this.state.filters,
      this.nearStatus,
      this.state.serviceAreaMinutes,
      this.state.query,
      this.inView,
    );
  }

  private renderCircle() {
    if (!this.circleOpen) return;
    const { filters } = this.state;
    this.circlePanel.render(this.messages, {
      hasPoint: this.state.circle !== null,
      speed: this.state.walkingSpeed,
      status: this.circleStatus,
      result: this.circleResult,
      filtersActive: hasFilters(filters) && chosenFilterCount(filters) > 0,
      filters,
      startName: this.state.startName,
    });
  }

  private setLang(lang: Lang) {
    this.state = { ...this.state, lang };
    this.writeUrl();
    this.applyChrome();
    this.renderSearch();
    this.renderCircle();
    this.restyle();
    if (!this.circleOpen) this.scheduleList(0);
    if (this.state.selectedId) void this.openDetails(this.state.selectedId, null, false);
    this.renderCompareTray();
    if (this.state.comparing) void this.loadCompare();
  }

  private setElder(elder: boolean) {
    this.state = { ...this.state, elder };
    this.writeUrl();
    this.applyChrome();
    this.restyle();
  }

  private setFilters(filters: FacilityFilters) {
    this.state = { ...this.state, filters };
    this.listPages = 1;
    this.circlePages = 1;
    this.writeUrl();
    this.renderSearch();
    this.restyle();
    if (this.circleOpen) {
      if (this.state.circle) void this.computeCircle(false);
      else this.renderCircle();
    } else this.scheduleList(0);
  }

  private setNear(near: FacilityFilters['near']) {
    this.nearStatus = 'idle';
    this.updatePickingCursor();
    this.setFilters({ ...this.state.filters, near });
    if (near) {
      const ring = circlePolygon(near, near.radiusMeters).coordinates[0].map(([lng, lat]) => ({ lng, lat }));
      this.mapView.fitBounds(boundsOfPoints(ring), 17);
    }
  }

  private setNearStatus(status: NearStatus) {
    this.nearStatus = status;
    this.updatePickingCursor();
    this.renderSearch();
  }

  private radius() {
    return this.state.filters.near?.radiusMeters ?? DEFAULT_RADIUS;
  }

  /** The browser's location, or a status saying it is being found or is not available. */
  private locate(found: (point: LngLat) => void, status: (status: 'locating' | 'unavailable') => void) {
    if (!('geolocation' in navigator)) return status('unavailable');
    status('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => found({ lng: position.coords.longitude, lat: position.coords.latitude }),
      () => status('unavailable'),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  /** Crosshair while a click on the map picks a point: for a near search, or the circle's start. */
  private updatePickingCursor() {
    this.el.map.classList.toggle('picking', this.nearStatus === 'picking' || this.circleOpen);
  }

  private setServiceAreas(minutes: CircleMinutes | null) {
    this.state = { ...this.state, serviceAreaMinutes: minutes };
    this.writeUrl();
    this.renderSearch();
    this.restyle();
  }

  /** Opens the circle panel; without a starting point yet, the next click on the map gives one. */
  private openCircle() {
    this.nearStatus = 'idle';
    this.circleOpen = true;
    if (this.state.filters.near) this.setFilters({ ...this.state.filters, near: null });
    this.circleStatus = this.state.circle ? 'idle' : 'picking';
    this.updatePickingCursor();
    this.showPanel();
    this.renderCircle();
    this.circlePanel.focusHeading();
  }

  /**
   * Starts (or moves) the circle at a point, named when it is a place, and works out what is reachable
   * from there with the filters kept.
   */
  private startCircle(point: LngLat, startName: string | null) {
    const panelWasShown = this.circleOpen && !this.state.selectedId;
    this.nearStatus = 'idle';
    this.circleOpen = true;
    this.circleStatus = 'idle';
    this.circlePages = 1;
    this.selection = null;
    this.viewBeforeDetails = null;
    this.route = null;
    this.state = {
      ...this.state,
      circle: point,
      startName,
      selectedId: null,
      filters: { ...this.state.filters, near: null },
    };
    this.circleResult = { status: 'loading' };
    this.updatePickingCursor();
    this.writeUrl(true);
    this.renderSearch();
    this.showPanel();
    this.restyle();
    void this.computeCircle(true);
    if (!panelWasShown) this.circlePanel.focusHeading();
  }

  private setCircleStatus(status: CircleStatus) {
    this.circleStatus = status;
    this.updatePickingCursor();
    this.renderCircle();
  }

  private setWalkingSpeed(speed: WalkingSpeed) {
    this.state = { ...this.state, walkingSpeed: speed };
    this.writeUrl();
    if (this.state.circle) void this.computeCircle(false);
    else this.renderCircle();
  }

  private closeCircle() {
    this.circleRequest?.abort();
    this.circleOpen = false;
    this.circleStatus = 'idle';
    this.circleResult = { status: 'none' };
    this.route = null;
    this.state = { ...this.state, circle: null, startName: null };
    this.updatePickingCursor();
    this.writeUrl(true);
    this.restyle();
    this.showPanel();
    this.scheduleList(0);
    this.el.searchPanel.querySelector<HTMLButtonElement>('#circle-open')?.focus();
  }

  /**
   * The circle's three areas and the facilities reachable within 15 minutes, in one request; the map shows
   * the whole 15-minute area when `fit`. Areas already drawn stay until the new ones arrive. The areas and
   * the list say whether they follow the streets or, where no street is near, a straight line: either one
   * being a straight line marks the whole answer so.
   */
  private async computeCircle(fit: boolean) {
    const point = this.state.circle;
    if (!point) return;
    this.circleRequest?.abort();
    const request = new AbortController();
    this.circleRequest = request;
    this.circleResult = { status: 'loading' };
    this.renderCircle();
    const speed = this.state.walkingSpeed;
    try {
      const answer = await this.loading(
        fetchServiceCircle(
          point,
          speed,
          toWithinFilter(this.state.filters, point, speed),
          this.pageSize * this.circlePages,
          request.signal,
        ),
      );
      if (request.signal.aborted) return;
      const methods = [...answer.isochrone.map((area) => area.method), answer.facilities.travelMethod];
      this.circleResult = {
        status: 'ready',
        areas: answer.isochrone,
        items: answer.facilities.edges.map((edge) => edge.node),
        totalCount: answer.facilities.totalCount,
        hasMore: answer.facilities.pageInfo.hasNextPage,
        method: methods.includes('RADIUS') ? 'RADIUS' : 'NETWORK',
      };
      this.showAlert(null);
      this.renderCircle();
      this.restyle();
      const largest = answer.isochrone.find((area) => area.minutes === CIRCLE_LIMIT);
      if (fit && largest) this.mapView.fitBounds(boundsOfArea(largest), 17);
    } catch (error) {
      if (request.signal.aborted) return;
      console.error('Could not work out the 15-minute circle:', error);
      this.circleResult = { status: 'error' };
      this.showAlert(this.messages.loadFailed);
      this.renderCircle();
      this.restyle();
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
    const bbox = filters.near || !this.inView ? null : this.mapView.bounds();
    try {
      const page = await this.loading(
        fetchFacilityList(toGraphQLFilter(filters, bbox), this.pageSize * this.listPages, request.signal),
      );
      if (request.signal.aborted) return;
      this.showAlert(null);
      this.search.showResults({
        status: 'ready',
        items: page.edges.map((edge) => edge.node),
        totalCount: page.totalCount,
        hasMore: page.pageInfo.hasNextPage,
      });
    } catch (error) {
      if (!request.signal.aborted) {
        console.error('Could not load the facility list:', error);
        this.search.showResults({ status: 'error' });
        this.showAlert(this.messages.loadFailed);
      }
    }
  }

  private async openDetails(id: string, point: LngLat | null, fly: boolean) {
    // The view of the list is kept once, whichever facilities are opened after it.
    if (!this.state.selectedId) this.viewBeforeDetails = this.mapView.position();
    this.state = { ...this.state, selectedId: id };
    this.writeUrl(true);
    this.showPanel();
    this.details.showMessage(this.messages.loading, this.messages);
    if (point) this.showSelection(point, fly);
    try {
      this.regionNames ??= fetchRegionNames().catch(() => new Map<string, string>());
      const [facility, regionNames] = await this.loading(
        Promise.all([fetchFacilityDetails(id), this.regionNames]),
      );
      if (this.state.selectedId !== id) return;
      if (!facility) return this.details.showMessage(this.messages.notFound, this.messages, 'alert');
      const [lng, lat] = facility.location.coordinates;
      if (!point) this.showSelection({ lng, lat }, fly);
      const routeFrom = this.state.circle ? (this.state.startName ?? '') : null;
      this.details.show(facility, this.messages, this.state.lang, regionNames, routeFrom);
    } catch (error) {
      console.error('Could not load the facility:', error);
      if (this.state.selectedId === id)
        this.details.showMessage(this.messages.loadFailed, this.messages, 'alert');
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
    this.route = null;
    this.routeRequest?.abort();
    // Back to the view the list had: the facilities it held come back.
    const view = this.viewBeforeDetails;
    this.viewBeforeDetails = null;
    if (view) {
      this.state = { ...this.state, position: view };
      this.mapView.jumpTo(view);
    }
    this.writeUrl(true);
    this.restyle();
    this.showPanel();
    if (this.state.comparing) {
      this.comparePanel.focusHeading();
      return;
    }
    if (this.circleOpen) {
      if (!id || !this.circlePanel.focusItem(id)) this.circlePanel.focusHeading();
      return;
    }
    const item = this.el.searchPanel.querySelector<HTMLButtonElement>(`button.result[data-id="${id}"]`);
    (item ?? this.el.searchPanel.querySelector<HTMLInputElement>('#search-text'))?.focus();
  }

  /** Adds a facility to the comparison (up to three) or takes it out. */
  private toggleCompare(id: string) {
    const chosen = this.state.compare;
    if (!chosen.includes(id) && chosen.length >= MAX_COMPARED) return;
    const compare = chosen.includes(id) ? chosen.filter((other) => other !== id) : [...chosen, id];
    this.state = { ...this.state, compare, comparing: this.state.comparing && compare.length > 0 };
    this.writeUrl();
    this.compareChanged();
  }

  /** After the chosen facilities or the view changed: buttons, tray, panel and, when shown, the view. */
  private compareChanged() {
    syncCompareToggles(document, this.messages, this.state.compare);
    this.renderCompareTray();
    this.showPanel();
    if (this.state.comparing) void this.loadCompare();
  }

  private renderCompareTray() {
    const m = this.messages;
    const n = this.state.compare.length;
    fill(
      this.el.compareTray,
      h('p', { id: 'compare-count' }, m.compareTray(n)),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          { type: 'button', id: 'compare-open', disabled: n < 2, onclick: () => this.openCompare() },
          m.compareOpen(n),
        ),
        h(
          'button',
          { type: 'button', id: 'compare-clear', class: 'link', onclick: () => this.clearCompare() },
          m.compareClear,
        ),
      ),
    );
    this.el.compareTray.setAttribute('aria-label', m.compareHeading);
  }

  private openCompare() {
    this.state = { ...this.state, comparing: true };
    this.writeUrl(true);
    this.showPanel();
    void this.loadCompare();
    this.comparePanel.focusHeading();
  }

  private closeCompare() {
    this.compareRequest?.abort();
    this.state = { ...this.state, comparing: false };
    this.writeUrl(true);
    this.renderCompareTray();
    this.showPanel();
    this.el.compareTray.querySelector<HTMLButtonElement>('#compare-open')?.focus();
  }

  private clearCompare() {
    this.state = { ...this.state, compare: [], comparing: false };
    this.writeUrl(true);
    this.compareChanged();
    this.el.searchPanel.querySelector<HTMLInputElement>('#search-text')?.focus();
  }

  /** The chosen facilities' details and, when the journey has a start, the walk to each, then the view. */
  private async loadCompare() {
    this.compareRequest?.abort();
    const request = new AbortController();
    this.compareRequest = request;
    const { lang, compare, circle, walkingSpeed } = this.state;
    const m = this.messages;
    this.comparePanel.render({ status: 'loading' }, m, lang);
    try {
      const facilities = await this.loading(Promise.all(compare.map((id) => fetchFacilityDetails(id))));
      const found = facilities.filter((facility) => facility !== null);
      const minutes = await this.loading(
        Promise.all(
          found.map(async (facility) => {
            if (!circle) return null;
            const [lng, lat] = facility.location.coordinates;
            const route = await fetchRoute(circle, { lng, lat }, walkingSpeed, request.signal);
            return route?.minutes ?? null;
          }),
        ),
      );
      if (request.signal.aborted) return;
      const items = found.map((facility, i) => ({ facility, travelMinutes: minutes[i] }));
      const careLevel = this.state.filters.careLevel;
      this.comparePanel.render({ status: 'ready', items, careLevel, hasStart: circle !== null }, m, lang);
      syncCompareToggles(this.el.comparePanel, m, this.state.compare);
    } catch (error) {
      if (request.signal.aborted) return;
      console.error('Could not load the facilities to compare:', error);
      this.comparePanel.render({ status: 'error' }, m, lang);
    }
  }

  /** Follows the map with the live subscription, once it has stopped moving for a moment. */
  private scheduleWatch() {
    clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(
      () => this.vacancyFeed.watch(subscriptionBBox(this.mapView.bounds())),
      RESUBSCRIBE_DELAY,
    );
  }

  private queueVacancy(change: VacancyChange) {
    this.pendingVacancies.set(change.id, change);
    this.vacancyTimer ??= setTimeout(() => this.showVacancies(), VACANCY_BATCH_DELAY);
  }

  /** Puts new vacancies on the map (its badges), in the lists and in the details, without a reload. */
  private showVacancies() {
    this.vacancyTimer = undefined;
    const changes = [...this.pendingVacancies.values()];
    this.pendingVacancies.clear();
    this.refreshVacancyTiles();
    for (const change of changes) {
      this.search.updateVacancy(change);
      this.circlePanel.updateVacancy(change);
      this.details.updateVacancy(change);
    }
    // With "only with vacant beds", a change can take a facility into the lists or out of them.
    if (this.state.filters.hasVacancy) this.refreshLists();
  }

  /** The tiles that show vacancies: the facilities, and the service areas when only those with a vacancy count. */
  private refreshVacancyTiles() {
    const vacancyFiltered = this.state.filters.hasVacancy && this.state.serviceAreaMinutes !== null;
    this.mapView.refreshSources([
      SOURCE_IDS.facilities,
      ...(vacancyFiltered ? [SOURCE_IDS.serviceAreas] : []),
    ]);
  }

  private refreshLists() {
    if (this.circleOpen) {
      if (this.state.circle) void this.computeCircle(false);
    } else this.scheduleList(0);
  }

  private setLiveStatus(status: LiveStatus) {
    const reconnected = status === 'live' && this.liveCutOff;
    if (status === 'offline') this.liveCutOff = true;
    if (reconnected) this.liveCutOff = false;
    this.liveStatus = status;
    this.renderLiveStatus();
    // Changes made while the connection was down never arrived: fetch what is shown again.
    if (reconnected) void this.catchUp();
  }

  private async catchUp() {
    this.refreshVacancyTiles();
    this.refreshLists();
    const id = this.state.selectedId;
    if (!id) return;
    const facility = await fetchFacilityDetails(id).catch(() => null);
    if (facility) this.details.updateVacancy(facility);
  }

  private renderLiveStatus() {
    const status = this.liveStatus;
    this.el.liveStatus.hidden = status === null;
    if (status === null) return;
    this.el.liveStatus.textContent = this.messages.liveStatus[status];
    this.el.liveStatus.dataset.state = status;
  }

  private showRendered(summary: RenderedMap) {
    const status = this.el.mapStatus;
    const m = this.messages;
    status.textContent = `${m.mapStatus(summary.facilities, summary.clusters)}${summary.circleMinutes.length ? m.mapStatusCircle : ''}`;
    status.dataset.types = summary.types.join(',');
    status.dataset.facilities = String(summary.facilities);
    status.dataset.clusters = String(summary.clusters);
    status.dataset.circle = summary.circleMinutes.join(',');
    status.dataset.serviceAreas = String(summary.serviceAreas);
    status.dataset.vacantBeds = Object.entries(summary.vacantBeds)
      .map(([id, beds]) => `${id}:${beds}`)
      .join(',');
  }
}

/** Builds the page's fixed elements inside `root`. */
export function buildPage(root: HTMLElement): AppElements {
  const title = h('h1', { class: 'app-title' });
  const langButton = h('button', { type: 'button', id: 'lang-toggle' });
  const elderButton = h('button', { type: 'button', id: 'elder-toggle', 'aria-pressed': 'false' });
  const searchPanel = h('div', { id: 'search-panel' });
  const circlePanel = h('div', { id: 'circle-panel', hidden: true });
  const detailsPanel = h('div', { id: 'details-panel', hidden: true });
  const comparePanel = h('div', { id: 'compare-panel', hidden: true });
  const compareTray = h('section', { id: 'compare-tray', class: 'compare-tray', hidden: true });
  const loading = h('p', { id: 'loading', class: 'loading-bar', role: 'status', hidden: true });
  const alert = h('p', { id: 'panel-alert', class: 'panel-alert', role: 'alert', hidden: true });
  const hotline = h('a', { id: 'hotline', class: 'hotline', href: `tel:${DEFAULT_HOTLINE}` });
  const panel = h(
    'aside',
    { id: 'panel', class: 'panel' },
    alert,
    compareTray,
    searchPanel,
    circlePanel,
    detailsPanel,
    comparePanel,
  );
  const map = h('div', { id: 'map', class: 'map', role: 'region' });
  const mapStatus = h('p', {
    id: 'map-status',
    class: 'visually-hidden',
    role: 'status',
    'aria-live': 'polite',
  });
  const liveStatus = h('p', { id: 'live-status', class: 'live-status', hidden: true });
  root.replaceChildren(
    h(
      'header',
      { class: 'topbar' },
      title,
      h(
        'div',
        { class: 'topbar-actions' },
        h('a', { href: 'planner.html', id: 'planner-link', lang: 'zh-CN' }, '规划'),
        hotline,
        langButton,
        elderButton,
      ),
    ),
    loading,
    // The panel comes first for the keyboard and screen readers (search → results → map); the grid places it.
    h('main', { class: 'layout' }, panel, map, liveStatus, mapStatus),
  );
  return {
    title,
    langButton,
    elderButton,
    panel,
    searchPanel,
    circlePanel,
    detailsPanel,
    comparePanel,
    compareTray,
    map,
    mapStatus,
    liveStatus,
    loading,
    alert,
    hotline,
  };
}
