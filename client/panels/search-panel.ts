import type { FacilityListItem } from '../api/types';
import { fill, h, type Child } from '../dom';
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
  private readonly form = h('form', { class: 'search-form', role: 'search' });
  private readonly nearBox = h('section', { class: 'near', 'aria-labelledby': 'near-heading' });
  private readonly filterBox = h('details', { class: 'filters', open: true });
  private readonly results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' });

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: SearchPanelActions,
  ) {
    root.replaceChildren(this.form, this.nearBox, this.filterBox, this.results);
  }

  /** Draws the panel in a language, for these filters. */
  render(messages: Messages, filters: FacilityFilters, nearStatus: NearStatus): void {
    this.messages = messages;
    this.filters = filters;
    this.nearStatus = nearStatus;
    this.renderForm();
    this.renderNear();
    this.renderFilters();
  }

  /** Tells assistive technology (and tests) that the list is about to change. */
  markUpdating(): void {
    this.results.setAttribute('aria-busy', 'true');
  }

  /** Shows the result list. */
  showResults(state: ResultsState): void {
    const m = this.messages;
    this.results.toggleAttribute('aria-busy', state.status === 'loading');
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
        state.items.map((item) => h('li', {}, this.resultButton(item))),
      );
    }
    fill(this.results, heading, status, h('p', { class: 'hint' }, m.resultsInView), list);
  }

  private resultButton(item: FacilityListItem): HTMLElement {
    const m = this.messages;
    const name = m.lang === 'en' && item.nameEn ? item.nameEn : item.name;
    const fee = formatFee(item.feeMinMonthly, item.feeMaxMonthly, m);
    const meta = [
      m.types[item.type],
      item.vacantBeds !== null && item.vacantBeds > 0 ? m.vacantBeds(item.vacantBeds) : null,
      fee,
      item.distanceMeters !== null ? m.distance(formatDistance(item.distanceMeters, m)) : null,
    ].filter(Boolean);
    return h(
      'button',
      {
        type: 'button',
        class: 'result',
        'data-id': item.id,
        'data-type': item.type,
        onclick: () => this.actions.open(item),
      },
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
              ? `${m.nearActive(formatDistance(near.radiusMeters, m))}${m.sentenceEnd}${m.travelTimeLater}`
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
        ? h('button', { type: 'button', class: 'link', onclick: () => this.actions.clearNear() }, m.clearNear)
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
