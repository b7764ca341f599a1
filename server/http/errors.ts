import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_BODY_BYTES } from './http-limits';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'BAD_REQUEST',
  429: 'RATE_LIMITED',
};

/** The error @fastify/rate-limit throws past the limit: HTTP 429 with code RATE_LIMITED. */
export function rateLimitError(ttlMs: number): Error & { statusCode: number } {
  const seconds = Math.max(Math.ceil(ttlMs / 1000), 1);
  return Object.assign(new Error(`Too many requests; retry in ${seconds} s`), { statusCode: 429 });
}

function messageOf(error: FastifyError, status: number): string {
  if (status === 413) return `Request body larger than ${MAX_BODY_BYTES} bytes`;
  if (error.code === 'FST_ERR_BAD_URL') return 'The path is not a valid URL (bad percent-encoding)';
  return error.message;
}

/**
 * Answers an error of the HTTP layer in the GraphQL error shape: client errors (bad URL or JSON, body too large,
 * rate limit) keep their status and a message, anything else is logged and masked as 500.
 */
export function answerHttpError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) console.error('Unexpected error while answering an HTTP request:', error);
  const message = status === 500 ? 'Internal server error; it has been logged.' : messageOf(error, status);
  const code = status === 500 ? 'INTERNAL_SERVER_ERROR' : (CODES[status] ?? 'BAD_REQUEST');
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** Answers a path nothing serves. */
export function answerNotFound(_request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
}
