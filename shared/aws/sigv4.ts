// Signature Version 4 for any HTTPS request (method, path, query, body), on
// node:crypto. secrets.ts signs only the JSON-protocol POST to `/`; the
// OpenSearch Serverless client (store/search-opensearch.ts) needs a path and
// the `x-amz-content-sha256` header that service `aoss` requires.
import { createHash, createHmac } from 'node:crypto';
import type { AwsCredentials } from './secrets';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

/** RFC 3986 encoding, as SigV4's canonical request wants it. */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SignableRequest {
  method: string;
  host: string;
  /** The path, already URI-encoded segments (e.g. `/desk-search/_search`). */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body: string;
  region: string;
  service: string;
  now: Date;
}

/** The request's headers with `x-amz-date`, `x-amz-content-sha256`, the session token if any, and `authorization`. */
export const sigv4Headers = (r: SignableRequest, creds: AwsCredentials): Record<string, string> => {
  const amzDate = r.now.toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const payloadHash = sha256(r.body);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    host: r.host,
    'x-amz-content-sha256': payloadHash,
    'x-amz-date': amzDate,
    ...(creds.sessionToken ? { 'x-amz-security-token': creds.sessionToken } : {}),
  };
  const names = Object.keys(headers).sort();
  const query = Object.entries(r.query ?? {})
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .sort()
    .join('&');
  const canonical = [
    r.method.toUpperCase(),
    r.path,
    query,
    ...names.map((n) => `${n}:${headers[n]}`),
    '',
    names.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${day}/${r.region}/${r.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, day), r.region), r.service),
    'aws4_request',
  );
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
};
