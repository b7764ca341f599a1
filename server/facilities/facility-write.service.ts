import type { EntityManager } from '@mikro-orm/sql';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { AuditRepository } from '../audit/audit.repository';
import { forbidden, requireFacilityAccess, requireRole } from '../auth/authorize';
import type { Principal } from '../auth/role';
import type { AppConfig } from '../config';
import { badUserInput, notFound } from '../kernel/errors';
import { parseCalendarDate } from '../kernel/dates';
import { parseId } from '../kernel/ids';
import { facilityEvents, VACANCY_CHANGED } from './facility-events';
import { assertFacilityFields, CHINA_EXTENT } from './facility-write.rules';
import { OPERATOR_FIELDS, type FacilityCreateInput, type FacilityUpdateInput } from './facility-write.input';
import {
  FacilityWriteRepository,
  type ColumnChange,
  type ColumnType,
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

type InputField = keyof FacilityUpdateInput | 'vacantBeds';

const COLUMNS: Record<InputField, { column: string; type: ColumnType }> = {
  name: { column: 'name', type: 'text' },
  nameEn: { column: 'name_en', type: 'text' },
  type: { column: 'type', type: 'facility_type' },
  address: { column: 'address', type: 'text' },
  phone: { column: 'phone', type: 'text' },
  openingHours: { column: 'opening_hours', type: 'text' },
  operatorType: { column: 'operator_type', type: 'operator_type' },
  services: { column: 'services', type: 'text[]' },
  feeMinMonthly: { column: 'fee_min_monthly', type: 'int' },
  feeMaxMonthly: { column: 'fee_max_monthly', type: 'int' },
  totalBeds: { column: 'total_beds', type: 'int' },
  nursingBeds: { column: 'nursing_beds', type: 'int' },
  dementiaBeds: { column: 'dementia_beds', type: 'int' },
  vacantBeds: { column: 'vacant_beds', type: 'int' },
  residents: { column: 'residents', type: 'int' },
  hasRehabRoom: { column: 'has_rehab_room', type: 'boolean' },
  hasInhouseMedical: { column: 'has_inhouse_medical', type: 'boolean' },
  ltcInsurance: { column: 'ltc_insurance', type: 'boolean' },
  medicalInsurance: { column: 'medical_insurance', type: 'boolean' },
  starRating: { column: 'star_rating', type: 'smallint' },
  hospitalGrade: { column: 'hospital_grade', type: 'hospital_grade' },
  location: { column: 'location', type: 'geometry' },
  verifiedOn: { column: 'verified_on', type: 'date' },
};

function conflict(id: string, expectedVersion: number, currentVersion: number): GraphQLError {
  return new GraphQLError(
    `Facility ${id} was changed by someone else: you expected version ${expectedVersion}, it is now at ${currentVersion}. Reload it and try again.`,
    { extensions: { code: 'CONFLICT', currentVersion } },
  );
}

/** The change with its date checked and written as YYYY-MM-DD (the `Date` scalar hands over a `Date`). */
function withCalendarDate<T extends { verifiedOn?: unknown }>(input: T): T {
  if (input.verifiedOn == null) return input;
  return { ...input, verifiedOn: parseCalendarDate(input.verifiedOn, 'verifiedOn', 'PAST') };
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
  async updateVacancy(
    facilityId: string,
    vacantBeds: number,
    expectedVersion: number,
  ): Promise<FacilityRecord> {
    const id = parseId(facilityId, 'facilityId');
    requireFacilityAccess(this.principal, id);
    const facility = await this.write(id, expectedVersion, { vacantBeds }, 'UPDATE_VACANCY');
    await facilityEvents.publish(VACANCY_CHANGED, facility);
    return facility;
  }

  /** Changes some fields of a facility; OPERATOR only their own facilities' fees, services, hours and phone. */
  async update(rawId: string, input: FacilityUpdateInput, expectedVersion: number): Promise<FacilityRecord> {
    const id = parseId(rawId, 'id');
    requireFacilityAccess(this.principal, id);
    if (this.principal.role === 'OPERATOR') {
      const restricted = Object.keys(input).filter(
        (f) =>
          input[f as keyof FacilityUpdateInput] !== undefined &&
          !(OPERATOR_FIELDS as readonly string[]).includes(f),
      );
      if (restricted.length) throw forbidden(`An OPERATOR may not change ${restricted.join(', ')}`);
    }
    return this.write(id, expectedVersion, withCalendarDate({ ...input }), 'UPDATE');
  }

  /** Adds a facility (ADMIN). */
  async create(input: FacilityCreateInput): Promise<FacilityRecord> {
    requireRole(this.principal, ['ADMIN'], 'createFacility');
    const { source, ...fields } = withCalendarDate(input);
    if (!source?.trim()) throw badUserInput('source must say where the record comes from', 'source');
    const merged = { ...fields, source, lng: input.location.lng, lat: input.location.lat };
    assertFacilityFields(merged, this.extent());
    const areas = await this.areasAhead(input.location);
    return this.em.transactional(async (tx) => {
      const changes = this.changesOf({ ...fields });
      changes.push(
        { column: 'source', type: 'text', value: source },
        { column: 'is_sample', type: 'boolean', value: false },
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
  async archive(rawId: string, expectedVersion: number): Promise<boolean> {
    requireRole(this.principal, ['ADMIN'], 'archiveFacility');
    const id = parseId(rawId, 'id');
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
        const { column, type } = COLUMNS[field];
        if (field === 'location') {
          const point = value as { lng: number; lat: number };
          return {
            column,
            type,
            value: JSON.stringify({ type: 'Point', coordinates: [point.lng, point.lat] }),
          };
        }
        return { column, type, value: field === 'services' ? (value ?? []) : value };
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
