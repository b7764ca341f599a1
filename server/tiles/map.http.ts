import { promisify } from 'node:util';
import { constants, gzip, gzipSync, type ZlibOptions } from 'node:zlib';
import type { AppConfig } from '../config';
import type { Database } from '../db/database';
import { badUserInput } from '../kernel/errors';
import { valueErrorOf } from '../graphql/errors';
import { isUserInputError, parseServiceAreaParameters, parseTileFilter } from './tile-filter';
import { parseTileAddress } from './tile-grid';
import { TileService, type TileParameters } from './tile.service';
import { isTilesetName, TILESETS, tileJson, type TilesetName } from './tilesets';

const gzipAsync = promisify(gzip);
/**
 * Tiles are small and repetitive: the fastest level with a 4 KB window compresses them nearly as well as the
 * default and sets up a fraction of zlib's state, which dominated the cost of a small tile.
 */
const TILE_GZIP: ZlibOptions = { level: constants.Z_BEST_SPEED, windowBits: 12, memLevel: 6 };
/**
 * Below this size a tile is compressed on the request loop: at these settings that takes well under a
 * millisecond, while handing it to libuv's thread pool cost several times more under load. Larger tiles go
 * to the pool so that no request holds the loop.
 */
const INLINE_GZIP_BYTES = 64 * 1024;
/** Compressed bodies of tiles the tile cache keeps, so that a kept tile is compressed once. */
const compressed = new WeakMap<Uint8Array, Uint8Array>();

async function gzipTile(body: Uint8Array): Promise<Uint8Array> {
  const kept = compressed.get(body);
  if (kept) return kept;
  const zipped =
    body.length < INLINE_GZIP_BYTES ? gzipSync(body, TILE_GZIP) : await gzipAsync(body, TILE_GZIP);
  compressed.set(body, zipped);
  return zipped;
}
const TILE_PATH = /^\/tiles\/([a-z_]+)\/([0-9]+)\/([0-9]+)\/([0-9]+)\.mvt$/;
const TILEJSON_PATH = /^\/tiles\/([a-z_]+)\.json$/;
const CACHE_CONTROL: Record<TilesetName, string> = {
  // Vacancies change during the day, service areas when a facility moves; the base map only with an import.
  facilities: 'no-cache',
  service_areas: 'no-cache',
  basemap: 'public, max-age=3600',
};

/** An answer of the map endpoints, for the HTTP framework to send. */
export interface MapResponse {
  status: number;
  headers: Record<string, string | number>;
  body: string | Uint8Array;
}

/** What the map endpoints read of a request. */
export interface MapRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

function json(status: number, body: unknown, cacheControl = 'no-cache'): MapResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': cacheControl },
    body: JSON.stringify(body),
  };
}

function error(status: number, code: string, message: string, argument?: string): MapResponse {
  return json(status, { errors: [{ message, extensions: { code, ...(argument ? { argument } : {}) } }] });
}

/** The parameters of a tile request: a facility filter (and limits for service areas); the base map takes none. */
function parametersOf(tileset: TilesetName, params: URLSearchParams): TileParameters {
  if (tileset === 'facilities') return { filter: parseTileFilter(params) };
  if (tileset === 'service_areas') return parseServiceAreaParameters(params);
  const [first] = params.keys();
  if (first !== undefined)
    throw badUserInput(`The ${tileset} tileset takes no parameters`, first.slice(0, 40));
  return { filter: {} };
}

/** The origin tile URLs in TileJSON start with, taken from the request's Host header when it is plausible. */
function originOf(req: MapRequest): string {
  const host = String(req.headers.host ?? '');
  if (!/^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9a-fA-F:]+\](:[0-9]{1,5})?$/.test(host)) return '';
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}

async function tileResponse(req: MapRequest, tileset: TilesetName, body: Uint8Array): Promise<MapResponse> {
  const headers: Record<string, string | number> = {
    'content-type': 'application/vnd.mapbox-vector-tile',
    'cache-control': CACHE_CONTROL[tileset],
    vary: 'accept-encoding',
  };
  let payload: Uint8Array = body;
  if (body.length > 0 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    payload = await gzipTile(body);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = payload.length;
  return { status: 200, headers, body: payload };
}

/**
 * Answers the map endpoints: `/tiles/{tileset}/{z}/{x}/{y}.mvt` (Mapbox Vector Tiles, XYZ scheme),
 * `/tiles/{tileset}.json` (TileJSON 3.0.0) and `/config.json` (the client's map settings). Bad parameters
 * come back as HTTP 400 with a JSON error carrying code BAD_USER_INPUT, like the GraphQL API's errors.
 */
export async function answerMapRequest(
  req: MapRequest,
  app: { db: Database; config: AppConfig },
): Promise<MapResponse> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const refused = error(405, 'METHOD_NOT_ALLOWED', 'Map endpoints answer GET and HEAD only');
    return { ...refused, headers: { ...refused.headers, allow: 'GET, HEAD' } };
  }
  const url = new URL(req.url, 'http://localhost');
  const service = new TileService(app.db.fork(), app.config, app.db.kind);
  try {
    if (url.pathname === '/config.json') return json(200, await service.mapConfig());
    const tilePath = TILE_PATH.exec(url.pathname);
    const jsonPath = TILEJSON_PATH.exec(url.pathname);
    const name = tilePath?.[1] ?? jsonPath?.[1];
    if (!name || !isTilesetName(name)) {
      return error(404, 'NOT_FOUND', `No such map resource; tilesets: ${Object.keys(TILESETS).join(', ')}`);
    }
    const tileset = TILESETS[name];
    const parameters = parametersOf(name, url.searchParams);
    if (jsonPath) {
      if (name !== 'basemap') await service.validateFilter(parameters.filter);
      return json(200, tileJson(tileset, originOf(req), url.searchParams.toString()));
    }
    const [, , z, x, y] = tilePath!;
    const tile = parseTileAddress(z, x, y, tileset.maxzoom);
    if (!tile || tile.z < tileset.minzoom) {
      return error(
        400,
        'BAD_USER_INPUT',
        `${z}/${x}/${y} is not a tile of ${name} (zoom ${tileset.minzoom}–${tileset.maxzoom}, x and y below 2^zoom)`,
        'tile',
      );
    }
    return tileResponse(req, name, await service.tile(name, tile, parameters));
  } catch (thrown) {
    const userError = isUserInputError(thrown) ? thrown : valueErrorOf(thrown);
    if (!userError) throw thrown;
    return error(
      400,
      'BAD_USER_INPUT',
      userError.message,
      userError.extensions.argument as string | undefined,
    );
  }
}
