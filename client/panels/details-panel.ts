import type { FacilityDetails } from '../api/types';
import { fill, h } from '../dom';
import { formatDateTime, formatFee, type Lang } from '../i18n/i18n';
import type { Messages } from '../i18n/zh';
import { typeSwatch } from './search-panel';

/** What the details panel asks the app to do. */
export interface DetailsPanelActions {
  back(): void;
  open(id: string): void;
}

type Row = [string, Node | string | null];

function yesNo(value: boolean | null, m: Messages): string | null {
  if (value === null) return null;
  return value ? m.yes : m.no;
}

function definitionList(rows: Row[], m: Messages): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.map(([term, value]) => [
      h('dt', {}, term),
      h('dd', {}, value ?? h('span', { class: 'muted' }, m.notProvided)),
    ]),
  );
}

/** Every attribute of one facility: beds and vacancy with its time, fees, services, partners, consortia, source. */
export class DetailsPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: DetailsPanelActions,
  ) {}

  /** Shows a facility; moves focus to its name so screen readers start there. */
  show(facility: FacilityDetails, m: Messages, lang: Lang, regionNames: Map<string, string>): void {
    const name = lang === 'en' && facility.nameEn ? facility.nameEn : facility.name;
    const [lng, lat] = facility.location.coordinates;
    const heading = h('h2', { id: 'details-heading', tabindex: '-1' }, name);
    const vacancy =
      facility.vacantBeds === null
        ? m.vacancyUnknown
        : `${facility.vacantBeds}${facility.vacancyUpdatedAt ? ` (${m.vacancyUpdated(formatDateTime(facility.vacancyUpdatedAt, lang))})` : ''}`;
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
      [m.vacancy, vacancy],
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
      definitionList(rows, m),
    );
    heading.focus({ preventScroll: true });
  }

  /** Shows a short message instead of a facility (loading, not found, error). */
  showMessage(text: string, m: Messages): void {
    fill(
      this.root,
      h('button', { type: 'button', class: 'back', onclick: () => this.actions.back() }, `← ${m.back}`),
      h('p', { role: 'status' }, text),
    );
  }
}
