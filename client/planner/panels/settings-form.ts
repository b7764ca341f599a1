import { fill, h } from '../../dom';
import { FACILITY_TYPES, isFacilityType, type FacilityType } from '../../domain';
import { messagesFor, type Lang } from '../../i18n/i18n';
import { typeSwatch } from '../../panels/search-panel';
import type { PlannerMessages } from '../i18n/zh';
import {
  GUIDANCE_SPEED,
  PRESET_IDS,
  presetOf,
  SPEEDS,
  TRAVEL_MODES,
  usesWalkingSpeed,
  withPreset,
  type AnalysisSettings,
  type PresetId,
} from '../settings';
import type { District } from '../types';

/** What the settings form asks the page to do. */
export interface SettingsActions {
  /** Run the analysis (and the scorecard) for these settings. */
  run(settings: AnalysisSettings): void;
}

/** How the form is drawn. */
export interface SettingsView {
  settings: AnalysisSettings;
  districts: readonly District[];
  /** Whether the caller may analyse coverage and gaps (planner or admin). */
  canAnalyse: boolean;
}

/** Region, facility types (presets or custom), travel mode, time limit, walking speed, basket and capacity. */
export class SettingsForm {
  private draft!: AnalysisSettings;
  private m!: PlannerMessages;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: SettingsActions,
  ) {}

  /** Draws the form for the settings of the page. */
  render(m: PlannerMessages, lang: Lang, view: SettingsView): void {
    this.m = m;
    this.draft = { ...view.settings, types: [...view.settings.types] };
    const region = h(
      'select',
      {
        id: 'region',
        onchange: (event: Event) => {
          this.draft.regionCode = (event.target as HTMLSelectElement).value;
          this.actions.run(this.draft);
        },
      },
      view.districts.map((district) =>
        h(
          'option',
          { value: district.code, selected: district.code === view.settings.regionCode },
          `${district.name} ${district.code}`,
        ),
      ),
    );
    const regionField = h(
      'div',
      { class: 'field' },
      h('label', { for: 'region', class: 'field-label' }, m.region),
      region,
    );
    if (!view.canAnalyse) {
      fill(
        this.root,
        h('h2', { id: 'settings-heading' }, m.settingsHeading),
        regionField,
        h('p', { class: 'muted' }, m.signInToAnalyse),
      );
      return;
    }
    const form = h(
      'form',
      {
        id: 'settings-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          if (this.draft.types.length) this.actions.run({ ...this.draft, types: [...this.draft.types] });
        },
      },
      regionField,
      this.presetFieldset(presetOf(this.draft.types)),
      this.typesFieldset(lang),
      h(
        'p',
        { class: 'alert', id: 'no-types', role: 'alert', hidden: this.draft.types.length > 0 },
        m.noTypes,
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'mode', class: 'field-label' }, m.mode),
        h(
          'select',
          {
            id: 'mode',
            onchange: (event: Event) => {
              const mode = TRAVEL_MODES.find((value) => value === (event.target as HTMLSelectElement).value);
              if (mode) this.draft.mode = mode;
              this.syncSpeed();
            },
          },
          TRAVEL_MODES.map((mode) =>
            h('option', { value: mode, selected: mode === this.draft.mode }, m.modes[mode]),
          ),
        ),
      ),
      h(
        'div',
        { class: 'field-row' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'minutes', class: 'field-label' }, m.minutes),
          h('input', {
            id: 'minutes',
            type: 'number',
            min: 1,
            max: 60,
            step: 1,
            required: true,
            value: this.draft.minutes,
            onchange: (event: Event) => {
              const value = Number((event.target as HTMLInputElement).value);
              if (Number.isInteger(value) && value >= 1 && value <= 60) this.draft.minutes = value;
            },
          }),
        ),
        h(
          'div',
          { class: 'field', id: 'speed-field', hidden: !usesWalkingSpeed(this.draft.mode) },
          h('label', { for: 'speed', class: 'field-label' }, m.speed),
          h(
            'select',
            {
              id: 'speed',
              disabled: !usesWalkingSpeed(this.draft.mode),
              onchange: (event: Event) => {
                this.draft.speedMetersPerMinute = Number((event.target as HTMLSelectElement).value);
              },
            },
            [...new Set([...SPEEDS, this.draft.speedMetersPerMinute])]
              .sort((a, b) => a - b)
              .map((speed) =>
                h(
                  'option',
                  { value: speed, selected: speed === this.draft.speedMetersPerMinute },
                  m.speedOption(speed, speed === GUIDANCE_SPEED),
                ),
              ),
          ),
        ),
      ),
      h(
        'p',
        { class: 'hint', id: 'speed-walk-only', hidden: usesWalkingSpeed(this.draft.mode) },
        m.speedWalkOnly,
      ),
      this.checkbox(
        'basket',
        m.basket,
        m.basketHint,
        this.draft.basket,
        (checked) => (this.draft.basket = checked),
      ),
      this.checkbox(
        'capacity',
        m.capacity,
        m.capacityHint,
        this.draft.capacityAware,
        (checked) => (this.draft.capacityAware = checked),
      ),
      h(
        'button',
        { type: 'submit', class: 'primary', id: 'run', disabled: this.draft.types.length === 0 },
        m.run,
      ),
    );
    fill(this.root, h('h2', { id: 'settings-heading' }, m.settingsHeading), form);
  }

  private checkbox(
    id: string,
    label: string,
    hint: string,
    checked: boolean,
    change: (checked: boolean) => void,
  ) {
    return h(
      'div',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id,
        checked,
        'aria-describedby': `${id}-hint`,
        onchange: (event: Event) => change((event.target as HTMLInputElement).checked),
      }),
      h('label', { for: id }, label),
      h('p', { class: 'hint', id: `${id}-hint` }, hint),
    );
  }

  private presetFieldset(current: PresetId | null): HTMLElement {
    const m = this.m;
    const options: [PresetId | 'custom', string][] = [
      ...PRESET_IDS.map((id): [PresetId, string] => [id, m.presets[id]]),
      ['custom', m.customTypes],
    ];
    return h(
      'fieldset',
      { class: 'chips presets' },
      h('legend', {}, m.preset),
      options.map(([id, label]) =>
        h(
          'label',
          { class: 'chip', for: `preset-${id}` },
          h('input', {
            type: 'radio',
            name: 'preset',
            id: `preset-${id}`,
            value: id,
            checked: (current ?? 'custom') === id,
            onchange: () => {
              if (id !== 'custom') this.choosePreset(id);
            },
          }),
          label,
        ),
      ),
      h(
        'p',
        { class: 'hint', id: 'medical-and-care-note', hidden: current !== 'medicalAndCare' },
        m.medicalAndCareNote,
      ),
    );
  }

  private typesFieldset(lang: Lang): HTMLElement {
    const names = messagesFor(lang);
    return h(
      'details',
      { class: 'types-box', open: presetOf(this.draft.types) === null },
      h('summary', {}, this.m.typesLegend),
      h(
        'fieldset',
        { class: 'chips' },
        h('legend', { class: 'visually-hidden' }, this.m.typesLegend),
        FACILITY_TYPES.map((type) =>
          h(
            'label',
            { class: 'chip', for: `analysis-type-${type}` },
            h('input', {
              type: 'checkbox',
              id: `analysis-type-${type}`,
              value: type,
              checked: this.draft.types.includes(type),
              onchange: () => this.readTypes(),
            }),
            typeSwatch(type, names),
            names.types[type],
          ),
        ),
      ),
    );
  }

  private choosePreset(preset: PresetId) {
    this.draft = withPreset(this.draft, preset);
    for (const box of this.root.querySelectorAll<HTMLInputElement>('input[id^="analysis-type-"]')) {
      box.checked = this.draft.types.includes(box.value as FacilityType);
    }
    this.root.querySelector<HTMLInputElement>('#minutes')!.value = String(this.draft.minutes);
    this.syncNotes();
  }

  private readTypes() {
    this.draft.types = [...this.root.querySelectorAll<HTMLInputElement>('input[id^="analysis-type-"]')]
      .filter((box) => box.checked)
      .map((box) => box.value)
      .filter(isFacilityType);
    const preset = presetOf(this.draft.types) ?? 'custom';
    this.root.querySelector<HTMLInputElement>(`#preset-${preset}`)!.checked = true;
    this.syncNotes();
  }

  /** The walking speed applies to walking only: hidden and disabled for the other modes, with a note why. */
  private syncSpeed() {
    const walking = usesWalkingSpeed(this.draft.mode);
    this.root.querySelector<HTMLElement>('#speed-field')!.hidden = !walking;
    this.root.querySelector<HTMLSelectElement>('#speed')!.disabled = !walking;
    this.root.querySelector<HTMLElement>('#speed-walk-only')!.hidden = walking;
  }

  private syncNotes() {
    this.root.querySelector<HTMLElement>('#medical-and-care-note')!.hidden =
      presetOf(this.draft.types) !== 'medicalAndCare';
    this.root.querySelector<HTMLElement>('#no-types')!.hidden = this.draft.types.length > 0;
    this.root.querySelector<HTMLButtonElement>('#run')!.disabled = this.draft.types.length === 0;
  }
}
