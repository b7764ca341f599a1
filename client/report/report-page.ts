import type { TravelMode } from '../api/generated/graphql';
import { h } from '../dom';
import { messagesFor, type Lang } from '../i18n/i18n';
import { classRanges, type Classes } from '../planner/classes';
import { formatCount, formatDate, formatNumber } from '../planner/i18n/messages';
import type { PlannerMessages } from '../planner/i18n/zh';
import { PLANNER_COLORS } from '../planner/map/planner-layers';
import { coverageSummary, questionText } from '../planner/panels/coverage-summary';
import { statusSummary } from '../planner/panels/scorecard-panel';
import { sampleTag, scorecardTable } from '../planner/panels/scorecard-table';
import { groupByRegion, missingReasons, statusCounts } from '../planner/scorecard';
import type { AnalysisSettings } from '../planner/settings';
import type { CoverageReport, Gap, IndicatorResult, Scenario } from '../planner/types';

/** Gaps listed in the report. */
export const REPORT_GAPS = 10;

/** Everything the report prints. */
export interface ReportContent {
  regionCode: string;
  regionName: string;
  date: Date;
  scorecard: readonly IndicatorResult[];
  /** Coverage and gaps, for planners; null in the public report. */
  analysis: {
    settings: AnalysisSettings;
    coverage: CoverageReport;
    gaps: readonly Gap[];
    gapClasses: Classes;
    /** The scenario the coverage and gaps are computed with, if any. */
    scenario: Scenario | null;
  } | null;
  /** Where the planner page for the same question lives. */
  plannerUrl: string;
}

function legendItem(color: string, label: string, kind = ''): HTMLElement {
  return h('li', {}, h('span', { class: `legend-swatch ${kind}`, style: { background: color } }), label);
}

function mapLegend(content: ReportContent, m: PlannerMessages, lang: Lang): HTMLElement {
  const { analysis } = content;
  return h(
    'ul',
    { class: 'legend-classes report-legend' },
    analysis
      ? [
          h('li', { class: 'legend-title' }, m.legendGaps),
          classRanges(analysis.gapClasses).map((range) =>
            legendItem(
              range.color,
              `${range.from === null ? '<' : '≥'} ${formatCount((range.from ?? range.to)!, lang)}`,
            ),
          ),
          legendItem('transparent', m.legendNoNetwork, 'dashed'),
          legendItem(
            PLANNER_COLORS.serviceArea,
            m.layerCoverage(analysis.settings.minutes, analysis.settings.mode),
            'translucent',
          ),
        ]
      : null,
    legendItem(PLANNER_COLORS.selectedDistrict, m.legendSelectedDistrict, 'line'),
  );
}

function gapsTable(gaps: readonly Gap[], mode: TravelMode, m: PlannerMessages, lang: Lang): HTMLElement {
  const typeNames = messagesFor(lang).types;
  return h(
    'table',
    { class: 'compact report-gaps' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [
          '#',
          m.ages.age60plus,
          m.ages.age65plus,
          m.ages.age80plus,
          m.coverageColumns.noNetworkAccess,
          m.missingHeading,
        ].map((label) => h('th', { scope: 'col' }, label)),
      ),
    ),
    h(
      'tbody',
      {},
      gaps.slice(0, REPORT_GAPS).map((gap, index) =>
        h(
          'tr',
          { 'data-gap-id': gap.id },
          h('th', { scope: 'row' }, String(index + 1)),
          h('td', {}, formatCount(gap.elderly.age60plus, lang)),
          h('td', {}, formatCount(gap.elderly.age65plus, lang)),
          h('td', {}, formatCount(gap.elderly.age80plus, lang)),
          h('td', {}, gap.reason === 'NO_NETWORK_ACCESS' ? '✓' : ''),
          h(
            'td',
            {},
            gap.missing.map((missing) =>
              h(
                'div',
                {},
                `${typeNames[missing.type]}${lang === 'en' ? ': ' : '：'}`,
                missing.nearestFacility
                  ? `${lang === 'en' && missing.nearestFacility.nameEn ? missing.nearestFacility.nameEn : missing.nearestFacility.name}${
                      missing.travelMinutes === null
                        ? ''
                        : ` (${m.travelMinutes(mode, formatNumber(missing.travelMinutes, lang, 1))})`
                    }`
                  : m.unreachable,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The scenario: its changes, then each area covered today and in the scenario. */
function scenarioSection(
  scenario: Scenario,
  coverage: CoverageReport,
  m: PlannerMessages,
  lang: Lang,
): HTMLElement {
  const typeNames = messagesFor(lang).types;
  const c = m.comparisonColumns;
  return h(
    'section',
    { class: 'report-section', id: 'report-scenario' },
    h('h2', {}, m.reportScenario(scenario.name)),
    h('p', {}, m.reportScenarioBasis),
    h('h3', {}, m.reportScenarioChanges),
    h(
      'ol',
      { class: 'scenario-changes' },
      scenario.changes.map((change) =>
        h(
          'li',
          { 'data-kind': change.kind },
          [
            m.scenarioChangeKinds[change.kind],
            change.type ? typeNames[change.type] : null,
            change.name,
            change.lng !== null && change.lat !== null
              ? `(${formatNumber(change.lng, lang, 5)}, ${formatNumber(change.lat, lang, 5)})`
              : null,
            change.places !== null ? m.scenarioPlaces(change.places) : null,
          ]
            .filter((part) => part !== null)
            .join(' '),
        ),
      ),
    ),
    h(
      'table',
      { class: 'compact report-comparison' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [c.area, c.today, c.scenario, c.newly, c.lost].map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        {},
        (coverage.comparison ?? []).map((row) =>
          h(
            'tr',
            { 'data-region': row.regionCode ?? '' },
            h('th', { scope: 'row' }, row.name),
            h('td', {}, formatCount(row.coveredToday.age60plus, lang)),
            h('td', {}, formatCount(row.coveredInScenario.age60plus, lang)),
            h('td', { class: 'newly' }, formatCount(row.newlyCovered.age60plus, lang)),
            h('td', { class: 'lost' }, formatCount(row.lostCover.age60plus, lang)),
          ),
        ),
      ),
    ),
  );
}

/** Sub-regions whose every row is UNKNOWN for the same reason print as one line, not a table of blanks. */
function subRegion(
  rows: readonly IndicatorResult[],
  name: string,
  m: PlannerMessages,
  lang: Lang,
): HTMLElement[] {
  const counts = statusCounts(rows);
  const heading = h('h3', {}, m.subRegionSummary(name, counts.PASS, counts.FAIL, counts.UNKNOWN));
  const reasons = new Set(rows.map((row) => missingReasons(row, lang).join('；')));
  if (counts.UNKNOWN === rows.length && reasons.size === 1) {
    return [heading, h('p', { class: 'missing' }, m.missingData, [...reasons][0])];
  }
  return [heading, scorecardTable(rows, m, lang, null)];
}

const CHILD_LEVEL: Partial<Record<string, string>> = {
  PROVINCE: 'CITY',
  CITY: 'DISTRICT',
  DISTRICT: 'STREET',
  STREET: 'COMMUNITY',
};

/**
 * The printable report: region, date, the map (its slot filled in by the caller once drawn), the
 * scorecard and, for planners, coverage and the largest gaps.
 */
export function reportPage(content: ReportContent, m: PlannerMessages, lang: Lang) {
  const mapSlot = h('div', { class: 'report-map', id: 'report-map' });
  const [own, ...under] = groupByRegion(content.scorecard).sort(
    (a, b) => Number(b.regionCode === content.regionCode) - Number(a.regionCode === content.regionCode),
  );
  // Print one level below the region (a district's streets), not every community: a district has hundreds.
  const childLevel = own ? CHILD_LEVEL[own.regionLevel] : undefined;
  const below = under.filter((group) => group.regionLevel === childLevel);
  const { analysis } = content;
  const page = [
    h(
      'header',
      { class: 'report-header' },
      h(
        'div',
        { class: 'report-toolbar no-print' },
        h(
          'button',
          { type: 'button', class: 'primary', id: 'print', onclick: () => window.print() },
          m.reportPrint,
        ),
        h('a', { href: content.plannerUrl }, m.reportBack),
      ),
      h('p', { class: 'report-kicker' }, m.reportTitle),
      h('h1', { id: 'report-region' }, `${content.regionName}（${content.regionCode}）`),
      h('p', { id: 'report-date' }, m.reportDate(formatDate(content.date, lang))),
      h('p', { class: 'muted' }, analysis ? m.reportAccessPlanner : m.reportAccessPublic),
      analysis
        ? h('p', {}, h('strong', {}, `${m.reportSettings}：`), questionText(analysis.settings, m, lang))
        : null,
    ),
    h('figure', { class: 'report-figure' }, mapSlot, h('figcaption', {}, mapLegend(content, m, lang))),
    h(
      'section',
      { class: 'report-section' },
      h('h2', {}, m.scorecardHeading(content.regionName)),
      own ? [statusSummary(own.rows, m), scorecardTable(own.rows, m, lang, null)] : null,
      h('p', { class: 'hint' }, m.scorecardBasis),
      below.map((group) => subRegion(group.rows, group.regionName, m, lang)),
    ),
    analysis?.scenario ? scenarioSection(analysis.scenario, analysis.coverage, m, lang) : null,
    analysis
      ? h(
          'section',
          { class: 'report-section' },
          h('h2', {}, m.coverageHeading),
          coverageSummary(analysis.coverage, analysis.settings, m, lang),
          h('h3', {}, m.reportTopGaps(Math.min(REPORT_GAPS, analysis.gaps.length))),
          analysis.gaps.length
            ? gapsTable(analysis.gaps, analysis.settings.mode, m, lang)
            : h('p', {}, m.gapsEmpty),
        )
      : null,
    h(
      'footer',
      { class: 'report-footer' },
      h('p', {}, sampleTag(m), ' ', m.sampleCounts),
      h('p', {}, m.attribution),
    ),
  ];
  return { page, mapSlot };
}
