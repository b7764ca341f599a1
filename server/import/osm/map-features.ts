import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { LngLat } from '../geo/geodesy';
import { polygonAreaSquareMeters, polygonCentroid } from '../geo/polygon';
import { extractAreas, type OsmArea } from './areas';
import type { OsmData, OsmTags } from './osm-data';
import { wayPositions } from './way-geometry';

/** A building footprint from OSM; `levels` is null when the building:levels tag is absent or unusable. */
export interface OsmBuilding {
  osmId: string;
  kind: string;
  levels: number | null;
  name: string | null;
  polygon: Polygon | MultiPolygon;
  areaSquareMeters: number;
  centroid: LngLat;
  tags: OsmTags;
}

export type BaseMapLayer = 'water' | 'green' | 'road' | 'building';

/** One feature of the base map; `sourceKey` is `osm:way/…` or `osm:relation/…` and unique. */
export interface BaseMapFeature {
  sourceKey: string;
  layer: BaseMapLayer;
  kind: string;
  name: string | null;
  geometry: Geometry;
}

const WATER_AREA_TAGS: Record<string, string[]> = {
  natural: ['water'],
  waterway: ['riverbank'],
  landuse: ['reservoir'],
};
const GREEN_AREA_TAGS: Record<string, string[]> = {
  leisure: ['park', 'garden'],
  landuse: ['grass', 'forest', 'village_green', 'recreation_ground'],
  natural: ['wood'],
};
const WATERWAY_LINES = new Set(['river', 'canal', 'stream']);

/** The value of the first tag that matches a class, which becomes the feature's kind. */
function matchKind(tags: OsmTags, classes: Record<string, string[]>): string | null {
  for (const [key, values] of Object.entries(classes)) {
    if (values.includes(tags[key])) return tags[key];
  }
  return null;
}

function parseLevels(value: string | undefined): number | null {
  const levels = Number(value);
  return value !== undefined && Number.isFinite(levels) && levels > 0 ? levels : null;
}

function toBuilding(area: OsmArea): OsmBuilding {
  return {
    osmId: area.osmId,
    kind: area.tags.building,
    levels: parseLevels(area.tags['building:levels']),
    name: area.tags.name ?? null,
    polygon: area.geometry,
    areaSquareMeters: polygonAreaSquareMeters(area.geometry),
    centroid: polygonCentroid(area.geometry),
    tags: area.tags,
  };
}

const isBuilding = (area: OsmArea): boolean =>
  area.tags.building !== undefined && area.tags.building !== 'no';

/** Building footprints (closed ways and multipolygons tagged building=*, except building=no). */
export function extractBuildings(osm: OsmData): OsmBuilding[] {
  return extractAreas(osm).filter(isBuilding).map(toBuilding);
}

/**
 * Base-map features: buildings, water areas (natural=water, waterway=riverbank, landuse=reservoir, with the
 * islands of multipolygons as holes) and river/canal/stream lines, green areas (parks, gardens, grass,
 * forest, wood, village greens, recreation grounds) and every highway way as a line. Each OSM element
 * lands in one layer only: building, then water, then green, then road.
 */
export function extractBaseFeatures(osm: OsmData): BaseMapFeature[] {
  const features: BaseMapFeature[] = [];
  const areaIds = new Set<string>();
  for (const area of extractAreas(osm)) {
    const name = area.tags.name ?? null;
    const sourceKey = `osm:${area.osmId}`;
    const waterKind = matchKind(area.tags, WATER_AREA_TAGS);
    const greenKind = matchKind(area.tags, GREEN_AREA_TAGS);
    if (isBuilding(area)) {
      features.push({
        sourceKey,
        layer: 'building',
        kind: area.tags.building,
        name,
        geometry: area.geometry,
      });
    } else if (waterKind) {
      features.push({ sourceKey, layer: 'water', kind: waterKind, name, geometry: area.geometry });
    } else if (greenKind) {
      features.push({ sourceKey, layer: 'green', kind: greenKind, name, geometry: area.geometry });
    } else {
      continue;
    }
    areaIds.add(area.osmId);
  }
  for (const way of osm.ways) {
    const highway = way.tags.highway;
    const waterway = way.tags.waterway;
    const isLine = highway !== undefined || WATERWAY_LINES.has(waterway);
    if (!isLine || areaIds.has(`way/${way.id}`)) continue;
    const coordinates = wayPositions(way, osm.nodes);
    if (coordinates.length < 2) continue;
    features.push({
      sourceKey: `osm:way/${way.id}`,
      layer: highway !== undefined ? 'road' : 'water',
      kind: highway ?? waterway,
      name: way.tags.name ?? null,
      geometry: { type: 'LineString', coordinates },
    });
  }
  return features;
}
