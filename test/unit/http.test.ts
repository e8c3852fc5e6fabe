import { describe, expect, it } from 'vitest';
import { BadRequest } from '#domain/errors';
import { decodeJsonBody, jsonDepthExceeds, MAX_BODY_BYTES } from '#http/body';
import { principalFromClaims } from '#http/principal';
import { PayloadTooLarge, toProblem, UnsupportedMediaType } from '#http/problem';
import { buildHttpEvent, matchRoute } from '#infra/local/server';

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

/** Byte sequences that are not UTF-8, each inside an otherwise valid JSON string value. */
const INVALID_UTF8: [string, number[]][] = [
  ['an overlong "/"', [0xc0, 0xaf]],
  ['an overlong NUL', [0xe0, 0x80, 0x80]],
  ['a lone continuation byte', [0x80]],
  ['a truncated 3-byte sequence', [0xe1, 0xbb]],
  ['a truncated 4-byte sequence', [0xf0, 0x9f, 0x98]],
  ['a UTF-8-encoded high surrogate', [0xed, 0xa0, 0x80]],
  ['a UTF-8-encoded low surrogate', [0xed, 0xbf, 0xbf]],
  ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['0xFF', [0xff]],
  ['Latin-1 "é"', [0xe9]],
];
const withBytes = (bytes: number[]) =>
  Buffer.concat([Buffer.from('{"title":"a'), Buffer.from(bytes), Buffer.from('b"}')]);

describe('decodeJsonBody and UTF-8', () => {
  const json = 'application/json';
  it.each(INVALID_UTF8)('answers 400 for %s in a base64-encoded body', (_name, bytes) => {
    expect(() => decodeJsonBody(withBytes(bytes).toString('base64'), true, json)).toThrow(/not valid UTF-8/);
  });
  it('answers 400 for a string body holding what a lossy decode leaves: U+FFFD or a lone surrogate', () => {
    expect(() => decodeJsonBody(withBytes([0xff]).toString('utf8'), false, json)).toThrow(/not valid UTF-8/);
    expect(() => decodeJsonBody('{"title":"a\ud800b"}', false, json)).toThrow(/not valid UTF-8/);
  });
  it('accepts valid multi-byte text either way, and U+FFFD written as a JSON escape', () => {
    const body = '{"title":"Nguyễn 🌧️"}';
    expect(decodeJsonBody(Buffer.from(body).toString('base64'), true, json)).toEqual({ title: 'Nguyễn 🌧️' });
    expect(decodeJsonBody(body, false, json)).toEqual({ title: 'Nguyễn 🌧️' });
    expect(decodeJsonBody('{"t":"\\ufffd"}', false, json)).toEqual({ t: '\ufffd' });
  });
  it('the local server hands invalid bytes over base64-encoded, and valid UTF-8 as a string', () => {
    const event = (body: Buffer) =>
      buildHttpEvent({
        method: 'POST',
        url: '/reports',
        rawHeaders: ['content-type', json],
        body,
        sourceIp: '127.0.0.1',
        match: matchRoute('POST', '/reports')!,
        requestId: 'r',
        now: new Date(),
      });
    const bad = event(withBytes([0xc0, 0xaf]));
    expect(bad.isBase64Encoded).toBe(true);
    expect(() => decodeJsonBody(bad.body, bad.isBase64Encoded, json)).toThrow(/not valid UTF-8/);
    const good = event(Buffer.from('{"title":"Nguyễn"}'));
    expect(good).toMatchObject({ isBase64Encoded: false, body: '{"title":"Nguyễn"}' });
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
