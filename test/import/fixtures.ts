import { readFileSync } from 'node:fs';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { OsmData, OsmMember, OsmTags } from '../../server/import/osm/osm-data';
import { readOsm } from '../../server/import/osm/osm-reader';

export const HANGZHOU_PBF = 'data/osm/hangzhou_china.osm.pbf';
export const HANGZHOU_XML_GZ = 'data/osm/hangzhou_china.osm.gz';
export const CENSUS_CSV = 'data/census/census-2020-county-elderly.csv';
const HANGZHOU_DISTRICTS = 'data/boundaries/zhe4_jiang1_hang2_zhou1.geojson';

let hangzhou: Promise<OsmData> | undefined;

/** The shipped central-Hangzhou extract, read once per test file. */
export function hangzhouOsm(): Promise<OsmData> {
  hangzhou ??= readOsm(HANGZHOU_PBF);
  return hangzhou;
}

/** A Hangzhou district boundary from the shipped GeoJSON, by 区划代码. */
export function hangzhouDistrict(code: string): {
  code: string;
  name: string;
  polygon: Polygon | MultiPolygon;
} {
  const collection = JSON.parse(readFileSync(HANGZHOU_DISTRICTS, 'utf8')) as {
    features: Feature<Polygon | MultiPolygon, { name: string }>[];
  };
  const feature = collection.features.find((candidate) => String(candidate.id) === code);
  if (!feature) throw new Error(`no district ${code} in ${HANGZHOU_DISTRICTS}`);
  return { code, name: feature.properties.name, polygon: feature.geometry };
}

/** A hand-made extract: nodes as `id: [lng, lat]` (or with tags), ways as `id: [node ids, tags]`. */
export function osmData(input: {
  nodes: Record<number, [number, number] | [number, number, OsmTags]>;
  ways?: Record<number, [number[], OsmTags]>;
  relations?: Record<number, [OsmMember[], OsmTags]>;
}): OsmData {
  return {
    nodes: new Map(
      Object.entries(input.nodes).map(([id, [lng, lat, tags]]) => [
        Number(id),
        tags ? { lng, lat, tags } : { lng, lat },
      ]),
    ),
    ways: Object.entries(input.ways ?? {}).map(([id, [nodeIds, tags]]) => ({
      id: Number(id),
      nodeIds,
      tags,
    })),
    relations: Object.entries(input.relations ?? {}).map(([id, [members, tags]]) => ({
      id: Number(id),
      members,
      tags,
    })),
    bounds: null,
  };
}
