// The console's runtime configuration: `/config.json`, written next to the
// built files at deploy time (CDK, infra/aws/constructs/console-site.ts) and
// served by the local stack (infra/local/console-server.ts). The same build runs
// in every environment; only this file differs. No dependencies: the console
// loads it before anything else.

/** Signing in locally: the local stack's development sign-in page (never deployed). */
export interface LocalAuthConfig {
  mode: 'local';
  /** Absolute or console-relative URL of the development sign-in page. */
  signInUrl: string;
}

/** Signing in on AWS: Cognito's managed login, authorization code flow with PKCE. */
export interface CognitoAuthConfig {
  mode: 'cognito';
  /** The OIDC issuer: `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  authority: string;
  /** The app client whose ID tokens the API accepts. */
  clientId: string;
  /** The managed login domain, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  domain: string;
}

export interface RuntimeConfig {
  /** The API's base URL, without a trailing slash. */
  apiUrl: string;
  /** The IANA zone every time is shown in (the API's `timeZone`). */
  timeZone: string;
  /** 'local', 'dev', 'staging' or 'prod': shown in the header outside prod. */
  environment: string;
  auth: LocalAuthConfig | CognitoAuthConfig;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const str = (o: Record<string, unknown>, key: string, where: string): string => {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '')
    throw new Error(`config.json: ${where}${key} must be a non-empty string`);
  return v.trim();
};

/** Checks the shape of `/config.json`; throws an Error naming the first wrong field. */
export const parseRuntimeConfig = (x: unknown): RuntimeConfig => {
  if (!isObject(x)) throw new Error('config.json: not a JSON object');
  const auth = x.auth;
  if (!isObject(auth)) throw new Error('config.json: auth must be an object');
  const base = {
    apiUrl: str(x, 'apiUrl', '').replace(/\/+$/, ''),
    timeZone: str(x, 'timeZone', ''),
    environment: str(x, 'environment', ''),
  };
  if (auth.mode === 'local')
    return { ...base, auth: { mode: 'local', signInUrl: str(auth, 'signInUrl', 'auth.') } };
  if (auth.mode === 'cognito') {
    return {
      ...base,
      auth: {
        mode: 'cognito',
        authority: str(auth, 'authority', 'auth.'),
        clientId: str(auth, 'clientId', 'auth.'),
        domain: str(auth, 'domain', 'auth.').replace(/\/+$/, ''),
      },
    };
  }
  throw new Error("config.json: auth.mode must be 'local' or 'cognito'");
};
