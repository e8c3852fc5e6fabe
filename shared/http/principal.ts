// The caller, from the claims the JWT authorizer verified (API Gateway puts them
// in requestContext.authorizer.jwt.claims; the local server does the same).
// Handlers never read the Authorization header.

import { Forbidden, Unauthorized } from '#domain/errors';
import type { Principal } from '#domain/principal';
import { ROLES, type Role } from '#domain/roles';
// Set in the ID token by the pool's pre-token-generation trigger (prod) for a
// desk or agency user with TOTP on (infra/aws/README.md, "Staff second factor").
import { STAFF_MFA_CLAIM, STAFF_MFA_VALUE } from '#domain/staff-mfa';

export type { Principal };
export { STAFF_MFA_CLAIM, STAFF_MFA_VALUE };
/** The roles that read beyond their own reports: every case, or an agency's. */
export const STAFF_ROLES: readonly Role[] = ['desk', 'agency'];

export const ID_TOKEN_REQUIRED =
  'Use the ID token, not the access token: the API reads your role, agency and email from the ID token.';
export const STAFF_MFA_REQUIRED =
  'Desk and agency accounts must sign in with a second factor: turn on an authenticator app (TOTP) for your account, then sign in again.';

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
    ...(claims[STAFF_MFA_CLAIM] === STAFF_MFA_VALUE ? { mfa: true } : {}),
  };
};

export interface AuthPolicy {
  /** Desk and agency callers need the second-factor claim (config auth.staffMfaRequired). */
  staffMfaRequired: boolean;
}

const invalidToken = (detail: string) =>
  new Unauthorized(
    detail,
    {},
    { 'www-authenticate': `Bearer error="invalid_token", error_description="${detail}"` },
  );

/**
 * The caller of a non-public route, or the reason they may not call it:
 * 401 without a subject or with anything but an ID token (API Gateway's JWT
 * authorizer lets a Cognito access token through: it matches the audience on
 * `client_id` when `aud` is absent, and cannot check `token_use`), 403 for a
 * role the route does not allow, and 403 for staff without the second factor
 * when the policy asks for it.
 */
export const authorize = (
  claims: Claims | undefined,
  access: readonly Role[],
  policy: AuthPolicy,
): Principal => {
  const principal = principalFromClaims(claims);
  if (!principal) throw new Unauthorized('Sign in: a valid bearer token is required.');
  if (claims?.token_use !== 'id') throw invalidToken(ID_TOKEN_REQUIRED);
  if (!principal.roles.some((r) => access.includes(r))) throw new Forbidden('Your role may not do this.');
  if (
    policy.staffMfaRequired &&
    principal.mfa !== true &&
    principal.roles.some((r) => STAFF_ROLES.includes(r))
  ) {
    throw new Forbidden(STAFF_MFA_REQUIRED);
  }
  return principal;
};

export const hasRole = (p: Principal, role: Role): boolean => p.roles.includes(role);
