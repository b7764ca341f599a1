import type { FacilityListItem, PlaceItem, VacancyChange } from '../api/types';
import { CIRCLE_LIMIT, CIRCLE_MINUTES, type CircleMinutes } from '../circle';
import { fill, h, keepingFocus } from '../dom';
import { NO_FILTERS, type FacilityFilters } from '../filters';
import { formatDistance } from '../i18n/i18n';
import type { Messages } from '../i18n/zh';
import { listCompareToggle, type CompareControl } from './compare-panel';
import { facilityButton, typeSwatch } from './facility-button';
import { renderFilterControls } from './filter-controls';

/** What the result list shows. */
export type ResultsState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; items: FacilityListItem[]; totalCount: number; hasMore: boolean };

/** What the place search shows. */
export type PlacesState =
  { status: 'none' } | { status: 'loading' } | { status: 'error' } | { status: 'ready'; items: PlaceItem[] };

/** Where the near search stands. */
export type NearStatus = 'idle' | 'picking' | 'locating' | 'unavailable';

/** What the search panel asks the app to do. */
export interface SearchPanelActions {
  /** The compare buttons of the list's entries. */
  compare: CompareControl;
  /** Looks for places to start from (never a filter). */
  placeSearch(text: string): void;
  /** Starts from a place: a facility's details, or what is within reach of any other place. */
  choosePlace(place: PlaceItem): void;
  filtersChange(filters: FacilityFilters): void;
  /** Limits the list to the map view, or lists everything the filters match. */
  inViewChange(inView: boolean): void;
  /** Lists the next page too. */
  showMore(): void;
  pickPoint(): void;
  useLocation(): void;
  nearRadiusChange(radiusMeters: number): void;
  clearNear(): void;
  open(item: FacilityListItem): void;
  /** Opens the 15-minute circle, from the near search's point when `fromNear`. */
  openCircle(fromNear: boolean): void;
  /** Shows every facility's service area for a time limit, or (null) hides them. */
  serviceAreasChange(minutes: CircleMinutes | null): void;
}

/** Near-search radii offered, in metres. */
export const RADIUS_STEPS = [500, 1000, 2000, 5000];
/** Radius of a new near search, in metres. */
export const DEFAULT_RADIUS = 1000;

/** Text search, near search, filters and the result list: the accessible equivalent of the map. */
export class SearchPanel {
  private filters: FacilityFilters = NO_FILTERS;
  private query = '';
  private inView = true;
  private messages!: Messages;
  private nearStatus: NearStatus = 'idle';
  private serviceAreaMinutes: CircleMinutes | null = null;
  private shownResults: ResultsState = { status: 'loading' };
  private shownKey = '';
  private readonly form = h('form', { class: 'search-form', role: 'search' });
  private readonly circleBox = h('section', {
    class: 'circle-entry',
    'aria-labelledby': 'circle-entry-heading',
  });
  private readonly nearBox = h('section', { class: 'near', 'aria-labelledby': 'near-heading' });
  private readonly filterBox = h('details', { class: 'filters' });
  private readonly places = h('section', { class: 'places', 'aria-labelledby': 'places-heading' });
  private readonly results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' });
  private readonly legend = h('details', { class: 'legend' });
  private readonly skip = h('a', { class: 'skip-link', href: '#results-heading' });

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: SearchPanelActions,
  ) {
    root.replaceChildren(
      this.skip,
      this.form,
      this.places,
      this.filterBox,
      this.results,
      this.legend,
      this.circleBox,
      this.nearBox,
    );
    this.skip.addEventListener('click', (event) => {
      event.preventDefault();
      this.results.querySelector<HTMLElement>('#results-heading')?.focus();
    });
  }

  /** Draws the panel in a language, for these filters, with the service-area layer on for a limit or off. */
  render(
    messages: Messages,
    filters: FacilityFilters,
    nearStatus: NearStatus,
    serviceAreaMinutes: CircleMinutes | null = null,
    query = '',
    inView = true,
  ): void {
    this.messages = messages;
    this.filters = filters;
    this.query = query;
    this.inView = inView;
    this.skip.textContent = messages.skipToResults;
    this.nearStatus = nearStatus;
    this.serviceAreaMinutes = serviceAreaMinutes;
    this.renderForm();
    keepingFocus(this.circleBox, () => this.renderCircleEntry());
    keepingFocus(this.nearBox, () => this.renderNear());
    keepingFocus(this.filterBox, () =>
      renderFilterControls(this.filterBox, messages, filters, (next) => this.actions.filtersChange(next)),
    );
    this.renderLegend();
  }

  /** Shows the places found for the search, each a button to start from. */
  showPlaces(state: PlacesState): void {
    const m = this.messages;
    if (state.status === 'none') return fill(this.places);
    const status = h('p', { class: 'places-status', role: 'status', 'aria-live': 'polite' });
    if (state.status === 'loading') status.textContent = m.loading;
    else if (state.status === 'error') status.textContent = m.loadFailed;
    else if (!state.items.length) status.textContent = m.placeNone;
    else status.textContent = m.placeHint;
    const english = m.lang === 'en';
    const list =
      state.status === 'ready' && state.items.length
        ? h(
            'ol',
            { class: 'place-list', 'aria-label': m.placesHeading },
            state.items.map((place) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'place',
                    'data-id': place.id,
                    'data-kind': place.kind,
                    onclick: () => this.actions.choosePlace(place),
                  },
                  place.facilityType
                    ? typeSwatch(place.facilityType, m)
                    : h('span', { class: 'place-kind', 'aria-hidden': 'true' }, '⌖'),
                  h(
                    'span',
                    { class: 'result-text' },
                    h('span', { class: 'result-name' }, english && place.nameEn ? place.nameEn : place.name),
                    h(
                      'span',
                      { class: 'result-meta' },
                      [
                        place.facilityType ? m.types[place.facilityType] : m.placeKinds[place.kind],
                        place.regionName,
                        english ? place.addressEn : place.address,
                      ]
                        .filter(Boolean)
                        .join(' · '),
                    ),
                  ),
                ),
              ),
            ),
          )
        : null;
    keepingFocus(this.places, () =>
      fill(this.places, h('h2', { id: 'places-heading' }, m.placesHeading), status, list),
    );
  }

  /** Shows a facility's new vacancy if the list holds it; true when it did. */
  updateVacancy(change: VacancyChange): boolean {
    const state = this.shownResults;
    if (state.status !== 'ready' || !state.items.some((item) => item.id === change.id)) return false;
    const items = state.items.map((item) =>
      item.id === change.id ? { ...item, vacantBeds: change.vacantBeds } : item,
    );
    this.showResults({ ...state, items });
    this.results.querySelector(`button.result[data-id="${change.id}"]`)?.classList.add('just-updated');
    return true;
  }

  /** Tells assistive technology (and tests) that the list is about to change. */
  markUpdating(): void {
    this.results.setAttribute('aria-busy', 'true');
  }

  /** Shows the result list. */
  showResults(state: ResultsState): void {
    this.shownResults = state;
    const m = this.messages;
    this.results.toggleAttribute('aria-busy', state.status === 'loading');
    // The same list again (the map moved, its facilities did not): nothing to redraw or announce.
    const key = JSON.stringify([m.lang, state, this.inView, this.filters.careLevel]);
    if (key === this.shownKey) return;
    this.shownKey = key;
    const heading = h('h2', { id: 'results-heading', tabindex: '-1' }, m.resultsHeading);
    const inView = this.filters.near
      ? null
      : h(
          'label',
          { class: 'chip', for: 'in-view' },
          h('input', {
            type: 'checkbox',
            id: 'in-view',
            checked: this.inView,
            onchange: () => this.actions.inViewChange(!this.inView),
          }),
          m.onlyInView,
        );
    const more =
      state.status === 'ready' && state.hasMore
        ? h(
            'button',
            { type: 'button', id: 'more-results', onclick: () => this.actions.showMore() },
            m.showMore,
          )
        : null;
    const status = h('p', { class: 'results-status', role: 'status', 'aria-live': 'polite' });
    let list: HTMLElement | null = null;
    if (state.status === 'loading') status.textContent = m.loading;
    else if (state.status === 'error') status.textContent = m.loadFailed;
    else if (state.items.length === 0) status.textContent = m.noResults;
    else {
      status.textContent = m.resultCount(state.items.length, state.totalCount);
      list = h(
        'ol',
        { class: 'result-list', 'aria-label': m.resultsHeading },
        state.items.map((item) =>
          h(
            'li',
            { class: 'with-compare' },
            facilityButton(
              item,
              m,
              () => this.actions.open(item),
              [item.distanceMeters !== null ? m.distance(formatDistance(item.distanceMeters, m)) : null],
              [],
              this.filters.careLevel,
            ),
            listCompareToggle(item, m, this.actions.compare),
          ),
        ),
      );
    }
    // The list follows the map; a keyboard user on an entry keeps the focus when it is redrawn.
    keepingFocus(this.results, () =>
      fill(this.results, heading, status, inView, h('p', { class: 'hint' }, m.resultsInView), list, more),
    );
  }

  private renderCircleEntry() {
    const m = this.messages;
    const minutes = this.serviceAreaMinutes;
    const toggle = h('input', {
      type: 'checkbox',
      id: 'service-areas',
      checked: minutes !== null,
      onchange: () => this.actions.serviceAreasChange(minutes === null ? CIRCLE_LIMIT : null),
    });
    const limit = h(
      'select',
      {
        id: 'service-area-minutes',
        'aria-label': m.serviceAreasMinutes,
        disabled: minutes === null,
        onchange: (event: Event) =>
          this.actions.serviceAreasChange(Number((event.target as HTMLSelectElement).value) as CircleMinutes),
      },
      CIRCLE_MINUTES.map((option) =>
        h(
          'option',
          { value: option, selected: option === (minutes ?? CIRCLE_LIMIT) },
          m.minutesOption(option),
        ),
      ),
    );
    fill(
      this.circleBox,
      h('h2', { id: 'circle-entry-heading' }, m.circleHeading),
      h('p', { class: 'hint' }, m.circleIntro),
      h(
        'button',
        {
          type: 'button',
          id: 'circle-open',
          class: 'primary',
          onclick: () => this.actions.openCircle(false),
        },
        m.circleOpen,
      ),
      h(
        'div',
        { class: 'field-row' },
        h('label', { class: 'chip', for: 'service-areas' }, toggle, m.serviceAreasToggle),
        limit,
      ),
      minutes !== null ? h('p', { class: 'hint', id: 'service-areas-note' }, m.serviceAreasNote) : null,
    );
  }

  private renderForm() {
    const m = this.messages;
    const input = h('input', {
      id: 'search-text',
      type: 'search',
      name: 'q',
      value: this.query,
      placeholder: m.searchPlaceholder,
      autocomplete: 'off',
      enterkeyhint: 'search',
    });
    this.form.onsubmit = (event) => {
      event.preventDefault();
      this.actions.placeSearch(input.value.trim());
    };
    fill(
      this.form,
      h('label', { for: 'search-text', class: 'search-label' }, m.searchLabel),
      h(
        'div',
        { class: 'search-row' },
        input,
        h('button', { type: 'submit', class: 'primary' }, m.searchButton),
      ),
    );
  }

  private renderNear() {
    const m = this.messages;
    const near = this.filters.near;
    const radius = h(
      'select',
      {
        id: 'near-radius',
        onchange: (event: Event) =>
          this.actions.nearRadiusChange(Number((event.target as HTMLSelectElement).value)),
      },
      RADIUS_STEPS.map((r) =>
        h(
          'option',
          { value: r, selected: r === (near?.radiusMeters ?? DEFAULT_RADIUS) },
          formatDistance(r, m),
        ),
      ),
    );
    const statusText =
      this.nearStatus === 'picking'
        ? m.pickPointHint
        : this.nearStatus === 'locating'
          ? m.locating
          : this.nearStatus === 'unavailable'
            ? m.locationUnavailable
            : near
              ? m.nearActive(formatDistance(near.radiusMeters, m))
              : '';
    fill(
      this.nearBox,
      h('h2', { id: 'near-heading' }, m.nearHeading),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          {
            type: 'button',
            'aria-pressed': this.nearStatus === 'picking' ? 'true' : 'false',
            onclick: () => this.actions.pickPoint(),
          },
          m.pickPoint,
        ),
        h('button', { type: 'button', onclick: () => this.actions.useLocation() }, m.useMyLocation),
        h('span', { class: 'field-row' }, h('label', { for: 'near-radius' }, m.radius), radius),
      ),
      h('p', { class: 'near-status', role: 'status', 'aria-live': 'polite' }, statusText),
      near
        ? h(
            'div',
            { class: 'button-row' },
            h(
              'button',
              { type: 'button', id: 'circle-from-near', onclick: () => this.actions.openCircle(true) },
              m.circleFromNear,
            ),
            h(
              'button',
              { type: 'button', class: 'link', onclick: () => this.actions.clearNear() },
              m.clearNear,
            ),
          )
        : null,
    );
  }

  private renderLegend() {
    const m = this.messages;
    fill(
      this.legend,
      h('summary', {}, m.legendHeading),
      h(
        'ul',
        { class: 'plain legend-list' },
        h('li', {}, h('span', { class: 'legend-badge', 'aria-hidden': 'true' }, '3'), ' ', m.legendBadge),
        h(
          'li',
          {},
          h('span', { class: 'legend-cluster', 'aria-hidden': 'true' }, '12'),
          ' ',
          m.legendCluster,
        ),
        h('li', {}, h('span', { class: 'tag tag-sample' }, m.sample), ' ', m.legendSample),
      ),
    );
  }
}

/** Kept here too: the planner's panels draw the same swatches. */
export { facilityButton, typeSwatch } from './facility-button';
