import 'maplibre-gl/dist/maplibre-gl.css';
import '../styles.css';
import '../planner/planner.css';
import './report.css';
import { ApiError } from '../api/graphql';
import { fill, h } from '../dom';
import {
  fetchCoverage,
  fetchDistricts,
  fetchGaps,
  fetchScenario,
  fetchScorecard,
  fetchServiceAreas,
} from '../planner/api';
import { describeToken, mayPlan, readToken } from '../planner/auth';
import { countClasses } from '../planner/classes';
import { boundsOf, expandBounds } from '../planner/geometry';
import { plannerMessages } from '../planner/i18n/messages';
import { PlannerMap } from '../planner/map/planner-map';
import { plannerStyle } from '../planner/map/planner-style';
import {
  formatPlannerState,
  parsePlannerState,
  PLANNER_CITY,
  serviceAreaReachMeters,
} from '../planner/settings';
import type { District } from '../planner/types';
import { reportPage } from './report-page';

const root = document.getElementById('report')!;
const state = parsePlannerState(location.search);
const { settings, lang } = state;
const m = plannerMessages(lang);
document.documentElement.lang = m.lang;
document.title = m.reportTitle;
root.replaceChildren(h('p', { role: 'status' }, m.reportLoading));

/** The planner's scenario, when the report was opened with one in use. */
const scenarioId = new URLSearchParams(location.search).get('scenario');
const token = readToken(sessionStorage);
const planner = token !== null && mayPlan(describeToken(token));

/** Coverage, gaps and service areas when the token may read them; a token the server refuses gives the public report. */
async function plannerAnalysis(district: District | undefined) {
  if (!planner || !token) return null;
  const boundary = district?.boundary;
  try {
    const [coverage, gaps, serviceAreas, scenario] = await Promise.all([
      fetchCoverage(settings, token, undefined, scenarioId),
      fetchGaps(settings, token, undefined, scenarioId),
      boundary
        ? fetchServiceAreas(
            settings,
            expandBounds(boundsOf([boundary])!, serviceAreaReachMeters(settings)),
            token,
          )
        : null,
      scenarioId ? fetchScenario(scenarioId, token) : null,
    ]);
    return {
      settings,
      scenario,
      coverage,
      gaps,
      gapClasses: countClasses(gaps.map((gap) => gap.elderly.age60plus)),
      serviceAreas: serviceAreas?.areas ?? [],
    };
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED'))
      return null;
    throw error;
  }
}

try {
  const districts = await fetchDistricts(PLANNER_CITY);
  const district = districts.find((candidate) => candidate.code === settings.regionCode);
  const [scorecard, analysis] = await Promise.all([
    // Planners see the streets and communities below the district too.
    fetchScorecard(settings.regionCode, planner ? token : null),
    plannerAnalysis(district),
  ]);
  const { page, mapSlot } = reportPage(
    {
      regionCode: settings.regionCode,
      regionName: district?.name ?? settings.regionCode,
      date: new Date(),
      scorecard,
      analysis,
      plannerUrl: `planner.html${formatPlannerState(state)}`,
    },
    m,
    lang,
  );
  fill(root, page);
  // Paper cannot unfold: everything folded on screen prints open.
  for (const details of root.querySelectorAll('details')) details.open = true;
  const bounds =
    (district?.boundary && boundsOf([district.boundary])) ??
    boundsOf(analysis?.gaps.map((gap) => gap.area) ?? []);
  if (bounds) {
    const map = new PlannerMap(
      mapSlot,
      plannerStyle({
        origin: location.origin,
        lang,
        districts,
        selectedRegion: settings.regionCode,
        choropleth: null,
        serviceAreas: analysis?.serviceAreas ?? [],
        gaps: analysis?.gaps ?? [],
        gapClasses: analysis?.gapClasses ?? { thresholds: [], colors: [] },
        selectedGapId: null,
        show: { serviceAreas: true, gaps: true },
        facilityTypes: settings.types,
      }),
      bounds,
      null,
      { keepDrawing: true },
    );
    await map.idle();
    // Printers and PDF export drop WebGL canvases; an image of the drawn map prints everywhere.
    const image = h('img', {
      src: map.snapshot(),
      alt: m.reportMapAlt(district?.name ?? settings.regionCode),
      id: 'report-map-image',
    });
    mapSlot.replaceWith(image);
    map.remove();
  }
  document.body.dataset.ready = 'true';
} catch (error) {
  console.error('Could not prepare the report:', error);
  root.replaceChildren(
    h(
      'p',
      { class: 'alert', role: 'alert' },
      m.reportFailed(error instanceof Error ? error.message : String(error)),
    ),
  );
  document.body.dataset.ready = 'error';
}
