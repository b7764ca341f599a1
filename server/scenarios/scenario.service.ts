import type { EntityManager } from '@mikro-orm/sql';
import { GraphQLError } from 'graphql';
import { forbidden, requireRole } from '../auth/authorize';
import { Role, type Principal } from '../auth/role';
import { FacilityType } from '../facilities/facility-kind';
import { assertPoint } from '../graphql/geo.validate';
import { badUserInput, notFound } from '../kernel/errors';
import { parseId } from '../kernel/ids';
import { assertTextLength } from '../kernel/text-limits';
import { isMember, vocabularyOf } from '../kernel/vocabulary';
import { hypotheticalId, ScenarioChangeKind, type StoredChange } from './scenario-changes';
import type { ScenarioChangeInput } from './scenario.input';
import { ScenarioRepository, type ScenarioRow } from './scenario.repository';
import type { Scenario } from './scenario.type';

/** Roles that may make, read and use scenarios. */
export const SCENARIO_ROLES = [Role.PLANNER, Role.ADMIN] as const;

/** Most changes one scenario holds: each hypothetical facility is one more search origin. */
export const MAX_SCENARIO_CHANGES = 200;

/** Most places a change may state (as MAX_COUNT of facility writes). */
const MAX_PLACES = 100_000;

const KINDS = vocabularyOf(ScenarioChangeKind);
const TYPES = vocabularyOf(FacilityType);

function conflict(id: string, expectedVersion: number, currentVersion: number): GraphQLError {
  return new GraphQLError(
    `Scenario ${id} was changed meanwhile: you expected version ${expectedVersion}, it is now at ${currentVersion}. Reload it and try again.`,
    { extensions: { code: 'CONFLICT', currentVersion } },
  );
}

/** The API shape of a stored scenario. */
export function scenarioOf(row: ScenarioRow): Scenario {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    shared: row.shared,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    changes: row.changes.map((change) => ({
      ...change,
      id: String(change.id),
      hypotheticalId: change.kind === ScenarioChangeKind.ADD ? hypotheticalId(change) : null,
    })),
  };
}

/** Rules of scenarios: who may read and change them, what a change must state, optimistic versions. */
export class ScenarioService {
  private readonly repository: ScenarioRepository;

  constructor(
    em: EntityManager,
    private readonly principal: Principal,
  ) {
    this.repository = new ScenarioRepository(em);
  }

  /** The caller's scenarios and those others share (ADMIN: every one). */
  async list(): Promise<ScenarioRow[]> {
    requireRole(this.principal, SCENARIO_ROLES, 'Scenarios');
    return this.repository.visibleTo(this.principal.subject, this.principal.role === Role.ADMIN);
  }

  /**
   * A scenario the caller may read: NOT_FOUND when there is none, FORBIDDEN when it belongs to another
   * planner and is not shared (or the caller is not a planner at all).
   */
  async readable(id: unknown, argument = 'scenario'): Promise<ScenarioRow> {
    requireRole(this.principal, SCENARIO_ROLES, 'Scenarios');
    const scenarioId = parseId(id, argument);
    const row = await this.repository.find(scenarioId);
    if (!row) throw notFound(`No scenario with id ${scenarioId}`);
    if (row.owner !== this.principal.subject && !row.shared && this.principal.role !== Role.ADMIN) {
      throw forbidden(`Scenario ${scenarioId} belongs to another planner and is not shared`);
    }
    return row;
  }

  /** A new scenario without changes, owned by the caller. */
  async create(name: string, shared: boolean): Promise<ScenarioRow> {
    requireRole(this.principal, SCENARIO_ROLES, 'Creating a scenario');
    return this.repository.insert(checkedName(name), this.principal.subject, shared);
  }

  /** Renames or (un)shares a scenario. */
  async update(id: unknown, expectedVersion: number, name: string | null, shared: boolean | null) {
    return this.write(id, expectedVersion, (row) => ({
      ...row,
      name: name === null ? row.name : checkedName(name),
      shared: shared ?? row.shared,
    }));
  }

  /** Adds a change at the end. */
  async addChange(id: unknown, expectedVersion: number, input: ScenarioChangeInput) {
    const change = await this.checkedChange(input);
    return this.write(id, expectedVersion, (row) => {
      if (row.changes.length >= MAX_SCENARIO_CHANGES) {
        throw badUserInput(`A scenario holds at most ${MAX_SCENARIO_CHANGES} changes`, 'change');
      }
      return {
        ...row,
        changes: [...row.changes, { ...change, id: row.nextChangeId }],
        nextChangeId: row.nextChangeId + 1,
      };
    });
  }

  /** Replaces a change in place (dragging a hypothetical facility is a new location for its ADD). */
  async replaceChange(id: unknown, expectedVersion: number, changeId: unknown, input: ScenarioChangeInput) {
    const change = await this.checkedChange(input);
    const number = Number(parseId(changeId, 'changeId'));
    return this.write(id, expectedVersion, (row) => {
      if (!row.changes.some((existing) => existing.id === number)) {
        throw notFound(`Scenario ${row.id} has no change ${number}`);
      }
      return {
        ...row,
        changes: row.changes.map((existing) =>
          existing.id === number ? { ...change, id: number } : existing,
        ),
      };
    });
  }

  /** Removes a change. */
  async removeChange(id: unknown, expectedVersion: number, changeId: unknown) {
    const number = Number(parseId(changeId, 'changeId'));
    return this.write(id, expectedVersion, (row) => {
      if (!row.changes.some((existing) => existing.id === number)) {
        throw notFound(`Scenario ${row.id} has no change ${number}`);
      }
      return { ...row, changes: row.changes.filter((existing) => existing.id !== number) };
    });
  }

  /** Deletes a scenario; true when done. */
  async delete(id: unknown, expectedVersion: number): Promise<boolean> {
    const row = await this.owned(id);
    if (!(await this.repository.delete(row.id, expectedVersion))) {
      const current = await this.repository.find(row.id);
      if (!current) throw notFound(`No scenario with id ${row.id}`);
      throw conflict(row.id, expectedVersion, current.version);
    }
    return true;
  }

  /** A scenario the caller owns: FORBIDDEN for anyone else, shared or not. */
  private async owned(id: unknown): Promise<ScenarioRow> {
    const row = await this.readable(id);
    if (row.owner !== this.principal.subject) {
      throw forbidden(`Only its owner (${row.owner}) may change scenario ${row.id}`);
    }
    return row;
  }

  private async write(
    id: unknown,
    expectedVersion: number,
    next: (row: ScenarioRow) => Pick<ScenarioRow, 'name' | 'shared' | 'changes' | 'nextChangeId'>,
  ): Promise<ScenarioRow> {
    const row = await this.owned(id);
    if (row.version !== expectedVersion) throw conflict(row.id, expectedVersion, row.version);
    const updated = await this.repository.update(row.id, expectedVersion, next(row));
    if (!updated) {
      const current = await this.repository.find(row.id);
      if (!current) throw notFound(`No scenario with id ${row.id}`);
      throw conflict(row.id, expectedVersion, current.version);
    }
    return updated;
  }

  /** A change as stored, after checking what its kind needs; NOT_FOUND for an unknown facility. */
  private async checkedChange(input: ScenarioChangeInput): Promise<Omit<StoredChange, 'id'>> {
    if (!isMember(KINDS, input.kind)) throw badUserInput('change.kind is not a change kind', 'change.kind');
    const needs = (present: unknown, field: string) => {
      if (present === null || present === undefined) {
        throw badUserInput(`A ${input.kind} change needs change.${field}`, `change.${field}`);
      }
    };
    const adds = input.kind === ScenarioChangeKind.ADD;
    if (adds) {
      needs(input.type, 'type');
      if (!isMember(TYPES, input.type))
        throw badUserInput('change.type is not a facility type', 'change.type');
    } else needs(input.facilityId, 'facilityId');
    if (adds || input.kind === ScenarioChangeKind.MOVE) {
      needs(input.location, 'location');
      assertPoint(input.location!, 'change.location');
    }
    if (input.kind === ScenarioChangeKind.CAPACITY) needs(input.places, 'places');
    if (
      input.places != null &&
      (!Number.isInteger(input.places) || input.places < 0 || input.places > MAX_PLACES)
    ) {
      throw badUserInput(`change.places must be a whole number from 0 to ${MAX_PLACES}`, 'change.places');
    }
    assertTextLength(input.name, 'name', 'change.name');
    const facilityId = adds ? null : parseId(input.facilityId, 'change.facilityId');
    if (facilityId && !(await this.repository.existingFacilities([facilityId])).has(facilityId)) {
      throw notFound(`No facility with id ${facilityId} in the directory`);
    }
    const keepsLocation = adds || input.kind === ScenarioChangeKind.MOVE;
    const keepsPlaces = adds || input.kind === ScenarioChangeKind.CAPACITY;
    return {
      kind: input.kind,
      facilityId,
      type: adds ? input.type! : null,
      name: adds ? (input.name ?? null) : null,
      lng: keepsLocation ? input.location!.lng : null,
      lat: keepsLocation ? input.location!.lat : null,
      places: keepsPlaces ? (input.places ?? null) : null,
    };
  }
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw badUserInput('name must not be empty', 'name');
  assertTextLength(trimmed, 'name', 'name');
  return trimmed;
}
