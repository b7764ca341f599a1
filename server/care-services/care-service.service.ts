import type { EntityManager } from '@mikro-orm/sql';
import { requireRole } from '../auth/authorize';
import { Role, type Principal } from '../auth/role';
import type { UpsertCounts } from '../import/import.records';
import { forbidden } from '../auth/authorize';
import { badUserInput } from '../kernel/errors';
import { parseCalendarDate } from '../kernel/dates';
import { assertRegionCode } from '../regions/region.service';
import {
  CARE_SERVICE_TYPES,
  CareServiceGrouping,
  FUNDING_SOURCES,
  NEED_LEVELS,
  SUPPRESS_BELOW,
} from './care-service-kind';
import { CareServiceRepository, type CareServiceRow, type CareServiceTally } from './care-service.repository';

/** Most records one batch may carry. */
export const MAX_CARE_SERVICE_RECORDS = 1_000;

/** A record as sent, before checking. */
export interface CareServiceSubmission extends Omit<CareServiceRow, 'startedAt' | 'providerFacilityId'> {
  providerFacilityId: string | number;
  startedAt: Date | string;
}

/** One group's figures as a caller may see them: counts 1–4 are null for everyone but ADMIN. */
export interface CareServiceSummary {
  key: string;
  name: string;
  services: number | null;
  recipients: number | null;
  recipientsInNeed: number | null;
  peopleInNeed: number | null;
  servicesPerPersonInNeed: number | null;
  reachedPercent: number | null;
  costCny: number;
  /** Some count (or a figure derived from it) was withheld because it lies from 1 to 4. */
  suppressed: boolean;
}

// An ID-card number (18 characters) or a mobile number must never arrive as a pseudonym.
const PERSONAL_ID = /^\d{17}[\dXx]$|^1\d{10}$/;

function checkedRecord(record: CareServiceSubmission, index: number): CareServiceRow {
  const argument = `records[${index}]`;
  const fail = (field: string, problem: string) =>
    badUserInput(`${argument}.${field} ${problem}`, `${argument}.${field}`);
  const key = record.recordKey.trim();
  if (key.length === 0 || key.length > 100) throw fail('recordKey', 'must have 1 to 100 characters');
  const facilityId = Number(record.providerFacilityId);
  if (!Number.isSafeInteger(facilityId) || facilityId <= 0)
    throw fail('providerFacilityId', 'is not a facility id');
  if (!CARE_SERVICE_TYPES.has(record.serviceType)) throw fail('serviceType', 'is not a service type');
  if (!FUNDING_SOURCES.has(record.fundingSource)) throw fail('fundingSource', 'is not a funding source');
  if (!NEED_LEVELS.has(record.recipientNeedLevel)) throw fail('recipientNeedLevel', 'is not a need level');
  const startedAt = new Date(record.startedAt);
  if (Number.isNaN(startedAt.getTime()) || startedAt.getTime() > Date.now() + 86_400_000) {
    throw fail('startedAt', 'must be a time, not in the future');
  }
  if (
    !Number.isInteger(record.durationMinutes) ||
    record.durationMinutes < 0 ||
    record.durationMinutes > 1440
  ) {
    throw fail('durationMinutes', 'must be whole minutes from 0 to 1440');
  }
  if (!Number.isFinite(record.costCny) || record.costCny < 0) throw fail('costCny', 'must be ≥ 0');
  assertRegionCode(record.recipientRegionCode, `${argument}.recipientRegionCode`);
  const pseudonym = record.recipientPseudonym.trim();
  if (pseudonym.length < 8 || pseudonym.length > 64)
    throw fail('recipientPseudonym', 'must have 8 to 64 characters');
  if (PERSONAL_ID.test(pseudonym)) {
    throw fail(
      'recipientPseudonym',
      'looks like an ID-card or phone number: send a pseudonym, never a personal id',
    );
  }
  return {
    ...record,
    recordKey: key,
    providerFacilityId: facilityId,
    startedAt: startedAt.toISOString(),
    recipientPseudonym: pseudonym,
  };
}

/** A count as a non-ADMIN caller sees it: null when it lies from 1 to 4. */
const shown = (count: number | null, admin: boolean) =>
  count !== null && !admin && count > 0 && count < SUPPRESS_BELOW ? null : count;

/** Rules of services delivered: who may send records, and the suppression of small counts. */
export class CareServiceService {
  private readonly records: CareServiceRepository;

  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
  ) {
    this.records = new CareServiceRepository(em);
  }

  /** Stores a batch all or nothing, idempotently by record key (ADMIN, or OPERATOR of every provider in it). */
  async record(submissions: readonly CareServiceSubmission[]): Promise<UpsertCounts> {
    requireRole(this.principal, [Role.ADMIN, Role.OPERATOR], 'Recording services delivered');
    if (submissions.length === 0 || submissions.length > MAX_CARE_SERVICE_RECORDS) {
      throw badUserInput(`records must hold 1 to ${MAX_CARE_SERVICE_RECORDS} records`, 'records');
    }
    const rows = submissions.map(checkedRecord);
    if (new Set(rows.map((row) => row.recordKey)).size !== rows.length) {
      throw badUserInput('records lists a record key twice', 'records');
    }
    if (this.principal.role === Role.OPERATOR) {
      const own = new Set(this.principal.facilityIds);
      const other = rows.find((row) => !own.has(String(row.providerFacilityId)));
      if (other)
        throw forbidden(
          `An OPERATOR records services of its own facilities only, not of ${other.providerFacilityId}`,
        );
    }
    const known = await this.records.known(
      rows.map((row) => row.recipientRegionCode),
      rows.map((row) => row.providerFacilityId),
    );
    const badRegion = rows.find((row) => !known.regions.has(row.recipientRegionCode));
    if (badRegion)
      throw badUserInput(`No region with division code ${badRegion.recipientRegionCode}`, 'records');
    const badFacility = rows.find((row) => !known.facilities.has(row.providerFacilityId));
    if (badFacility) throw badUserInput(`No facility with id ${badFacility.providerFacilityId}`, 'records');
    return this.em.transactional((em) => new CareServiceRepository(em).upsert(rows));
  }

  /** Services per group for recipients living in the region; counts 1–4 withheld unless the caller is ADMIN. */
  async summary(
    regionCode: string,
    grouping: CareServiceGrouping,
    from: string | null,
    to: string | null,
  ): Promise<CareServiceSummary[]> {
    assertRegionCode(regionCode, 'regionCode');
    const fromDate = from == null ? null : parseCalendarDate(from, 'from', 'FUTURE');
    const toDate = to == null ? null : parseCalendarDate(to, 'to', 'FUTURE');
    const admin = this.principal.role === Role.ADMIN;
    const tallies = await this.records.tally(regionCode, grouping, fromDate, toDate);
    return tallies.map((tally) => this.summaryOf(tally, admin));
  }

  private summaryOf(tally: CareServiceTally, admin: boolean): CareServiceSummary {
    const services = shown(tally.services, admin);
    const recipients = shown(tally.recipients, admin);
    const recipientsInNeed = shown(tally.recipientsInNeed, admin);
    const peopleInNeed = shown(tally.peopleInNeed, admin);
    const perPerson = services !== null && peopleInNeed ? services / peopleInNeed : null;
    const reached =
      recipientsInNeed !== null && peopleInNeed ? (100 * recipientsInNeed) / peopleInNeed : null;
    return {
      key: tally.key,
      name: tally.name,
      services,
      recipients,
      recipientsInNeed,
      peopleInNeed,
      servicesPerPersonInNeed: perPerson,
      reachedPercent: reached,
      costCny: tally.costCny,
      suppressed:
        services !== tally.services ||
        recipients !== tally.recipients ||
        recipientsInNeed !== tally.recipientsInNeed ||
        peopleInNeed !== tally.peopleInNeed,
    };
  }
}
