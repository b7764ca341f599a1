import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { valueErrorOf } from './errors';

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  // From the compute pool: over the request's time budget, pool queue full, client gone.
  'TIMEOUT',
  'SERVICE_UNAVAILABLE',
  'CANCELLED',
]);
const ARGUMENT_VALUE_ERROR =
  /(does not exist in "\w+" enum|cannot represent|Expected value of type|Expected type|is not defined by type|of required type)/;

/**
 * Shapes every error a client sees: user errors keep their message and code, argument values that do
 * not fit the schema or that the database refuses as values become BAD_USER_INPUT, and anything
 * unexpected is masked so that no stack trace, SQL or internal detail leaves the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && CLIENT_CODES.has(code)) return withoutStack(formatted);
  if (code === 'GRAPHQL_VALIDATION_FAILED' && ARGUMENT_VALUE_ERROR.test(formatted.message)) {
    return { ...withoutStack(formatted), extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST') {
    return withoutStack(formatted);
  }
  if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'PERSISTED_QUERY_NOT_SUPPORTED') return formatted;
  const valueError = valueErrorOf(unwrapResolverError(error));
  if (valueError) {
    return {
      message: valueError.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: valueError.extensions,
    };
  }
  if (isDatabaseUnavailable(unwrapResolverError(error))) {
    return {
      message: 'The database is unavailable for a moment; nothing was changed. Please retry.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  console.error('Unexpected error while answering a GraphQL request:', unwrapResolverError(error));
  return {
    message: 'Internal server error; it has been logged.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Connection refused, server shutting down or restarting: a retry will do. */
function isDatabaseUnavailable(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03'
  );
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
