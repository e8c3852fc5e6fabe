// The local stand-in for Cognito and the JWT authorizer: tokens it issues carry
// Cognito-shaped claims, and only its own, unexpired, ES256-signed tokens pass.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN_REASON,
  InvalidTokenError,
  keyFilePath,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  TokenKeys,
} from '#infra/local/token';

let dataDir: string;
let keys: TokenKeys;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-token-'));
  keys = await TokenKeys.forDataDir(dataDir);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('issuing and verifying a local token', () => {
  it('round-trips the claims of a Cognito ID token', async () => {
    const token = await keys.issueToken({ role: 'agency', user: 'an.nguyen', agency: 'health-dept' });
    const claims = await keys.verifyToken(token);
    expect(claims).toMatchObject({
      sub: 'an.nguyen',
      'cognito:groups': ['agency'],
      'cognito:username': 'an.nguyen',
      'custom:agency': 'health-dept',
      email: 'an.nguyen@example.org',
      token_use: 'id',
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
    });
    expect(claims.exp! - claims.iat!).toBe(12 * 3600);
  });

  it('defaults the user per role and gives agency tokens an agency', async () => {
    const desk = await keys.verifyToken(await keys.issueToken({ role: 'desk' }));
    expect(desk).toMatchObject({ sub: 'local-desk-user', email: 'local-desk-user@example.org' });
    expect(desk).not.toHaveProperty('custom:agency');
    const agency = await keys.verifyToken(await keys.issueToken({ role: 'agency' }));
    expect(agency['custom:agency']).toBe('transport-dept');
  });

  it('keeps the key private under DATA_DIR and reuses it', async () => {
    const file = keyFilePath(dataDir);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { kid: string };
    expect(stored.kid).toBe(keys.kid);
    expect(await TokenKeys.forDataDir(dataDir)).toBe(keys);
    const { kid } = JSON.parse(
      Buffer.from((await keys.issueToken({ role: 'desk' })).split('.')[0]!, 'base64url').toString(),
    );
    expect(kid).toBe(stored.kid);
  });

  it('rejects a token signed by another key', async () => {
    const other = await TokenKeys.ephemeral();
    const token = await other.issueToken({ role: 'desk' });
    await expect(keys.verifyToken(token)).rejects.toThrow(InvalidTokenError);
    await expect(keys.verifyToken(token)).rejects.toThrow(/not signed by this local stack/);
  });

  it('rejects an expired token', async () => {
    const token = await keys.issueToken({ role: 'desk', now: new Date(Date.now() - 13 * 3600_000) });
    await expect(keys.verifyToken(token)).rejects.toThrow(/expired/);
  });

  it('rejects an unsigned token (alg none)', async () => {
    const payload = decodeJwt(await keys.issueToken({ role: 'reporter' }));
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...payload, 'cognito:groups': ['desk'] })}.`;
    await expect(keys.verifyToken(unsigned)).rejects.toThrow(InvalidTokenError);
  });

  it('rejects a token whose claims were changed after signing', async () => {
    const [header, payload, signature] = (await keys.issueToken({ role: 'reporter' })).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${header}.${b64url({ ...claims, 'cognito:groups': ['desk'] })}.${signature}`;
    await expect(keys.verifyToken(forged)).rejects.toThrow(/not signed by this local stack/);
  });

  it('rejects garbage', async () => {
    await expect(keys.verifyToken('not-a-jwt')).rejects.toThrow(/malformed/);
  });

  it('refuses an access token, saying to send the ID token', async () => {
    const access = await keys.issueToken({ role: 'desk', tokenUse: 'access' });
    expect(decodeJwt(access)).toMatchObject({ token_use: 'access', client_id: TOKEN_AUDIENCE });
    expect(decodeJwt(access)).not.toHaveProperty('aud');
    const err = await keys.verifyToken(access).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidTokenError);
    expect((err as InvalidTokenError).reason).toBe(ACCESS_TOKEN_REASON);
    expect((err as Error).message).toMatch(/use the ID token, not the access token/);
  });

  it('refuses a lifetime (exp - iat) longer than 30 days, and accepts exactly 30 days', async () => {
    const long = await keys.issueToken({ role: 'desk', expiresIn: 30 * 86_400 + 1 });
    await expect(keys.verifyToken(long)).rejects.toThrow(/longer than 30 days/);
    const month = await keys.issueToken({ role: 'desk', expiresIn: '30d' });
    await expect(keys.verifyToken(month)).resolves.toMatchObject({ sub: 'local-desk-user' });
  });

  it('refuses an iat more than a minute in the future, and allows a minute of skew', async () => {
    const now = new Date('2026-11-26T03:00:00Z');
    const ahead = await keys.issueToken({ role: 'desk', now: new Date(now.getTime() + 61_000) });
    await expect(keys.verifyToken(ahead, now)).rejects.toThrow(/issued in the future/);
    const skewed = await keys.issueToken({ role: 'desk', now: new Date(now.getTime() + 60_000) });
    await expect(keys.verifyToken(skewed, now)).resolves.toMatchObject({ token_use: 'id' });
  });

  it('carries the staff second-factor claim only when asked', async () => {
    expect(await keys.verifyToken(await keys.issueToken({ role: 'desk', mfa: true }))).toMatchObject({
      staff_mfa: 'totp',
    });
    expect(await keys.verifyToken(await keys.issueToken({ role: 'desk' }))).not.toHaveProperty('staff_mfa');
  });
});
