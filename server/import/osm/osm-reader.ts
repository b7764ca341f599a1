import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { OsmFileError, type OsmData } from './osm-data';
import { clipOsm, type OsmClip } from './osm-clip';
import { streamOsmPbf } from './osm-pbf-stream';
import { parseOsmXml } from './osm-xml';

type OsmFormat = 'pbf' | 'xml' | 'xml.gz';

const GZIP_MAGIC = [0x1f, 0x8b];

async function readHead(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(length), 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Tells the format from the first bytes, not the file name, so a misnamed file is still read right. */
function sniffFormat(head: Buffer): OsmFormat | null {
  if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return 'xml.gz';
  // An .osm.pbf file starts with a 4-byte header length and a BlobHeader whose type is "OSMHeader".
  if (head.subarray(4, 32).includes('OSMHeader')) return 'pbf';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) return 'xml';
  return null;
}

async function readXml(
  path: string,
  format: 'xml' | 'xml.gz',
  onBytes: (bytes: number) => void,
): Promise<OsmData> {
  const file = createReadStream(path).on('data', (chunk: string | Buffer) =>
    onBytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length),
  );
  if (format === 'xml') return parseOsmXml(file.setEncoding('utf8'));
  // pipeline closes the file when gunzip fails; the failure itself reaches the parser through gunzip.
  const gunzip = pipeline(file, createGunzip(), () => {});
  return parseOsmXml(gunzip.setEncoding('utf8'));
}

/** PBF streams with bounded memory and clips as it reads; XML is read whole, then clipped. */
async function readByFormat(
  path: string,
  format: OsmFormat,
  clip: OsmClip | null,
  onBytes: (bytes: number) => void,
): Promise<OsmData> {
  if (format === 'pbf') return streamOsmPbf(path, clip, onBytes);
  const osm = await readXml(path, format, onBytes);
  return clip ? clipOsm(osm, clip) : osm;
}

/**
 * Reads an OpenStreetMap extract (.osm.pbf, .osm or .osm.gz), optionally clipped to an area; throws
 * OsmFileError if it is missing or malformed. `onBytes` hears how many bytes of the file were read.
 */
export async function readOsm(
  path: string,
  clip: OsmClip | null = null,
  onBytes: (bytes: number) => void = () => {},
): Promise<OsmData> {
  let format: OsmFormat | null;
  try {
    format = sniffFormat(await readHead(path, 64));
  } catch (error) {
    throw new OsmFileError(`cannot open OSM file ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (format === null) {
    throw new OsmFileError(`${path} is not an OpenStreetMap file (expected .osm.pbf, .osm or .osm.gz)`);
  }
  try {
    return await readByFormat(path, format, clip, onBytes);
  } catch (error) {
    const kind = format === 'pbf' ? 'OSM PBF' : 'OSM XML';
    throw new OsmFileError(`${path} is not valid ${kind}: ${(error as Error).message}`, { cause: error });
  }
}
