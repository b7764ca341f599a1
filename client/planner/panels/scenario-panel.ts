import { fill, h } from '../../dom';
import type { FacilityType } from '../../domain';
import type { Lang } from '../../i18n/i18n';
import { formatCount } from '../i18n/messages';
import type { PlannerMessages } from '../i18n/zh';
import type { CoverageDelta, Scenario, SiteSuggestion } from '../types';
import { keepingFocus } from './keep-focus';

/** What the scenario panel asks the page to do. */
export interface ScenarioActions {
  create(): void;
  place(type: FacilityType): void;
  suggest(count: number): void;
}

/** What the panel shows. */
export interface ScenarioView {
  scenario: Scenario | null;
  types: readonly FacilityType[];
  typeNames: (type: FacilityType) => string;
  placing: boolean;
  comparison: CoverageDelta | null;
  suggesting: boolean;
  suggestion: SiteSuggestion | null;
}

/** The scenario tools: make a scenario, place hypothetical facilities, compare with today, suggest sites. */
export class ScenarioPanel {
  private count = 3;
  private type: FacilityType | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: ScenarioActions,
  ) {}

  /** Hides the tools (without planner rights). */
  clear(): void {
    fill(this.root);
  }

  render(m: PlannerMessages, lang: Lang, view: ScenarioView): void {
    const type = this.type && view.types.includes(this.type) ? this.type : view.types[0];
    const count = (value: number) => formatCount(value, lang);
    const delta = view.comparison;
    keepingFocus(this.root, () =>
      fill(
        this.root,
        h('h2', { id: 'scenario-heading' }, m.scenarioHeading),
        h('p', { class: 'muted' }, m.scenarioExplanation),
        h(
          'button',
          { type: 'button', id: 'scenario-new', onclick: () => this.actions.create() },
          m.scenarioNew,
        ),
        view.scenario
          ? h('p', { id: 'scenario-name' }, m.scenarioName(view.scenario.name, view.scenario.changes.length))
          : null,
        view.scenario
          ? h(
              'div',
              { class: 'scenario-place' },
              h(
                'label',
                {},
                m.scenarioType,
                h(
                  'select',
                  {
                    id: 'scenario-type',
                    onchange: (event: Event) => {
                      this.type = (event.target as HTMLSelectElement).value as FacilityType;
                    },
                  },
                  view.types.map((option) =>
                    h('option', { value: option, selected: option === type }, view.typeNames(option)),
                  ),
                ),
              ),
              h(
                'button',
                {
                  type: 'button',
                  id: 'scenario-place',
                  'aria-pressed': String(view.placing),
                  onclick: () => this.actions.place(type),
                },
                view.placing ? m.scenarioPlacing : m.scenarioPlace,
              ),
            )
          : null,
        delta
          ? h(
              'ul',
              { id: 'scenario-comparison', class: 'scenario-comparison' },
              h(
                'li',
                { id: 'scenario-covered' },
                m.scenarioCovered(
                  count(delta.coveredToday.age60plus),
                  count(delta.coveredInScenario.age60plus),
                ),
              ),
              h(
                'li',
                { id: 'scenario-newly', 'data-count': String(delta.newlyCovered.age60plus) },
                m.scenarioNewly(count(delta.newlyCovered.age60plus)),
              ),
              h(
                'li',
                { id: 'scenario-lost', 'data-count': String(delta.lostCover.age60plus) },
                m.scenarioLost(count(delta.lostCover.age60plus)),
              ),
            )
          : null,
        h('h3', { id: 'suggest-heading' }, m.suggestHeading),
        h(
          'label',
          {},
          m.suggestCount,
          h('input', {
            id: 'suggest-count',
            type: 'number',
            min: '1',
            max: '10',
            value: String(this.count),
            onchange: (event: Event) => {
              const value = Number((event.target as HTMLInputElement).value);
              if (Number.isInteger(value) && value >= 1 && value <= 10) this.count = value;
            },
          }),
        ),
        h(
          'button',
          {
            type: 'button',
            id: 'suggest-sites',
            disabled: view.suggesting,
            onclick: () => this.actions.suggest(this.count),
          },
          view.suggesting ? m.suggestRunning : m.suggestRun(this.count),
        ),
        view.suggestion
          ? h(
              'div',
              { id: 'suggestion' },
              h(
                'p',
                { id: 'suggest-total' },
                m.suggestTotal(
                  count(view.suggestion.totalNewlyCovered),
                  `${(100 * view.suggestion.optimalityGap).toFixed(1)}%`,
                  view.suggestion.method === 'EXACT',
                ),
              ),
              h(
                'p',
                { id: 'suggest-demand', class: 'muted' },
                m.suggestDemand(
                  view.suggestion.weight === null ? null : m.needWeights[view.suggestion.weight],
                ),
              ),
              h(
                'ol',
                { id: 'suggested-sites' },
                view.suggestion.sites.map((site) =>
                  h('li', {}, m.suggestSite(site.rank, count(site.newlyCovered), count(site.marginalGain))),
                ),
              ),
            )
          : null,
      ),
    );
  }
}
