import type { FacilityListItem, VacancyChange } from '../api/types';
import { CIRCLE_LIMIT, CIRCLE_MINUTES, type CircleMinutes } from '../circle';
import { fill, h, keepingFocus, type Child } from '../dom';
import { FACILITY_SERVICES, FACILITY_TYPES, type FacilityService, type FacilityType } from '../domain';
import { NO_FILTERS, type FacilityFilters } from '../filters';
import { formatDistance, formatFee } from '../i18n/i18n';
import type { Messages } from '../i18n/zh';
import { TYPE_STYLES } from '../map/theme';

/** What the result list shows. */
export type ResultsState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; items: FacilityListItem[]; totalCount: number };

/** Where the near search stands. */
export type NearStatus = 'idle' | 'picking' | 'locating' | 'unavailable';

/** What the search panel asks the app to do. */
export interface SearchPanelActions {
  filtersChange(filters: FacilityFilters, fitResults: boolean): void;
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

/** Monthly-fee ceilings offered, in CNY. */
export const FEE_STEPS = [1000, 2000, 3000, 5000, 8000];
/** Near-search radii offered, in metres. */
export const RADIUS_STEPS = [500, 1000, 2000, 5000];
/** Radius of a new near search, in metres. */
export const DEFAULT_RADIUS = 1000;

/** Text search, near search, filters and the result list: the accessible equivalent of the map. */
export class SearchPanel {
  private filters: FacilityFilters = NO_FILTERS;
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
  private readonly filterBox = h('details', { class: 'filters', open: true });
  private readonly results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' });

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: SearchPanelActions,
  ) {
    root.replaceChildren(this.form, this.circleBox, this.nearBox, this.filterBox, this.results);
  }

  /** Draws the panel in a language, for these filters, with the service-area layer on for a limit or off. */
  render(
    messages: Messages,
    filters: FacilityFilters,
    nearStatus: NearStatus,
    serviceAreaMinutes: CircleMinutes | null = null,
  ): void {
    this.messages = messages;
    this.filters = filters;
    this.nearStatus = nearStatus;
    this.serviceAreaMinutes = serviceAreaMinutes;
    this.renderForm();
    keepingFocus(this.circleBox, () => this.renderCircleEntry());
    keepingFocus(this.nearBox, () => this.renderNear());
    keepingFocus(this.filterBox, () => this.renderFilters());
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
    const key = JSON.stringify([m.lang, state]);
    if (key === this.shownKey) return;
    this.shownKey = key;
    const heading = h('h2', { id: 'results-heading' }, m.resultsHeading);
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
            {},
            facilityButton(item, m, () => this.actions.open(item), [
              item.distanceMeters !== null ? m.distance(formatDistance(item.distanceMeters, m)) : null,
            ]),
          ),
        ),
      );
    }
    // The list follows the map; a keyboard user on an entry keeps the focus when it is redrawn.
    keepingFocus(this.results, () =>
      fill(this.results, heading, status, h('p', { class: 'hint' }, m.resultsInView), list),
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
      value: this.filters.text,
      placeholder: m.searchPlaceholder,
      autocomplete: 'off',
      enterkeyhint: 'search',
    });
    this.form.onsubmit = (event) => {
      event.preventDefault();
      this.actions.filtersChange({ ...this.filters, text: input.value.trim() }, true);
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

  private renderFilters() {
    const m = this.messages;
    const f = this.filters;
    const change = (next: Partial<FacilityFilters>) => this.actions.filtersChange({ ...f, ...next }, false);
    const toggle = <T extends string>(list: T[], value: T) =>
      list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
    const chip = (id: string, label: Child, checked: boolean, onchange: () => void, className = '') =>
      h(
        'label',
        { class: `chip ${className}`, for: id },
        h('input', { type: 'checkbox', id, checked, onchange }),
        label,
      );
    const types = h(
      'fieldset',
      { class: 'chips' },
      h('legend', {}, m.typesLegend),
      FACILITY_TYPES.map((type: FacilityType) =>
        chip(
          `type-${type}`,
          [typeSwatch(type, m), m.types[type]],
          f.types.includes(type),
          () => change({ types: toggle(f.types, type) }),
          'chip-type',
        ),
      ),
    );
    const services = h(
      'fieldset',
      { class: 'chips' },
      h('legend', {}, m.servicesLegend),
      FACILITY_SERVICES.map((service: FacilityService) =>
        chip(`service-${service}`, m.serviceNames[service], f.services.includes(service), () =>
          change({ services: toggle(f.services, service) }),
        ),
      ),
    );
    const fee = h(
      'select',
      {
        id: 'max-fee',
        onchange: (event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          change({ maxMonthlyFee: value === '' ? null : Number(value) });
        },
      },
      h('option', { value: '', selected: f.maxMonthlyFee === null }, m.anyFee),
      FEE_STEPS.map((yuan) =>
        h('option', { value: yuan, selected: f.maxMonthlyFee === yuan }, m.feeUpTo(yuan)),
      ),
    );
    fill(
      this.filterBox,
      h('summary', {}, h('h2', {}, m.filtersHeading)),
      types,
      h(
        'div',
        { class: 'field-row' },
        chip('has-vacancy', m.hasVacancy, f.hasVacancy, () => change({ hasVacancy: !f.hasVacancy })),
      ),
      h(
        'details',
        { class: 'more-filters', open: f.maxMonthlyFee !== null || f.services.length > 0 },
        h('summary', {}, m.moreFilters),
        h('div', { class: 'field-row' }, h('label', { for: 'max-fee' }, m.maxFee), fee),
        services,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () => this.actions.filtersChange({ ...NO_FILTERS, near: f.near }, false),
        },
        m.clearFilters,
      ),
    );
  }
}

/**
 * A facility of a list as a button: its type's marker, name, sample mark, what the list adds (`leading`
 * first: e.g. the walking time; `trailing` last: e.g. the distance), type, vacancy, fee and address.
 */
export function facilityButton(
  item: FacilityListItem,
  m: Messages,
  open: () => void,
  trailing: (string | null)[] = [],
  leading: (string | null)[] = [],
): HTMLElement {
  const name = m.lang === 'en' && item.nameEn ? item.nameEn : item.name;
  const meta = [
    ...leading,
    m.types[item.type],
    item.vacantBeds !== null && item.vacantBeds > 0 ? m.vacantBeds(item.vacantBeds) : null,
    formatFee(item.feeMinMonthly, item.feeMaxMonthly, m),
    ...trailing,
  ].filter(Boolean);
  return h(
    'button',
    { type: 'button', class: 'result', 'data-id': item.id, 'data-type': item.type, onclick: open },
    typeSwatch(item.type, m),
    h(
      'span',
      { class: 'result-text' },
      h('span', { class: 'result-name' }, name),
      item.isSample ? h('span', { class: 'tag tag-sample' }, m.sample) : null,
      h('span', { class: 'result-meta' }, meta.join(' · ')),
      item.address ? h('span', { class: 'result-address' }, item.address) : null,
    ),
  );
}

/** The marker of a type in miniature: its colour and symbol, hidden from screen readers (the name follows). */
export function typeSwatch(type: FacilityType, messages: Messages): HTMLElement {
  const style = TYPE_STYLES[type];
  return h(
    'span',
    {
      class: `swatch swatch-${style.shape}`,
      'aria-hidden': 'true',
      style: { '--type-color': style.color, '--type-contrast-color': style.contrastColor },
    },
    messages.typeSymbols[type],
  );
}
