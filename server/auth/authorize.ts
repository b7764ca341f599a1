import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../context';
import type { Principal, Role } from './role';

/** The caller may not do this; nothing was changed. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Throws FORBIDDEN unless the caller has one of the roles. */
export function requireRole(principal: Principal, roles: readonly Role[], what: string): void {
  if (!roles.includes(principal.role)) {
    throw forbidden(`${what} needs the role ${roles.join(' or ')}; this request is ${principal.role}`);
  }
}

/** Throws FORBIDDEN unless the caller may change this facility (ADMIN any, OPERATOR their own). */
export function requireFacilityAccess(principal: Principal, facilityId: string): void {
  if (principal.role === 'ADMIN') return;
  if (principal.role === 'OPERATOR' && principal.facilityIds.includes(facilityId)) return;
  throw forbidden(`This request (${principal.role}) may not change facility ${facilityId}`);
}

/** type-graphql's check for `@Authorized(roles)` fields: FORBIDDEN with the roles that would do. */
export const authChecker: AuthChecker<RequestContext> = ({ context, info }, roles) => {
  requireRole(context.principal, roles as Role[], `${info.parentType.name}.${info.fieldName}`);
  return true;
};
