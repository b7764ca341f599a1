import { h } from '../../dom';
import { messagesFor, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber } from '../i18n/messages';
import type { PlannerMessages } from '../i18n/zh';
import { AGE_GROUPS, type CoverageArea, type CoverageReport } from '../types';
import { speedOf, type AnalysisSettings } from '../settings';
import { sampleTag } from './scorecard-table';

function percent(value: number | null, lang: Lang): string {
  return value === null ? '—' : `${formatNumber(value, lang, 1)}%`;
}

/** One area's older people by age group: counted, within reach, beyond it, without network access. */
export function coverageTable(area: CoverageArea, capacityAware: boolean, m: PlannerMessages, lang: Lang) {
  const c = m.coverageColumns;
  // A region without population cells has no count: 无数据 and a notice, never 0.
  if (!area.hasPopulationData) {
    return h(
      'p',
      { class: 'no-population', 'data-region': area.regionCode ?? '' },
      m.noPopulationData(area.name),
    );
  }
  const headings = [m.ageColumn, c.elderly, c.withinReach, c.share, c.beyondReach, c.noNetworkAccess];
  if (capacityAware) headings.push(c.served);
  return h(
    'table',
    { class: 'compact coverage-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headings.map((label) => h('th', { scope: 'col' }, label)),
      ),
    ),
    h(
      'tbody',
      {},
      AGE_GROUPS.map((age) =>
        h(
          'tr',
          { 'data-age': age },
          h('th', { scope: 'row' }, m.ages[age]),
          h('td', {}, formatCount(area.elderly[age], lang)),
          h('td', {}, formatCount(area.withinReach[age], lang)),
          h('td', {}, percent(area.withinReachPercent[age], lang)),
          h('td', {}, formatCount(area.beyondReach[age], lang)),
          h('td', {}, formatCount(area.noNetworkAccess[age], lang)),
          capacityAware && area.served
            ? h(
                'td',
                {},
                `${formatCount(area.served[age], lang)} (${percent(area.servedPercent?.[age] ?? null, lang)})`,
              )
            : null,
        ),
      ),
    ),
  );
}

/** The question in words: types, minutes, travel mode (and walking speed), basket. */
export function questionText(settings: AnalysisSettings, m: PlannerMessages, lang: Lang): string {
  const names = messagesFor(lang).types;
  return m.coverageQuestion(
    settings.types.map((type) => names[type]).join(lang === 'en' ? ', ' : '、'),
    m.travelLimit(settings.mode, settings.minutes, speedOf(settings)),
    settings.basket,
  );
}

/** The coverage report of a region: the question, the table, what counted, and the server's notes. */
export function coverageSummary(
  report: CoverageReport,
  settings: AnalysisSettings,
  m: PlannerMessages,
  lang: Lang,
): HTMLElement {
  const facts = [
    m.facilitiesCounted(report.facilitiesCounted),
    report.facilitiesOffNetwork.length ? m.facilitiesOffNetwork(report.facilitiesOffNetwork.length) : null,
    report.capacity ? m.capacitySummary(report.capacity.placesOffered, report.capacity.placesTaken) : null,
  ].filter((fact): fact is string => fact !== null);
  const subRegions = report.subRegions ?? [];
  return h(
    'div',
    { class: 'coverage-summary' },
    h('p', { class: 'question' }, questionText(settings, m, lang)),
    h('div', { class: 'table-scroll' }, coverageTable(report.region, report.capacityAware, m, lang)),
    report.isSample ? h('p', { class: 'sample-note' }, sampleTag(m), ' ', m.sampleCounts) : null,
    h('p', { class: 'muted' }, facts.join(' · ')),
    report.subRegionNote ? h('p', { class: 'muted' }, report.subRegionNote) : null,
    subRegions.length
      ? h(
          'details',
          {},
          h('summary', {}, m.subRegionCoverage),
          subRegions.map((area) => [
            h('h4', {}, area.name),
            h('div', { class: 'table-scroll' }, coverageTable(area, report.capacityAware, m, lang)),
          ]),
        )
      : null,
    h(
      'details',
      {},
      h('summary', {}, m.serverNotes),
      h(
        'ul',
        {},
        (lang === 'en' ? report.notes : report.notesZh).map((note) => h('li', {}, note)),
      ),
    ),
  );
}
