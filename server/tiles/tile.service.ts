// FacilityService's module graph declares type-graphql types, which need the metadata polyfill first.
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/sql';
import type { AppConfig } from '../config';
import type { DatabaseKind } from '../db/database';
import type { FacilityFilter } from '../facilities/facility.input';
import { FacilityService } from '../facilities/facility.service';
import { TravelMode } from '../routing/travel-kind';
import { storedMinutes } from '../kernel/stored-service-areas';
import { encodeTile } from './mvt-encoder';
import { tileCacheOf } from './tile-cache';
import type { LngLatBounds, TileAddress } from './tile-grid';
import {
  basemapLayerSql,
  facilityLayerSql,
  serviceAreaLayerSql,
  TileRepository,
  type TileLayerSql,
} from './tile.repository';
import type { TilesetName } from './tilesets';

/** What a tile request asks for besides its address: which facilities, and for service areas which mode and limits. */
export interface TileParameters {
  filter: FacilityFilter;
  /** Travel mode of a service-area tile (default WALK). */
  mode?: TravelMode;
  /** Time limits of a service-area tile (default: every one stored for the mode). */
  minutes?: readonly number[];
}

/** What the client needs to know before it draws the map (served as /config.json). */
export interface MapConfig {
  /** A deployment's own base-map style URL; null: the platform's own base map. */
  mapStyleUrl: string | null;
  /** Where the facilities are, for the first view; null when there are none. */
  facilityBounds: LngLatBounds | null;
}

/** Makes vector tiles: ST_AsMVT on PostgreSQL, the TypeScript encoder on the embedded database. */
export class TileService {
  private readonly tiles: TileRepository;

  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly kind: DatabaseKind,
  ) {
    this.tiles = new TileRepository(em);
  }

  /**
   * One tile of a tileset; the filter applies to the facilities and service-area tilesets and is checked
   * like the GraphQL filter.
   */
  async tile(tileset: TilesetName, tile: TileAddress, parameters: TileParameters): Promise<Uint8Array> {
    if (tileset === 'basemap') return this.basemapTile(tile);
    const query = await new FacilityService(this.em, this.config).toQuery(parameters.filter);
    if (tileset === 'service_areas') {
      const mode = parameters.mode ?? TravelMode.WALK;
      const minutes = parameters.minutes ?? storedMinutes(mode);
      return this.encode([serviceAreaLayerSql(query, mode, minutes, tile)]);
    }
    return this.encode([facilityLayerSql(query, tile)]);
  }

  /** Checks a facility filter the way a tile request would, without making a tile. */
  async validateFilter(filter: FacilityFilter): Promise<void> {
    await new FacilityService(this.em, this.config).toQuery(filter);
  }

  /** Settings and first view of the map client. */
  async mapConfig(): Promise<MapConfig> {
    return { mapStyleUrl: this.config.mapStyleUrl, facilityBounds: await this.tiles.facilityBounds() };
  }

  /** A base-map tile: from memory when the base map has not changed since it was made. */
  private async basemapTile(tile: TileAddress): Promise<Uint8Array> {
    const cache = tileCacheOf(this.em.getDriver());
    const version = await this.tiles.basemapVersion();
    const kept = cache.get(version, tile);
    if (kept) return kept;
    const body = await this.encode(basemapLayerSql(tile));
    cache.set(version, tile, body);
    return body;
  }

  private async encode(layers: TileLayerSql[]): Promise<Uint8Array> {
    if (this.kind === 'postgresql') return this.tiles.encodeWithPostgis(layers);
    const encoded = [];
    for (const layer of layers)
      encoded.push({ name: layer.name, features: await this.tiles.features(layer) });
    return encodeTile(encoded);
  }
}
