import type { EntityManager } from '@mikro-orm/sql';
import type { AppConfig } from '../config';
import { parseId, parseIds } from '../kernel/ids';
import { badUserInput, notFound } from '../kernel/errors';
import { assertBBox, assertPoint } from '../graphql/geo.validate';
import { connectionOf, pageWindow } from '../graphql/pagination';
import { assertMinutes, travelProfileOf } from '../isochrones/travel.validate';
import type { ComputeCaller } from '../compute/compute-pool';
import { profileSpec } from '../compute/compute-tasks';
import type { NetworkLoader } from '../network/network.loader';
import { RegionRepository } from '../regions/region.repository';
import { assertRegionCode } from '../regions/region.service';
import type { FacilityFilter } from './facility.input';
import type { FacilityQuery } from './facility.query';
import { ALL_FACILITY_COLUMNS, FacilityRepository, type FacilityColumn } from './facility.repository';
import { normalizeSearch, queryGrams } from './search-text';

/** Longest accepted search text, in characters. */
export const MAX_SEARCH_LENGTH = 100;
/** Largest `near` radius, in metres. */
export const MAX_NEAR_RADIUS_METERS = 50_000;

/**
 * A trip is never shorter than the straight line, but the engine measures on a sphere and PostGIS on
 * the spheroid (under 1% apart here), so `within` takes candidates 1% + 1 m beyond the reach.
 */
const STRAIGHT_LINE_MARGIN = 1.01;

/** Rejects a string that cannot be a facility id. */
export function assertFacilityId(id: string, argument: string): void {
  parseId(id, argument);
}

/** Rules of the facility directory: validates filters, pages results. */
export class FacilityService {
  private readonly facilities: FacilityRepository;
  private readonly regions: RegionRepository;

  constructor(
    em: EntityManager,
    private readonly config: AppConfig,
    private readonly network: NetworkLoader | null = null,
    private readonly caller: ComputeCaller = {},
  ) {
    this.facilities = new FacilityRepository(em);
    this.regions = new RegionRepository(em);
  }

  /**
   * A Relay page of facilities matching a filter; how many match in all is counted only `withTotal`
   * (the count is null otherwise, and the page reads one row more to know whether another follows).
   */
  async list(
    filter: FacilityFilter | null | undefined,
    first?: number | null,
    after?: string | null,
    withTotal = true,
    columns: readonly FacilityColumn[] = ALL_FACILITY_COLUMNS,
  ) {
    const { limit, offset } = pageWindow(first, after, this.config.maxPageSize);
    const query = await this.toQuery(filter ?? {});
    if (query.within) return this.listWithin(query, query.within, limit, offset, columns);
    if (withTotal) {
      const { items, totalCount } = await this.facilities.findCounted(query, limit, offset, columns);
      return { ...connectionOf(items, offset, totalCount), travelMethod: null };
    }
    const rows = await this.facilities.find(query, limit + 1, offset, columns);
    // The extra row only says whether a next page exists: counting up to it gives the same pageInfo.
    const page = connectionOf(rows.slice(0, limit), offset, offset + rows.length);
    return { ...page, totalCount: null, travelMethod: null };
  }

  /** A page of the facilities the query matches that are reachable within the limit, soonest first. */
  private async listWithin(
    query: FacilityQuery,
    within: NonNullable<FacilityQuery['within']>,
    limit: number,
    offset: number,
    columns: readonly FacilityColumn[],
  ) {
    if (!this.network) throw new Error('The within filter needs the road network');
    const computation = await this.network.computation(this.caller);
    const reachMeters = within.minutes * within.profile.speedMetersPerMinute;
    const sites = await this.facilities.sitesFrom(query, within, reachMeters * STRAIGHT_LINE_MARGIN + 1);
    const { method, minutes } = await computation.run('travelMinutes', {
      origin: { lng: within.lng, lat: within.lat },
      sites,
      profile: profileSpec(within.profile),
      limitMinutes: within.minutes,
    });
    const reached = sites
      .map((site, index) => ({ id: site.id, travelMinutes: minutes[index] }))
      .filter((site) => site.travelMinutes <= within.minutes)
      .sort((a, b) => a.travelMinutes - b.travelMinutes || Number(a.id) - Number(b.id));
    const page = reached.slice(offset, offset + limit);
    const records = page.length
      ? await this.facilities.find({ ...query, ids: page.map((site) => site.id) }, page.length, 0, columns)
      : [];
    const byId = new Map(records.map((record) => [record.id, record]));
    // A facility archived between the two reads is left out of the page.
    const items = page.flatMap((site) => {
      const record = byId.get(site.id);
      return record ? [{ ...record, travelMinutes: site.travelMinutes }] : [];
    });
    return { ...connectionOf(items, offset, reached.length), travelMethod: method };
  }

  /** One facility (the columns asked for), or NOT_FOUND. */
  async get(id: string, columns: readonly FacilityColumn[] = ALL_FACILITY_COLUMNS) {
    assertFacilityId(id, 'id');
    const facility = await this.facilities.findById(id, false, columns);
    if (!facility) throw notFound(`No facility with id ${id}`);
    return facility;
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
      if (filter.maxMonthlyFee < 0)
        throw badUserInput('filter.maxMonthlyFee must be ≥ 0', 'filter.maxMonthlyFee');
      query.maxMonthlyFee = filter.maxMonthlyFee;
    }
    if (filter.careLevel != null) query.careLevel = filter.careLevel;
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
    if (filter.ids != null) {
      if (filter.ids.length > 500)
        throw badUserInput('filter.ids lists more than 500 facilities', 'filter.ids');
      query.ids = parseIds(filter.ids, 'filter.ids');
    }
    if (filter.within) {
      assertPoint(filter.within.point, 'filter.within.point');
      assertMinutes(filter.within.minutes, 'filter.within.minutes');
      const profile = travelProfileOf(
        filter.within.mode,
        filter.within.speedMetersPerMinute,
        'filter.within.',
      );
      query.within = {
        lng: filter.within.point.lng,
        lat: filter.within.point.lat,
        minutes: filter.within.minutes,
        profile,
      };
    }
    return query;
  }
}
