import { GraphQLError } from 'graphql';

/**
 * Errors a caller causes, with the codes clients act on. Services throw these; the GraphQL layer passes their
 * code through (graphql/format-error.ts) and the HTTP layer maps them to statuses (http/errors.ts).
 */

/** Error codes a client can act on. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

/** An error the caller caused, with a message a person understands and the offending argument. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}

/** The thing asked for does not exist. */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}
