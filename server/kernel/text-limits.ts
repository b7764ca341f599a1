import { badUserInput } from './errors';

/**
 * Longest text accepted per kind of field, in characters; the one place these caps are set. Every text
 * input (GraphQL arguments and import cells) is checked against one of them.
 */
export const TEXT_LIMITS = {
  /** Names of facilities, consortia, people. */
  name: 200,
  /** Addresses, phone numbers, opening hours: one line each. */
  line: 500,
  /** Where a record comes from, notes and other free text. */
  freeText: 2_000,
  /** Short codes and identifiers (source keys, division codes, roles). */
  code: 120,
} as const;
export type TextKind = keyof typeof TEXT_LIMITS;

/** The reason `value` is too long for its kind of field, or null when it fits. */
export function textProblem(value: string | null | undefined, kind: TextKind): string | null {
  if (value == null) return null;
  const limit = TEXT_LIMITS[kind];
  return value.length > limit ? `is longer than ${limit} characters` : null;
}

/** Throws BAD_USER_INPUT naming the argument when the text is longer than its kind allows. */
export function assertTextLength(value: string | null | undefined, kind: TextKind, argument: string): void {
  const problem = textProblem(value, kind);
  if (problem) throw badUserInput(`${argument} ${problem}`, argument);
}
