// Who is signed in. The ID token (what the API accepts) is kept in session
// storage only: it is gone when the tab closes, and never written to local
// storage. Locally the development sign-in page of the local stack hands it
// over in the callback's fragment; on AWS oidc-client-ts runs Cognito's
// authorization code flow with PKCE (./oidc.ts, loaded only then).

import type { Role } from '#domain/roles';
import { config } from '../config';

export type { Role };

export interface Session {
  idToken: string;
  role: Role;
  /** For agency users: the agency they act for. */
  agency?: string;
  /** The display name: the email, else the user name. */
  name: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const TOKEN_KEY = 'od.idToken';
const RETURN_KEY = 'od.return';
const ROLE_ORDER: readonly Role[] = ['desk', 'agency', 'reporter'];

const decodePart = (part: string): unknown => {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
};

/** The session a token describes; null when it is not a readable ID token with a known role. The API verifies it. */
export const sessionFromToken = (idToken: string, now = Date.now()): Session | null => {
  try {
    const claims = decodePart(idToken.split('.')[1] ?? '') as Record<string, unknown>;
    const groups = claims['cognito:groups'];
    const list = Array.isArray(groups)
      ? groups
      : typeof groups === 'string'
        ? groups.replace(/^\[|\]$/g, '').split(/[\s,]+/)
        : [];
    const role = ROLE_ORDER.find((r) => list.includes(r));
    const exp = Number(claims.exp);
    if (!role || !Number.isFinite(exp) || exp * 1000 <= now) return null;
    const agency = typeof claims['custom:agency'] === 'string' ? claims['custom:agency'] : undefined;
    const name = String(claims.email ?? claims['cognito:username'] ?? claims.sub ?? '');
    return { idToken, role, name, expiresAt: exp, ...(agency ? { agency } : {}) };
  } catch {
    return null;
  }
};

export const currentSession = (): Session | null => {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const session = sessionFromToken(token);
  if (!session) sessionStorage.removeItem(TOKEN_KEY);
  return session;
};

const safeReturn = (path: string | null | undefined): string =>
  path?.startsWith('/') && !path.startsWith('//') && !path.startsWith('/auth/') ? path : '/';

/** Leaves for the sign-in page; comes back to `returnTo` (a console path). */
export const signIn = async (returnTo: string): Promise<void> => {
  const target = safeReturn(returnTo);
  const auth = config().auth;
  if (auth.mode === 'local') {
    const url = new URL(auth.signInUrl, location.origin);
    url.searchParams.set('return', target);
    location.assign(url.toString());
    return;
  }
  sessionStorage.setItem(RETURN_KEY, target);
  const { userManager } = await import('./oidc');
  await userManager(auth).signinRedirect();
};

/** At /auth/callback: takes the token, stores it, and says where to go next. */
export const completeSignIn = async (): Promise<{ session: Session; returnTo: string }> => {
  const auth = config().auth;
  let token: string | undefined;
  let returnTo: string | null = null;
  if (auth.mode === 'local') {
    const params = new URLSearchParams(location.hash.slice(1));
    token = params.get('id_token') ?? undefined;
    returnTo = params.get('return');
  } else {
    const { userManager } = await import('./oidc');
    const user = await userManager(auth).signinRedirectCallback();
    token = user.id_token;
    returnTo = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
  }
  // The token leaves the address bar and the history at once.
  history.replaceState(null, '', '/auth/callback');
  const session = token ? sessionFromToken(token) : null;
  if (!session || !token) throw new Error('no usable ID token in the sign-in response');
  sessionStorage.setItem(TOKEN_KEY, token);
  return { session, returnTo: safeReturn(returnTo) };
};

/** Ends the session here and, on AWS, Cognito's session too. */
export const signOut = async (): Promise<void> => {
  sessionStorage.removeItem(TOKEN_KEY);
  const auth = config().auth;
  if (auth.mode === 'local') {
    location.assign('/sign-in');
    return;
  }
  const { userManager, signOutParams } = await import('./oidc');
  await userManager(auth).signoutRedirect(signOutParams(auth));
};

/** Forget the token without leaving (the API said it is no longer valid). */
export const dropSession = (): void => sessionStorage.removeItem(TOKEN_KEY);
