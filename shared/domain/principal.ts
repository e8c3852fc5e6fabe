// The caller, as the rules see it: who (the token's subject), in which roles, for
// which agency. The HTTP edge builds it from the verified token's claims
// (shared/http/principal.ts); the services take it as it is.
import type { Role } from './roles';

export interface Principal {
  /** The authenticated subject id (Cognito `sub`). */
  sub: string;
  roles: Role[];
  /** For agency users: the agency they act for (`custom:agency`). */
  agencyId?: string;
  /** The `email` claim; used only to send a reporter the outcome of their reports. */
  email?: string;
  /** The token carries the staff second-factor claim (STAFF_MFA_CLAIM). */
  mfa?: boolean;
}
