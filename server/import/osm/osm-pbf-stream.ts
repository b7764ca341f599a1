import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { OSMTransform } from 'osm-pbf-parser-node';
import { insideClip, type OsmClip } from './osm-clip';
import type { OsmData, OsmMember, OsmNode, OsmTags } from './osm-data';
import { readBlobHeader } from './osm-pbf';

/** The elements osm-pbf-parser-node yields (its typings say `object`), as its README documents them. */
type PbfHeader = { bbox?: { left: number; right: number; top: number; bottom: number } };
type PbfNode = { type: 'node'; id: number; lat: number; lon: number; tags?: OsmTags };
type PbfWay = { type: 'way'; id: number; refs: number[]; tags?: OsmTags };
type PbfRelation = { type: 'relation'; id: number; members: OsmMember[]; tags?: OsmTags };
type PbfItem = PbfHeader | PbfNode | PbfWay | PbfRelation;

/** OSM coordinates are integers of 1e-7 degrees (the PBF header box is in nanodegrees). */
const toE7 = (degrees: number): number => Math.round(degrees * 1e7);
const fromE7 = (e7: number): number => e7 / 1e7;

/**
 * Node coordinates as parallel typed arrays (20 bytes a node, against some 100 for a JS object in a Map),
 * looked up by binary search once sorted by id, as PBF files written by osmium/osmosis already are.
 */
class NodeIndex {
  ids = new Float64Array(1 << 16);
  lng = new Int32Array(1 << 16);
  lat = new Int32Array(1 << 16);
  /** Set for the nodes a kept way uses. */
  used = new Uint8Array(0);
  size = 0;

  add(id: number, lng: number, lat: number): void {
    if (this.size === this.ids.length) this.grow();
    this.ids[this.size] = id;
    this.lng[this.size] = lng;
    this.lat[this.size] = lat;
    this.size++;
  }

  private grow(): void {
    const capacity = this.ids.length * 2;
    const ids = new Float64Array(capacity);
    const lng = new Int32Array(capacity);
    const lat = new Int32Array(capacity);
    ids.set(this.ids);
    lng.set(this.lng);
    lat.set(this.lat);
    Object.assign(this, { ids, lng, lat });
  }

  /** Trims the arrays and sorts them by id if the file did not give the nodes in id order. */
  seal(): void {
    this.ids = this.ids.slice(0, this.size);
    this.lng = this.lng.slice(0, this.size);
    this.lat = this.lat.slice(0, this.size);
    this.used = new Uint8Array(this.size);
    let sorted = true;
    for (let i = 1; i < this.size && sorted; i++) sorted = this.ids[i - 1] < this.ids[i];
    if (sorted) return;
    const order = Uint32Array.from({ length: this.size }, (_, i) => i).sort(
      (a, b) => this.ids[a] - this.ids[b],
    );
    this.ids = Float64Array.from(order, (i) => this.ids[i]);
    this.lng = Int32Array.from(order, (i) => this.lng[i]);
    this.lat = Int32Array.from(order, (i) => this.lat[i]);
  }

  /** The position of a node id, or -1 when the file has no such node. */
  find(id: number): number {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = this.ids[mid];
      if (at === id) return mid;
      if (at < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}

/**
 * Checks that the file is a whole sequence of blobs, an OSMHeader then OSMData, reading only the blob
 * headers: osm-pbf-parser-node ends quietly on a file cut short.
 */
async function checkBlobFraming(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(4);
    for (let pos = 0, index = 0; pos < size; index++) {
      if (pos + 4 > size) throw new Error(`file ends inside a blob length at byte ${pos}`);
      await file.read(head, 0, 4, pos);
      const headerLength = head.readInt32BE(0);
      const headerEnd = pos + 4 + headerLength;
      if (headerLength < 0 || headerEnd > size)
        throw new Error(`file ends inside a blob header at byte ${pos}`);
      const header = Buffer.alloc(headerLength);
      await file.read(header, 0, headerLength, pos + 4);
      const { type, dataSize } = readBlobHeader(header, 0, headerLength);
      const expected = index === 0 ? 'OSMHeader' : 'OSMData';
      if (type !== expected) throw new Error(`blob ${index} is "${type}", expected "${expected}"`);
      if (headerEnd + dataSize > size) throw new Error(`file ends inside blob ${index} (truncated)`);
      pos = headerEnd + dataSize;
    }
  } finally {
    await file.close();
  }
}

/** Whether a relation has a member among the kept ways or nodes. */
function touches(relation: PbfRelation, wayIds: Set<number>, nodes: Map<number, OsmNode>): boolean {
  return relation.members.some(
    (m) => (m.type === 'way' && wayIds.has(m.ref)) || (m.type === 'node' && nodes.has(m.ref)),
  );
}

/**
 * Streams an .osm.pbf file in one pass with bounded memory and returns the records the whole-file reader
 * gives, limited to what an import uses: every way with a node inside the clip (kept whole, so a road
 * crossing the edge stays connected), the nodes those ways use, the tagged nodes inside the clip, and the
 * relations with a kept member. Without a clip every way and tagged node is kept; untagged nodes that no
 * way uses are dropped in both cases. Untagged coordinates live in typed arrays until the ways are read.
 */
export async function streamOsmPbf(
  path: string,
  clip: OsmClip | null = null,
  onBytes: (bytes: number) => void = () => {},
): Promise<OsmData> {
  await checkBlobFraming(path);
  const index = new NodeIndex();
  const taggedNodes = new Map<number, OsmTags>();
  const ways: OsmData['ways'] = [];
  const wayIds = new Set<number>();
  const pendingRelations: PbfRelation[] = [];
  let bounds: OsmData['bounds'] = null;
  let sealed = false;
  const inside = (at: number) =>
    clip === null || insideClip(clip, fromE7(index.lng[at]), fromE7(index.lat[at]));

  const file = createReadStream(path).on('data', (chunk) => onBytes(chunk.length));
  const items = file.pipe(new OSMTransform({ withTags: true, withInfo: false }));
  for await (const batch of items as AsyncIterable<PbfItem[]>) {
    for (const item of batch) {
      if (!('type' in item)) {
        if (item.bbox) {
          const nano = (value: number) => fromE7(Math.round(value / 100));
          bounds = {
            west: nano(item.bbox.left),
            south: nano(item.bbox.bottom),
            east: nano(item.bbox.right),
            north: nano(item.bbox.top),
          };
        }
      } else if (item.type === 'node') {
        if (sealed)
          throw new Error(`node ${item.id} comes after ways: the file is not sorted (osmium sort fixes it)`);
        index.add(item.id, toE7(item.lon), toE7(item.lat));
        if (item.tags) taggedNodes.set(item.id, item.tags);
      } else if (item.type === 'way') {
        if (!sealed) {
          index.seal();
          sealed = true;
        }
        const positions = item.refs.map((ref) => index.find(ref));
        if (!positions.some((at) => at >= 0 && inside(at))) continue;
        for (const at of positions) if (at >= 0) index.used[at] = 1;
        ways.push({ id: item.id, nodeIds: item.refs, tags: item.tags ?? {} });
        wayIds.add(item.id);
      } else {
        pendingRelations.push(item);
      }
    }
  }
  if (!sealed) index.seal();

  const nodes = new Map<number, OsmNode>();
  for (let at = 0; at < index.size; at++) {
    const id = index.ids[at];
    const tags = taggedNodes.get(id);
    if (index.used[at] === 0 && !(tags && inside(at))) continue;
    nodes.set(id, { lng: fromE7(index.lng[at]), lat: fromE7(index.lat[at]), ...(tags ? { tags } : {}) });
  }
  const relations = pendingRelations
    .filter((relation) => clip === null || touches(relation, wayIds, nodes))
    .map(({ id, members, tags }) => ({ id, members, tags: tags ?? {} }));
  return { nodes, ways, relations, bounds };
}
