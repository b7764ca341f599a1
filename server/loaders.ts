import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/sql';
import { ConsortiumRepository } from './consortia/consortium.repository';
import type { Consortium } from './consortia/consortium.type';
import type { FacilityRecord } from './facilities/facility.record';
import { FacilityRepository } from './facilities/facility.repository';
import { FacilityFeeRepository } from './facilities/facility-fee.repository';
import type { FacilityFeeRecord } from './facilities/facility-fee.record';
import { PartnershipRepository } from './partnerships/partnership.repository';
import { RegionRepository } from './regions/region.repository';
import type { Region, RegionStats, RegionSuccession } from './regions/region.type';
import type { Partnership } from './partnerships/partnership.type';

/** Per-request batch loaders: one statement per field and page instead of one per facility. */
export interface Loaders {
  /** A facility's pairings, either side, oldest first. */
  partnerships: DataLoader<string, Partnership[]>;
  /** The facilities on the other side of a facility's pairings, by name. */
  partners: DataLoader<string, FacilityRecord[]>;
  /** Consortia a facility leads or belongs to. */
  consortia: DataLoader<string, Consortium[]>;
  /** A facility's fees per care level. */
  fees: DataLoader<string, FacilityFeeRecord[]>;
  /** Facility and bed counts inside a region, by division code. */
  regionStats: DataLoader<string, RegionStats>;
  /** Where all or part of a region went in re-divisions, by division code. */
  successions: DataLoader<string, RegionSuccession[]>;
  /** One page of the regions in force below a region, and how many there are in all. */
  regionChildren: DataLoader<RegionPage, { items: Region[]; total: number }, string>;
}

/** A page of a region's children: the parent's code, the page size and where it starts. */
export interface RegionPage {
  code: string;
  limit: number;
  offset: number;
}

/** Batches `load` calls into one repository call; each id gets its list (empty when it has none). */
function listLoader<Item>(
  loadAll: (ids: readonly string[]) => Promise<Map<string, Item[]>>,
): DataLoader<string, Item[]> {
  // No cache: a subscription keeps its context, and a cached list would go stale between its events.
  return new DataLoader(
    async (ids) => {
      const byId = await loadAll(ids);
      return ids.map((id) => byId.get(id) ?? []);
    },
    { cache: false },
  );
}

/** Fresh loaders for one request or subscription, each made when first used (most requests use none). */
export function createLoaders(em: EntityManager): Loaders {
  let partnerships: Loaders['partnerships'] | undefined;
  let partners: Loaders['partners'] | undefined;
  let consortia: Loaders['consortia'] | undefined;
  let fees: Loaders['fees'] | undefined;
  let regionStats: Loaders['regionStats'] | undefined;
  let successions: Loaders['successions'] | undefined;
  let regionChildren: Loaders['regionChildren'] | undefined;
  return {
    get partnerships() {
      return (partnerships ??= listLoader((ids) => new PartnershipRepository(em).forFacilities(ids)));
    },
    get partners() {
      return (partners ??= listLoader((ids) => new FacilityRepository(em).partnersOf(ids)));
    },
    get consortia() {
      return (consortia ??= listLoader((ids) => new ConsortiumRepository(em).forFacilities(ids)));
    },
    get fees() {
      return (fees ??= listLoader((ids) => new FacilityFeeRepository(em).forFacilities(ids)));
    },
    get regionStats() {
      return (regionStats ??= new DataLoader(
        async (codes: readonly string[]) => {
          const byCode = await new RegionRepository(em).statsOf(codes);
          return codes.map((code) => byCode.get(code)!);
        },
        { cache: false },
      ));
    },
    get successions() {
      return (successions ??= listLoader((codes) => new RegionRepository(em).successionsOf(codes)));
    },
    get regionChildren() {
      // Pages of the same size and start are read together (a list of regions asks alike for each).
      return (regionChildren ??= new DataLoader(
        async (pages: readonly RegionPage[]) => {
          const windows = new Map<string, RegionPage[]>();
          for (const page of pages) {
            const key = `${page.limit}:${page.offset}`;
            const group = windows.get(key);
            if (group) group.push(page);
            else windows.set(key, [page]);
          }
          const loaded = new Map<RegionPage, { items: Region[]; total: number }>();
          await Promise.all(
            [...windows.values()].map(async (group) => {
              const { limit, offset } = group[0];
              const byCode = await new RegionRepository(em).childrenOf(
                group.map((page) => page.code),
                limit,
                offset,
              );
              for (const page of group) loaded.set(page, byCode.get(page.code)!);
            }),
          );
          return pages.map((page) => loaded.get(page)!);
        },
        { cache: false, cacheKeyFn: (page) => `${page.limit}:${page.offset}:${page.code}` },
      ));
    },
  };
}
