import tinyOsmPbf from 'tiny-osmpbf';
import type { OsmData } from './osm-data';

/** OSM stores coordinates as integers of 1e-7 degrees; rounding gives the same numbers as the XML text. */
const roundToOsmPrecision = (degrees: number): number => Math.round(degrees * 1e7) / 1e7;

function readVarint(bytes: Uint8Array, start: number): [value: number, next: number] {
  let value = 0;
  for (let pos = start, shift = 0; pos < bytes.length && shift < 64; pos++, shift += 7) {
    value += (bytes[pos] & 0x7f) * 2 ** shift;
    if (bytes[pos] < 0x80) return [value, pos + 1];
  }
  throw new Error(`bad varint at byte ${start}`);
}

/** The type and data size of a BlobHeader message (fields 1 and 3; other fields are skipped). */
export function readBlobHeader(
  bytes: Uint8Array,
  start: number,
  end: number,
): { type: string; dataSize: number } {
  let type = '';
  let dataSize = -1;
  for (let pos = start; pos < end;) {
    const [key, afterKey] = readVarint(bytes, pos);
    const [value, afterValue] = readVarint(bytes, afterKey);
    if ((key & 7) === 0) {
      if (key >>> 3 === 3) dataSize = value;
      pos = afterValue;
    } else if ((key & 7) === 2) {
      if (key >>> 3 === 1) type = new TextDecoder().decode(bytes.subarray(afterValue, afterValue + value));
      pos = afterValue + value;
    } else {
      throw new Error(`unexpected field in the blob header at byte ${pos}`);
    }
  }
  if (dataSize < 0) throw new Error(`blob header at byte ${start} has no data size`);
  return { type, dataSize };
}

/**
 * Checks that the file is a whole sequence of blobs, an OSMHeader then OSMData, before tiny-osmpbf reads it:
 * tiny-osmpbf never returns from a file cut short.
 */
function checkBlobFraming(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 0, index = 0; pos < bytes.length; index++) {
    if (pos + 4 > bytes.length) throw new Error(`file ends inside a blob length at byte ${pos}`);
    const headerEnd = pos + 4 + view.getInt32(pos, false);
    if (headerEnd > bytes.length) throw new Error(`file ends inside a blob header at byte ${pos}`);
    const { type, dataSize } = readBlobHeader(bytes, pos + 4, headerEnd);
    const expected = index === 0 ? 'OSMHeader' : 'OSMData';
    if (type !== expected) throw new Error(`blob ${index} is "${type}", expected "${expected}"`);
    if (headerEnd + dataSize > bytes.length) throw new Error(`file ends inside blob ${index} (truncated)`);
    pos = headerEnd + dataSize;
  }
}

/** Parses a whole .osm.pbf file already in memory (tiny-osmpbf is synchronous). */
export function parseOsmPbf(bytes: Uint8Array): OsmData {
  checkBlobFraming(bytes);
  const osm: OsmData = { nodes: new Map(), ways: [], relations: [], bounds: null };
  const header = tinyOsmPbf(bytes, (element) => {
    if (element.type === 'node') {
      const hasTags = Object.keys(element.tags).length > 0;
      osm.nodes.set(element.id, {
        lng: roundToOsmPrecision(element.lon),
        lat: roundToOsmPrecision(element.lat),
        ...(hasTags ? { tags: element.tags } : {}),
      });
    } else if (element.type === 'way') {
      osm.ways.push({ id: element.id, nodeIds: element.nodes, tags: element.tags });
    } else {
      osm.relations.push({ id: element.id, members: element.members, tags: element.tags });
    }
  });
  if (header.bounds) {
    const { minlon, minlat, maxlon, maxlat } = header.bounds;
    osm.bounds = {
      west: roundToOsmPrecision(minlon),
      south: roundToOsmPrecision(minlat),
      east: roundToOsmPrecision(maxlon),
      north: roundToOsmPrecision(maxlat),
    };
  }
  return osm;
}
