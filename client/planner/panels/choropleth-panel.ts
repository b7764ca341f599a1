import { fill, h } from '../../dom';
import type { Lang } from '../../i18n/i18n';
import { coverageSentence, type Choropleth } from '../choropleth';
import { formatIndicatorValue } from '../i18n/messages';
import type { PlannerMessages } from '../i18n/zh';
import type { IndicatorResult } from '../types';
import { keepingFocus } from './keep-focus';
import { sampleTag, statusBadge } from './scorecard-table';

/** What the choropleth panel asks the page to do. */
export interface ChoroplethActions {
  choose(code: string | null): void;
}

/** Choice of the indicator shading the districts, what the data allows, and the values as a table. */
export class ChoroplethPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: ChoroplethActions,
  ) {}

  /** Draws the panel; `indicators` lists the choices, `choropleth` the chosen one's districts. */
  render(
    m: PlannerMessages,
    lang: Lang,
    indicators: readonly Pick<IndicatorResult, 'code' | 'name' | 'nameEn'>[],
    chosen: string | null,
    choropleth: Choropleth | null,
    loading: boolean,
  ): void {
    const select = h(
      'select',
      {
        id: 'choropleth-indicator',
        onchange: (event: Event) => this.actions.choose((event.target as HTMLSelectElement).value || null),
      },
      h('option', { value: '', selected: chosen === null }, m.choroplethNone),
      indicators.map((indicator) =>
        h(
          'option',
          { value: indicator.code, selected: indicator.code === chosen },
          lang === 'en' ? indicator.nameEn : indicator.name,
        ),
      ),
    );
    const body = loading
      ? h('p', { class: 'muted', role: 'status' }, m.loadingScorecard)
      : choropleth
        ? [
            h('p', { class: 'choropleth-note', id: 'choropleth-note' }, coverageSentence(choropleth, m)),
            h(
              'table',
              { class: 'compact' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  [m.districtColumn, m.columns.value, m.columns.status].map((label) =>
                    h('th', { scope: 'col' }, label),
                  ),
                ),
              ),
              h(
                'tbody',
                {},
                [...choropleth.withValue, ...choropleth.withoutValue].map((row) =>
                  h(
                    'tr',
                    { 'data-region': row.regionCode ?? '' },
                    h('th', { scope: 'row' }, row.regionName),
                    h('td', {}, formatIndicatorValue(row, m, lang), row.isSample ? sampleTag(m) : null),
                    h('td', {}, statusBadge(row.status, m)),
                  ),
                ),
              ),
            ),
          ]
        : null;
    keepingFocus(this.root, () =>
      fill(
        this.root,
        h('h2', { id: 'choropleth-heading' }, m.choroplethHeading),
        h('label', { for: 'choropleth-indicator', class: 'field-label' }, m.choroplethLabel),
        select,
        body,
      ),
    );
  }
}
