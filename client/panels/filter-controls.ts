import { fill, h, type Child } from '../dom';
import { FACILITY_SERVICES, FACILITY_TYPES, type FacilityService, type FacilityType } from '../domain';
import { CARE_LEVELS, isCareLevel, NO_FILTERS, type FacilityFilters } from '../filters';
import type { Messages } from '../i18n/zh';
import { typeSwatch } from './facility-button';

/** Monthly budgets offered, in CNY. */
export const FEE_STEPS = [1000, 2000, 3000, 5000, 8000];

/** How many filters are chosen (the near search aside), for the summary line. */
export function chosenFilterCount(filters: FacilityFilters): number {
  return (
    filters.types.length +
    filters.services.length +
    (filters.hasVacancy ? 1 : 0) +
    (filters.maxMonthlyFee !== null ? 1 : 0)
  );
}

/**
 * The filters as form controls inside a collapsible section: types (the legend of the markers), vacancy,
 * a monthly budget for a care level, services. `prefix` keeps the ids of two copies apart (the search and
 * the circle panel each have one; only one is shown at a time).
 */
export function renderFilterControls(
  box: HTMLDetailsElement,
  m: Messages,
  filters: FacilityFilters,
  change: (filters: FacilityFilters) => void,
  prefix = '',
): void {
  const f = filters;
  const set = (next: Partial<FacilityFilters>) => change({ ...f, ...next });
  const toggle = <T extends string>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const chip = (id: string, label: Child, checked: boolean, onchange: () => void, className = '') =>
    h(
      'label',
      { class: `chip ${className}`, for: id },
      h('input', { type: 'checkbox', id, checked, onchange }),
      label,
    );
  const types = h(
    'fieldset',
    { class: 'chips' },
    h('legend', {}, m.typesLegend),
    FACILITY_TYPES.map((type: FacilityType) =>
      chip(
        `${prefix}type-${type}`,
        [typeSwatch(type, m), m.types[type]],
        f.types.includes(type),
        () => set({ types: toggle(f.types, type) }),
        'chip-type',
      ),
    ),
  );
  const services = h(
    'fieldset',
    { class: 'chips' },
    h('legend', {}, m.servicesLegend),
    FACILITY_SERVICES.map((service: FacilityService) =>
      chip(`${prefix}service-${service}`, m.serviceNames[service], f.services.includes(service), () =>
        set({ services: toggle(f.services, service) }),
      ),
    ),
  );
  const level = h(
    'select',
    {
      id: `${prefix}care-level`,
      onchange: (event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        set({ careLevel: isCareLevel(value) ? value : null });
      },
    },
    h('option', { value: '', selected: f.careLevel === null }, m.anyLevel),
    CARE_LEVELS.map((careLevel) =>
      h('option', { value: careLevel, selected: f.careLevel === careLevel }, m.careLevels[careLevel]),
    ),
  );
  const fee = h(
    'select',
    {
      id: `${prefix}max-fee`,
      onchange: (event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        set({ maxMonthlyFee: value === '' ? null : Number(value) });
      },
    },
    h('option', { value: '', selected: f.maxMonthlyFee === null }, m.anyFee),
    FEE_STEPS.map((yuan) =>
      h('option', { value: yuan, selected: f.maxMonthlyFee === yuan }, m.feeUpTo(yuan)),
    ),
  );
  const count = chosenFilterCount(f);
  // Chosen filters stay in sight.
  if (count > 0) box.open = true;
  fill(
    box,
    h('summary', {}, h('h2', {}, m.filtersActive(count))),
    types,
    h(
      'div',
      { class: 'field-row' },
      chip(`${prefix}has-vacancy`, m.hasVacancy, f.hasVacancy, () => set({ hasVacancy: !f.hasVacancy })),
    ),
    h(
      'div',
      { class: 'field-row budget-row' },
      h('label', { for: `${prefix}care-level` }, m.careLevelLabel),
      level,
      h('label', { for: `${prefix}max-fee` }, m.maxFee),
      fee,
    ),
    h(
      'details',
      { class: 'more-filters', open: f.services.length > 0 },
      h('summary', {}, m.moreFilters),
      services,
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: () => change({ ...NO_FILTERS, near: f.near }),
      },
      m.clearFilters,
    ),
  );
}
