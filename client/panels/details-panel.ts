import type { FacilityDetails, VacancyChange, WalkRoute } from '../api/types';
import { fill, h } from '../dom';
import type { FacilityType, LngLat } from '../domain';
import { CARE_LEVELS } from '../filters';
import { formatDistance, formatFee, type Lang } from '../i18n/i18n';
import type { Messages } from '../i18n/zh';
import { compareToggle, type CompareControl } from './compare-panel';
import { typeSwatch } from './facility-button';
import { formatOpeningHours, vacancyText } from './freshness';

/** Types with beds: fees per care level, beds and vacancy apply to them. */
const RESIDENTIAL: ReadonlySet<FacilityType> = new Set(['NURSING_HOME', 'NURSING_HOSPITAL', 'RURAL_CARE']);
/** Types whose medical grade applies. */
const GRADED: ReadonlySet<FacilityType> = new Set(['HOSPITAL', 'NURSING_HOSPITAL']);

/** What the route part of the panel shows. */
export type RouteState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; route: WalkRoute | null; from: LngLat; fromName: string; to: LngLat; toName: string };

/** Links that open the same walk in 高德 or 百度 maps (links only: nothing is requested from them). */
export function externalRouteLinks(from: LngLat, fromName: string, to: LngLat, toName: string) {
  const amap = new URL('https://uri.amap.com/navigation');
  amap.search = new URLSearchParams({
    from: `${from.lng},${from.lat},${fromName}`,
    to: `${to.lng},${to.lat},${toName}`,
    mode: 'walk',
    coordinate: 'wgs84',
    callnative: '0',
  }).toString();
  const baidu = new URL('https://api.map.baidu.com/direction');
  baidu.search = new URLSearchParams({
    origin: `latlng:${from.lat},${from.lng}|name:${fromName}`,
    destination: `latlng:${to.lat},${to.lng}|name:${toName}`,
    mode: 'walking',
    coord_type: 'wgs84',
    region: '杭州',
    output: 'html',
    src: 'caremap',
  }).toString();
  return { amap: amap.toString(), baidu: baidu.toString() };
}

/** What the details panel asks the app to do. */
export interface DetailsPanelActions {
  back(): void;
  open(id: string): void;
  /** Starts the 15-minute circle at the facility; without it the panel offers no circle. */
  circleFrom?(point: LngLat, name: string): void;
  /** Draws the walk to the facility from the journey's start; without it the panel offers no route. */
  route?(to: LngLat, name: string): void;
  /** The 加入对比 button; without it the panel offers none. */
  compare?: CompareControl;
}

/** A term, its value (null: not provided) and, for values that change while shown, the value's element id. */
type Row = [string, Node | string | null, string?];

/** The fees per care level as a table: bed, care, meals and the total. */
function feeTable(facility: FacilityDetails, m: Messages): HTMLElement | null {
  if (!facility.fees.length) return null;
  const byLevel = new Map(facility.fees.map((fee) => [fee.careLevel, fee]));
  return h(
    'table',
    { class: 'fee-table' },
    h(
      'caption',
      {},
      m.feesByLevel,
      facility.fees.some((fee) => fee.isSample) ? h('span', { class: 'tag tag-sample' }, m.sample) : null,
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, m.careLevelLabel),
        h('th', { scope: 'col' }, m.bedFee),
        h('th', { scope: 'col' }, m.careFee),
        h('th', { scope: 'col' }, m.mealFee),
        h('th', { scope: 'col' }, m.totalFee),
      ),
    ),
    h(
      'tbody',
      {},
      CARE_LEVELS.flatMap((level) => {
        const fee = byLevel.get(level);
        return fee
          ? [
              h(
                'tr',
                { 'data-level': level },
                h('th', { scope: 'row' }, m.careLevels[level]),
                h('td', {}, String(fee.bedFee)),
                h('td', {}, String(fee.careFee)),
                h('td', {}, String(fee.mealFee)),
                h('td', { class: 'fee-total' }, String(fee.totalMonthly)),
              ),
            ]
          : [];
      }),
    ),
  );
}

function yesNo(value: boolean | null, m: Messages): string | null {
  if (value === null) return null;
  return value ? m.yes : m.no;
}

function definitionList(rows: Row[], m: Messages): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.map(([term, value, id]) => [
      h('dt', {}, term),
      h(
        'dd',
        { id, 'aria-live': id ? 'polite' : null },
        value ?? h('span', { class: 'muted' }, m.notProvided),
      ),
    ]),
  );
}

/** Every attribute of one facility: beds and vacancy with its time, fees, services, partners, consortia, source. */
export class DetailsPanel {
  private shown: { id: string; m: Messages; lang: Lang } | null = null;
  private readonly routeBox = h('div', {
    id: 'route-summary',
    class: 'route-summary',
    'aria-live': 'polite',
  });

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: DetailsPanelActions,
  ) {}

  /** Shows a facility; moves focus to its name so screen readers start there. */
  show(
    facility: FacilityDetails,
    m: Messages,
    lang: Lang,
    regionNames: Map<string, string>,
    routeFrom: string | null = null,
  ): void {
    const name = lang === 'en' && facility.nameEn ? facility.nameEn : facility.name;
    const residential = RESIDENTIAL.has(facility.type);
    const [lng, lat] = facility.location.coordinates;
    const heading = h('h2', { id: 'details-heading', tabindex: '-1' }, name);
    this.shown = { id: facility.id, m, lang };
    const vacancy = vacancyText(facility.vacantBeds, facility.vacancyUpdatedAt, m, lang);
    const circleFrom = this.actions.circleFrom;
    const route = routeFrom !== null ? this.actions.route : undefined;
    const compare = this.actions.compare;
    const partnersById = new Map(facility.partners.map((p) => [p.id, p]));
    const partnerships = facility.partnerships.length
      ? h(
          'ul',
          { class: 'plain' },
          facility.partnerships.map((pairing) => {
            const otherId =
              pairing.careFacilityId === facility.id ? pairing.medicalFacilityId : pairing.careFacilityId;
            const other = partnersById.get(otherId);
            const otherName = other ? (lang === 'en' && other.nameEn ? other.nameEn : other.name) : otherId;
            const notes = [
              m.partnershipSince(pairing.signedOn),
              ...pairing.services.map((s) => m.partnershipServices[s]),
              pairing.greenChannel ? m.greenChannel : null,
              pairing.twoWayReferral ? m.twoWayReferral : null,
              pairing.primaryLevel ? m.primaryLevel : null,
            ].filter(Boolean);
            return h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: 'link', onclick: () => this.actions.open(otherId) },
                otherName,
              ),
              pairing.isSample || other?.isSample ? h('span', { class: 'tag tag-sample' }, m.sample) : null,
              h('div', { class: 'muted' }, notes.join(' · ')),
            );
          }),
        )
      : m.noPartners;
    const consortia = facility.consortia.length
      ? h(
          'ul',
          { class: 'plain' },
          facility.consortia.map((consortium) => {
            const role = consortium.members.find((member) => member.facilityId === facility.id)?.role;
            return h(
              'li',
              {},
              h('strong', {}, consortium.name),
              consortium.isSample ? h('span', { class: 'tag tag-sample' }, m.sample) : null,
              h(
                'div',
                { class: 'muted' },
                [
                  m.consortiumLevels[consortium.level] ?? consortium.level,
                  m.consortiumMembers(consortium.members.length),
                  role ? `${m.role}: ${m.consortiumRoles[role] ?? role}` : null,
                ]
                  .filter(Boolean)
                  .join(' · '),
              ),
            );
          }),
        )
      : m.noConsortia;
    const address = lang === 'en' && facility.addressEn ? facility.addressEn : facility.address;
    // Rows that do not apply to this kind of facility are left out; rows that apply but are unknown say so.
    const rows: (Row | null)[] = [
      [m.address, address],
      [
        m.phone,
        facility.phone
          ? h('a', { href: `tel:${facility.phone}`, class: 'call' }, `${m.call} ${facility.phone}`)
          : null,
      ],
      [m.openingHours, formatOpeningHours(facility.openingHours, m.allDay)],
      facility.operatorType ? [m.operatorType, m.operatorTypes[facility.operatorType]] : null,
      facility.services.length
        ? [m.services, facility.services.map((s) => m.serviceNames[s]).join('、')]
        : null,
      residential || facility.feeMinMonthly !== null
        ? [m.fees, formatFee(facility.feeMinMonthly, facility.feeMaxMonthly, m)]
        : null,
      residential ? [m.vacancy, vacancy, 'details-vacancy'] : null,
      residential ? [m.totalBeds, facility.totalBeds?.toString() ?? null] : null,
      residential && facility.nursingBeds !== null ? [m.nursingBeds, facility.nursingBeds.toString()] : null,
      residential && facility.dementiaBeds !== null
        ? [m.dementiaBeds, facility.dementiaBeds.toString()]
        : null,
      residential && facility.residents !== null ? [m.residents, facility.residents.toString()] : null,
      facility.hasRehabRoom !== null ? [m.hasRehabRoom, yesNo(facility.hasRehabRoom, m)] : null,
      facility.hasInhouseMedical !== null
        ? [m.hasInhouseMedical, yesNo(facility.hasInhouseMedical, m)]
        : null,
      facility.ltcInsurance !== null ? [m.ltcInsurance, yesNo(facility.ltcInsurance, m)] : null,
      facility.medicalInsurance !== null ? [m.medicalInsurance, yesNo(facility.medicalInsurance, m)] : null,
      facility.starRating ? [m.starRating, m.stars(facility.starRating)] : null,
      GRADED.has(facility.type) && facility.hospitalGrade
        ? [m.hospitalGrade, m.hospitalGrades[facility.hospitalGrade]]
        : null,
      facility.regionCode
        ? [m.region, `${regionNames.get(facility.regionCode) ?? ''} ${facility.regionCode}`.trim()]
        : null,
      [m.location, `${lat.toFixed(5)}, ${lng.toFixed(5)}`],
      [m.partners, partnerships],
      [m.consortia, consortia],
      [m.source, facility.source],
      facility.osmId ? [m.osmId, facility.osmId] : null,
      facility.verifiedOn ? [m.verifiedOn, facility.verifiedOn] : null,
    ];
    fill(this.routeBox);
    fill(
      this.root,
      h('button', { type: 'button', class: 'back', onclick: () => this.actions.back() }, `← ${m.back}`),
      h('p', { class: 'details-type' }, typeSwatch(facility.type, m), m.types[facility.type]),
      heading,
      facility.nameEn && lang === 'zh' ? h('p', { class: 'muted', lang: 'en' }, facility.nameEn) : null,
      facility.isSample
        ? h('p', { class: 'sample-note', role: 'note' }, h('strong', {}, m.sample), ' ', m.sampleNote)
        : null,
      h(
        'div',
        { class: 'button-row' },
        circleFrom
          ? h(
              'button',
              { type: 'button', id: 'circle-from-facility', onclick: () => circleFrom({ lng, lat }, name) },
              m.circleFromFacility,
            )
          : null,
        route
          ? h(
              'button',
              { type: 'button', id: 'route-button', onclick: () => route({ lng, lat }, name) },
              m.routeButton,
            )
          : null,
        compare ? compareToggle(facility.id, name, m, compare.chosen(), (id) => compare.toggle(id)) : null,
      ),
      this.routeBox,
      feeTable(facility, m),
      definitionList(
        rows.filter((row) => row !== null),
        m,
      ),
    );
    heading.focus({ preventScroll: true });
  }

  /** Shows a new vacancy of the facility shown, announced to screen readers; false for another facility. */
  updateVacancy(change: VacancyChange): boolean {
    const cell = this.root.querySelector<HTMLElement>('#details-vacancy');
    if (!this.shown || this.shown.id !== change.id || !cell) return false;
    cell.textContent = vacancyText(change.vacantBeds, change.vacancyUpdatedAt, this.shown.m, this.shown.lang);
    cell.classList.add('just-updated');
    return true;
  }

  /** Shows the walk to the facility shown: minutes, metres, and links to open it in other maps. */
  showRoute(state: RouteState, m: Messages): void {
    if (state.status === 'none') return fill(this.routeBox);
    if (state.status === 'loading') return fill(this.routeBox, h('p', { role: 'status' }, m.loading));
    if (state.status === 'error') return fill(this.routeBox, h('p', { role: 'alert' }, m.loadFailed));
    if (!state.route) return fill(this.routeBox, h('p', { role: 'status' }, m.routeNone));
    const { route } = state;
    const links = externalRouteLinks(state.from, state.fromName, state.to, state.toName);
    fill(
      this.routeBox,
      h(
        'p',
        { class: 'route-minutes', 'data-minutes': route.minutes, 'data-method': route.method },
        m.routeSummary(Math.max(1, Math.ceil(route.minutes)), formatDistance(route.meters, m)),
      ),
      route.method === 'RADIUS' ? h('p', { class: 'hint' }, m.routeStraight) : null,
      h(
        'p',
        { class: 'hint' },
        m.routeOpenIn,
        ' ',
        h('a', { href: links.amap, target: '_blank', rel: 'noopener noreferrer' }, m.amap),
        ' · ',
        h('a', { href: links.baidu, target: '_blank', rel: 'noopener noreferrer' }, m.baidu),
      ),
    );
  }

  /** Shows a short message instead of a facility (loading, not found, error). */
  showMessage(text: string, m: Messages, kind: 'status' | 'alert' = 'status'): void {
    this.shown = null;
    fill(
      this.root,
      h('button', { type: 'button', class: 'back', onclick: () => this.actions.back() }, `← ${m.back}`),
      h('p', { role: kind, class: kind === 'alert' ? 'panel-alert' : null, id: 'details-message' }, text),
    );
  }
}
