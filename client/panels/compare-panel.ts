import type { CareLevel } from '../api/generated/graphql';
import type { FacilityDetails } from '../api/types';
import { fill, h } from '../dom';
import { CARE_LEVELS } from '../filters';
import { formatFee, type Lang } from '../i18n/i18n';
import type { Messages } from '../i18n/zh';
import { vacancyText } from './freshness';
import { typeSwatch } from './facility-button';

/** At most this many facilities are compared side by side. */
export const MAX_COMPARED = 3;

/** One facility of the comparison, with its walking time from the journey's start (null: no start). */
export interface ComparedFacility {
  facility: FacilityDetails;
  travelMinutes: number | null;
}

/** What the compare view shows. */
export type CompareState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; items: ComparedFacility[]; careLevel: CareLevel | null; hasStart: boolean };

/** What the compare view asks the app to do. */
export interface ComparePanelActions {
  back(): void;
  open(id: string): void;
  remove(id: string): void;
}

/** The facilities chosen to compare, and the way to add or remove one: what a panel's compare buttons use. */
export interface CompareControl {
  chosen(): readonly string[];
  toggle(id: string): void;
}

/** A list entry's compare button, named after the entry. */
export function listCompareToggle(
  item: { id: string; name: string; nameEn?: string | null },
  m: Messages,
  control: CompareControl,
): HTMLButtonElement {
  const name = m.lang === 'en' && item.nameEn ? item.nameEn : item.name;
  return compareToggle(item.id, name, m, control.chosen(), (id) => control.toggle(id));
}

/** Adds to or removes from the comparison; it says which facility it is about to screen readers. */
export function compareToggle(
  id: string,
  name: string,
  m: Messages,
  compared: readonly string[],
  toggle: (id: string) => void,
): HTMLButtonElement {
  const button = h('button', {
    type: 'button',
    class: 'compare-toggle',
    'data-id': id,
    'data-name': name,
    onclick: () => toggle(id),
  });
  updateToggle(button, m, compared);
  return button;
}

function updateToggle(button: HTMLButtonElement, m: Messages, compared: readonly string[]) {
  const id = button.dataset.id ?? '';
  const name = button.dataset.name ?? '';
  const chosen = compared.includes(id);
  const full = !chosen && compared.length >= MAX_COMPARED;
  button.setAttribute('aria-pressed', String(chosen));
  // The visible words start the accessible name; the facility's name, for screen readers, follows them.
  fill(
    button,
    chosen ? `✓ ${m.compareRemoveShort}` : `+ ${m.compareAdd}`,
    h('span', { class: 'visually-hidden' }, ` ${name}`),
  );
  button.disabled = full;
  button.title = full ? m.compareFull : '';
}

/** Brings every compare button under `root` in step with the facilities chosen. */
export function syncCompareToggles(root: ParentNode, m: Messages, compared: readonly string[]): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button.compare-toggle')) {
    updateToggle(button, m, compared);
  }
}

/** The price a home asks for the chosen care level; without one, its total for each level it publishes. */
function priceText(facility: FacilityDetails, careLevel: CareLevel | null, m: Messages): string | null {
  if (careLevel) {
    const fee = facility.fees.find((f) => f.careLevel === careLevel);
    return fee ? m.feeForLevel(m.careLevels[careLevel], fee.totalMonthly) : null;
  }
  const byLevel = CARE_LEVELS.flatMap((level) => {
    const fee = facility.fees.find((f) => f.careLevel === level);
    return fee ? [m.feeForLevel(m.careLevels[level], fee.totalMonthly)] : [];
  });
  return byLevel.length ? byLevel.join('；') : formatFee(facility.feeMinMonthly, facility.feeMaxMonthly, m);
}

/** Two or three facilities side by side (stacked on a phone): the same rows, in the same order, for each. */
export class ComparePanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: ComparePanelActions,
  ) {}

  /** Moves focus to the view's heading, for keyboard and screen reader users arriving in it. */
  focusHeading(): void {
    this.root.querySelector<HTMLElement>('#compare-heading')?.focus({ preventScroll: true });
  }

  render(state: CompareState, m: Messages, lang: Lang): void {
    const heading = h('h2', { id: 'compare-heading', tabindex: '-1' }, m.compareHeading);
    const back = h(
      'button',
      { type: 'button', class: 'back', id: 'compare-back', onclick: () => this.actions.back() },
      `← ${m.compareBack}`,
    );
    if (state.status !== 'ready') {
      const text = state.status === 'loading' ? m.loading : m.loadFailed;
      const role = state.status === 'loading' ? 'status' : 'alert';
      return fill(this.root, back, heading, h('p', { role }, text));
    }
    const cards = state.items.map(({ facility, travelMinutes }) => {
      const name = lang === 'en' && facility.nameEn ? facility.nameEn : facility.name;
      const fee = state.careLevel ? facility.fees.find((f) => f.careLevel === state.careLevel) : undefined;
      const partners = facility.partners.map((p) => (lang === 'en' && p.nameEn ? p.nameEn : p.name));
      const rows: [string, string, string | null, Record<string, string | number | null>?][] = [
        [
          'price',
          m.comparePrice,
          priceText(facility, state.careLevel, m),
          { 'data-total': fee?.totalMonthly ?? null },
        ],
        ['beds', m.totalBeds, facility.totalBeds?.toString() ?? null, { 'data-beds': facility.totalBeds }],
        [
          'vacancy',
          m.vacancy,
          vacancyText(facility.vacantBeds, facility.vacancyUpdatedAt, m, lang),
          { 'data-vacant': facility.vacantBeds },
        ],
        ['services', m.services, facility.services.map((s) => m.serviceNames[s]).join('、') || null],
        ['partners', m.partners, partners.length ? partners.join('、') : m.noPartners],
        ['rating', m.starRating, facility.starRating ? m.stars(facility.starRating) : null],
        [
          'travel',
          m.compareTravel,
          state.hasStart
            ? travelMinutes !== null
              ? m.walkMinutes(Math.max(1, Math.ceil(travelMinutes)))
              : m.routeNone
            : m.compareNoStart,
        ],
      ];
      return h(
        'section',
        { class: 'compare-card', 'data-id': facility.id, 'aria-labelledby': `compare-name-${facility.id}` },
        h(
          'h3',
          { id: `compare-name-${facility.id}` },
          typeSwatch(facility.type, m),
          h('button', { type: 'button', class: 'link', onclick: () => this.actions.open(facility.id) }, name),
        ),
        h('p', { class: 'muted' }, m.types[facility.type]),
        facility.isSample ? h('span', { class: 'tag tag-sample' }, m.sample) : null,
        h(
          'dl',
          { class: 'compare-facts' },
          rows.map(([field, term, value, data]) => [
            h('dt', {}, term),
            h(
              'dd',
              { 'data-field': field, ...(data ?? {}) },
              value ?? h('span', { class: 'muted' }, m.notProvided),
            ),
          ]),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'compare-remove',
            onclick: () => this.actions.remove(facility.id),
          },
          m.compareRemoveShort,
          h('span', { class: 'visually-hidden' }, ` ${name}`),
        ),
      );
    });
    fill(
      this.root,
      back,
      heading,
      state.items.length < 2 ? h('p', { class: 'hint', role: 'status' }, m.compareTooFew) : null,
      h('div', { class: 'compare-cards', 'data-count': state.items.length }, cards),
    );
  }
}
