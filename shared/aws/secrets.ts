// Reads one Secrets Manager secret (GetSecretValue) for the webhook sender.
// A signed HTTPS POST of its JSON protocol, with Signature Version 4 done
// here on node:crypto: the SDK's Secrets Manager client is not a dependency,
// and this one call (made once per secret per cold start) is all the app needs
// of it. Credentials are the function's role, from the environment (as
// lambda-credentials.ts explains).
import { createHash, createHmac } from 'node:crypto';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const credentialsFromEnv = (env: NodeJS.ProcessEnv = process.env): AwsCredentials => {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey) throw new Error('No AWS credentials in the environment');
  return {
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
};

/** The headers of a SigV4-signed POST of `body` to `host` (exported for its unit test). */
export const signedHeaders = (
  o: { host: string; region: string; service: string; target: string; body: string; now: Date },
  creds: AwsCredentials,
): Record<string, string> => {
  const amzDate = o.now.toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    host: o.host,
    'x-amz-date': amzDate,
    'x-amz-target': o.target,
    ...(creds.sessionToken ? { 'x-amz-security-token': creds.sessionToken } : {}),
  };
  const names = Object.keys(headers).sort();
  const canonical = [
    'POST',
    '/',
    '',
    ...names.map((n) => `${n}:${headers[n]}`),
    '',
    names.join(';'),
    sha256(o.body),
  ].join('\n');
  const scope = `${day}/${o.region}/${o.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, day), o.region), o.service),
    'aws4_request',
  );
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
};

/** The secret's string value. */
export const getSecretString = async (
  name: string,
  region: string,
  creds: AwsCredentials = credentialsFromEnv(),
  timeoutMs = 3000,
): Promise<string> => {
  const host = `secretsmanager.${region}.amazonaws.com`;
  const body = JSON.stringify({ SecretId: name });
  const headers = signedHeaders(
    {
      host,
      region,
      service: 'secretsmanager',
      target: 'secretsmanager.GetSecretValue',
      body,
      now: new Date(),
    },
    creds,
  );
  const res = await fetch(`https://${host}/`, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const out = (await res.json().catch(() => ({}))) as {
    SecretString?: string;
    message?: string;
    __type?: string;
  };
  if (!res.ok || typeof out.SecretString !== 'string')
    throw new Error(`GetSecretValue ${name}: ${res.status} ${out.__type ?? ''} ${out.message ?? ''}`.trim());
  return out.SecretString;
};
