import type { EntityManager } from '@mikro-orm/sql';
import { badUserInput, notFound } from '../kernel/errors';
import type { RegionLevel } from './region-level';
import { RegionRepository } from './region.repository';
import type { Region } from './region.type';

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

  /** Regions at a level and/or under a parent. */
  async list(level: RegionLevel | null, parentCode: string | null): Promise<Region[]> {
    if (parentCode != null) assertRegionCode(parentCode, 'parentCode');
    return this.regions.list(level, parentCode);
  }

  /** One region, or NOT_FOUND. */
  async get(code: string): Promise<Region> {
    assertRegionCode(code, 'code');
    const region = await this.regions.findByCode(code);
    if (!region) throw notFound(`No region with division code ${code}`);
    return region;
  }

  /** Facility and bed counts inside a region. */
  stats(code: string) {
    return this.regions.stats(code);
  }
}
