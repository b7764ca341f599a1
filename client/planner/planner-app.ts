import type { NeedWeight } from '../api/generated/graphql';
import { ApiError } from '../api/graphql';
import { h } from '../dom';
import type { Lang } from '../i18n/i18n';
import { messagesFor } from '../i18n/i18n';
import type { FacilityType } from '../domain';
import {
  addScenarioChange,
  createScenario,
  fetchCoverage,
  fetchFacilityNames,
  fetchGaps,
  fetchNeedCoverage,
  fetchScorecard,
  fetchServiceAreas,
  fetchSuggestedSites,
  replaceScenarioChange,
} from './api';
import { clearToken, describeToken, mayPlan, saveToken, type TokenInfo } from './auth';
import { choroplethOf } from './choropleth';
import { countClasses, type Classes } from './classes';
import { downloadText } from './download';
import { gapsFileName, gapsGeoJson, scenarioSummary } from './export-geojson';
import { coverageCsv, coverageFileName, scorecardCsv, scorecardFileName } from './export-csv';
import { boundsOf, expandBounds, interiorPoint } from './geometry';
import { chinaDate, plannerMessages } from './i18n/messages';
import { PlannerMap } from './map/planner-map';
import { plannerStyle } from './map/planner-style';
import { ChoroplethPanel } from './panels/choropleth-panel';
import { coverageSummary } from './panels/coverage-summary';
import { GapCard } from './panels/gap-card';
import { GapsPanel } from './panels/gaps-panel';
import { MapLegend, type ToggleableLayer } from './panels/map-legend';
import { NeedPanel, type NeedStatus } from './panels/need-panel';
import { ScenarioPanel } from './panels/scenario-panel';
import { ScorecardPanel } from './panels/scorecard-panel';
import { SettingsForm } from './panels/settings-form';
import { SignInPanel } from './panels/sign-in-panel';
import type { PlannerElements } from './planner-page';
import { ProgressLine, type Step } from './progress';
import { indicatorsOf } from './scorecard';
import {
  formatPlannerState,
  PLANNER_CITY,
  serviceAreaReachMeters,
  speedOf,
  type AnalysisSettings,
  type PlannerState,
} from './settings';
import type {
  CoverageReport,
  District,
  Gap,
  IndicatorResult,
  Scenario,
  ServiceArea,
  SiteSuggestion,
} from './types';

/** The answer to one coverage and gap question. */
interface Analysis {
  settings: AnalysisSettings;
  coverage: CoverageReport;
  gaps: Gap[];
  gapClasses: Classes;
  serviceAreas: ServiceArea[];
  /** How many facilities have a service area to draw; null while they are still being drawn. */
  serviceAreasTotal: number | null;
}

const NO_CLASSES: Classes = { thresholds: [], colors: [] };
/** What the map shows of a district without a recorded boundary: central 杭州. */
const FALLBACK_BOUNDS = { west: 120.1, south: 30.2, east: 120.25, north: 30.3 };

/** The planner page: sign-in, analysis settings, scorecard, choropleth, coverage, gaps, map, exports. */
export class PlannerApp {
  private state: PlannerState;
  private token: string | null = null;
  private tokenInfo: TokenInfo | null = null;
  private signInMessage: string | null = null;
  /** The server refused planner data to this token (FORBIDDEN): treat it as public. */
  private forbidden = false;
  private scorecard: IndicatorResult[] | null = null;
  private cityScorecard: IndicatorResult[] | null = null;
  private cityScorecardLoading = false;
  private analysis: Analysis | null = null;
  private selectedGapId: string | null = null;
  private show: Record<ToggleableLayer, boolean> = { serviceAreas: true, gaps: true };
  private request: AbortController | null = null;
  private readonly map: PlannerMap;
  private readonly progress: ProgressLine;
  private readonly signInPanel: SignInPanel;
  private readonly settingsForm: SettingsForm;
  private readonly scorecardPanel: ScorecardPanel;
  private readonly choroplethPanel: ChoroplethPanel;
  private readonly gapsPanel: GapsPanel;
  private readonly gapCard: GapCard;
  private readonly legend: MapLegend;
  private readonly scenarioPanel: ScenarioPanel;
  private readonly needPanel: NeedPanel;
  private needStatus: NeedStatus = { state: 'idle' };
  private needRequest: AbortController | null = null;
  /** The planner's what-if scenario in use, if any: coverage and gaps are computed with it. */
  private scenario: Scenario | null = null;
  /** The type of hypothetical facility the next map click places, or null when not placing. */
  private placing: FacilityType | null = null;
  private suggesting = false;
  private suggestion: SiteSuggestion | null = null;

  constructor(
    private readonly el: PlannerElements,
    initial: PlannerState,
    private readonly districts: readonly District[],
    private readonly storage: Storage,
    storedToken: string | null,
  ) {
    const known = districts.some((district) => district.code === initial.settings.regionCode);
    this.state = known
      ? initial
      : {
          ...initial,
          settings: { ...initial.settings, regionCode: districts[0]?.code ?? initial.settings.regionCode },
        };
    const problem = storedToken ? this.acceptToken(storedToken) : null;
    if (problem) {
      clearToken(storage);
      this.signInMessage = problem;
    }
    this.progress = new ProgressLine(el.progress);
    this.signInPanel = new SignInPanel(el.signIn, {
      signIn: (token) => this.signIn(token),
      signOut: () => this.signOut(null),
    });
    this.settingsForm = new SettingsForm(el.settings, { run: (settings) => void this.run(settings) });
    this.scorecardPanel = new ScorecardPanel(el.scorecard, {
      exportCsv: () => this.exportCsv(),
      openReport: () => this.openReport(),
      loadFacilities: (ids) => fetchFacilityNames(ids, this.token),
    });
    this.choroplethPanel = new ChoroplethPanel(el.choropleth, {
      choose: (code) => void this.chooseChoropleth(code),
    });
    this.gapsPanel = new GapsPanel(el.gaps, {
      select: (id) => this.selectGap(id, true),
      exportGeojson: () => this.exportGeojson(),
    });
    this.gapCard = new GapCard(el.gapCard, () => this.closeGap());
    this.needPanel = new NeedPanel(el.need, { choose: (weight) => void this.chooseNeedWeight(weight) });
    this.legend = new MapLegend(el.legend, (layer, shown) => {
      this.show = { ...this.show, [layer]: shown };
      this.restyle();
    });
    this.scenarioPanel = new ScenarioPanel(el.scenario, {
      create: () => void this.newScenario(),
      place: (type) => {
        this.placing = type;
        this.renderScenario();
      },
      suggest: (count) => void this.suggestSites(count),
    });
    this.map = new PlannerMap(el.map, this.style(), this.regionBounds(), {
      gapClick: (id) => this.selectGap(id, false),
      mapClick: (point) => {
        if (!this.placing || !this.scenario) return false;
        const type = this.placing;
        this.placing = null;
        void this.changeScenario((scenario, token) =>
          addScenarioChange(scenario, { kind: 'ADD', type, location: point }, token),
        );
        return true;
      },
    });
    el.langButton.addEventListener('click', () => this.setLang(this.state.lang === 'zh' ? 'en' : 'zh'));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.selectedGapId) this.closeGap();
    });
    this.renderAll();
    void this.run(this.state.settings);
    if (this.state.choropleth) void this.chooseChoropleth(this.state.choropleth);
  }

  private get m() {
    return plannerMessages(this.state.lang);
  }

  private get lang(): Lang {
    return this.state.lang;
  }

  private canAnalyse(): boolean {
    return this.token !== null && mayPlan(this.tokenInfo) && !this.forbidden;
  }

  private district(code = this.state.settings.regionCode): District | undefined {
    return this.districts.find((district) => district.code === code);
  }

  private regionBounds() {
    const boundary = this.district()?.boundary;
    return (boundary && boundsOf([boundary])) ?? FALLBACK_BOUNDS;
  }

  private choropleth() {
    return this.state.choropleth && this.cityScorecard
      ? choroplethOf(this.cityScorecard, this.state.choropleth)
      : null;
  }

  private style() {
    return plannerStyle({
      origin: location.origin,
      lang: this.lang,
      districts: this.districts,
      selectedRegion: this.state.settings.regionCode,
      choropleth: this.choropleth(),
      serviceAreas: this.analysis?.serviceAreas ?? [],
      gaps: this.analysis?.gaps ?? [],
      gapClasses: this.analysis?.gapClasses ?? NO_CLASSES,
      selectedGapId: this.selectedGapId,
      show: this.show,
      facilityTypes: this.analysis?.settings.types ?? this.state.settings.types,
    });
  }

  private restyle() {
    this.map.setStyle(this.style());
    // How many service areas the map draws, for whoever checks the page (tests, monitoring).
    this.el.map.dataset.serviceAreas = String(this.analysis?.serviceAreas.length ?? 0);
    this.renderLegend();
  }

  private writeUrl() {
    history.replaceState(null, '', `${location.pathname}${formatPlannerState(this.state)}`);
  }

  /** Takes a token as the page's; returns what is wrong with it instead when it cannot be used. */
  private acceptToken(raw: string): string | null {
    const info = describeToken(raw);
    if (!info) return this.m.tokenMalformed;
    if (info.expiresAt && info.expiresAt.getTime() <= Date.now()) return this.m.tokenExpired;
    this.token = raw.trim();
    this.tokenInfo = info;
    this.forbidden = false;
    this.signInMessage = mayPlan(info) ? null : this.m.tokenNoPlannerRole(info.role ?? this.m.unknownRole);
    return null;
  }

  private signIn(raw: string) {
    const problem = this.acceptToken(raw);
    if (problem) return this.showSignInMessage(problem);
    saveToken(this.storage, raw);
    this.cityScorecard = null;
    this.renderSignIn();
    this.renderSettings();
    this.el.signIn.querySelector<HTMLElement>('#sign-out')?.focus();
    void this.run(this.state.settings);
    if (this.state.choropleth) void this.chooseChoropleth(this.state.choropleth);
  }

  private signOut(message: string | null) {
    clearToken(this.storage);
    this.token = null;
    this.tokenInfo = null;
    this.forbidden = false;
    this.signInMessage = message;
    this.cityScorecard = null;
    this.renderSignIn();
    this.renderSettings();
    this.el.signIn.querySelector<HTMLElement>('#token-input')?.focus();
    void this.run(this.state.settings);
    if (this.state.choropleth) void this.chooseChoropleth(this.state.choropleth);
  }

  private showSignInMessage(message: string) {
    this.signInMessage = message;
    this.renderSignIn();
    this.el.signIn.querySelector<HTMLElement>('#token-input')?.focus();
  }

  private clearAnalysis() {
    this.analysis = null;
    this.selectedGapId = null;
    this.gapCard.hide();
    this.el.coverage.replaceChildren();
    this.gapsPanel.clear();
  }

  /** Loads the scorecard and, for planners, coverage, gaps and service areas; a new run cancels the last. */
  private async run(settings: AnalysisSettings) {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    const { signal } = request;
    const regionChanged = settings.regionCode !== this.state.settings.regionCode;
    this.state = { ...this.state, settings };
    this.writeUrl();
    this.clearAnalysis();
    this.restyle();
    if (regionChanged) this.map.fitBounds(this.regionBounds());
    const analyse = this.canAnalyse();
    const steps: Step[] = analyse ? ['scorecard', 'coverage', 'gaps', 'serviceAreas'] : ['scorecard'];
    if (analyse && this.state.needWeight) steps.push('need');
    this.progress.start(steps, this.m);
    this.scorecard = null;
    this.scorecardPanel.showMessage(this.m.loadingScorecard, this.m);
    const token = this.token;
    const done =
      <T>(step: Step) =>
      (value: T) => {
        if (!signal.aborted) this.progress.done(step);
        return value;
      };
    const scorecard = fetchScorecard(settings.regionCode, token, signal)
      .then(done('scorecard'))
      .then((rows) => {
        if (signal.aborted) return;
        this.scorecard = rows;
        this.renderScorecard();
      });
    const analysis = analyse && token ? this.analyse(settings, token, signal, done) : Promise.resolve();
    const need =
      analyse && this.state.needWeight
        ? this.loadNeed(settings, this.state.needWeight, signal).then(done('need'))
        : Promise.resolve(this.setNeedStatus({ state: 'idle' }));
    try {
      await Promise.all([scorecard, analysis, need]);
      if (!signal.aborted) this.progress.finish(null, this.m);
    } catch (error) {
      if (signal.aborted) return;
      this.progress.finish(error instanceof Error ? error.message : String(error), this.m);
      this.handleFailure(error);
    }
  }

  private async analyse(
    settings: AnalysisSettings,
    token: string,
    signal: AbortSignal,
    done: <T>(step: Step) => (value: T) => T,
  ) {
    // Service areas are drawn by the mode at its usual speed: no facility farther than that reaches in.
    const around = expandBounds(this.regionBounds(), serviceAreaReachMeters(settings));
    // Areas not stored for the mode and limit are drawn on demand and can take long: coverage and gaps are
    // shown as soon as they are ready, and the areas join the map when they arrive.
    const areas = fetchServiceAreas(settings, around, token, signal).then(done('serviceAreas'));
    areas.catch(() => undefined);
    const [coverage, gaps] = await Promise.all([
      fetchCoverage(settings, token, signal, this.scenario?.id ?? null).then(done('coverage')),
      fetchGaps(settings, token, signal, this.scenario?.id ?? null).then(done('gaps')),
    ]);
    if (signal.aborted) return;
    const analysis: Analysis = {
      settings,
      coverage,
      gaps,
      // Colour classes come from real gaps only: unknown areas are drawn neutral, never ranked with them.
      gapClasses: countClasses(
        gaps.filter((gap) => gap.reason === 'BEYOND_REACH').map((gap) => gap.elderly.age60plus),
      ),
      serviceAreas: [],
      serviceAreasTotal: null,
    };
    this.analysis = analysis;
    this.renderAnalysis();
    this.restyle();
    const drawn = await areas;
    if (signal.aborted || this.analysis !== analysis) return;
    this.analysis = { ...analysis, serviceAreas: drawn.areas, serviceAreasTotal: drawn.totalCount };
    this.restyle();
  }

  /** A refused token signs out; a token without planner rights falls back to the public view. */
  private handleFailure(error: unknown) {
    if (!(error instanceof ApiError)) return;
    if (error.code === 'UNAUTHENTICATED') return this.signOut(this.m.tokenRejected);
    if (error.code === 'FORBIDDEN' && this.token) {
      this.forbidden = true;
      this.signInMessage = this.m.tokenNoPlannerRole(this.tokenInfo?.role ?? this.m.unknownRole);
      this.renderSignIn();
      void this.run(this.state.settings);
    }
  }

  private async chooseChoropleth(code: string | null) {
    this.state = { ...this.state, choropleth: code };
    this.writeUrl();
    if (code && !this.cityScorecard && !this.cityScorecardLoading) {
      this.cityScorecardLoading = true;
      this.renderChoropleth();
      try {
        this.cityScorecard = await fetchScorecard(PLANNER_CITY, this.token);
      } catch (error) {
        console.error('Could not load the districts’ indicators:', error);
      } finally {
        this.cityScorecardLoading = false;
      }
    }
    this.renderChoropleth();
    this.restyle();
  }

  private selectGap(id: string, fromList: boolean) {
    const gaps = this.analysis?.gaps ?? [];
    const index = gaps.findIndex((gap) => gap.id === id);
    if (index < 0) return;
    const gap = gaps[index];
    this.selectedGapId = id;
    this.gapCard.show(gap, index + 1, this.analysis!.settings.mode, this.m, this.lang, fromList);
    this.map.centreOn(interiorPoint(gap.area), boundsOf([gap.area])!);
    this.renderGaps();
    this.restyle();
  }

  private closeGap() {
    const id = this.selectedGapId;
    this.selectedGapId = null;
    this.gapCard.hide();
    this.renderGaps();
    this.restyle();
    this.el.gaps.querySelector<HTMLButtonElement>(`button[data-gap-id="${CSS.escape(id ?? '')}"]`)?.focus();
  }

  private setLang(lang: Lang) {
    this.state = { ...this.state, lang };
    this.writeUrl();
    this.renderAll();
    if (this.selectedGapId) {
      const gaps = this.analysis?.gaps ?? [];
      const index = gaps.findIndex((gap) => gap.id === this.selectedGapId);
      this.gapCard.show(gaps[index], index + 1, this.analysis!.settings.mode, this.m, lang, false);
    }
    this.restyle();
  }

  private exportCsv() {
    if (!this.scorecard) return;
    const date = chinaDate(new Date());
    downloadText(
      scorecardFileName(this.state.settings.regionCode, date),
      scorecardCsv(this.scorecard),
      'text/csv;charset=utf-8',
    );
  }

  private exportGeojson() {
    if (!this.analysis) return;
    const now = new Date();
    const file = gapsGeoJson(
      this.analysis.gaps,
      this.analysis.settings,
      now.toISOString(),
      this.scenario && this.analysis.coverage.scenario
        ? scenarioSummary(this.scenario, this.analysis.coverage)
        : null,
    );
    downloadText(
      gapsFileName(this.analysis.settings, chinaDate(now)),
      JSON.stringify(file),
      'application/geo+json',
    );
  }

  private exportCoverageCsv() {
    if (!this.analysis) return;
    downloadText(
      coverageFileName(
        this.analysis.settings.regionCode,
        this.analysis.settings.minutes,
        chinaDate(new Date()),
      ),
      coverageCsv(this.analysis.coverage),
      'text/csv;charset=utf-8',
    );
  }

  private openReport() {
    const settings = this.analysis?.settings ?? this.state.settings;
    // A script-opened tab gets a copy of this tab's sessionStorage, and with it the token.
    const query = formatPlannerState({ ...this.state, settings });
    // The report computes with the scenario in use, and prints it against today.
    const scenario = this.scenario ? `&scenario=${encodeURIComponent(this.scenario.id)}` : '';
    window.open(`report.html${query}${scenario}`, '_blank');
  }

  private async newScenario() {
    if (!this.token) return;
    const time = new Intl.DateTimeFormat('zh-CN', { timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    try {
      this.scenario = await createScenario(this.m.scenarioDefaultName(time), this.token);
    } catch (error) {
      this.progress.finish(error instanceof Error ? error.message : String(error), this.m);
      return;
    }
    this.renderScenario();
    void this.run(this.state.settings);
  }

  /** Applies one change to the scenario, then computes coverage and gaps again with it. */
  private async changeScenario(change: (scenario: Scenario, token: string) => Promise<Scenario>) {
    if (!this.scenario || !this.token) return;
    try {
      this.scenario = await change(this.scenario, this.token);
    } catch (error) {
      this.progress.finish(error instanceof Error ? error.message : String(error), this.m);
      return;
    }
    this.renderScenario();
    await this.run(this.state.settings);
  }

  /** Weighs other people in need: only the need section is computed again. */
  private async chooseNeedWeight(weight: NeedWeight | null) {
    this.state = { ...this.state, needWeight: weight };
    this.writeUrl();
    if (weight === null) {
      this.needRequest?.abort();
      this.setNeedStatus({ state: 'idle' });
      return;
    }
    await this.loadNeed(this.state.settings, weight);
  }

  /**
   * Need-weighted coverage for the settings; a newer load (or the end of the run it belongs to, `runSignal`)
   * cancels it. Its failure is shown in its own section and does not fail the analysis.
   */
  private async loadNeed(settings: AnalysisSettings, weight: NeedWeight, runSignal?: AbortSignal) {
    this.needRequest?.abort();
    const request = new AbortController();
    this.needRequest = request;
    runSignal?.addEventListener('abort', () => request.abort());
    const token = this.token;
    if (!token) return;
    this.setNeedStatus({ state: 'loading' });
    try {
      const report = await fetchNeedCoverage(settings, weight, token, request.signal);
      if (!request.signal.aborted) this.setNeedStatus({ state: 'ready', report, settings });
    } catch (error) {
      if (request.signal.aborted) return;
      this.setNeedStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private setNeedStatus(status: NeedStatus) {
    this.needStatus = status;
    this.renderNeed();
  }

  private renderNeed() {
    if (!this.canAnalyse()) {
      this.needPanel.clear();
      return;
    }
    const report = this.needStatus.state === 'ready' ? this.needStatus.report : null;
    this.needPanel.render(this.m, this.lang, {
      weight: this.state.needWeight,
      status: this.needStatus,
      regionName: (code) =>
        report?.areas.find((area) => area.regionCode === code)?.name ?? this.district(code)?.name ?? null,
    });
  }

  private async suggestSites(count: number) {
    if (!this.token) return;
    this.suggesting = true;
    this.renderScenario();
    try {
      // Weighed as the 需求加权覆盖 section is, when a weight is chosen there.
      this.suggestion = await fetchSuggestedSites(
        this.state.settings,
        count,
        this.token,
        this.state.needWeight,
      );
    } catch (error) {
      this.progress.finish(error instanceof Error ? error.message : String(error), this.m);
    } finally {
      this.suggesting = false;
    }
    this.map.setSiteMarkers(
      (this.suggestion?.sites ?? []).map((site) => ({
        rank: site.rank,
        lng: site.location.coordinates[0],
        lat: site.location.coordinates[1],
        label: this.m.suggestSite(site.rank, String(site.newlyCovered), String(site.marginalGain)),
      })),
    );
    this.renderScenario();
  }

  private renderScenario() {
    if (!this.canAnalyse()) {
      this.scenarioPanel.clear();
      return;
    }
    const comparison = this.analysis?.coverage.comparison?.[0] ?? null;
    const typeNames = messagesFor(this.lang).types;
    this.scenarioPanel.render(this.m, this.lang, {
      scenario: this.scenario,
      types: this.state.settings.types,
      typeNames: (type) => typeNames[type],
      placing: this.placing !== null,
      comparison,
      suggesting: this.suggesting,
      suggestion: this.suggestion,
    });
    this.map.setScenarioMarkers(
      (this.scenario?.changes ?? [])
        .filter((change) => change.kind === 'ADD' && change.lng !== null && change.lat !== null)
        .map((change) => ({
          id: change.id,
          lng: change.lng!,
          lat: change.lat!,
          label: this.m.scenarioHypothetical,
        })),
      (changeId, lng, lat) => {
        const current = this.scenario?.changes.find((change) => change.id === changeId);
        if (!current?.type) return;
        const type = current.type;
        void this.changeScenario((scenario, token) =>
          replaceScenarioChange(scenario, changeId, { kind: 'ADD', type, location: { lng, lat } }, token),
        );
      },
    );
  }

  private renderAll() {
    const m = this.m;
    document.documentElement.lang = m.lang;
    document.title = m.documentTitle;
    this.el.title.textContent = m.pageTitle;
    this.el.publicLink.textContent = m.publicMap;
    this.el.publicLink.href = this.lang === 'en' ? '/?lang=en' : '/';
    this.el.langButton.textContent = m.switchLanguage;
    this.el.langButton.setAttribute('aria-label', m.switchLanguageLabel);
    this.el.langButton.lang = this.lang === 'zh' ? 'en' : 'zh-CN';
    this.el.panel.setAttribute('aria-label', m.panelLabel);
    this.el.map.setAttribute('aria-label', m.mapLabel);
    this.renderSignIn();
    this.renderSettings();
    this.renderScorecard();
    this.renderChoropleth();
    this.renderAnalysis();
    this.renderNeed();
    this.renderScenario();
  }

  private renderSignIn() {
    this.signInPanel.render(this.m, this.lang, {
      info: this.token ? this.tokenInfo : null,
      message: this.signInMessage,
      minutes: this.state.settings.minutes,
    });
  }

  private renderSettings() {
    this.settingsForm.render(this.m, this.lang, {
      settings: this.state.settings,
      districts: this.districts,
      canAnalyse: this.canAnalyse(),
    });
  }

  private renderScorecard() {
    if (!this.scorecard) return;
    const name = this.district()?.name ?? this.state.settings.regionCode;
    this.scorecardPanel.show(this.scorecard, this.state.settings.regionCode, name, this.m, this.lang);
    this.renderChoropleth();
  }

  private renderChoropleth() {
    this.choroplethPanel.render(
      this.m,
      this.lang,
      indicatorsOf(this.scorecard ?? this.cityScorecard ?? []),
      this.state.choropleth,
      this.choropleth(),
      this.cityScorecardLoading,
    );
  }

  private renderAnalysis() {
    const analysis = this.analysis;
    if (!analysis) {
      this.el.coverage.replaceChildren();
      this.gapsPanel.clear();
      return;
    }
    this.el.coverage.replaceChildren(
      h('h2', { id: 'coverage-heading' }, this.m.coverageHeading),
      coverageSummary(analysis.coverage, analysis.settings, this.m, this.lang),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          { type: 'button', id: 'export-coverage-csv', onclick: () => this.exportCoverageCsv() },
          this.m.exportCoverageCsv,
        ),
      ),
    );
    this.renderGaps();
    this.renderScenario();
  }

  private renderGaps() {
    if (!this.analysis) return;
    this.gapsPanel.show(this.analysis.gaps, this.analysis.gapClasses, this.selectedGapId, this.m, this.lang);
  }

  private renderLegend() {
    const analysis = this.analysis;
    this.legend.render(this.m, this.lang, {
      show: this.show,
      analysis: analysis && {
        minutes: analysis.settings.minutes,
        mode: analysis.settings.mode,
        speedMetersPerMinute: speedOf(analysis.settings),
        gapClasses: analysis.gapClasses,
        serviceAreasShown: analysis.serviceAreas.length,
        serviceAreasTotal: analysis.serviceAreasTotal,
      },
      choropleth: this.choropleth(),
    });
  }
}
