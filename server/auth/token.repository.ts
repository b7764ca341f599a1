import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import type { Role } from './role';

/** A stored token: a person's JWT (by its id) or a system's API key (by its id and secret hash). */
export interface TokenRecord {
  id: string;
  kind: 'JWT' | 'API_KEY';
  subject: string;
  role: Role;
  facilityIds: string[];
  secretHash: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, kind, subject, role, (select coalesce(array_agg(x::text), '{}') from unnest(facility_ids) x) as "facilityIds",
  secret_hash as "secretHash", created_at as "createdAt", expires_at as "expiresAt", revoked_at as "revokedAt"`;

/** Queries about access tokens. */
export class TokenRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Stores a newly issued token. */
  async insert(token: Omit<TokenRecord, 'createdAt' | 'revokedAt'>): Promise<void> {
    await this.sql.run(
      `insert into access_token (id, kind, subject, role, facility_ids, secret_hash, expires_at)
       values ($1, $2, $3, $4, $5::int[], $6, $7::timestamptz)`,
      [
        token.id,
        token.kind,
        token.subject,
        token.role,
        token.facilityIds,
        token.secretHash,
        token.expiresAt?.toISOString() ?? null,
      ],
    );
  }

  /** One token by id. */
  async findById(id: string): Promise<TokenRecord | null> {
    return this.sql.one<TokenRecord>(`select ${COLUMNS} from access_token where id = $1`, [id]);
  }

  /** Every token, newest first. */
  async list(): Promise<TokenRecord[]> {
    return this.sql.all<TokenRecord>(`select ${COLUMNS} from access_token order by created_at desc, id`);
  }

  /** Marks a token revoked; false when there is no such token or it was revoked already. */
  async revoke(id: string): Promise<boolean> {
    return (
      (await this.sql.run(`update access_token set revoked_at = now() where id = $1 and revoked_at is null`, [
        id,
      ])) > 0
    );
  }
}
