import type { EntityManager } from '@mikro-orm/sql';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { AuditRepository } from '../audit/audit.repository';
import { forbidden, requireFacilityAccess, requireRole } from '../auth/authorize';
import type { Principal } from '../auth/role';
import type { AppConfig } from '../config';
import { TEXT_ARRAY_PARAM } from '../db/sql';
import { badUserInput, notFound } from '../graphql/errors';
import { assertPoint } from '../graphql/geo.validate';
import { facilityEvents, VACANCY_CHANGED } from './facility-events';
import { OPERATOR_FIELDS, type FacilityCreateInput, type FacilityUpdateInput } from './facility-write.input';
import {
  FacilityWriteRepository,
  LOCATION_SQL,
  type ColumnChange,
  type StoredFacility,
} from './facility-write.repository';
import type { FacilityRecord } from './facility.record';
import { FacilityRepository } from './facility.repository';
import type { NetworkLoader } from '../network/network.loader';
import {
  prepareServiceAreas,
  refreshServiceAreas,
  type AreasAhead,
} from '../service-areas/service-area.service';

/** Mainland China's extent (with a margin): coordinates outside it are almost always swapped or mistyped. */
export const CHINA_EXTENT = { west: 73.4, south: 18.1, east: 135.1, north: 53.6 };
const MAX_TEXT = 500;

type InputField = keyof FacilityUpdateInput | 'vacantBeds';

const COLUMNS: Record<InputField, { column: string; sql: string }> = {
  name: { column: 'name', sql: '?' },
  nameEn: { column: 'name_en', sql: '?' },
  type: { column: 'type', sql: '?::facility_type' },
  address: { column: 'address', sql: '?' },
  phone: { column: 'phone', sql: '?' },
  openingHours: { column: 'opening_hours', sql: '?' },
  operatorType: { column: 'operator_type', sql: '?::operator_type' },
  services: { column: 'services', sql: TEXT_ARRAY_PARAM },
  feeMinMonthly: { column: 'fee_min_monthly', sql: '?::int' },
  feeMaxMonthly: { column: 'fee_max_monthly', sql: '?::int' },
  totalBeds: { column: 'total_beds', sql: '?::int' },
  nursingBeds: { column: 'nursing_beds', sql: '?::int' },
  dementiaBeds: { column: 'dementia_beds', sql: '?::int' },
  vacantBeds: { column: 'vacant_beds', sql: '?::int' },
  residents: { column: 'residents', sql: '?::int' },
  hasRehabRoom: { column: 'has_rehab_room', sql: '?::boolean' },
  hasInhouseMedical: { column: 'has_inhouse_medical', sql: '?::boolean' },
  ltcInsurance: { column: 'ltc_insurance', sql: '?::boolean' },
  medicalInsurance: { column: 'medical_insurance', sql: '?::boolean' },
  starRating: { column: 'star_rating', sql: '?::smallint' },
  hospitalGrade: { column: 'hospital_grade', sql: '?::hospital_grade' },
  location: { column: 'location', sql: LOCATION_SQL },
  verifiedOn: { column: 'verified_on', sql: '?::date' },
};

function conflict(id: string, expectedVersion: number, currentVersion: number): GraphQLError {
  return new GraphQLError(
    `Facility ${id} was changed by someone else: you expected version ${expectedVersion}, it is now at ${currentVersion}. Reload it and try again.`,
    { extensions: { code: 'CONFLICT', currentVersion } },
  );
}

function assertCount(value: unknown, field: string): void {
  if (value != null && (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 100_000)) {
    throw badUserInput(`${field} must be a whole number from 0 to 100000, got ${value}`, field);
  }
}

/** Checks a facility's fields as they will be after a change (beds ≥ vacant ≥ 0, fees ≥ 0, min ≤ max …). */
export function assertFacilityFields(
  merged: Record<string, unknown>,
  extent: typeof CHINA_EXTENT | null,
): void {
  for (const field of [
    'totalBeds',
    'nursingBeds',
    'dementiaBeds',
    'vacantBeds',
    'residents',
    'feeMinMonthly',
    'feeMaxMonthly',
  ]) {
    assertCount(merged[field], field);
  }
  const total = merged.totalBeds as number | null;
  for (const part of ['vacantBeds', 'nursingBeds', 'dementiaBeds'] as const) {
    const value = merged[part] as number | null;
    if (value != null && total == null) throw badUserInput(`${part} needs totalBeds`, part);
    if (value != null && total != null && value > total) {
      throw badUserInput(`${part} (${value}) cannot exceed totalBeds (${total})`, part);
    }
  }
  const min = merged.feeMinMonthly as number | null;
  const max = merged.feeMaxMonthly as number | null;
  if (min != null && max != null && min > max) {
    throw badUserInput(`feeMinMonthly (${min}) cannot exceed feeMaxMonthly (${max})`, 'feeMinMonthly');
  }
  const stars = merged.starRating as number | null;
  if (stars != null && (!Number.isInteger(stars) || stars < 1 || stars > 5)) {
    throw badUserInput(`starRating must be 1 to 5, got ${stars}`, 'starRating');
  }
  const name = merged.name as string | null;
  if (name == null || name.trim().length === 0 || name.length > 200) {
    throw badUserInput('name must be 1 to 200 characters', 'name');
  }
  for (const field of ['nameEn', 'address', 'phone', 'openingHours']) {
    const text = merged[field] as string | null;
    if (text != null && text.length > MAX_TEXT)
      throw badUserInput(`${field} is longer than ${MAX_TEXT} characters`, field);
  }
  const services = merged.services as string[] | null;
  if (services && new Set(services).size !== services.length)
    throw badUserInput('services lists a service twice', 'services');
  const point = { lng: merged.lng as number, lat: merged.lat as number };
  assertPoint(point, 'location');
  if (
    extent &&
    (point.lng < extent.west ||
      point.lng > extent.east ||
      point.lat < extent.south ||
      point.lat > extent.north)
  ) {
    throw badUserInput(
      `location (${point.lng}, ${point.lat}) is outside China's extent; longitude and latitude may be swapped`,
      'location',
    );
  }
}

/** Rules for changing the directory: who may change what, validation, optimistic versions, audit. */
export class FacilityWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly config: AppConfig,
    private readonly network: NetworkLoader | null = null,
  ) {}

  /** The service areas of a new location, drawn before the transaction (which holds the embedded database). */
  private areasAhead(
    location: { lng: number; lat: number } | null | undefined,
  ): Promise<AreasAhead | undefined> {
    if (!this.network || !location) return Promise.resolve(undefined);
    return prepareServiceAreas(this.em, this.network, [{ lng: location.lng, lat: location.lat }]);
  }

  /** Sets a facility's vacant beds if the caller read the current version. */
  async updateVacancy(id: string, vacantBeds: number, expectedVersion: number): Promise<FacilityRecord> {
    requireFacilityAccess(this.principal, id);
    const facility = await this.write(id, expectedVersion, { vacantBeds }, 'UPDATE_VACANCY');
    await facilityEvents.publish(VACANCY_CHANGED, facility);
    return facility;
  }

  /** Changes some fields of a facility; OPERATOR only their own facilities' fees, services, hours and phone. */
  async update(id: string, input: FacilityUpdateInput, expectedVersion: number): Promise<FacilityRecord> {
    requireFacilityAccess(this.principal, id);
    if (this.principal.role === 'OPERATOR') {
      const restricted = Object.keys(input).filter(
        (f) =>
          input[f as keyof FacilityUpdateInput] !== undefined &&
          !(OPERATOR_FIELDS as readonly string[]).includes(f),
      );
      if (restricted.length) throw forbidden(`An OPERATOR may not change ${restricted.join(', ')}`);
    }
    return this.write(id, expectedVersion, { ...input }, 'UPDATE');
  }

  /** Adds a facility (ADMIN). */
  async create(input: FacilityCreateInput): Promise<FacilityRecord> {
    requireRole(this.principal, ['ADMIN'], 'createFacility');
    const { source, ...fields } = input;
    if (!source?.trim()) throw badUserInput('source must say where the record comes from', 'source');
    const merged = { ...fields, lng: input.location.lng, lat: input.location.lat };
    assertFacilityFields(merged, this.extent());
    const areas = await this.areasAhead(input.location);
    return this.em.transactional(async (tx) => {
      const changes = this.changesOf({ ...fields });
      changes.push(
        { column: 'source', sql: '?', value: source },
        { column: 'is_sample', sql: '?::boolean', value: false },
      );
      const id = await new FacilityWriteRepository(tx).insert(`api:${randomUUID()}`, changes);
      await refreshServiceAreas(tx, undefined, areas);
      const created = (await new FacilityRepository(tx).findById(id))!;
      await new AuditRepository(tx).record(this.principal, {
        action: 'CREATE',
        entity: 'facility',
        entityId: id,
        oldValues: null,
        newValues: { ...fields, source },
      });
      return created;
    });
  }

  /** Hides a facility from the public; the row and its history are kept (ADMIN). */
  async archive(id: string, expectedVersion: number): Promise<boolean> {
    requireRole(this.principal, ['ADMIN'], 'archiveFacility');
    return this.em.transactional(async (tx) => {
      const repo = new FacilityWriteRepository(tx);
      const stored = await repo.lock(id);
      if (!stored || stored.archived) throw notFound(`No facility with id ${id}`);
      if ((await repo.archive(id, expectedVersion)) === null)
        throw conflict(id, expectedVersion, stored.version);
      await new AuditRepository(tx).record(this.principal, {
        action: 'ARCHIVE',
        entity: 'facility',
        entityId: id,
        oldValues: { archived: false },
        newValues: { archived: true },
      });
      return true;
    });
  }

  private extent() {
    return this.config.restrictToChina ? CHINA_EXTENT : null;
  }

  private changesOf(fields: Partial<Record<InputField, unknown>>): ColumnChange[] {
    return (Object.keys(fields) as InputField[])
      .filter((field) => fields[field] !== undefined && COLUMNS[field])
      .map((field) => {
        const value = fields[field];
        const { column, sql } = COLUMNS[field];
        if (field === 'location') {
          const point = value as { lng: number; lat: number };
          return {
            column,
            sql,
            value: JSON.stringify({ type: 'Point', coordinates: [point.lng, point.lat] }),
          };
        }
        return { column, sql, value: field === 'services' ? JSON.stringify(value ?? []) : value };
      });
  }

  private async write(
    id: string,
    expectedVersion: number,
    fields: Partial<Record<InputField, unknown>>,
    action: string,
  ): Promise<FacilityRecord> {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
      throw badUserInput(
        'expectedVersion must be the version you read (a positive integer)',
        'expectedVersion',
      );
    }
    const areas = await this.areasAhead(fields.location as { lng: number; lat: number } | null | undefined);
    return this.em.transactional(async (tx) => {
      const repo = new FacilityWriteRepository(tx);
      const stored = await repo.lock(id);
      if (!stored || stored.archived) throw notFound(`No facility with id ${id}`);
      if (stored.version !== expectedVersion) throw conflict(id, expectedVersion, stored.version);
      const location = fields.location as { lng: number; lat: number } | null | undefined;
      if (location === null) throw badUserInput('location cannot be removed', 'location');
      const merged: Record<string, unknown> = { ...stored, ...fields, ...(location ?? {}) };
      assertFacilityFields(merged, this.extent());
      const changes = this.changesOf(fields);
      const textChanged = ['name', 'address', 'nameEn'].some(
        (f) => f in fields && fields[f as InputField] !== undefined,
      );
      const version = await repo.update(id, expectedVersion, changes, textChanged);
      if (version === null) throw conflict(id, expectedVersion, stored.version + 1);
      if (location) await refreshServiceAreas(tx, undefined, areas);
      await new AuditRepository(tx).record(this.principal, {
        action,
        entity: 'facility',
        entityId: id,
        oldValues: pick(stored, Object.keys(fields)),
        newValues: fields,
      });
      return (await new FacilityRepository(tx).findById(id))!;
    });
  }
}

function pick(stored: StoredFacility, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => [f, f === 'location' ? { lng: stored.lng, lat: stored.lat } : stored[f]]),
  );
}
