// The console's Content-Security-Policy, one definition for both places that
// serve it: CloudFront's response-headers policy (infra/aws/constructs/console-site.ts)
// and the local stack's console server (infra/local/console-server.ts). Scripts
// and styles come only from the console's own origin (no inline code); the page
// talks only to the API, the evidence files bucket and, on AWS, to Cognito.

export interface ConsoleCspOptions {
  /** The API's origin (scheme, host, port), e.g. `https://abc.execute-api.ap-southeast-1.amazonaws.com`. */
  apiOrigin: string;
  /** On AWS: Cognito's OIDC issuer and managed login origins (discovery, token and sign-out endpoints). */
  authOrigins?: readonly string[];
  /**
   * The evidence files bucket's origins (docs/files.md): the console posts
   * uploads to it (XHR, for the progress bar) and shows thumbnails from its
   * signed links. The local S3 server's endpoint locally; S3's regional hosts on AWS.
   */
  fileOrigins?: readonly string[];
}

export const consoleCsp = ({ apiOrigin, authOrigins = [], fileOrigins = [] }: ConsoleCspOptions): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    ["img-src 'self' data:", ...fileOrigins].join(' '),
    "font-src 'self'",
    `connect-src 'self' ${[apiOrigin, ...authOrigins, ...fileOrigins].join(' ')}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    `form-action 'self' ${authOrigins.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');

/** The other security headers the console is served with, in both places. */
export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(self), geolocation=(), microphone=()',
};
