import type { EntityManager } from '@mikro-orm/sql';
import { connectionOf, pageWindow } from '../graphql/pagination';
import { badUserInput, notFound } from '../kernel/errors';
import { RegionRepository, type RegionFilter } from './region.repository';
import type { Region } from './region.type';

/** Reads pages of regions' children, batched per request (server/loaders.ts). */
export interface RegionChildrenLoader {
  load(page: { code: string; limit: number; offset: number }): Promise<{ items: Region[]; total: number }>;
}

/** The most regions `regions` returns in one list. */
export const MAX_REGION_LIST = 500;

/** Rejects text that is not a division code (6, 9 or 12 digits). */
export function assertRegionCode(code: string, argument: string): void {
  if (!/^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/.test(code)) {
    throw badUserInput(
      `"${code.slice(0, 40)}" is not a division code (区划代码: 6, 9 or 12 digits)`,
      argument,
    );
  }
}

/** Rules for reading regions. */
export class RegionService {
  private readonly regions: RegionRepository;

  constructor(em: EntityManager) {
    this.regions = new RegionRepository(em);
  }

  /**
   * Regions at a level and/or under a parent (today's unless `includeEnded`), by code; BAD_USER_INPUT when
   * more than `first` match, so a list is never cut short silently.
   */
  async list(filter: RegionFilter, first: number): Promise<Region[]> {
    if (filter.parentCode != null) assertRegionCode(filter.parentCode, 'parentCode');
    if (!Number.isInteger(first) || first < 1 || first > MAX_REGION_LIST) {
      throw badUserInput(`"first" must be between 1 and ${MAX_REGION_LIST}, got ${first}`, 'first');
    }
    const regions = await this.regions.list(filter, first + 1);
    if (regions.length > first) {
      const total = await this.regions.count(filter);
      throw badUserInput(
        `${total} regions match, more than first = ${first}: give parentCode (or page through Region.children)`,
        'first',
      );
    }
    return regions;
  }

  /** One page of a region's children (today's), by code, loaded with those of the other regions of the request. */
  async children(
    loader: RegionChildrenLoader,
    code: string,
    first: number | null,
    after: string | null,
    maxPageSize: number,
  ) {
    const { limit, offset } = pageWindow(first, after, maxPageSize);
    const { items, total } = await loader.load({ code, limit, offset });
    return connectionOf(items, offset, total);
  }

  /** One region, or NOT_FOUND. */
  async get(code: string): Promise<Region> {
    assertRegionCode(code, 'code');
    const region = await this.regions.findByCode(code);
    if (!region) throw notFound(`No region with division code ${code}`);
    return region;
  }
}
