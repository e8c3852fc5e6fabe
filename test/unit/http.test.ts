import { describe, expect, it } from 'vitest';
import { BadRequest, PayloadTooLarge, UnsupportedMediaType } from '../../shared/domain/errors';
import { decodeJsonBody, jsonDepthExceeds, MAX_BODY_BYTES } from '../../shared/http/body';
import { principalFromClaims } from '../../shared/http/principal';
import { toProblem } from '../../shared/http/problem';

describe('decodeJsonBody', () => {
  const json = 'application/json';
  it('parses JSON with a JSON content type', () => {
    expect(decodeJsonBody('{"a":1}', false, 'application/json; charset=utf-8')).toEqual({ a: 1 });
    expect(decodeJsonBody(Buffer.from('{"a":1}').toString('base64'), true, json)).toEqual({ a: 1 });
  });
  it('answers 413 over 64 KiB (counted in bytes), before anything else', () => {
    const big = JSON.stringify({ s: 'ệ'.repeat(MAX_BODY_BYTES / 3) });
    expect(() => decodeJsonBody(big, false, 'text/plain')).toThrow(PayloadTooLarge);
  });
  it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])(
    'answers 415 for %s',
    (ct) => {
      expect(() => decodeJsonBody('{}', false, ct)).toThrow(UnsupportedMediaType);
    },
  );
  it.each(['', '   ', '{', '{"a":1', 'nul', "{'a':1}", '{"a":1}}'])('answers 400 for %j', (body) => {
    expect(() => decodeJsonBody(body, false, json)).toThrow(BadRequest);
  });
  it('rejects duplicate keys at any depth, and only real keys', () => {
    expect(() => decodeJsonBody('{"a":1,"a":2}', false, json)).toThrow(/duplicate key/);
    expect(() => decodeJsonBody('{"x":{"b":1,"c":{"d":1},"b":2}}', false, json)).toThrow(/duplicate key/);
    expect(() => decodeJsonBody('{"\\u0061":1,"a":2}', false, json)).toThrow(/duplicate key/); // the same key, escaped
    expect(decodeJsonBody('{"a":"a","b":["a","a"],"c":{"a":1}}', false, json)).toEqual({
      a: 'a',
      b: ['a', 'a'],
      c: { a: 1 },
    });
    expect(decodeJsonBody('[{"a":1},{"a":2}]', false, json)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(decodeJsonBody('{"a\\"":1,"a":2}', false, json)).toEqual({ 'a"': 1, a: 2 });
  });

  it('rejects deep nesting before parsing', () => {
    expect(() => decodeJsonBody('['.repeat(10_000) + ']'.repeat(10_000), false, json)).toThrow(
      /nested deeper/,
    );
    expect(jsonDepthExceeds('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', 32)).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\"[[["}', 2)).toBe(false);
  });
});

describe('principalFromClaims', () => {
  it('reads groups as API Gateway renders them and as arrays', () => {
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': '[desk agency]' })?.roles).toEqual([
      'desk',
      'agency',
    ]);
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': ['reporter'] })?.roles).toEqual(['reporter']);
  });
  it('ignores groups that are not roles and needs a subject', () => {
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': '[admin]' })?.roles).toEqual([]);
    expect(principalFromClaims({ 'cognito:groups': '[desk]' })).toBeNull();
    expect(principalFromClaims(undefined)).toBeNull();
  });
  it('carries the agency and email claims', () => {
    expect(
      principalFromClaims({ sub: 'u', 'custom:agency': 'police', email: 'a@example.org' }),
    ).toMatchObject({
      agencyId: 'police',
      email: 'a@example.org',
    });
  });
});

describe('toProblem', () => {
  it('maps store outages to 503 with Retry-After and bugs to 500 without internals', () => {
    const timeout = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    expect(toProblem(timeout)).toMatchObject({
      problem: { status: 503 },
      headers: { 'retry-after': '2' },
      unknown: false,
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(toProblem(refused).problem.status).toBe(503);
    const bug = toProblem(new TypeError('x is undefined'));
    expect(bug).toMatchObject({ problem: { status: 500 }, unknown: true });
    expect(JSON.stringify(bug.problem)).not.toContain('undefined');
  });
  it('lists field errors on 400', () => {
    const p = toProblem(new BadRequest('bad', [{ path: '/title', message: 'too short' }])).problem;
    expect(p).toMatchObject({
      status: 400,
      title: 'Bad request',
      errors: [{ path: '/title', message: 'too short' }],
    });
  });
});
