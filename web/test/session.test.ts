// The console reads who is signed in from the ID token's claims (the API
// verifies the token; the console only decides which screens to show).
import { describe, expect, it } from 'vitest';
import { sessionFromToken } from '#web/src/auth/session';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const token = (claims: Record<string, unknown>) => `${b64url({ alg: 'ES256' })}.${b64url(claims)}.sig`;
const later = Math.floor(Date.now() / 1000) + 3600;

describe('sessionFromToken', () => {
  it('reads the role from the groups and the agency from custom:agency', () => {
    const s = sessionFromToken(
      token({
        'cognito:groups': ['agency'],
        'custom:agency': 'health-dept',
        email: 'a@example.org',
        exp: later,
      }),
    );
    expect(s).toMatchObject({
      role: 'agency',
      agency: 'health-dept',
      name: 'a@example.org',
      expiresAt: later,
    });
  });

  it('takes the groups as API Gateway renders them too (a string) and prefers desk over other roles', () => {
    expect(sessionFromToken(token({ 'cognito:groups': '[reporter desk]', exp: later }))?.role).toBe('desk');
    expect(sessionFromToken(token({ 'cognito:groups': 'reporter', sub: 'u1', exp: later }))).toMatchObject({
      role: 'reporter',
      name: 'u1',
    });
  });

  it('gives no session for an expired token, one without a known role, or garbage', () => {
    expect(sessionFromToken(token({ 'cognito:groups': ['desk'], exp: 1000 }))).toBeNull();
    expect(sessionFromToken(token({ 'cognito:groups': ['admin'], exp: later }))).toBeNull();
    expect(sessionFromToken('not-a-token')).toBeNull();
    expect(sessionFromToken(`${b64url({})}.@@@.x`)).toBeNull();
  });

  it('decodes UTF-8 claims (Vietnamese names) intact', () => {
    expect(
      sessionFromToken(token({ 'cognito:groups': ['desk'], email: 'nguyễn@ví-dụ.vn', exp: later }))?.name,
    ).toBe('nguyễn@ví-dụ.vn');
  });
});
