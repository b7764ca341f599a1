import type { IncomingMessage } from 'node:http';

/** A request body that cannot be accepted, with the HTTP status to answer. */
export class RequestBodyError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Reads a request body up to a size limit; JSON bodies are parsed, others returned as text. */
export async function readBody(
  req: IncomingMessage,
  maxBytes: number,
  contentType: string,
): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    req.resume();
    throw new RequestBodyError(`Request body larger than ${maxBytes} bytes`, 413);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.resume();
      throw new RequestBodyError(`Request body larger than ${maxBytes} bytes`, 413);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!/^application\/(graphql-response\+)?json/i.test(contentType.trim())) return text;
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestBodyError('Request body is not valid JSON', 400);
  }
}
