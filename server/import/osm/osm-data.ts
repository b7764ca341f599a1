import type { BoundingBox } from '../geo/polygon';

/** OSM key=value tags of one element. */
export type OsmTags = Record<string, string>;

/** An OSM node; `tags` is absent when the node has none (most nodes are untagged way vertices). */
export interface OsmNode {
  lng: number;
  lat: number;
  tags?: OsmTags;
}

/** An OSM way: an ordered list of node ids; closed when the first and last id are the same. */
export interface OsmWay {
  id: number;
  nodeIds: number[];
  tags: OsmTags;
}

/** One member of an OSM relation. */
export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

/** An OSM relation, such as a multipolygon. */
export interface OsmRelation {
  id: number;
  members: OsmMember[];
  tags: OsmTags;
}

/** Everything read from one OSM extract; `bounds` is the extract's declared box, when it has one. */
export interface OsmData {
  nodes: Map<number, OsmNode>;
  ways: OsmWay[];
  relations: OsmRelation[];
  bounds: BoundingBox | null;
}

/** Thrown when a file cannot be read as OpenStreetMap data; the message says which file and why. */
export class OsmFileError extends Error {
  override name = 'OsmFileError';
}
