import { normalizeIP } from '@fastify/rate-limit';
import { PUBLIC_PRINCIPAL, type Principal } from '../auth/role';
import { TokenService } from '../auth/token.service';
import type { Database } from '../db/database';

/** What a request's credential proved: the principal, or the error to answer with. */
export type Caller = { principal: Principal } | { error: unknown };

const PUBLIC_CALLER: Caller = Object.freeze({ principal: PUBLIC_PRINCIPAL });

/** What identifies a client: the credential it sent, if any, and its address. */
export interface ClientRequest {
  ip: string;
  headers: { authorization?: string };
}

/**
 * Verifies each request's credential once: the rate limit, the GraphQL context and the WebSocket guards read
 * the same answer.
 */
export class Callers {
  private readonly verified = new WeakMap<ClientRequest, Promise<Caller>>();

  constructor(
    private readonly db: Database,
    private readonly jwtSecret: string,
  ) {}

  /** The caller of a request (verified on first use, then remembered for the request's lifetime). */
  of(request: ClientRequest): Promise<Caller> {
    let caller = this.verified.get(request);
    if (!caller && !request.headers.authorization) {
      // No credential: the public, with nothing to look up (no entity manager to fork).
      caller = Promise.resolve(PUBLIC_CALLER);
      this.verified.set(request, caller);
    }
    if (!caller) {
      caller = new TokenService(this.db.fork(), this.jwtSecret)
        .principalOf(request.headers.authorization)
        .then(
          (principal) => ({ principal }),
          (error: unknown) => ({ error }),
        );
      this.verified.set(request, caller);
    }
    return caller;
  }

  /**
   * The rate-limit key of a request: the verified token's id, else the client address (an invalid or absent
   * credential counts against the address, so re-spelling a header never starts a new count).
   */
  async rateLimitKey(request: ClientRequest): Promise<string> {
    const caller = await this.of(request);
    const tokenId = 'principal' in caller ? caller.principal.tokenId : null;
    return tokenId ? `token:${tokenId}` : `address:${normalizeIP(request.ip)}`;
  }
}
