// Who gets past the shared handler stack, through a real handler group (meta's
// GET /reference reads only the config): only ID tokens, and in a config with
// staffMfaRequired only desk and agency callers whose token carries the second
// factor. Access-token claims are what API Gateway's JWT authorizer lets through
// from a Cognito access token (the audience matches on client_id).
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { staffMfaClaims } from '#domain/staff-mfa';
import { createHandler } from '#functions/http/meta';
import { ID_TOKEN_REQUIRED, STAFF_MFA_REQUIRED } from '#http/principal';
import { loadAppConfig } from '#infra/config/index';
import { buildHttpEvent, lambdaContext, matchRoute, renderClaims } from '#infra/local/server';
import { createDeps } from '#shared/deps';

const depsWith = (staffMfaRequired: boolean) => {
  const config = loadAppConfig('dev');
  return createDeps({
    config: { ...config, auth: { staffMfaRequired } },
    tableName: 'never-read',
    region: 'ap-southeast-1',
    // GET /reference never reaches the store.
    dynamodbEndpoint: 'http://127.0.0.1:9',
    dynamodbTimeoutMs: 100,
  });
};

const call = async (staffMfaRequired: boolean, claims: Record<string, unknown>) => {
  const event: APIGatewayProxyEventV2WithJWTAuthorizer = buildHttpEvent({
    method: 'GET',
    url: '/reference',
    rawHeaders: [],
    sourceIp: '127.0.0.1',
    match: matchRoute('GET', '/reference')!,
    claims,
    requestId: 'test',
    now: new Date(),
  });
  const res = (await createHandler(depsWith(staffMfaRequired))(
    event,
    lambdaContext('meta', 'ap-southeast-1'),
  )) as APIGatewayProxyStructuredResultV2;
  return { ...res, json: JSON.parse(res.body ?? 'null') as Record<string, unknown> };
};

const idToken = (role: string, extra: Record<string, unknown> = {}) => ({
  sub: `${role}-1`,
  'cognito:groups': [role],
  token_use: 'id',
  email: `${role}-1@example.org`,
  ...(role === 'agency' ? { 'custom:agency': 'transport-dept' } : {}),
  ...extra,
});

/** What a Cognito access token carries: groups and client_id, no email, no agency, token_use "access". */
const accessToken = (role: string) => ({
  sub: `${role}-1`,
  'cognito:groups': [role],
  token_use: 'access',
  client_id: 'app-client',
  scope: 'aws.cognito.signin.user.admin',
  username: `${role}-1`,
});

describe('only ID tokens', () => {
  it.each(['desk', 'agency', 'reporter'])('answers 401 problem+json to a %s access token', async (role) => {
    const res = await call(false, accessToken(role));
    expect(res.statusCode).toBe(401);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(res.json).toMatchObject({ status: 401, detail: ID_TOKEN_REQUIRED });
    expect(String(res.headers?.['www-authenticate'])).toMatch(/^Bearer error="invalid_token"/);
  });

  it('answers 401 to claims without token_use, as rendered by API Gateway (strings)', async () => {
    const { token_use: _t, ...claims } = idToken('desk');
    expect((await call(false, renderClaims(claims))).statusCode).toBe(401);
  });

  it('lets an ID token through', async () => {
    expect((await call(false, idToken('desk'))).statusCode).toBe(200);
  });
});

describe('staff second factor (auth.staffMfaRequired)', () => {
  it.each(['desk', 'agency'])('refuses a %s ID token without the second factor with 403', async (role) => {
    const res = await call(true, idToken(role));
    expect(res.statusCode).toBe(403);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(res.json).toMatchObject({ status: 403, detail: STAFF_MFA_REQUIRED });
  });

  it('refuses a reporter who is also desk without the second factor', async () => {
    expect((await call(true, idToken('desk', { 'cognito:groups': ['reporter', 'desk'] }))).statusCode).toBe(
      403,
    );
  });

  it.each(['desk', 'agency'])('lets a %s ID token with the second factor through', async (role) => {
    expect((await call(true, idToken(role, { staff_mfa: 'totp' }))).statusCode).toBe(200);
  });

  it('refuses a claim value other than totp', async () => {
    expect((await call(true, idToken('desk', { staff_mfa: 'true' }))).statusCode).toBe(403);
  });

  it('lets a reporter through on one factor', async () => {
    expect((await call(true, idToken('reporter'))).statusCode).toBe(200);
  });

  it.each(['desk', 'agency', 'reporter'])(
    'lets every %s through when the config does not ask',
    async (role) => {
      expect((await call(false, idToken(role))).statusCode).toBe(200);
    },
  );
});

describe('the claim the pre-token trigger adds (staffMfaClaims)', () => {
  it('adds staff_mfa only for desk or agency users with TOTP on', () => {
    expect(staffMfaClaims(['desk'], ['SOFTWARE_TOKEN_MFA'])).toEqual({ staff_mfa: 'totp' });
    expect(staffMfaClaims(['agency'], ['SOFTWARE_TOKEN_MFA'])).toEqual({ staff_mfa: 'totp' });
    expect(staffMfaClaims(['desk'], [])).toEqual({});
    expect(staffMfaClaims(['desk'], ['SMS_MFA'])).toEqual({});
    expect(staffMfaClaims(['reporter'], ['SOFTWARE_TOKEN_MFA'])).toEqual({});
  });
});
