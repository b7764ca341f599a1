import { fill, h } from '../../dom';
import type { Lang } from '../../i18n/i18n';
import { GAP_PAGE_SIZE } from '../queries';
import { colorOf, type Classes } from '../classes';
import { formatCount } from '../i18n/messages';
import type { PlannerMessages } from '../i18n/zh';
import type { Gap } from '../types';
import { PLANNER_COLORS } from '../map/planner-layers';
import { keepingFocus } from './keep-focus';
import { sampleTag } from './scorecard-table';

/** What the gaps list asks the page to do. */
export interface GapsActions {
  select(id: string): void;
  exportGeojson(): void;
}

/** The gaps, most older people first, each a button that shows it on the map; and the GeoJSON export. */
export class GapsPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: GapsActions,
  ) {}

  /** Hides the list (before an analysis, or without planner rights). */
  clear(): void {
    fill(this.root);
  }

  /** Shows the gaps with the colours of the map. */
  show(
    gaps: readonly Gap[],
    classes: Classes,
    selectedId: string | null,
    m: PlannerMessages,
    lang: Lang,
  ): void {
    keepingFocus(this.root, () =>
      fill(
        this.root,
        h('h2', { id: 'gaps-heading' }, m.gapsHeading(gaps.length)),
        gaps.length === 0 ? h('p', {}, m.gapsEmpty) : null,
        gaps.length >= GAP_PAGE_SIZE ? h('p', { class: 'muted' }, m.gapsTruncated(GAP_PAGE_SIZE)) : null,
        h(
          'ol',
          { class: 'gap-list', 'aria-labelledby': 'gaps-heading' },
          gaps.map((gap, index) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  id: `gap-item-${index + 1}`,
                  class: 'gap-item',
                  'data-gap-id': gap.id,
                  'aria-pressed': String(gap.id === selectedId),
                  onclick: () => this.actions.select(gap.id),
                },
                h('span', {
                  class: 'gap-swatch',
                  'aria-hidden': 'true',
                  'data-reason': gap.reason,
                  style: {
                    background:
                      gap.reason === 'NO_NETWORK_ACCESS'
                        ? PLANNER_COLORS.unknown
                        : colorOf(gap.elderly.age60plus, classes),
                  },
                }),
                h(
                  'span',
                  { class: 'gap-text' },
                  h(
                    'span',
                    { class: 'gap-title' },
                    gap.rank === null
                      ? m.unknownItem(formatCount(gap.elderly.age60plus, lang))
                      : m.gapItem(gap.rank ?? index + 1, formatCount(gap.elderly.age60plus, lang)),
                    sampleTag(m),
                  ),
                  h('span', { class: 'muted' }, m.reasons[gap.reason]),
                ),
              ),
            ),
          ),
        ),
        h(
          'div',
          { class: 'button-row' },
          h(
            'button',
            { type: 'button', id: 'export-geojson', onclick: () => this.actions.exportGeojson() },
            m.exportGeojson,
          ),
        ),
      ),
    );
  }
}
