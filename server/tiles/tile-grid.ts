/** A tile of the standard XYZ (Web Mercator, origin top-left) grid. */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** A WGS84 bounding box in degrees. */
export interface LngLatBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Coordinate units across one tile side in every layer the platform serves. */
export const TILE_EXTENT = 4096;

/** Deepest zoom level any tileset can be asked for. */
export const MAX_TILE_ZOOM = 22;

function tileToLng(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

function tileToLat(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

/** The WGS84 bounds of a tile, grown by `buffer` tile units (of TILE_EXTENT) on every side. */
export function tileBounds(tile: TileAddress, buffer = 0): LngLatBounds {
  const pad = buffer / TILE_EXTENT;
  const last = 2 ** tile.z;
  return {
    west: Math.max(-180, tileToLng(tile.x - pad, tile.z)),
    south: tileToLat(Math.min(last, tile.y + 1 + pad), tile.z),
    east: Math.min(180, tileToLng(tile.x + 1 + pad, tile.z)),
    north: tileToLat(Math.max(0, tile.y - pad), tile.z),
  };
}

/** The tile containing a WGS84 point at a zoom level. */
export function tileAt(lng: number, lat: number, z: number): TileAddress {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n);
  return { z, x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/** Reads z/x/y path segments; null when they are not integers naming a tile of the grid up to `maxZoom`. */
export function parseTileAddress(
  z: string,
  x: string,
  y: string,
  maxZoom = MAX_TILE_ZOOM,
): TileAddress | null {
  if (![z, x, y].every((part) => /^(0|[1-9][0-9]{0,7})$/.test(part))) return null;
  const tile = { z: Number(z), x: Number(x), y: Number(y) };
  if (tile.z > maxZoom) return null;
  const size = 2 ** tile.z;
  return tile.x < size && tile.y < size ? tile : null;
}
