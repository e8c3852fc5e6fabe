// The caller, from the claims the JWT authorizer verified (API Gateway puts them
// in requestContext.authorizer.jwt.claims; the local server does the same).
// Handlers never read the Authorization header.
import { ROLES, type Role } from '../../functions/routes';

export interface Principal {
  /** The authenticated subject id (Cognito `sub`). */
  sub: string;
  roles: Role[];
  /** For agency users: the agency they act for (`custom:agency`). */
  agencyId?: string;
  /** The `email` claim; used only to send a reporter the outcome of their reports. */
  email?: string;
}

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * API Gateway renders array claims as one string, `[desk agency]`; tokens
 * verified in-process keep them as arrays. Both mean the same list.
 */
const groupsOf = (raw: Claims[string]): string[] => {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string') return [];
  return raw
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
};

export const principalFromClaims = (claims: Claims | undefined): Principal | null => {
  if (!claims || typeof claims.sub !== 'string' || claims.sub.length === 0) return null;
  const roles = groupsOf(claims['cognito:groups']).filter((g): g is Role =>
    (ROLES as readonly string[]).includes(g),
  );
  const agency = claims['custom:agency'];
  const email = claims.email;
  return {
    sub: claims.sub,
    roles,
    ...(typeof agency === 'string' && agency ? { agencyId: agency } : {}),
    ...(typeof email === 'string' && email ? { email } : {}),
  };
};

export const hasRole = (p: Principal, role: Role): boolean => p.roles.includes(role);
