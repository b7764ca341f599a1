import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import type { StyleSpecification } from 'maplibre-gl';
import { fetchMapConfig } from './api/graphql';
import { buildPage, CareMapApp } from './app';
import { parseUrlState } from './url-state';

const root = document.getElementById('app')!;
const config = await fetchMapConfig();
// A deployment's own base map (e.g. 天地图) replaces the platform's; the facility layers go on top of it.
const baseStyle = config.mapStyleUrl
  ? ((await (await fetch(config.mapStyleUrl)).json()) as StyleSpecification)
  : null;
new CareMapApp(buildPage(root), parseUrlState(location.search), config, baseStyle);
