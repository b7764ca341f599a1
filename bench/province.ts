import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import Pbf from 'pbf';
import { Blob, BlobHeader } from 'osm-pbf-parser-node/proto/fileformat.js';
import { HeaderBlock, PrimitiveBlock, type PrimitiveGroup } from 'osm-pbf-parser-node/proto/osmformat.js';
import { migrate, openDatabase, type Database } from '../server/db/database';
import { entities } from '../server/entities';
import { importOsm } from '../server/import/file-import';
import { ImportRepository } from '../server/import/import.repository';
import { adminQuery, withDatabase } from './scratch-database';

const SHIPPED = 'data/osm/hangzhou_china.osm.pbf';
/** Each copy's ids are shifted by this much, above any id of the shipped extract. */
const ID_STRIDE = 2 ** 34;
/** Each copy is moved by this many degrees (the extract spans 0.085° × 0.066°), on a grid. */
const TILE_LNG = 0.09;
const TILE_LAT = 0.07;
const silent = () => ({ advance: () => {}, done: () => {} });

interface Blobs {
  header: ReturnType<typeof HeaderBlock.read>;
  /** Every primitive group of the extract with the block it came from (string table, offsets). */
  groups: { block: ReturnType<typeof PrimitiveBlock.read>; group: PrimitiveGroup }[];
}

function readBlobs(bytes: Buffer): Blobs {
  const blobs: Blobs = { header: { bbox: null }, groups: [] };
  for (let pos = 0; pos < bytes.length;) {
    const headerLength = bytes.readInt32BE(pos);
    const header = BlobHeader.read(new Pbf(bytes.subarray(pos + 4, pos + 4 + headerLength)));
    const start = pos + 4 + headerLength;
    const blob = Blob.read(new Pbf(bytes.subarray(start, start + header.datasize)));
    const data = blob.zlib_data ? inflateSync(blob.zlib_data) : blob.raw!;
    if (header.type === 'OSMHeader') blobs.header = HeaderBlock.read(new Pbf(data));
    else {
      const block = PrimitiveBlock.read(new Pbf(data));
      for (const group of block.primitivegroup) blobs.groups.push({ block, group });
    }
    pos = start + header.datasize;
  }
  return blobs;
}

function writeBlob(file: number, type: string, encode: (pbf: Pbf) => void): void {
  const body = new Pbf();
  encode(body);
  const raw = body.finish();
  const blob = new Pbf();
  Blob.write({ raw_size: raw.length, raw: null, zlib_data: deflateSync(raw) }, blob);
  const blobBytes = blob.finish();
  const header = new Pbf();
  BlobHeader.write({ type, datasize: blobBytes.length }, header);
  const headerBytes = header.finish();
  const length = Buffer.alloc(4);
  length.writeInt32BE(headerBytes.length);
  writeSync(file, length);
  writeSync(file, headerBytes);
  writeSync(file, blobBytes);
}

/**
 * SYNTHETIC: writes `copies` copies of the shipped extract side by side on a grid, ids renumbered per copy,
 * as one sorted .osm.pbf (all nodes, then all ways, then all relations, as osmium writes them).
 */
function writeTiledExtract(target: string, copies: number): void {
  const source = readBlobs(readFileSync(SHIPPED));
  const columns = Math.ceil(Math.sqrt(copies * (TILE_LAT / TILE_LNG)));
  const tile = (k: number) => ({ lng: (k % columns) * TILE_LNG, lat: Math.floor(k / columns) * TILE_LAT });
  const file = openSync(target, 'w');
  try {
    const bbox = source.header.bbox!;
    const rows = Math.ceil(copies / columns);
    writeBlob(file, 'OSMHeader', (pbf) =>
      HeaderBlock.write(
        {
          ...source.header,
          bbox: {
            ...bbox,
            right: bbox.left + (columns - 1) * TILE_LNG * 1e9 + (bbox.right - bbox.left),
            top: bbox.bottom + (rows - 1) * TILE_LAT * 1e9 + (bbox.top - bbox.bottom),
          },
        },
        pbf,
      ),
    );
    const kinds: ((g: PrimitiveGroup) => boolean)[] = [
      (g) => g.dense !== null || g.nodes.length > 0,
      (g) => g.ways.length > 0,
      (g) => g.relations.length > 0,
    ];
    for (const isKind of kinds) {
      for (let k = 0; k < copies; k++) {
        const shift = k * ID_STRIDE;
        for (const { block, group } of source.groups.filter(({ group: g }) => isKind(g))) {
          if (group.nodes.length > 0)
            throw new Error('the shipped extract has non-dense nodes; tiling expects DenseNodes');
          const shifted: PrimitiveGroup = {
            ...group,
            dense: group.dense && {
              ...group.dense,
              id: [group.dense.id[0] + shift, ...group.dense.id.slice(1)],
            },
            ways: group.ways.map((w) => ({
              ...w,
              id: w.id + shift,
              refs: [w.refs[0] + shift, ...w.refs.slice(1)],
            })),
            relations: group.relations.map((r) => ({
              ...r,
              id: r.id + shift,
              memids: r.memids.length ? [r.memids[0] + shift, ...r.memids.slice(1)] : [],
            })),
          };
          const { lng, lat } = tile(k);
          writeBlob(file, 'OSMData', (pbf) =>
            PrimitiveBlock.write(
              {
                ...block,
                lon_offset: block.lon_offset + Math.round(lng * 1e9),
                lat_offset: block.lat_offset + Math.round(lat * 1e9),
                primitivegroup: [shifted],
              },
              pbf,
            ),
          );
        }
      }
    }
  } finally {
    closeSync(file);
  }
}

/** Peak resident memory while `work` runs, sampled every 50 ms, and its result. */
async function withPeakRss<T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: number; startMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / 2 ** 20, startMb: start / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function scratchDatabases(): Promise<
  { label: string; open: () => Promise<{ db: Database; dispose: () => Promise<void> }> }[]
> {
  const serverUrl = process.env.DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim();
  const pglite = {
    label: 'embedded PGlite',
    open: async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'caremap-province-db-'));
      const db = await openDatabase({ databaseUrl: null, dataDir: dir, entities });
      await migrate(db);
      return { db, dispose: async () => (await db.close(), await rm(dir, { recursive: true, force: true })) };
    },
  };
  if (!serverUrl) return [pglite];
  const postgres = {
    label: 'PostgreSQL',
    open: async () => {
      const name = `caremap_province_${process.pid}`;
      await adminQuery(serverUrl, `create database ${name}`);
      const db = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), dataDir: '', entities });
      await migrate(db);
      return {
        db,
        dispose: async () => {
          await db.close();
          await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
        },
      };
    },
  };
  return [pglite, postgres];
}

/**
 * `npm run bench province`: a province-sized OSM import. The input is SYNTHETIC, the shipped central-Hangzhou
 * extract tiled ×50 (and ×500 with CAREMAP_BENCH_PROVINCE_COPIES=50,500) with offsets and new ids.
 */
export async function benchProvince(): Promise<void> {
  const copiesList = (process.env.CAREMAP_BENCH_PROVINCE_COPIES ?? '50').split(',').map(Number);
  const scratch = await mkdtemp(path.join(tmpdir(), 'caremap-province-'));
  try {
    for (const copies of copiesList) {
      const file = path.join(scratch, `synthetic-hangzhou-x${copies}.osm.pbf`);
      writeTiledExtract(file, copies);
      const megabytes = (await stat(file)).size / 2 ** 20;
      console.log(
        `\nprovince import, SYNTHETIC extract: data/osm/hangzhou_china.osm.pbf tiled ×${copies} (${megabytes.toFixed(1)} MB .osm.pbf, ~${(24_711 * copies).toLocaleString('en')} nodes, ${(3_649 * copies).toLocaleString('en')} ways)`,
      );
      for (const { label, open } of await scratchDatabases()) {
        const { db, dispose } = await open();
        try {
          const started = performance.now();
          const { peakMb, startMb } = await withPeakRss(() => importOsm(db, file, silent));
          const seconds = (performance.now() - started) / 1000;
          const counts = await new ImportRepository(db.fork()).tableCounts();
          const rows = counts.road_edge + counts.map_feature + counts.facility;
          console.log(
            `  ${label.padEnd(16)} ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB (${startMb.toFixed(0)} MB before), ${rows.toLocaleString('en')} rows (road_edge ${counts.road_edge.toLocaleString('en')}, map_feature ${counts.map_feature.toLocaleString('en')}, facility ${counts.facility.toLocaleString('en')}), ${Math.round(rows / seconds).toLocaleString('en')} rows/s`,
          );
        } finally {
          await dispose();
        }
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
