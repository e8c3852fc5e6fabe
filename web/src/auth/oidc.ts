// Cognito's managed login through oidc-client-ts: the authorization code flow
// with PKCE for a public client. Loaded only on AWS (a separate chunk).
// Cognito's discovery document has no end_session_endpoint: its logout
// endpoint is `<domain>/logout`, which takes the client id and the sign-out URL.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { CognitoAuthConfig } from '../runtime-config';

let manager: UserManager | undefined;

export const userManager = (auth: CognitoAuthConfig): UserManager => {
  manager ??= new UserManager({
    authority: auth.authority,
    client_id: auth.clientId,
    redirect_uri: `${location.origin}/auth/callback`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code',
    scope: 'openid email profile',
    metadataSeed: { end_session_endpoint: `${auth.domain}/logout` },
    // Tokens in session storage, never local storage.
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: false,
  });
  return manager;
};

export const signOutParams = (auth: CognitoAuthConfig) => ({
  extraQueryParams: { client_id: auth.clientId, logout_uri: `${location.origin}/` },
});
