import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { GraphQLError } from 'graphql';
import { jwtVerify, SignJWT } from 'jose';
import { MIN_JWT_SECRET_LENGTH } from '../config';
import { TokenRepository, type TokenRecord } from './token.repository';
import { PUBLIC_PRINCIPAL, TOKEN_ROLES, type Principal, type Role } from './role';

const API_KEY_PREFIX = 'cmk_';
const ISSUER = 'caremap';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** What to issue: for whom, with which role, and for OPERATOR the facilities they run. */
export interface TokenRequest {
  subject: string;
  role: Role;
  facilityIds?: string[];
  kind: 'JWT' | 'API_KEY';
  /** Days until the token expires; API keys may be given none. */
  validDays?: number | null;
}

/** Issues, verifies and revokes bearer tokens: signed JWTs for people, API keys for systems. */
export class TokenService {
  private readonly tokens: TokenRepository;
  private readonly key: Uint8Array;

  constructor(em: EntityManager, jwtSecret: string) {
    if (jwtSecret.length < MIN_JWT_SECRET_LENGTH)
      throw new Error(`A JWT signing secret of ${MIN_JWT_SECRET_LENGTH}+ characters is needed`);
    this.tokens = new TokenRepository(em);
    this.key = new TextEncoder().encode(jwtSecret);
  }

  /** Issues a token and returns it once, in clear; only its id (and an API key's hash) is stored. */
  async issue(request: TokenRequest): Promise<{ id: string; token: string; expiresAt: Date | null }> {
    if (!TOKEN_ROLES.includes(request.role))
      throw new Error(`A token's role must be one of ${TOKEN_ROLES.join(', ')}`);
    const facilityIds = request.facilityIds ?? [];
    if (request.role === 'OPERATOR' && facilityIds.length === 0) {
      throw new Error('An OPERATOR token needs the ids of the facilities it may change');
    }
    if (facilityIds.some((id) => !/^[1-9][0-9]{0,9}$/.test(id)))
      throw new Error('Facility ids are positive integers');
    const id = randomUUID();
    const validDays = request.validDays;
    if (validDays != null && !(Number.isInteger(validDays) && validDays >= 1 && validDays <= 36_500)) {
      throw new Error('The days a token is valid must be a whole number from 1 to 36500');
    }
    const days = validDays ?? (request.kind === 'JWT' ? 30 : null);
    const expiresAt = days == null ? null : new Date(Date.now() + days * 86_400_000);
    let token: string;
    let secretHash: string | null = null;
    if (request.kind === 'API_KEY') {
      const secret = randomBytes(32).toString('base64url');
      secretHash = sha256(secret);
      token = `${API_KEY_PREFIX}${id}.${secret}`;
    } else {
      const jwt = new SignJWT({ role: request.role, fac: facilityIds })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setSubject(request.subject)
        .setJti(id)
        .setIssuedAt();
      if (expiresAt) jwt.setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
      token = await jwt.sign(this.key);
    }
    await this.tokens.insert({
      id,
      kind: request.kind,
      subject: request.subject,
      role: request.role,
      facilityIds,
      secretHash,
      expiresAt,
    });
    return { id, token, expiresAt };
  }

  /** The caller of a request from its Authorization header; PUBLIC without one, UNAUTHENTICATED for a bad one. */
  async principalOf(authorization: string | undefined): Promise<Principal> {
    if (!authorization) return PUBLIC_PRINCIPAL;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    const bearer = match[1];
    const record = bearer.startsWith(API_KEY_PREFIX)
      ? await this.verifyApiKey(bearer)
      : await this.verifyJwt(bearer);
    if (record.revokedAt) throw unauthenticated('This token has been revoked');
    if (record.expiresAt && new Date(record.expiresAt).getTime() <= Date.now()) {
      throw unauthenticated('This token has expired');
    }
    return {
      role: record.role,
      subject: record.subject,
      facilityIds: record.facilityIds,
      tokenId: record.id,
    };
  }

  private async verifyApiKey(bearer: string): Promise<TokenRecord> {
    // Exactly `cmk_<id>.<secret>`: a key with anything appended (`.anything`) is another, unknown key.
    const parts = bearer.slice(API_KEY_PREFIX.length).split('.');
    const [id, secret] = parts.length === 2 ? parts : [];
    const record = id && secret ? await this.tokens.findById(id).catch(() => null) : null;
    const expected = Buffer.from(record?.secretHash ?? '0'.repeat(64), 'hex');
    const actual = Buffer.from(sha256(secret ?? ''), 'hex');
    if (!record || record.kind !== 'API_KEY' || !timingSafeEqual(expected, actual)) {
      throw unauthenticated('Unknown API key');
    }
    return record;
  }

  private async verifyJwt(bearer: string): Promise<TokenRecord> {
    let jti: string | undefined;
    try {
      const { payload } = await jwtVerify(bearer, this.key, { algorithms: ['HS256'], issuer: ISSUER });
      jti = payload.jti;
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw unauthenticated(expired ? 'This token has expired' : 'The token is not valid');
    }
    const record = jti ? await this.tokens.findById(jti) : null;
    if (!record || record.kind !== 'JWT') throw unauthenticated('The token is not known to this server');
    return record;
  }

  /** Revokes a token by id. */
  revoke(id: string): Promise<boolean> {
    return this.tokens.revoke(id);
  }

  /** Every token issued, without secrets. */
  list(): Promise<TokenRecord[]> {
    return this.tokens.list();
  }
}
