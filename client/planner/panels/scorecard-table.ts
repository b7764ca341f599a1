import { fill, h } from '../../dom';
import { messagesFor, type Lang } from '../../i18n/i18n';
import { formatIndicatorValue, formatTarget } from '../i18n/messages';
import type { PlannerMessages } from '../i18n/zh';
import { missingReasons } from '../scorecard';
import type { FacilityName, IndicatorResult, IndicatorStatus } from '../types';

/** Loads the names of the facilities that count for an indicator. */
export type FacilityNamesLoader = (ids: readonly string[]) => Promise<FacilityName[]>;

const STATUS_ICONS: Record<IndicatorStatus, string> = { PASS: '✓', FAIL: '✗', UNKNOWN: '?' };

/** A status as an icon and a word, never by colour alone. */
export function statusBadge(status: IndicatorStatus, m: PlannerMessages): HTMLElement {
  return h(
    'span',
    { class: `status status-${status.toLowerCase()}`, 'data-status': status },
    h('span', { 'aria-hidden': 'true' }, STATUS_ICONS[status]),
    ` ${m.statuses[status]}`,
  );
}

/** The "示例数据" tag of a number that rests on sample rows. */
export function sampleTag(m: PlannerMessages): HTMLElement {
  return h('span', { class: 'tag tag-sample' }, m.sample);
}

function indicatorCell(
  row: IndicatorResult,
  m: PlannerMessages,
  lang: Lang,
  withNotes: boolean,
): HTMLElement {
  const [primary, secondary] = lang === 'en' ? [row.nameEn, row.name] : [row.name, row.nameEn];
  return h(
    'th',
    { scope: 'row', class: 'indicator-name' },
    h('span', { class: 'name-primary', lang: lang === 'en' ? 'en' : 'zh-CN' }, primary),
    h('span', { class: 'name-secondary', lang: lang === 'en' ? 'zh-CN' : 'en' }, secondary),
    withNotes
      ? h(
          'details',
          { class: 'source-note' },
          h('summary', {}, m.sourceNote),
          h('p', {}, lang === 'en' ? row.sourceNote : row.sourceNoteZh),
        )
      : null,
  );
}

function facilitiesCell(
  row: IndicatorResult,
  m: PlannerMessages,
  lang: Lang,
  load: FacilityNamesLoader | null,
) {
  const summary = m.facilityCount(row.facilityIds.length, row.failingFacilityIds.length);
  const label = m.columns.facilities;
  if (!load || row.facilityIds.length === 0)
    return h('td', { class: 'facilities', 'data-label': label }, summary);
  const list = h('ul', { class: 'plain facility-names' });
  const details = h('details', { class: 'facilities-list' }, h('summary', {}, summary), list);
  let loaded = false;
  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    fill(list, h('li', { class: 'muted' }, m.loadingNames));
    const failing = new Set(row.failingFacilityIds);
    const typeNames = messagesFor(lang).types;
    load(row.facilityIds)
      .then((facilities) =>
        fill(
          list,
          facilities.map((facility) =>
            h(
              'li',
              { 'data-facility-id': facility.id },
              lang === 'en' && facility.nameEn ? facility.nameEn : facility.name,
              h('span', { class: 'muted' }, ` · ${typeNames[facility.type]}`),
              facility.isSample ? sampleTag(m) : null,
              failing.has(facility.id) ? h('span', { class: 'tag tag-failing' }, m.facilityFailing) : null,
            ),
          ),
        ),
      )
      .catch(() => {
        loaded = false;
        fill(list, h('li', { class: 'alert' }, m.namesFailed));
      });
  });
  return h('td', { class: 'facilities', 'data-label': label }, details);
}

/**
 * One region's indicators as a table: name in both languages, value (or range), target, status with
 * the missing data named, and the facilities that count (expandable when `load` is given).
 */
export function scorecardTable(
  rows: readonly IndicatorResult[],
  m: PlannerMessages,
  lang: Lang,
  load: FacilityNamesLoader | null,
): HTMLTableElement {
  return h(
    'table',
    { class: 'scorecard' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [m.columns.indicator, m.columns.value, m.columns.target, m.columns.status, m.columns.facilities].map(
          (label) => h('th', { scope: 'col' }, label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          { 'data-code': row.code, 'data-status': row.status, 'data-region': row.regionCode ?? '' },
          indicatorCell(row, m, lang, load !== null),
          h(
            'td',
            { class: 'value', 'data-label': m.columns.value },
            formatIndicatorValue(row, m, lang),
            row.isSample ? sampleTag(m) : null,
          ),
          h('td', { class: 'target', 'data-label': m.columns.target }, formatTarget(row, m, lang)),
          h(
            'td',
            { class: 'status-cell' },
            statusBadge(row.status, m),
            row.missingData.length
              ? h(
                  'p',
                  { class: 'missing' },
                  m.missingData,
                  missingReasons(row, lang).map((text, i) => [i ? '；' : '', text]),
                )
              : null,
          ),
          facilitiesCell(row, m, lang, load),
        ),
      ),
    ),
  );
}
