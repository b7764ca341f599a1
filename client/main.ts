import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import type { StyleSpecification } from 'maplibre-gl';
import { fetchMapConfig } from './api/graphql';
import { buildPage, CareMapApp } from './app';
import { parseUrlState } from './url-state';

/** A deployment's own base map (e.g. 天地图), or null for the platform's; the facility layers go on top. */
async function loadBaseStyle(url: string | null): Promise<StyleSpecification | null> {
  if (!url) return null;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as StyleSpecification;
  } catch (error) {
    console.error(`Could not load the base map style ${url}; using the platform's own base map:`, error);
    return null;
  }
}

const root = document.getElementById('app')!;
const config = await fetchMapConfig();
new CareMapApp(
  buildPage(root),
  parseUrlState(location.search),
  config,
  await loadBaseStyle(config.mapStyleUrl),
);
