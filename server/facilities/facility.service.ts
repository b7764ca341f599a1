import type { EntityManager } from '@mikro-orm/sql';
import type { AppConfig } from '../config';
import { badUserInput, notFound } from '../graphql/errors';
import { assertBBox, assertPoint } from '../graphql/geo.validate';
import { connectionOf, pageWindow } from '../graphql/pagination';
import { RegionRepository } from '../regions/region.repository';
import { assertRegionCode } from '../regions/region.service';
import type { FacilityFilter } from './facility.input';
import type { FacilityQuery } from './facility.query';
import { FacilityRepository } from './facility.repository';
import { normalizeSearch, queryGrams } from './search-text';

/** Longest accepted search text, in characters. */
export const MAX_SEARCH_LENGTH = 100;
/** Largest `near` radius, in metres. */
export const MAX_NEAR_RADIUS_METERS = 50_000;

/** Rules of the facility directory: validates filters, pages results. */
export class FacilityService {
  private readonly facilities: FacilityRepository;
  private readonly regions: RegionRepository;

  constructor(
    em: EntityManager,
    private readonly config: AppConfig,
  ) {
    this.facilities = new FacilityRepository(em);
    this.regions = new RegionRepository(em);
  }

  /** A Relay page of facilities matching a filter. */
  async list(filter: FacilityFilter | null | undefined, first?: number | null, after?: string | null) {
    const { limit, offset } = pageWindow(first, after, this.config.maxPageSize);
    const query = await this.toQuery(filter ?? {});
    const [items, totalCount] = await Promise.all([
      this.facilities.find(query, limit, offset),
      this.facilities.count(query),
    ]);
    return connectionOf(items, offset, totalCount);
  }

  /** One facility, or NOT_FOUND. */
  async get(id: string) {
    if (!/^[1-9][0-9]{0,9}$/.test(id)) throw badUserInput(`"${id.slice(0, 40)}" is not a facility id`, 'id');
    const facility = await this.facilities.findById(id);
    if (!facility) throw notFound(`No facility with id ${id}`);
    return facility;
  }

  /** Facilities by id, for field resolvers. */
  byIds(ids: string[]) {
    return this.facilities.findByIds(ids);
  }

  /** Checks a GraphQL filter and turns it into a repository query. */
  async toQuery(filter: FacilityFilter): Promise<FacilityQuery> {
    const query: FacilityQuery = {};
    if (filter.types?.length) query.types = filter.types;
    if (filter.bbox) {
      assertBBox(filter.bbox, 'filter.bbox');
      query.bbox = filter.bbox;
    }
    if (filter.regionCode != null) {
      assertRegionCode(filter.regionCode, 'filter.regionCode');
      if (!(await this.regions.exists(filter.regionCode))) {
        throw badUserInput(`Unknown region code ${filter.regionCode}`, 'filter.regionCode');
      }
      query.regionCode = filter.regionCode;
    }
    if (filter.text != null) {
      if ([...filter.text].length > MAX_SEARCH_LENGTH) {
        throw badUserInput(`filter.text is longer than ${MAX_SEARCH_LENGTH} characters`, 'filter.text');
      }
      const normalized = normalizeSearch(filter.text);
      if (normalized) query.text = { normalized, grams: queryGrams(normalized) };
    }
    if (filter.hasVacancy != null) query.hasVacancy = filter.hasVacancy;
    if (filter.services?.length) query.services = filter.services;
    if (filter.maxMonthlyFee != null) {
      if (filter.maxMonthlyFee < 0) throw badUserInput('filter.maxMonthlyFee must be ≥ 0', 'filter.maxMonthlyFee');
      query.maxMonthlyFee = filter.maxMonthlyFee;
    }
    if (filter.near) {
      assertPoint(filter.near.point, 'filter.near.point');
      const radius = filter.near.radiusMeters;
      if (!Number.isFinite(radius) || radius <= 0 || radius > MAX_NEAR_RADIUS_METERS) {
        throw badUserInput(
          `filter.near.radiusMeters must be > 0 and ≤ ${MAX_NEAR_RADIUS_METERS}, got ${radius}`,
          'filter.near.radiusMeters',
        );
      }
      query.near = { ...filter.near.point, radiusMeters: radius };
    }
    if (filter.isSample != null) query.isSample = filter.isSample;
    return query;
  }
}
