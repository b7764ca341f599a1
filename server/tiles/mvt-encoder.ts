import type { Geometry, Position } from 'geojson';
import Pbf from 'pbf';
import { TILE_EXTENT } from './tile-grid';

/** An attribute value a vector tile can hold; null and undefined attributes are left out, as ST_AsMVT does. */
export type TileValue = string | number | boolean | null | undefined;

/** A feature whose geometry is already in tile coordinates (integers, 0…extent, y down). */
export interface TileFeature {
  id?: number | null;
  geometry: Geometry;
  properties: Record<string, TileValue>;
}

/** One named layer of a tile. */
export interface TileLayer {
  name: string;
  features: TileFeature[];
  extent?: number;
}

const MOVE_TO = 1;
const LINE_TO = 2;
const CLOSE_PATH = 7;

const GEOMETRY_TYPE: Record<string, 1 | 2 | 3> = {
  Point: 1,
  MultiPoint: 1,
  LineString: 2,
  MultiLineString: 2,
  Polygon: 3,
  MultiPolygon: 3,
};

const command = (id: number, count: number) => (id & 0x7) | (count << 3);
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

/** Geometry commands of the MVT 2.1 spec; coordinates are truncated to integers the way ST_AsMVT does. */
function geometryCommands(geometry: Geometry): number[] {
  const out: number[] = [];
  let cx = 0;
  let cy = 0;
  const moveTo = (points: Position[], closed: boolean) => {
    const last = closed ? points.length - 1 : points.length;
    for (let i = 0; i < last; i++) {
      if (i === 0) out.push(command(MOVE_TO, 1));
      if (i === 1) out.push(command(LINE_TO, last - 1));
      const x = Math.trunc(points[i][0]);
      const y = Math.trunc(points[i][1]);
      out.push(zigzag(x - cx), zigzag(y - cy));
      cx = x;
      cy = y;
    }
    if (closed) out.push(command(CLOSE_PATH, 1));
  };
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint': {
      const points = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
      out.push(command(MOVE_TO, points.length));
      for (const [px, py] of points) {
        const x = Math.trunc(px);
        const y = Math.trunc(py);
        out.push(zigzag(x - cx), zigzag(y - cy));
        cx = x;
        cy = y;
      }
      break;
    }
    case 'LineString':
      moveTo(geometry.coordinates, false);
      break;
    case 'MultiLineString':
      for (const line of geometry.coordinates) moveTo(line, false);
      break;
    case 'Polygon':
      for (const ring of geometry.coordinates) moveTo(ring, true);
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) moveTo(ring, true);
      break;
    default:
      throw new Error(`A vector tile cannot hold a ${geometry.type}`);
  }
  return out;
}

function writeValue(value: string | number | boolean, pbf: Pbf) {
  if (typeof value === 'string') pbf.writeStringField(1, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(7, value);
  else if (!Number.isInteger(value)) pbf.writeDoubleField(3, value);
  else if (value >= 0) pbf.writeVarintField(5, value);
  else pbf.writeSVarintField(6, value);
}

function writeLayer(layer: TileLayer, pbf: Pbf) {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const values: (string | number | boolean)[] = [];
  const valueIndex = new Map<string, number>();
  pbf.writeStringField(1, layer.name);
  for (const feature of layer.features) {
    const tags: number[] = [];
    for (const [key, value] of Object.entries(feature.properties)) {
      if (!keyIndex.has(key)) {
        keyIndex.set(key, keys.length);
        keys.push(key);
      }
      if (value === null || value === undefined) continue;
      const valueKey = `${typeof value}:${value}`;
      if (!valueIndex.has(valueKey)) {
        valueIndex.set(valueKey, values.length);
        values.push(value);
      }
      tags.push(keyIndex.get(key)!, valueIndex.get(valueKey)!);
    }
    pbf.writeMessage(
      2,
      (_: unknown, out: Pbf) => {
        if (feature.id !== null && feature.id !== undefined) out.writeVarintField(1, feature.id);
        out.writePackedVarint(2, tags);
        out.writeVarintField(3, GEOMETRY_TYPE[feature.geometry.type]);
        out.writePackedVarint(4, geometryCommands(feature.geometry));
      },
      null,
    );
  }
  for (const key of keys) pbf.writeStringField(3, key);
  for (const value of values) pbf.writeMessage(4, writeValue, value);
  pbf.writeVarintField(5, layer.extent ?? TILE_EXTENT);
  pbf.writeVarintField(15, 2);
}

/**
 * Encodes layers as a Mapbox Vector Tile (spec 2.1) for the embedded database, whose PostGIS lacks ST_AsMVT.
 * It writes what ST_AsMVT writes for the same rows, in the same order (every column a key, values in order
 * of first use, version last), so both databases serve byte-identical tiles. Empty layers are left out.
 */
export function encodeTile(layers: TileLayer[]): Uint8Array {
  const pbf = new Pbf();
  for (const layer of layers) {
    if (layer.features.length) pbf.writeMessage(3, writeLayer, layer);
  }
  return pbf.finish();
}
