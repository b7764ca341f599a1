import { h } from '../dom';

/** The elements of the page the app fills in. */
export interface PlannerElements {
  title: HTMLElement;
  langButton: HTMLButtonElement;
  publicLink: HTMLAnchorElement;
  panel: HTMLElement;
  signIn: HTMLElement;
  settings: HTMLElement;
  progress: HTMLElement;
  scorecard: HTMLElement;
  choropleth: HTMLElement;
  coverage: HTMLElement;
  need: HTMLElement;
  gaps: HTMLElement;
  scenario: HTMLElement;
  map: HTMLElement;
  legend: HTMLElement;
  gapCard: HTMLElement;
}

/** Builds the page's fixed elements inside `root`. */
export function buildPlannerPage(root: HTMLElement): PlannerElements {
  const title = h('h1', { class: 'app-title' });
  const publicLink = h('a', { id: 'public-link', class: 'topbar-link', href: '/' });
  const langButton = h('button', { type: 'button', id: 'lang-toggle' });
  const section = (id: string) => h('section', { id, class: 'panel-section' });
  const signIn = section('sign-in');
  const settings = section('settings');
  const progress = h('p', { id: 'progress', class: 'progress', role: 'status', 'aria-live': 'polite' });
  const scorecard = section('scorecard');
  const choropleth = section('choropleth');
  const coverage = section('coverage');
  const need = section('need');
  const gaps = section('gaps');
  const scenario = section('scenario');
  const panel = h(
    'aside',
    { id: 'panel', class: 'panel' },
    signIn,
    settings,
    progress,
    coverage,
    need,
    scenario,
    gaps,
    scorecard,
    choropleth,
  );
  const map = h('div', { id: 'map', class: 'map', role: 'region' });
  const legend = h('div', { id: 'legend', class: 'map-legend' });
  const gapCard = h('div', {
    id: 'gap-card',
    class: 'gap-card',
    hidden: true,
    'aria-labelledby': 'gap-card-heading',
    role: 'region',
  });
  root.replaceChildren(
    h('header', { class: 'topbar' }, title, h('div', { class: 'topbar-actions' }, publicLink, langButton)),
    h(
      'main',
      { class: 'layout planner-layout' },
      h('div', { class: 'map-area' }, map, gapCard, legend),
      panel,
    ),
  );
  return {
    title,
    langButton,
    publicLink,
    panel,
    signIn,
    settings,
    progress,
    scorecard,
    choropleth,
    coverage,
    need,
    gaps,
    scenario,
    map,
    legend,
    gapCard,
  };
}
