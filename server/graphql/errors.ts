import type { GraphQLError } from 'graphql';
import { badUserInput } from '../kernel/errors';

/** What to tell a client when PostgreSQL refuses a value it sent, by SQLSTATE (values as bound parameters). */
const VALUE_ERRORS = new Map<string, string>([
  ['22021', 'Text contains a NUL character or a lone surrogate, which cannot be stored'],
  ['22P05', 'Text contains a character the database cannot store'],
  ['22P02', 'A value is not written the way its field expects'],
  ['22003', 'A number is outside the range its field allows'],
  ['22001', 'A text is longer than its field allows'],
  ['22007', 'A date or time is not valid'],
  ['22008', 'A date or time is outside the range its field allows'],
]);

/**
 * The BAD_USER_INPUT error for a database error that a client's value caused (a NUL byte, a number
 * out of range, text where a number belongs …), or null when the error has another cause.
 */
export function valueErrorOf(error: unknown): GraphQLError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const message = typeof code === 'string' ? VALUE_ERRORS.get(code) : undefined;
  return message ? badUserInput(message) : null;
}
