import type { NeedWeight } from '../../api/generated/graphql';
import { fill, h, type Child } from '../../dom';
import { messagesFor, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber } from '../i18n/messages';
import type { PlannerMessages } from '../i18n/zh';
import { NEED_WEIGHTS, speedOf, type AnalysisSettings } from '../settings';
import type { NeedCoverageArea, NeedCoverageReport } from '../types';
import { keepingFocus } from './keep-focus';
import { sampleTag } from './scorecard-table';

/** What the need section asks the page to do. */
export interface NeedActions {
  /** Weigh these people in need (null: none), with the page's analysis settings. */
  choose(weight: NeedWeight | null): void;
}

/** Where the need-weighted coverage of the page is. */
export type NeedStatus =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; report: NeedCoverageReport; settings: AnalysisSettings }
  | { state: 'error'; message: string };

/** How the section is drawn. */
export interface NeedView {
  weight: NeedWeight | null;
  status: NeedStatus;
  /** The name of a region by code (rows name their own; shareFrom may be a region above them). */
  regionName(code: string): string | null;
}

function percent(value: number | null, lang: Lang): string {
  return value === null ? '—' : `${formatNumber(value, lang, 1)}%`;
}

/** Where an area's share within reach came from, in words: itself, the region above it, or nowhere. */
function shareSource(area: NeedCoverageArea, view: NeedView, m: PlannerMessages): string {
  if (area.shareFrom === null) return m.needNoShare;
  if (area.shareFrom === area.regionCode) return m.needShareOwn;
  return m.needShareFrom(view.regionName(area.shareFrom) ?? area.shareFrom);
}

/** The table of a report: one row per street or community with needs data, then the total. */
function needTable(report: NeedCoverageReport, view: NeedView, m: PlannerMessages, lang: Lang): HTMLElement {
  const c = m.needColumns;
  return h(
    'table',
    { class: 'compact need-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [c.area, c.people, c.withinReach, c.share, c.shareFrom].map((label) =>
          h('th', { scope: 'col' }, label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      report.areas.map((area) =>
        h(
          'tr',
          {
            'data-region': area.regionCode,
            'data-share-from': area.shareFrom ?? '',
            'data-included-in': area.includedIn ?? '',
            class: area.includedIn ? 'included' : null,
          },
          h(
            'th',
            { scope: 'row' },
            area.name,
            area.isSample ? [' ', sampleTag(m)] : null,
            area.includedIn
              ? h(
                  'span',
                  { class: 'hint included-note' },
                  m.needIncludedIn(view.regionName(area.includedIn) ?? area.includedIn),
                )
              : null,
          ),
          h('td', { class: 'people' }, formatCount(area.people, lang)),
          h('td', { class: 'within' }, area.withinReach === null ? '—' : formatCount(area.withinReach, lang)),
          h('td', { class: 'percent' }, percent(area.withinReachPercent, lang)),
          h('td', { class: 'share-from', title: area.shareFrom ?? '' }, shareSource(area, view, m)),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        { class: 'need-total' },
        h('th', { scope: 'row' }, m.needTotal),
        h('td', { class: 'people' }, formatCount(report.people, lang)),
        h('td', { class: 'within' }, formatCount(report.withinReach, lang)),
        h('td', { class: 'percent' }, percent(report.withinReachPercent, lang)),
        h('td', {}),
      ),
    ),
  );
}

/** 需求加权覆盖: people in need (by a chosen weight) within reach, per street and community with needs data. */
export class NeedPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: NeedActions,
  ) {}

  /** Empties the section (no planner rights). */
  clear(): void {
    fill(this.root);
    delete this.root.dataset.state;
  }

  /** Draws the weight choice and the answer for it. */
  render(m: PlannerMessages, lang: Lang, view: NeedView): void {
    const select = h(
      'select',
      {
        id: 'need-weight',
        onchange: (event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          this.actions.choose(NEED_WEIGHTS.find((weight) => weight === value) ?? null);
        },
      },
      h('option', { value: '', selected: view.weight === null }, m.needWeightChoose),
      NEED_WEIGHTS.map((weight) =>
        h('option', { value: weight, selected: weight === view.weight }, m.needWeights[weight]),
      ),
    );
    this.root.dataset.state = view.status.state;
    keepingFocus(this.root, () =>
      fill(
        this.root,
        h('h2', { id: 'need-heading' }, m.needHeading),
        h('p', { class: 'muted' }, m.needExplanation),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'need-weight', class: 'field-label' }, m.needWeight),
          select,
        ),
        this.body(m, lang, view),
      ),
    );
  }

  private body(m: PlannerMessages, lang: Lang, view: NeedView): Child {
    const { status } = view;
    switch (status.state) {
      case 'idle':
        return h('p', { class: 'muted', id: 'need-status' }, m.needPrompt);
      case 'loading':
        return h('p', { class: 'muted', id: 'need-status', role: 'status' }, m.needLoading);
      case 'error':
        return h('p', { class: 'alert', id: 'need-status', role: 'alert' }, m.needFailed(status.message));
      case 'ready': {
        const { report, settings } = status;
        if (report.areas.length === 0) return h('p', { class: 'need-empty', id: 'need-status' }, m.needEmpty);
        const names = messagesFor(lang).types;
        const types = settings.types.map((type) => names[type]).join(lang === 'en' ? ', ' : '、');
        return [
          h(
            'p',
            { class: 'question', id: 'need-question' },
            m.needQuestion(
              m.needWeights[report.weight],
              m.travelLimit(report.mode, report.minutes, speedOf(settings)),
              types,
            ),
          ),
          report.isSample
            ? h('p', { class: 'sample-note', id: 'need-sample' }, sampleTag(m), ' ', m.needSampleNote)
            : null,
          h('div', { class: 'table-scroll' }, needTable(report, view, m, lang)),
        ];
      }
    }
  }
}
