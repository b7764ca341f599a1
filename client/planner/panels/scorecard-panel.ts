import { fill, h } from '../../dom';
import type { Lang } from '../../i18n/i18n';
import type { PlannerMessages } from '../i18n/zh';
import { groupByRegion, statusCounts } from '../scorecard';
import { INDICATOR_STATUSES, type IndicatorResult } from '../types';
import { scorecardTable, statusBadge, type FacilityNamesLoader } from './scorecard-table';

/** What the scorecard panel asks the page to do. */
export interface ScorecardActions {
  exportCsv(): void;
  openReport(): void;
  loadFacilities: FacilityNamesLoader;
}

/** Pass, fail and unknown counts at a glance. */
export function statusSummary(rows: readonly IndicatorResult[], m: PlannerMessages): HTMLElement {
  const counts = statusCounts(rows);
  return h(
    'p',
    {
      class: 'status-summary',
      'aria-label': m.scorecardSummary(counts.PASS, counts.FAIL, counts.UNKNOWN),
    },
    INDICATOR_STATUSES.map((status) => [statusBadge(status, m), h('strong', {}, ` ${counts[status]}`), ' ']),
  );
}

/** The region's scorecard, the regions below it folded, and the CSV export and report. */
export class ScorecardPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: ScorecardActions,
  ) {}

  /** Shows a message instead of the scorecard (loading, failure). */
  showMessage(message: string, m: PlannerMessages): void {
    fill(
      this.root,
      h('h2', { id: 'scorecard-heading' }, m.scorecardHeading('')),
      h('p', { class: 'muted', role: 'status' }, message),
    );
  }

  /** Shows the scorecard of `regionCode` from the API's rows (the region and every region below it). */
  show(
    rows: readonly IndicatorResult[],
    regionCode: string,
    regionName: string,
    m: PlannerMessages,
    lang: Lang,
  ) {
    const [own, ...below] = groupByRegion(rows).sort(
      (a, b) => Number(b.regionCode === regionCode) - Number(a.regionCode === regionCode),
    );
    fill(
      this.root,
      h('h2', { id: 'scorecard-heading' }, m.scorecardHeading(regionName)),
      own ? statusSummary(own.rows, m) : null,
      h('p', { class: 'hint' }, m.scorecardBasis),
      own
        ? h('div', { class: 'table-scroll' }, scorecardTable(own.rows, m, lang, this.actions.loadFacilities))
        : null,
      below.length ? h('h3', {}, m.subRegionsHeading) : null,
      below.map((group) => {
        const counts = statusCounts(group.rows);
        return h(
          'details',
          { class: 'sub-region', 'data-region': group.regionCode ?? '' },
          h('summary', {}, m.subRegionSummary(group.regionName, counts.PASS, counts.FAIL, counts.UNKNOWN)),
          h(
            'div',
            { class: 'table-scroll' },
            scorecardTable(group.rows, m, lang, this.actions.loadFacilities),
          ),
        );
      }),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          { type: 'button', id: 'export-csv', onclick: () => this.actions.exportCsv() },
          m.exportCsv,
        ),
        h(
          'button',
          { type: 'button', id: 'open-report', onclick: () => this.actions.openReport() },
          m.openReport,
        ),
      ),
    );
  }
}
