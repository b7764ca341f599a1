import type { FacilityDetails, VacancyChange } from '../api/types';
import { fill, h } from '../dom';
import type { LngLat } from '../domain';
import { formatDateTime, formatFee, type Lang } from '../i18n/i18n';
import type { Messages } from '../i18n/zh';
import { typeSwatch } from './search-panel';

/** What the details panel asks the app to do. */
export interface DetailsPanelActions {
  back(): void;
  open(id: string): void;
  /** Starts the 15-minute circle at the facility; without it the panel offers no circle. */
  circleFrom?(point: LngLat): void;
}

/** A term, its value (null: not provided) and, for values that change while shown, the value's element id. */
type Row = [string, Node | string | null, string?];

/** Vacant beds with the time they were reported. */
function vacancyText(vacantBeds: number | null, updatedAt: string | null, m: Messages, lang: Lang): string {
  if (vacantBeds === null) return m.vacancyUnknown;
  return `${vacantBeds}${updatedAt ? ` (${m.vacancyUpdated(formatDateTime(updatedAt, lang))})` : ''}`;
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

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: DetailsPanelActions,
  ) {}

  /** Shows a facility; moves focus to its name so screen readers start there. */
  show(facility: FacilityDetails, m: Messages, lang: Lang, regionNames: Map<string, string>): void {
    const name = lang === 'en' && facility.nameEn ? facility.nameEn : facility.name;
    const [lng, lat] = facility.location.coordinates;
    const heading = h('h2', { id: 'details-heading', tabindex: '-1' }, name);
    this.shown = { id: facility.id, m, lang };
    const vacancy = vacancyText(facility.vacantBeds, facility.vacancyUpdatedAt, m, lang);
    const circleFrom = this.actions.circleFrom;
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
    const rows: Row[] = [
      [m.address, facility.address],
      [m.phone, facility.phone ? h('a', { href: `tel:${facility.phone}` }, facility.phone) : null],
      [m.openingHours, facility.openingHours],
      [m.operatorType, facility.operatorType ? m.operatorTypes[facility.operatorType] : null],
      [
        m.services,
        facility.services.length ? facility.services.map((s) => m.serviceNames[s]).join('、') : null,
      ],
      [m.fees, formatFee(facility.feeMinMonthly, facility.feeMaxMonthly, m)],
      [m.vacancy, vacancy, 'details-vacancy'],
      [m.totalBeds, facility.totalBeds?.toString() ?? null],
      [m.nursingBeds, facility.nursingBeds?.toString() ?? null],
      [m.dementiaBeds, facility.dementiaBeds?.toString() ?? null],
      [m.residents, facility.residents?.toString() ?? null],
      [m.hasRehabRoom, yesNo(facility.hasRehabRoom, m)],
      [m.hasInhouseMedical, yesNo(facility.hasInhouseMedical, m)],
      [m.ltcInsurance, yesNo(facility.ltcInsurance, m)],
      [m.medicalInsurance, yesNo(facility.medicalInsurance, m)],
      [m.starRating, facility.starRating ? m.stars(facility.starRating) : null],
      [m.hospitalGrade, facility.hospitalGrade ? m.hospitalGrades[facility.hospitalGrade] : null],
      [
        m.region,
        facility.regionCode
          ? `${regionNames.get(facility.regionCode) ?? ''} ${facility.regionCode}`.trim()
          : null,
      ],
      [m.location, `${lat.toFixed(5)}, ${lng.toFixed(5)}`],
      [m.partners, partnerships],
      [m.consortia, consortia],
      [m.source, facility.source],
      [m.osmId, facility.osmId],
      [m.verifiedOn, facility.verifiedOn],
    ];
    fill(
      this.root,
      h('button', { type: 'button', class: 'back', onclick: () => this.actions.back() }, `← ${m.back}`),
      h('p', { class: 'details-type' }, typeSwatch(facility.type, m), m.types[facility.type]),
      heading,
      facility.nameEn && lang === 'zh' ? h('p', { class: 'muted', lang: 'en' }, facility.nameEn) : null,
      facility.isSample
        ? h('p', { class: 'sample-note', role: 'note' }, h('strong', {}, m.sample), ' ', m.sampleNote)
        : null,
      circleFrom
        ? h(
            'button',
            { type: 'button', id: 'circle-from-facility', onclick: () => circleFrom({ lng, lat }) },
            m.circleFromFacility,
          )
        : null,
      definitionList(rows, m),
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

  /** Shows a short message instead of a facility (loading, not found, error). */
  showMessage(text: string, m: Messages): void {
    this.shown = null;
    fill(
      this.root,
      h('button', { type: 'button', class: 'back', onclick: () => this.actions.back() }, `← ${m.back}`),
      h('p', { role: 'status' }, text),
    );
  }
}
