import type { CareLevel } from '../api/generated/graphql';
import { h } from '../dom';
import type { FacilityType } from '../domain';
import type { Messages } from '../i18n/zh';
import { TYPE_STYLES } from '../map/theme';
import { vacancyAgeDays } from './freshness';
import { listedPrice } from './listed-price';

/** What a list entry shows of a facility. */
export interface ListedFacility {
  id: string;
  type: FacilityType;
  name: string;
  nameEn?: string | null;
  address?: string | null;
  addressEn?: string | null;
  isSample: boolean;
  vacantBeds: number | null;
  vacancyUpdatedAt?: string | null;
  feeMinMonthly: number | null;
  feeMaxMonthly: number | null;
  fees?: { careLevel: CareLevel; totalMonthly: number }[];
}

/**
 * A facility of a list as a button: its type's marker, name, sample mark, what the list adds (`leading`
 * first: e.g. the walking time; `trailing` last: e.g. the distance), type, vacancy (and how old it is when
 * stale), the price for the chosen care level and the address, in the interface's language.
 */
export function facilityButton(
  item: ListedFacility,
  m: Messages,
  open: () => void,
  trailing: (string | null)[] = [],
  leading: (string | null)[] = [],
  careLevel: CareLevel | null = null,
  now = Date.now(),
): HTMLElement {
  const english = m.lang === 'en';
  const name = english && item.nameEn ? item.nameEn : item.name;
  const address = english && item.addressEn ? item.addressEn : item.address;
  const age = vacancyAgeDays(item.vacancyUpdatedAt ?? null, now);
  const meta = [
    ...leading,
    m.types[item.type],
    item.vacantBeds !== null && item.vacantBeds > 0
      ? `${m.vacantBeds(item.vacantBeds)}${age !== null ? `（${m.staleVacancy(age)}）` : ''}`
      : null,
    listedPrice(item, m, careLevel),
    ...trailing,
  ].filter(Boolean);
  return h(
    'button',
    { type: 'button', class: 'result', 'data-id': item.id, 'data-type': item.type, onclick: open },
    typeSwatch(item.type, m),
    h(
      'span',
      { class: 'result-text' },
      h('span', { class: 'result-name' }, name),
      item.isSample ? h('span', { class: 'tag tag-sample' }, m.sample) : null,
      h('span', { class: 'result-meta' }, meta.join(' · ')),
      address ? h('span', { class: 'result-address' }, address) : null,
    ),
  );
}

/** The marker of a type in miniature: its colour and symbol, hidden from screen readers (the name follows). */
export function typeSwatch(type: FacilityType, messages: Messages): HTMLElement {
  const style = TYPE_STYLES[type];
  return h(
    'span',
    {
      class: `swatch swatch-${style.shape}`,
      'aria-hidden': 'true',
      style: { '--type-color': style.color, '--type-contrast-color': style.contrastColor },
    },
    messages.typeSymbols[type],
  );
}
