import type { EntityManager } from '@mikro-orm/sql';
import { AuditRepository } from '../audit/audit.repository';
import { requireRole } from '../auth/authorize';
import type { Principal } from '../auth/role';
import { ConsortiumRepository } from '../consortia/consortium.repository';
import type { ConsortiumCreateInput, ConsortiumUpdateInput } from '../consortia/consortium.input';
import type { Consortium } from '../consortia/consortium.type';
import { CARE_INSTITUTION_TYPES, MEDICAL_TYPES, type FacilityType } from '../facilities/facility-kind';
import { FacilityRepository } from '../facilities/facility.repository';
import { badUserInput, notFound } from '../kernel/errors';
import { parseCalendarDate } from '../kernel/dates';
import { parseId } from '../kernel/ids';
import { RELATION_LIMITS } from '../kernel/relation-limits';
import { assertTextLength } from '../kernel/text-limits';
import { RegionRepository } from '../regions/region.repository';
import { assertRegionCode } from '../regions/region.service';
import type { PartnershipCreateInput, PartnershipUpdateInput } from './partnership.input';
import { PartnershipRepository } from './partnership.repository';
import type { Partnership } from './partnership.type';

const CONSORTIUM_LEVELS: ReadonlySet<string> = new Set(['DISTRICT', 'STREET']);
const MEMBER_ROLES: ReadonlySet<string> = new Set(['MEDICAL', 'REHABILITATION', 'CARE']);

/** A pairing's dates as YYYY-MM-DD: signed by today, ending up to the accepted future. */
function pairingDates<T extends { signedOn?: unknown; endsOn?: unknown }>(input: T): T {
  return {
    ...input,
    ...(input.signedOn != null ? { signedOn: parseCalendarDate(input.signedOn, 'signedOn', 'PAST') } : {}),
    ...(input.endsOn != null ? { endsOn: parseCalendarDate(input.endsOn, 'endsOn', 'FUTURE') } : {}),
  };
}

/** Consortium members with canonical facility ids. */
function canonicalMembers(members: readonly { facilityId: string; role: string }[]) {
  return members.map((m) => ({ facilityId: parseId(m.facilityId, 'members.facilityId'), role: m.role }));
}

function assertDates(signedOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (signedOn && endsOn && endsOn < signedOn)
    throw badUserInput(`endsOn (${endsOn}) is before signedOn (${signedOn})`, 'endsOn');
}

/** Rules for pairings and consortia (ADMIN): both sides exist and have the right kinds; every change audited. */
export class RelationWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
  ) {}

  /** Records a new pairing. */
  async createPartnership(raw: PartnershipCreateInput): Promise<Partnership> {
    requireRole(this.principal, ['ADMIN'], 'createPartnership');
    const input = {
      ...pairingDates(raw),
      careFacilityId: parseId(raw.careFacilityId, 'careFacilityId'),
      medicalFacilityId: parseId(raw.medicalFacilityId, 'medicalFacilityId'),
    };
    assertDates(input.signedOn, input.endsOn);
    if (!input.source?.trim())
      throw badUserInput('source must say where the agreement is recorded', 'source');
    assertTextLength(input.source, 'freeText', 'source');
    if (input.careFacilityId === input.medicalFacilityId) {
      throw badUserInput('A facility cannot pair with itself', 'medicalFacilityId');
    }
    return this.em.transactional(async (tx) => {
      await this.assertType(tx, input.careFacilityId, CARE_INSTITUTION_TYPES, 'careFacilityId');
      await this.assertType(tx, input.medicalFacilityId, MEDICAL_TYPES, 'medicalFacilityId');
      const partnerships = new PartnershipRepository(tx);
      if (await partnerships.activeExists(input.careFacilityId, input.medicalFacilityId)) {
        throw badUserInput('These two facilities already have an active pairing', 'medicalFacilityId');
      }
      const counts = await partnerships.countsFor([input.careFacilityId, input.medicalFacilityId]);
      for (const [argument, facilityId] of [
        ['careFacilityId', input.careFacilityId],
        ['medicalFacilityId', input.medicalFacilityId],
      ] as const) {
        if ((counts.get(facilityId) ?? 0) >= RELATION_LIMITS.partnershipsPerFacility)
          throw badUserInput(
            `Facility ${facilityId} takes part in ${RELATION_LIMITS.partnershipsPerFacility} pairings already, the most one facility may have`,
            argument,
          );
      }
      const id = await partnerships.insert({ ...input, endsOn: input.endsOn ?? null });
      const created = (await partnerships.findById(id))!;
      await new AuditRepository(tx).record(this.principal, {
        action: 'CREATE',
        entity: 'partnership',
        entityId: id,
        oldValues: null,
        newValues: created,
      });
      return created;
    });
  }

  /** Changes a pairing's dates, services or channels. */
  updatePartnership(id: string, input: PartnershipUpdateInput): Promise<Partnership> {
    requireRole(this.principal, ['ADMIN'], 'updatePartnership');
    return this.changePartnership(parseId(id, 'id'), pairingDates(input), 'UPDATE');
  }

  /** Ends a pairing on a date (kept for history). */
  endPartnership(id: string, endsOn: string): Promise<Partnership> {
    requireRole(this.principal, ['ADMIN'], 'endPartnership');
    return this.changePartnership(parseId(id, 'id'), pairingDates({ endsOn }), 'END');
  }

  /** Records a new consortium with its lead and members. */
  async createConsortium(raw: ConsortiumCreateInput): Promise<Consortium> {
    requireRole(this.principal, ['ADMIN'], 'createConsortium');
    const input = {
      ...raw,
      leadFacilityId: parseId(raw.leadFacilityId, 'leadFacilityId'),
      members: canonicalMembers(raw.members),
    };
    if (!input.name?.trim()) throw badUserInput('name is required', 'name');
    assertTextLength(input.name, 'name', 'name');
    if (!CONSORTIUM_LEVELS.has(input.level))
      throw badUserInput(`level must be ${[...CONSORTIUM_LEVELS].join(' or ')}`, 'level');
    if (!input.source?.trim()) throw badUserInput('source is required', 'source');
    assertTextLength(input.source, 'freeText', 'source');
    assertRegionCode(input.regionCode, 'regionCode');
    this.assertMembers(input.members, input.leadFacilityId);
    return this.em.transactional(async (tx) => {
      if (!(await new RegionRepository(tx).exists(input.regionCode))) {
        throw badUserInput(`Unknown region code ${input.regionCode}`, 'regionCode');
      }
      await this.assertType(tx, input.leadFacilityId, null, 'leadFacilityId');
      for (const member of input.members) await this.assertType(tx, member.facilityId, null, 'members');
      const consortia = new ConsortiumRepository(tx);
      await this.assertConsortiaPerFacility(consortia, input.leadFacilityId, input.members, null);
      const id = await consortia.insert(input);
      await consortia.replaceMembers(id, input.members);
      const created = (await consortia.findById(id))!;
      await new AuditRepository(tx).record(this.principal, {
        action: 'CREATE',
        entity: 'consortium',
        entityId: id,
        oldValues: null,
        newValues: created,
      });
      return created;
    });
  }

  /** Changes a consortium's name, lead or members. */
  updateConsortium(rawId: string, raw: ConsortiumUpdateInput): Promise<Consortium> {
    requireRole(this.principal, ['ADMIN'], 'updateConsortium');
    const id = parseId(rawId, 'id');
    const input = {
      ...raw,
      leadFacilityId:
        raw.leadFacilityId == null ? raw.leadFacilityId : parseId(raw.leadFacilityId, 'leadFacilityId'),
      members: raw.members == null ? raw.members : canonicalMembers(raw.members),
    };
    if (input.name !== undefined && !input.name?.trim()) throw badUserInput('name cannot be empty', 'name');
    assertTextLength(input.name, 'name', 'name');
    return this.changeConsortium(id, 'UPDATE', async (tx, before) => {
      const lead = input.leadFacilityId ?? before.leadFacilityId;
      if (input.members) this.assertMembers(input.members, lead);
      if (input.leadFacilityId) await this.assertType(tx, input.leadFacilityId, null, 'leadFacilityId');
      for (const member of input.members ?? []) await this.assertType(tx, member.facilityId, null, 'members');
      const consortia = new ConsortiumRepository(tx);
      await this.assertConsortiaPerFacility(consortia, lead, input.members ?? [], id);
      await consortia.update(id, {
        name: input.name ?? undefined,
        leadFacilityId: input.leadFacilityId ?? undefined,
      });
      if (input.members) await consortia.replaceMembers(id, input.members);
    });
  }

  /** Ends a consortium on a date (kept for history). */
  endConsortium(rawId: string, rawEndedOn: string): Promise<Consortium> {
    requireRole(this.principal, ['ADMIN'], 'endConsortium');
    const id = parseId(rawId, 'id');
    const endedOn = parseCalendarDate(rawEndedOn, 'endedOn', 'FUTURE');
    return this.changeConsortium(id, 'END', async (tx, before) => {
      if (before.endedOn) throw badUserInput(`Consortium ${id} ended on ${before.endedOn} already`, 'id');
      await new ConsortiumRepository(tx).update(id, { endedOn });
    });
  }

  private async assertConsortiaPerFacility(
    consortia: ConsortiumRepository,
    leadFacilityId: string,
    members: readonly { facilityId: string }[],
    consortiumId: string | null,
  ): Promise<void> {
    const ids = [...new Set([leadFacilityId, ...members.map((m) => m.facilityId)])];
    const counts = await consortia.countsFor(ids, consortiumId);
    const full = ids.find(
      (facilityId) => (counts.get(facilityId) ?? 0) >= RELATION_LIMITS.consortiaPerFacility,
    );
    if (full)
      throw badUserInput(
        `Facility ${full} belongs to ${RELATION_LIMITS.consortiaPerFacility} consortia already, the most one facility may`,
        full === leadFacilityId ? 'leadFacilityId' : 'members',
      );
  }

  private assertMembers(members: { facilityId: string; role: string }[], leadFacilityId: string): void {
    if (members.length > RELATION_LIMITS.membersPerConsortium)
      throw badUserInput(
        `A consortium has at most ${RELATION_LIMITS.membersPerConsortium} members`,
        'members',
      );
    const ids = members.map((m) => m.facilityId);
    if (new Set(ids).size !== ids.length)
      throw badUserInput('A facility is listed twice among the members', 'members');
    if (ids.includes(leadFacilityId))
      throw badUserInput('The lead is not also listed as a member', 'members');
    const bad = members.find((m) => !MEMBER_ROLES.has(m.role));
    if (bad)
      throw badUserInput(
        `Member role must be one of ${[...MEMBER_ROLES].join(', ')}, got "${bad.role.slice(0, 40)}"`,
        'members',
      );
  }

  private async assertType(
    tx: EntityManager,
    id: string,
    allowed: readonly FacilityType[] | null,
    argument: string,
  ): Promise<void> {
    const facility = await new FacilityRepository(tx).findById(id);
    if (!facility) throw notFound(`No facility with id ${id}`);
    if (allowed && !allowed.includes(facility.type)) {
      throw badUserInput(
        `Facility ${id} is a ${facility.type}; ${argument} must be one of ${allowed.join(', ')}`,
        argument,
      );
    }
  }

  private async changePartnership(
    id: string,
    fields: PartnershipUpdateInput,
    action: string,
  ): Promise<Partnership> {
    return this.em.transactional(async (tx) => {
      const partnerships = new PartnershipRepository(tx);
      const before = await partnerships.findById(id);
      if (!before) throw notFound(`No pairing with id ${id}`);
      assertDates(
        fields.signedOn ?? before.signedOn,
        fields.endsOn === undefined ? before.endsOn : fields.endsOn,
      );
      const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      await partnerships.update(id, changes);
      const after = (await partnerships.findById(id))!;
      await new AuditRepository(tx).record(this.principal, {
        action,
        entity: 'partnership',
        entityId: id,
        oldValues: before,
        newValues: after,
      });
      return after;
    });
  }

  private async changeConsortium(
    id: string,
    action: string,
    change: (tx: EntityManager, before: Consortium) => Promise<void>,
  ): Promise<Consortium> {
    return this.em.transactional(async (tx) => {
      const consortia = new ConsortiumRepository(tx);
      const before = await consortia.findById(id);
      if (!before) throw notFound(`No consortium with id ${id}`);
      await change(tx, before);
      const after = (await consortia.findById(id))!;
      await new AuditRepository(tx).record(this.principal, {
        action,
        entity: 'consortium',
        entityId: id,
        oldValues: before,
        newValues: after,
      });
      return after;
    });
  }
}
