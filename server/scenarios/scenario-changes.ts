import type { FacilityType } from '../facilities/facility-kind';

/** What a change does to today's directory. */
export const ScenarioChangeKind = {
  /** A hypothetical facility: type, location and places (beds or capacity). */
  ADD: 'ADD',
  /** An existing facility at another location. */
  MOVE: 'MOVE',
  /** An existing facility closed. */
  CLOSE: 'CLOSE',
  /** An existing facility with another number of places. */
  CAPACITY: 'CAPACITY',
} as const;
export type ScenarioChangeKind = (typeof ScenarioChangeKind)[keyof typeof ScenarioChangeKind];

/** One change as stored in the scenario row. */
export interface StoredChange {
  readonly id: number;
  readonly kind: ScenarioChangeKind;
  /** The existing facility moved, closed or resized; null for ADD. */
  readonly facilityId: string | null;
  /** ADD only. */
  readonly type: FacilityType | null;
  readonly name: string | null;
  /** ADD and MOVE. */
  readonly lng: number | null;
  readonly lat: number | null;
  /** ADD (may be null: not stated) and CAPACITY. */
  readonly places: number | null;
}

/** A facility as coverage sees it, with its sample flag and whether it exists only in the scenario. */
export interface ScenarioFacility {
  readonly id: string;
  readonly type: FacilityType;
  readonly lng: number;
  readonly lat: number;
  readonly places: number | null;
  readonly isSample: boolean;
}

/** The id a hypothetical facility carries in answers: `h` and the number of its change. */
export function hypotheticalId(change: Pick<StoredChange, 'id'>): string {
  return `h${change.id}`;
}

/**
 * Today's facilities (of some types) as the scenario would have them: changes apply in order; a
 * hypothetical facility counts only when its type is among the types asked about.
 */
export function applyChanges<Facility extends ScenarioFacility>(
  facilities: readonly Facility[],
  changes: readonly StoredChange[],
  types: readonly FacilityType[],
): ScenarioFacility[] {
  const byId = new Map<string, ScenarioFacility>(facilities.map((facility) => [facility.id, facility]));
  for (const change of changes) {
    const current = change.facilityId === null ? undefined : byId.get(change.facilityId);
    switch (change.kind) {
      case ScenarioChangeKind.ADD:
        if (change.type !== null && types.includes(change.type)) {
          byId.set(hypotheticalId(change), {
            id: hypotheticalId(change),
            type: change.type,
            lng: change.lng!,
            lat: change.lat!,
            places: change.places,
            isSample: false,
          });
        }
        break;
      case ScenarioChangeKind.MOVE:
        if (current) byId.set(current.id, { ...current, lng: change.lng!, lat: change.lat! });
        break;
      case ScenarioChangeKind.CLOSE:
        if (current) byId.delete(current.id);
        break;
      case ScenarioChangeKind.CAPACITY:
        if (current) byId.set(current.id, { ...current, places: change.places });
        break;
    }
  }
  return [...byId.values()];
}
