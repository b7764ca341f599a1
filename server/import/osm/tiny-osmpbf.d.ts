declare module 'tiny-osmpbf' {
  interface TinyOsmPbfNode {
    type: 'node';
    id: number;
    lat: number;
    lon: number;
    tags: Record<string, string>;
  }
  interface TinyOsmPbfWay {
    type: 'way';
    id: number;
    nodes: number[];
    tags: Record<string, string>;
  }
  interface TinyOsmPbfRelation {
    type: 'relation';
    id: number;
    members: { type: 'node' | 'way' | 'relation'; ref: number; role: string }[];
    tags: Record<string, string>;
  }
  type TinyOsmPbfElement = TinyOsmPbfNode | TinyOsmPbfWay | TinyOsmPbfRelation;
  interface TinyOsmPbfResult {
    bounds?: { minlat: number; minlon: number; maxlat: number; maxlon: number };
    elements?: TinyOsmPbfElement[];
  }
  /** Parses a whole .osm.pbf buffer; with a handler, elements go to it instead of the result. */
  function tinyOsmPbf(input: Uint8Array, handler?: (element: TinyOsmPbfElement) => void): TinyOsmPbfResult;
  export = tinyOsmPbf;
}
