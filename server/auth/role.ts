/** Who is asking: the public, an institution's staff, a planner, or an administrator. */
export const Role = {
  PUBLIC: 'PUBLIC',
  OPERATOR: 'OPERATOR',
  PLANNER: 'PLANNER',
  ADMIN: 'ADMIN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Roles a token can carry (PUBLIC needs none). */
export const TOKEN_ROLES: readonly Role[] = [Role.OPERATOR, Role.PLANNER, Role.ADMIN];

/** The caller of one request. */
export interface Principal {
  role: Role;
  /** Person or system name, as written in the audit log. */
  subject: string;
  /** Facilities an OPERATOR may change. */
  facilityIds: readonly string[];
  tokenId: string | null;
}

/** The caller without a token. */
export const PUBLIC_PRINCIPAL: Principal = Object.freeze({
  role: Role.PUBLIC,
  subject: 'public',
  facilityIds: [],
  tokenId: null,
});
