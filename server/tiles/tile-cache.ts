import type { TileAddress } from './tile-grid';

/** Bytes of base-map tiles kept in memory per database. */
export const TILE_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Base-map tiles of one data version, least recently used first out when over its byte budget; a tile
 * asked for under another version empties it.
 */
export class TileCache {
  private version = '';
  private bytes = 0;
  private readonly tiles = new Map<string, Uint8Array>();

  constructor(private readonly maxBytes = TILE_CACHE_BYTES) {}

  /** The tile as made for this data version, if kept. */
  get(version: string, tile: TileAddress): Uint8Array | undefined {
    if (version !== this.version) return undefined;
    const key = keyOf(tile);
    const body = this.tiles.get(key);
    if (body) {
      this.tiles.delete(key);
      this.tiles.set(key, body);
    }
    return body;
  }

  /** Forgets every kept tile. */
  clear(): void {
    this.tiles.clear();
    this.bytes = 0;
  }

  /** Keeps a tile made for a data version. */
  set(version: string, tile: TileAddress, body: Uint8Array): void {
    if (version !== this.version) {
      this.tiles.clear();
      this.bytes = 0;
      this.version = version;
    }
    if (body.length > this.maxBytes) return;
    const key = keyOf(tile);
    this.bytes -= this.tiles.get(key)?.length ?? 0;
    this.tiles.delete(key);
    this.tiles.set(key, body);
    this.bytes += body.length;
    for (const [oldest, old] of this.tiles) {
      if (this.bytes <= this.maxBytes) break;
      this.tiles.delete(oldest);
      this.bytes -= old.length;
    }
  }
}

const keyOf = (tile: TileAddress) => `${tile.z}/${tile.x}/${tile.y}`;

const caches = new WeakMap<object, TileCache>();

/** The base-map tile cache of a database, named by an object that lives as long as it (its ORM driver). */
export function tileCacheOf(owner: object): TileCache {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new TileCache()));
  return cache;
}
