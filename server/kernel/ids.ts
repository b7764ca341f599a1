import { badUserInput } from './errors';

/** Largest id accepted: the tables' ids are `serial` (PostgreSQL `integer`), so no row has a larger one. */
export const MAX_ID = 2_147_483_647;

const CANONICAL_ID = /^[1-9][0-9]{0,9}$/;

/** The id in canonical decimal form (`22`), or null for anything else (`0x16`, ` 22`, `22.0`, `022`, `1e1`, `-1`, too large). */
export function canonicalId(value: unknown): string | null {
  if (typeof value !== 'string' || !CANONICAL_ID.test(value)) return null;
  return Number(value) <= MAX_ID ? value : null;
}

/** A database id given as an argument: its canonical decimal form, or BAD_USER_INPUT naming the argument. */
export function parseId(value: unknown, argument: string): string {
  const id = canonicalId(value);
  if (id === null) {
    const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : String(value);
    throw badUserInput(
      `${argument}: ${shown} is not an id; ids are positive whole numbers written in decimal, such as 22`,
      argument,
    );
  }
  return id;
}

/** Every id of a list argument in canonical form (see {@link parseId}). */
export function parseIds(values: readonly unknown[], argument: string): string[] {
  return values.map((value) => parseId(value, argument));
}
