// Bad input, generated: for every route that takes a body or a query, random
// inputs of each kind the SPEC rejects — wrong types, missing and unknown
// fields (mass assignment), out-of-range values, huge strings, deep nesting,
// lone surrogates, __proto__/constructor keys, duplicate keys, 1e309, wrong
// content types, empty and truncated bodies. Every one answers 4xx
// problem+json (never 5xx) and nothing is stored. The handlers run in-process
// on the same events the local server builds; fixed seeds, bounded runs.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandler as briefingsHandler } from '../../functions/http/briefings';
import { createHandler as casesHandler } from '../../functions/http/cases';
import { createHandler as reportsHandler } from '../../functions/http/reports';
import { createHandler as summariesHandler } from '../../functions/http/summaries';
import { buildHttpEvent, lambdaContext, matchRoute } from '../../infra/local/server';
import type { Deps } from '../../shared/deps';
import { testTable } from '../support/aws';

/** At least 1,000 runs per schema in `npm test`; `SOAK=1` (npm run test:soak) runs 10,000. */
const RUNS = process.env.SOAK ? 10_000 : 1_000;

let deps: Deps;
let scanCount: () => Promise<number>;
type Handler = (
  e: ReturnType<typeof buildHttpEvent>,
  c: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;
let handlers: Record<string, Handler>;
const ctx = lambdaContext('test', 'ap-southeast-1');
const DESK = { sub: 'desk-p', 'cognito:groups': ['desk'], token_use: 'id' };
const REPORTER = {
  sub: 'rep-p',
  'cognito:groups': ['reporter'],
  email: 'rep-p@example.org',
  token_use: 'id',
};

const send = async (
  method: 'GET' | 'POST',
  url: string,
  raw: string | undefined,
  claims: Record<string, unknown>,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => {
  const match = matchRoute(method, url.split('?')[0]!)!;
  const event = buildHttpEvent({
    method,
    url,
    rawHeaders: Object.entries(headers).flat(),
    ...(raw !== undefined ? { body: Buffer.from(raw, 'utf8') } : {}),
    sourceIp: '127.0.0.1',
    match,
    claims,
    requestId: 'prop',
    now: new Date(),
  });
  return handlers[match.route.group]!(event, ctx);
};

const isProblem4xx = (res: APIGatewayProxyStructuredResultV2) =>
  res.statusCode! >= 400 &&
  res.statusCode! < 500 &&
  String(res.headers?.['content-type']).startsWith('application/problem+json') &&
  typeof JSON.parse(String(res.body)).detail === 'string';

const SERVER_FIELDS = [
  'id',
  'status',
  'version',
  'submittedBy',
  'submittedAt',
  'updatedAt',
  'caseId',
  'sequence',
  'kind',
  'agencyId',
  '__proto__',
  'constructor',
  'prototype',
];

/** One invalid variant of a valid body. Each kind is invalid by construction. */
const invalidBody = (valid: Record<string, unknown>, textFields: string[], optional: string[]) => {
  const keys = Object.keys(valid);
  const required = keys.filter((k) => !optional.includes(k));
  const unknownKey = fc.oneof(
    fc.constantFrom(...SERVER_FIELDS),
    fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !keys.includes(k)),
  );
  const wrongType = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
    fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
  );
  const json = (v: unknown) => JSON.stringify(v);
  return fc.oneof(
    // mass assignment and unknown fields (including __proto__ written as an own key)
    fc
      .tuple(unknownKey, fc.jsonValue())
      .map(([k, v]) => json(valid).replace(/^\{/, `{${JSON.stringify(k)}:${json(v) ?? 'null'},`)),
    // a required field missing
    fc
      .constantFrom(...required)
      .map((k) => json(Object.fromEntries(Object.entries(valid).filter(([x]) => x !== k)))),
    // a field of the wrong type (the discriminator `action` included)
    fc
      .tuple(fc.constantFrom(...keys), wrongType)
      .filter(([k, v]) => typeof valid[k] !== typeof v || Array.isArray(v) !== Array.isArray(valid[k]))
      .map(([k, v]) => json({ ...valid, [k]: v })),
    // huge strings, lone surrogates, control characters in text
    fc
      .tuple(
        fc.constantFrom(...textFields),
        fc.constantFrom('x'.repeat(70_000), '\ud800', 'a\udc00b', 'nul\u0000', '   '),
        fc.nat(3),
      )
      .map(([k, s]) => json({ ...valid, [k]: s })),
    // numbers JSON.parse turns into Infinity, duplicate keys (the last wins, the first must not sneak through)
    fc.constant(json(valid).replace(/\}$/, ',"reach":1e309}')),
    fc
      .constantFrom(...keys)
      .map((k) => json(valid).replace(/^\{/, `{"${k}":{"$ne":null},"${k}":{"$ne":null},`)),
    // not JSON, truncated JSON, empty, deeply nested
    fc.string({ maxLength: 50 }).filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    }),
    fc.nat({ max: json(valid).length - 1 }).map((n) => json(valid).slice(0, n)),
    fc.constantFrom(
      '',
      ' ',
      'null',
      '[]',
      '"text"',
      '42',
      '[['.repeat(5000),
      `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    ),
  );
};

const future = () => new Date(Date.now() + 5 * 86400_000).toISOString();

beforeAll(async () => {
  const t = await testTable();
  deps = t.deps();
  scanCount = async () =>
    (await t.db.send(new ScanCommand({ TableName: t.tableName, Select: 'COUNT' }))).Count ?? 0;
  handlers = {
    reports: reportsHandler(deps) as unknown as Handler,
    cases: casesHandler(deps) as unknown as Handler,
    briefings: briefingsHandler(deps) as unknown as Handler,
    summaries: summariesHandler(deps) as unknown as Handler,
  };
});

const BODIES: [
  string,
  string,
  Record<string, unknown>,
  string[],
  string[],
  Record<string, unknown>,
  Record<string, string>?,
][] = [
  [
    'POST /reports',
    '/reports',
    {
      title: 'Tiêu đề hợp lệ',
      summary: 'Tóm tắt',
      category: 'transport',
      area: 'go-vap',
      channel: 'social',
      sentiment: 'neutral',
      urgency: 'normal',
      sourceUrls: ['https://example.org/a'],
      observedAt: new Date(Date.now() - 60_000).toISOString(),
      reach: 5,
    },
    ['title', 'summary'],
    ['sourceUrls', 'reach'],
    REPORTER,
  ],
  [
    'POST /reports/{id}/actions',
    '/reports/01JZ0000000000000000000000/actions',
    { action: 'dismiss', reason: 'spam' },
    ['reason'],
    [],
    DESK,
  ],
  [
    'POST /cases',
    '/cases',
    { reportIds: ['01JZ0000000000000000000000'], title: 'Một hồ sơ' },
    ['title'],
    ['title'],
    DESK,
  ],
  [
    'POST /cases/{id}/actions',
    '/cases/01JZ0000000000000000000000/actions',
    { action: 'assign', agencyId: 'police', dueAt: future(), note: 'ghi chú' },
    ['note'],
    ['note'],
    DESK,
    { 'content-type': 'application/json', 'if-match': '"1"' },
  ],
  [
    'POST /briefings',
    '/briefings',
    {
      title: 'Họp báo',
      startsAt: future(),
      durationMinutes: 60,
      location: 'Phòng A',
      invitees: ['a@example.org'],
    },
    ['title', 'location'],
    ['durationMinutes', 'location', 'invitees'],
    DESK,
  ],
  [
    'POST /briefings/{id}/actions',
    '/briefings/01JZ0000000000000000000000/actions',
    { action: 'reschedule', startsAt: future() },
    ['startsAt'],
    [],
    DESK,
  ],
];

describe('every body schema rejects bad input with 4xx problem+json and stores nothing', () => {
  it.each(BODIES)(
    '%s',
    async (_key, url, valid, textFields, optional, claims, headers) => {
      const before = await scanCount();
      await fc.assert(
        fc.asyncProperty(invalidBody(valid, textFields, optional), async (raw) => {
          const res = await send('POST', url, raw, claims, headers);
          expect(isProblem4xx(res), `${res.statusCode} for ${raw.slice(0, 120)}`).toBe(true);
        }),
        { seed: 424242, numRuns: RUNS },
      );
      expect(await scanCount()).toBe(before);
    },
    120_000,
  );

  it.each(BODIES)(
    '%s with a wrong content type or an oversized body',
    async (_key, url, valid, _t, _o, claims, headers) => {
      const body = JSON.stringify(valid);
      for (const ct of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
      ]) {
        const res = await send('POST', url, body, claims, { ...headers, 'content-type': ct });
        expect(res.statusCode).toBe(415);
      }
      const big = await send(
        'POST',
        url,
        JSON.stringify({ ...valid, pad: 'x'.repeat(70_000) }),
        claims,
        headers,
      );
      expect(big.statusCode).toBe(413);
    },
  );
});

const QUERIES: [string, string, Record<string, unknown>][] = [
  ['GET /reports', '/reports', DESK],
  ['GET /cases', '/cases', DESK],
  ['GET /briefings', '/briefings', DESK],
  ['GET /summaries/daily', '/summaries/daily', DESK],
];

const badQuery = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('limit'),
      fc.oneof(fc.constantFrom('0', '101', '-1', '1.5', 'abc', '1e309', ''), fc.string()),
    )
    .filter(([, v]) => !/^(?:[1-9]\d?|100)$/.test(v)),
  fc.tuple(
    fc.constantFrom('date', 'from', 'to'),
    fc.constantFrom('2026-02-30', '26-01-01', 'yesterday', '2026-1-1', ''),
  ),
  fc.tuple(
    fc.constantFrom('cursor'),
    fc.oneof(
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.constant(Buffer.from('{"i":"gsi7","p":"X","k":{"pk":"a"}}').toString('base64url')),
    ),
  ),
  fc.tuple(
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter(
        (k) =>
          ![
            'limit',
            'date',
            'from',
            'to',
            'cursor',
            'status',
            'category',
            'area',
            'urgency',
            'agency',
            'overdue',
          ].includes(k),
      ),
    fc.string(),
  ),
);

describe('every query schema rejects bad parameters with 4xx problem+json', () => {
  it.each(QUERIES)(
    '%s',
    async (_key, path, claims) => {
      await fc.assert(
        fc.asyncProperty(badQuery, async ([name, value]) => {
          const url = `${path}?${new URLSearchParams({ [name]: value }).toString()}`;
          const res = await send('GET', url, undefined, claims, {});
          // A parameter the route does not take, or a value out of its range.
          const applies = path === '/summaries/daily' ? name !== 'cursor' || true : true;
          if (applies) expect(isProblem4xx(res), `${res.statusCode} for ${url}`).toBe(true);
        }),
        { seed: 777, numRuns: RUNS },
      );
    },
    120_000,
  );
});
