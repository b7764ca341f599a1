import type { TravelMode } from '../../api/generated/graphql';
import { fill, h } from '../../dom';
import { messagesFor, type Lang } from '../../i18n/i18n';
import { typeSwatch } from '../../panels/search-panel';
import { formatCount, formatNumber } from '../i18n/messages';
import type { PlannerMessages } from '../i18n/zh';
import { AGE_GROUPS, type Gap } from '../types';
import { sampleTag } from './scorecard-table';

/** Area of one population cell (200 m × 200 m), in km². */
const CELL_KM2 = 0.04;

/** The details of one gap: its older people, why, where, and the nearest facility of each missing type (by `mode`). */
export function gapDetails(gap: Gap, mode: TravelMode, m: PlannerMessages, lang: Lang): HTMLElement[] {
  const typeNames = messagesFor(lang).types;
  return [
    h('h4', {}, m.gapElderly),
    h(
      'dl',
      { class: 'facts gap-counts' },
      AGE_GROUPS.map((age) => [
        h('dt', {}, m.ages[age]),
        h('dd', { 'data-age': age }, formatCount(gap.elderly[age], lang), sampleTag(m)),
      ]),
    ),
    h(
      'p',
      { class: 'gap-reason', 'data-reason': gap.reason },
      h('strong', {}, m.reasons[gap.reason]),
      ' — ',
      m.reasonHelp[gap.reason],
    ),
    h(
      'p',
      { class: 'muted' },
      `${m.cells(gap.cellCount, formatNumber(gap.cellCount * CELL_KM2, lang, 2))} · ${gap.regionCodes.join(', ')}`,
    ),
    h('h4', {}, m.missingHeading),
    h(
      'ul',
      { class: 'plain missing-types' },
      gap.missing.map((missing) => {
        const facility = missing.nearestFacility;
        return h(
          'li',
          { 'data-type': missing.type },
          h(
            'span',
            { class: 'missing-type' },
            typeSwatch(missing.type, messagesFor(lang)),
            typeNames[missing.type],
          ),
          h('span', { class: 'muted' }, m.lacking(formatCount(missing.elderly.age60plus, lang))),
          facility
            ? h(
                'span',
                { class: 'nearest', 'data-facility-id': facility.id },
                lang === 'en' && facility.nameEn ? facility.nameEn : facility.name,
                facility.isSample ? sampleTag(m) : null,
                missing.travelMinutes === null
                  ? null
                  : [
                      ' · ',
                      h(
                        'span',
                        { class: 'travel-minutes' },
                        m.travelMinutes(mode, formatNumber(missing.travelMinutes, lang, 1)),
                      ),
                    ],
              )
            : h('span', { class: 'nearest unreachable' }, m.unreachable),
        );
      }),
    ),
  ];
}

/** The selected gap, over the map (below it on phones); focus moves to its heading. */
export class GapCard {
  constructor(
    private readonly root: HTMLElement,
    private readonly close: () => void,
  ) {}

  /** Shows a gap; `focus` moves the keyboard there (after a choice in the list). */
  show(gap: Gap, rank: number, mode: TravelMode, m: PlannerMessages, lang: Lang, focus: boolean): void {
    const heading = h('h3', { id: 'gap-card-heading', tabindex: '-1' }, m.gapHeading(rank));
    fill(
      this.root,
      h(
        'div',
        { class: 'gap-card-head' },
        heading,
        h(
          'button',
          { type: 'button', class: 'link', id: 'gap-card-close', onclick: () => this.close() },
          m.closeGap,
        ),
      ),
      gapDetails(gap, mode, m, lang),
    );
    this.root.dataset.gapId = gap.id;
    this.root.hidden = false;
    if (focus) heading.focus();
  }

  /** Hides the card. */
  hide(): void {
    this.root.hidden = true;
    delete this.root.dataset.gapId;
  }
}
