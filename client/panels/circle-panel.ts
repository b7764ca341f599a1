import type { CircleArea, ReachableFacility, VacancyChange } from '../api/types';
import {
  CIRCLE_MINUTES,
  circleOf,
  displayMinutes,
  squareKilometres,
  WALKING_SPEEDS,
  type TravelMethod,
  type WalkingSpeed,
} from '../circle';
import { fill, h, keepingFocus } from '../dom';
import type { Messages } from '../i18n/zh';
import { CIRCLE_STYLES } from '../map/theme';
import type { FacilityFilters } from '../filters';
import { listCompareToggle, type CompareControl } from './compare-panel';
import { facilityButton } from './facility-button';
import { renderFilterControls } from './filter-controls';

/** Where choosing the circle's starting point stands. */
export type CircleStatus = 'idle' | 'picking' | 'locating' | 'unavailable';

/** The circle's areas and reachable facilities, as far as they are known. */
export type CircleResult =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'error' }
  | {
      status: 'ready';
      areas: CircleArea[];
      items: ReachableFacility[];
      totalCount: number;
      hasMore: boolean;
      method: TravelMethod;
    };

/** Everything the circle panel shows. */
export interface CircleView {
  hasPoint: boolean;
  speed: WalkingSpeed;
  status: CircleStatus;
  result: CircleResult;
  /** Whether filters narrow the list (it always shows what the map shows). */
  filtersActive: boolean;
  /** The filters the list keeps: type, vacancy, budget for a care level, services. */
  filters: FacilityFilters;
  /** The name of the place the circle starts from, when it has one. */
  startName: string | null;
}

/** What the circle panel asks the app to do. */
export interface CirclePanelActions {
  /** The compare buttons of the list's entries. */
  compare: CompareControl;
  close(): void;
  pickPoint(): void;
  useLocation(): void;
  speedChange(speed: WalkingSpeed): void;
  clearFilters(): void;
  filtersChange(filters: FacilityFilters): void;
  /** Lists the next page of reachable facilities too. */
  showMore(): void;
  open(item: ReachableFacility): void;
}

/**
 * The 15-minute circle: how to choose the start, walking speed, legend, how the areas were measured (a
 * straight-line fallback said plainly) and the reachable facilities, soonest first.
 */
export class CirclePanel {
  private messages!: Messages;
  private view: CircleView | null = null;
  private readonly filterBox = h('details', { class: 'filters circle-filters' });

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: CirclePanelActions,
  ) {}

  /** Draws the panel; the keyboard focus stays where it was. */
  render(messages: Messages, view: CircleView): void {
    this.messages = messages;
    this.view = view;
    keepingFocus(this.root, () => this.draw(view));
  }

  /** Moves the focus to the panel's heading, so screen readers start there. */
  focusHeading(): void {
    this.root.querySelector<HTMLElement>('#circle-heading')?.focus({ preventScroll: true });
  }

  /** Focuses a facility of the list; false when the list does not hold it. */
  focusItem(id: string): boolean {
    const button = this.root.querySelector<HTMLElement>(`button.result[data-id="${CSS.escape(id)}"]`);
    button?.focus();
    return Boolean(button);
  }

  /** Shows a facility's new vacancy if the list holds it; true when it did. */
  updateVacancy(change: VacancyChange): boolean {
    const view = this.view;
    if (view?.result.status !== 'ready' || !view.result.items.some((item) => item.id === change.id))
      return false;
    const items = view.result.items.map((item) =>
      item.id === change.id ? { ...item, vacantBeds: change.vacantBeds } : item,
    );
    this.render(this.messages, { ...view, result: { ...view.result, items } });
    this.root
      .querySelector(`button.result[data-id="${CSS.escape(change.id)}"]`)
      ?.classList.add('just-updated');
    return true;
  }

  private draw(view: CircleView) {
    const m = this.messages;
    const speed = h(
      'select',
      {
        id: 'circle-speed',
        onchange: (event: Event) =>
          this.actions.speedChange(Number((event.target as HTMLSelectElement).value) as WalkingSpeed),
      },
      WALKING_SPEEDS.map((option) =>
        h('option', { value: option, selected: option === view.speed }, m.walkingSpeeds[option]),
      ),
    );
    fill(
      this.root,
      h(
        'button',
        { type: 'button', class: 'back', id: 'circle-close', onclick: () => this.actions.close() },
        `← ${m.circleClose}`,
      ),
      h('h2', { id: 'circle-heading', tabindex: '-1' }, m.circleHeading),
      view.startName
        ? h('p', { class: 'circle-start', id: 'circle-start' }, m.circleFrom(view.startName))
        : null,
      h('p', { class: 'circle-status', role: 'status', 'aria-live': 'polite' }, this.statusText(view)),
      this.list(view),
      this.filters(view),
      h('p', { class: 'hint' }, view.hasPoint ? m.circleMoveHint : m.circleIntro),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          {
            type: 'button',
            id: 'circle-pick',
            'aria-pressed': view.status === 'picking' ? 'true' : 'false',
            onclick: () => this.actions.pickPoint(),
          },
          m.circlePick,
        ),
        h(
          'button',
          { type: 'button', id: 'circle-locate', onclick: () => this.actions.useLocation() },
          m.useMyLocation,
        ),
      ),
      h('div', { class: 'field-row' }, h('label', { for: 'circle-speed' }, m.walkingSpeed), speed),
      view.result.status === 'ready' ? this.measured(view.result) : null,
    );
  }

  /** The filters the reachable list keeps, open while any is chosen. */
  private filters(view: CircleView): HTMLElement {
    const box = this.filterBox;
    renderFilterControls(
      box,
      this.messages,
      view.filters,
      (next) => this.actions.filtersChange(next),
      'circle-',
    );
    if (view.filtersActive) box.open = true;
    return box;
  }

  private statusText(view: CircleView): string {
    const m = this.messages;
    if (view.status === 'picking') return m.circlePickHint;
    if (view.status === 'locating') return m.locating;
    if (view.status === 'unavailable') return m.locationUnavailable;
    if (view.result.status === 'loading') return m.circleComputing;
    if (view.result.status === 'error') return m.loadFailed;
    if (view.result.status === 'ready') return m.circleReachable(view.result.totalCount);
    return '';
  }

  /** The legend (colour and outline of each area, with its size) and how the areas were measured. */
  private measured(result: Extract<CircleResult, { status: 'ready' }>): HTMLElement[] {
    const m = this.messages;
    const legend = h(
      'ul',
      { class: 'circle-legend', 'aria-label': m.circleLegend },
      CIRCLE_MINUTES.map((minutes) => {
        const area = result.areas.find((a) => a.minutes === minutes);
        const style = CIRCLE_STYLES[minutes];
        return h(
          'li',
          { 'data-minutes': minutes },
          h('span', {
            class: `circle-swatch${style.dash.length ? ' circle-swatch-dashed' : ''}`,
            'aria-hidden': 'true',
            style: { '--circle-color': style.color, '--circle-contrast-color': style.contrastColor },
            'data-dash': style.dash.join(' ') || 'solid',
          }),
          h('span', {}, m.circleArea(minutes)),
          area
            ? h('span', { class: 'muted' }, m.squareKilometres(squareKilometres(area.areaSquareMeters)))
            : null,
        );
      }),
    );
    const note =
      result.method === 'RADIUS'
        ? h(
            'div',
            { class: 'circle-note circle-note-radius', role: 'note', 'data-method': 'RADIUS' },
            h('strong', {}, m.circleRadiusTitle),
            h('p', {}, m.circleRadiusNote),
          )
        : h('p', { class: 'circle-note hint', 'data-method': 'NETWORK' }, m.circleNetworkNote);
    return [legend, note];
  }

  private list(view: CircleView): HTMLElement {
    const m = this.messages;
    const result = view.result;
    const section = h('section', {
      class: 'results circle-results',
      'aria-labelledby': 'circle-list-heading',
      'aria-busy': result.status === 'loading' ? 'true' : null,
    });
    if (result.status !== 'ready') return section;
    if (result.items.length === 0) return section;
    fill(
      section,
      h('h3', { id: 'circle-list-heading' }, m.circleListHeading),
      view.filtersActive
        ? h(
            'p',
            { class: 'hint' },
            m.circleFiltersActive,
            ' ',
            h(
              'button',
              { type: 'button', class: 'link', onclick: () => this.actions.clearFilters() },
              m.clearFilters,
            ),
          )
        : null,
      h('p', { class: 'hint', id: 'circle-count' }, m.resultCount(result.items.length, result.totalCount)),
      h(
        'ol',
        { class: 'result-list', 'aria-label': m.circleListHeading },
        result.items.map((item) => {
          const circle = CIRCLE_STYLES[circleOf(item.travelMinutes)];
          return h(
            'li',
            {
              class: 'reachable with-compare',
              'data-travel-minutes': item.travelMinutes,
              style: { '--circle-color': circle.color, '--circle-contrast-color': circle.contrastColor },
            },
            facilityButton(
              item,
              m,
              () => this.actions.open(item),
              [],
              [m.walkMinutes(displayMinutes(item.travelMinutes))],
              view.filters.careLevel,
            ),
            listCompareToggle(item, m, this.actions.compare),
          );
        }),
      ),
      result.hasMore
        ? h(
            'button',
            { type: 'button', id: 'circle-more', onclick: () => this.actions.showMore() },
            m.showMore,
          )
        : null,
    );
    return section;
  }
}
