import 'maplibre-gl/dist/maplibre-gl.css';
import '../styles.css';
import './planner.css';
import { fetchDistricts } from './api';
import { readToken } from './auth';
import { PlannerApp } from './planner-app';
import { buildPlannerPage } from './planner-page';
import { parsePlannerState, PLANNER_CITY } from './settings';

const elements = buildPlannerPage(document.getElementById('app')!);
new PlannerApp(
  elements,
  parsePlannerState(location.search),
  await fetchDistricts(PLANNER_CITY),
  sessionStorage,
  readToken(sessionStorage),
);
