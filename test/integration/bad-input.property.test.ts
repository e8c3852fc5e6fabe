// Bad input, generated: for every route that takes a body or a query, random
// inputs of each kind the contract (docs/api.md) rejects — wrong types, missing and unknown
// fields (mass assignment), out-of-range values, huge strings, deep nesting,
// lone surrogates, __proto__/constructor keys, duplicate keys, 1e309, wrong
// content types, empty and truncated bodies. Every one answers 4xx
// problem+json (never 5xx) and nothing is stored. The handlers run in-process
// on the same events the local server builds; fixed seeds, bounded runs.
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectFileType, FILE_TYPES, type FileType, objectKeys } from '#domain/files';
import { localDay } from '#domain/time';
import { createHandler as briefingsHandler } from '#functions/http/briefings';
import { createHandler as casesHandler } from '#functions/http/cases';
import { createHandler as filesHandler } from '#functions/http/files';
import { createHandler as reportsHandler } from '#functions/http/reports';
import { createHandler as summariesHandler } from '#functions/http/summaries';
import { routeSchemas } from '#http/api-schemas';
import { buildHttpEvent, lambdaContext, matchRoute } from '#infra/local/server';
import type { Deps } from '#shared/deps';
import { INDEXES, PHYSICAL_INDEX_NAMES } from '#store/table';
import { testTable } from '#test/support/aws';

/** At least 1,000 runs per schema in `npm test`; `SOAK=1` (npm run test:soak) runs 10,000. */
const RUNS = process.env.SOAK ? 10_000 : 1_000;

let deps: Deps;
let table: Awaited<ReturnType<typeof testTable>>;
let scanCount: () => Promise<number>;
type Handler = (
  e: ReturnType<typeof buildHttpEvent>,
  c: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;
let handlers: Record<string, Handler>;
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
  raw: string | Buffer | undefined,
  claims: Record<string, unknown>,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  via: Record<string, Handler> = handlers,
) => {
  const match = matchRoute(method, url.split('?')[0]!)!;
  const event = buildHttpEvent({
    method,
    url,
    rawHeaders: Object.entries(headers).flat(),
    ...(raw !== undefined ? { body: typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw } : {}),
    sourceIp: '127.0.0.1',
    match,
    claims,
    requestId: 'prop',
    now: new Date(),
  });
  // A fresh context per request: its deadline counts from now, as each invocation's does.
  return via[match.route.group]!(event, lambdaContext('test', 'ap-southeast-1'));
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
    // characters a one-line field refuses (line breaks, C0/C1 controls, bidi
    // overrides and isolates), and those a multi-line field refuses (the same
    // but LF and tab; a CR not followed by LF), anywhere in the value
    ...textKinds(textFields).map(([fields, chars]) =>
      fc
        .tuple(fc.constantFrom(...fields), fc.constantFrom(...chars), fc.stringMatching(/^[a-z]{1,5}$/))
        .map(([k, c, tail]) => json({ ...valid, [k]: `Văn bản${c}${tail}` })),
    ),
    // bytes that are not UTF-8 inside a text value: overlong, lone continuation,
    // truncated, UTF-8-encoded surrogates, beyond U+10FFFF
    fc
      .tuple(fc.constantFrom(...textFields), fc.constantFrom(...INVALID_UTF8), fc.boolean())
      .map(([k, bytes, atEnd]) => {
        const [head, tail] = json({ ...valid, [k]: 'Văn@@bản' }).split('@@') as [string, string];
        return atEnd
          ? Buffer.concat([Buffer.from(json(valid).slice(0, -1)), Buffer.from(bytes)])
          : Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
      }),
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

/** Free-text fields by kind: one-line ones end up in subjects and headers. */
const MULTI_LINE_FIELDS = ['summary', 'note', 'finding', 'response'];
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
const BIDI_CONTROLS = [...range(0x202a, 0x202e), ...range(0x2066, 0x2069)];
const C1 = range(0x7f, 0x9f);
const ONE_LINE_REFUSED = [...range(0, 0x1f), ...C1, ...BIDI_CONTROLS, '\u2028', '\u2029', '\r\n'];
const MULTI_LINE_REFUSED = [
  ...range(0, 0x1f).filter((c) => c !== '\n' && c !== '\t'),
  ...C1,
  ...BIDI_CONTROLS,
];
const textKinds = (fields: string[]): [string[], string[]][] => {
  const multi = fields.filter((f) => MULTI_LINE_FIELDS.includes(f));
  const one = fields.filter((f) => !MULTI_LINE_FIELDS.includes(f));
  return [
    ...(one.length > 0 ? [[one, ONE_LINE_REFUSED] as [string[], string[]]] : []),
    ...(multi.length > 0 ? [[multi, MULTI_LINE_REFUSED] as [string[], string[]]] : []),
  ];
};
const INVALID_UTF8 = [
  [0xc0, 0xaf],
  [0xe0, 0x80, 0x80],
  [0xf0, 0x80, 0x80, 0xaf],
  [0x80],
  [0xbf, 0x80],
  [0xe1, 0xbb],
  [0xf0, 0x9f, 0x98],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xff],
  [0xe9],
];

const future = () => new Date(Date.now() + 5 * 86400_000).toISOString();

beforeAll(async () => {
  const t = await testTable();
  table = t;
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
    'POST /reports/actions',
    '/reports/actions',
    { action: 'dismiss', reason: 'spam', ids: ['01JZ0000000000000000000000', '01JZ0000000000000000000001'] },
    ['reason'],
    [],
    DESK,
  ],
  [
    'POST /reports/actions (link)',
    '/reports/actions',
    { action: 'link', caseId: '01JZ0000000000000000000000', ids: ['01JZ0000000000000000000001'] },
    ['caseId'],
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
    'POST /cases/{id}/actions (merge)',
    '/cases/01JZ0000000000000000000000/actions',
    { action: 'merge', intoCaseId: '01JZ0000000000000000000001', intoVersion: 1, note: 'trùng' },
    ['note'],
    ['note'],
    DESK,
    { 'content-type': 'application/json', 'if-match': '"1"' },
  ],
  [
    'POST /cases/{id}/actions (unlink-report)',
    '/cases/01JZ0000000000000000000000/actions',
    { action: 'unlink-report', reportId: '01JZ0000000000000000000001', reason: 'khác vụ việc' },
    ['reason'],
    [],
    DESK,
    { 'content-type': 'application/json', 'if-match': '"1"' },
  ],
  [
    // a deadline in working days: range 1..60, never with dueAt (lane E)
    'POST /cases/{id}/actions (dueInWorkingDays)',
    '/cases/01JZ0000000000000000000000/actions',
    { action: 'assign', agencyId: 'police', dueInWorkingDays: 5 },
    ['agencyId'],
    [],
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
  [
    'POST /cases/{id}/actions (tag)',
    '/cases/01JZ0000000000000000000000/actions',
    { action: 'tag', add: ['Ngập lụt'] },
    ['add'],
    [],
    DESK,
    { 'content-type': 'application/json', 'if-match': '"1"' },
  ],
  [
    'POST /templates',
    '/templates',
    { category: 'transport', title: 'Mẫu trả lời', text: { vi: 'Nội dung', en: 'Text' } },
    ['title'],
    [],
    DESK,
  ],
  [
    'POST /templates/{id}/actions',
    '/templates/01JZ0000000000000000000000/actions',
    { action: 'retire', reason: 'Lý do' },
    ['reason'],
    [],
    DESK,
    { 'content-type': 'application/json', 'if-match': '"1"' },
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
          expect(isProblem4xx(res), `${res.statusCode} for ${String(raw).slice(0, 120)}`).toBe(true);
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
  ['GET /reports.csv', '/reports.csv', DESK],
  ['GET /cases.csv', '/cases.csv', DESK],
  ['GET /briefings', '/briefings', DESK],
  ['GET /summaries/daily', '/summaries/daily', DESK],
  ['GET /summaries/weekly', '/summaries/weekly', DESK],
  ['GET /summaries/monthly', '/summaries/monthly', DESK],
  ['GET /templates', '/templates', DESK],
  ['GET /webhooks', '/webhooks', DESK],
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
    fc.constantFrom('week', 'month'),
    fc.constantFrom('2026-W60', '2025-W53', '2026-49', 'W49', '2026-13', '2026-1', '2099-W01', '2099-01', ''),
  ),
  // Search words (issue 18, §5): empty, blank, too long, control or bidi characters, only stop words.
  fc.tuple(
    fc.constantFrom('q'),
    fc.oneof(
      fc.constantFrom('', '   ', 'x'.repeat(201), 'a\u0007b', 'đê\nvỡ', '\u202Eđê', 'và của', 'the of and'),
      fc.string({ minLength: 201, maxLength: 260 }),
      fc
        .array(fc.constantFrom('và', 'của', 'là', 'the', 'of', ' ', ',', '.'), { minLength: 1, maxLength: 8 })
        .map((w) => w.join(' ')),
    ),
  ),
  // The CSV export's language: vi or en only.
  fc.tuple(fc.constantFrom('lang'), fc.constantFrom('fr', 'VI', 'vi-VN', 'english', '')),
  fc.tuple(
    fc.constantFrom('endpoint'),
    fc.constantFrom('Chat', '-chat', 'chat room', '', 'x'.repeat(41), 'chat/1', '../'),
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
            'week',
            'month',
            'q',
            'lang',
            'endpoint',
          ].includes(k),
      ),
    fc.string(),
  ),
);

/** Whether the route's query schema (the contract, shared/http/api-schemas.ts) has a parameter `name`. */
const takesParameter = (path: string, name: string): boolean => {
  const query = routeSchemas(deps.config)[`GET ${path}`]?.query as
    | { shape?: Record<string, unknown> }
    | undefined;
  if (!query?.shape) throw new Error(`GET ${path} has no query schema with a shape`);
  return Object.hasOwn(query.shape, name);
};

describe('every query schema rejects bad parameters with 4xx problem+json', () => {
  it.each(QUERIES)(
    '%s',
    async (_key, path, claims) => {
      await fc.assert(
        fc.asyncProperty(badQuery, async ([name, value]) => {
          const url = `${path}?${new URLSearchParams({ [name]: value }).toString()}`;
          const res = await send('GET', url, undefined, claims, {});
          expect(isProblem4xx(res), `${res.statusCode} for ${url}`).toBe(true);
          // A parameter the route does not take is named as unknown (a cursor to /summaries/daily
          // included); one it takes, with a value out of its range, is named with what is wrong.
          const errors = (JSON.parse(String(res.body)) as { errors?: { path: string; message: string }[] })
            .errors;
          const named = errors?.find((e) => e.path === `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
          expect(named, `${url}: ${JSON.stringify(errors)}`).toBeDefined();
          if (takesParameter(path, name)) expect(named!.message).not.toBe('unknown field');
          else expect(named!.message).toBe('unknown field');
        }),
        { seed: 777, numRuns: RUNS },
      );
    },
    120_000,
  );
});

// Cursors: every list route, as each kind of caller, gets random strings,
describe('q (search) combined with bad filters, and from a role that may not search', () => {
  it.each([
    ['/reports', 'status=bogus', '/status'],
    ['/reports', 'date=2026-02-30', '/date'],
    ['/reports', 'limit=0', '/limit'],
    ['/cases', 'agency=nobody', '/agency'],
    ['/cases', 'overdue=maybe', '/overdue'],
  ])('%s?q=…&%s → 400 naming %s, nothing else', async (path, bad, field) => {
    const res = await send('GET', `${path}?q=${encodeURIComponent('đê')}&${bad}`, undefined, DESK, {});
    expect(isProblem4xx(res) && res.statusCode === 400).toBe(true);
    const errors = (JSON.parse(String(res.body)) as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((e) => e.path)).toContain(field);
  });

  it('only stop words: the 400 says so', async () => {
    const res = await send('GET', `/reports?q=${encodeURIComponent('và của the')}`, undefined, DESK, {});
    expect(res.statusCode).toBe(400);
    expect(String(res.body)).toMatch(/stop words/);
  });

  it.each([
    ['/reports', REPORTER],
    ['/cases', POLICE],
  ])('%s?q= by a role that may not search → 403', async (path, claims) => {
    const res = await send('GET', `${path}?q=${encodeURIComponent('đê')}`, undefined, claims, {});
    expect(res.statusCode).toBe(403);
    expect(isProblem4xx(res)).toBe(true);
  });
});

// random base64 JSON, cursors the API issued for another query (another
// filter, index, reporter or agency), and its own cursor tampered with (key
// attributes missing, extra, renamed, of another type, huge, empty, from
// another partition or outside the query's range; the envelope altered).
// Every one answers 400 problem+json; none reaches DynamoDB as a bad key.
const REPORTER2 = {
  sub: 'rep-q',
  'cognito:groups': ['reporter'],
  email: 'rep-q@example.org',
  token_use: 'id',
};
const POLICE = { sub: 'officer-p', 'cognito:groups': ['agency'], 'custom:agency': 'police', token_use: 'id' };
// The names a cursor may carry (logical) and the physical ones, which a cursor must never name.
const INDEX_NAMES = [...Object.keys(INDEXES), ...PHYSICAL_INDEX_NAMES];
const b64json = (v: unknown) => Buffer.from(JSON.stringify(v) ?? 'null', 'utf8').toString('base64url');

interface CursorTarget {
  name: string;
  url: string;
  claims: Record<string, unknown>;
  /** The query's sort key range, if any (a start key outside it is invalid). */
  ranged?: 'between' | 'before';
}

describe('every list route rejects bad cursors with 400 problem+json', () => {
  const past = new Date(Date.now() - 2 * 86_400_000);
  const pastDay = localDay(past, 'Asia/Ho_Chi_Minh');
  const targets: CursorTarget[] = [
    { name: 'GET /reports (desk)', url: '/reports', claims: DESK },
    { name: 'GET /reports?status&urgency (desk)', url: '/reports?status=new&urgency=high', claims: DESK },
    { name: 'GET /reports?date (desk)', url: `/reports?date=${pastDay}`, claims: DESK },
    { name: 'GET /reports (reporter)', url: '/reports', claims: REPORTER },
    { name: 'GET /reports (another reporter)', url: '/reports', claims: REPORTER2 },
    { name: 'GET /cases (desk)', url: '/cases', claims: DESK },
    { name: 'GET /cases?overdue=true (desk)', url: '/cases?overdue=true', claims: DESK, ranged: 'before' },
    { name: 'GET /cases?status (desk)', url: '/cases?status=verifying', claims: DESK },
    { name: 'GET /cases (agency)', url: '/cases', claims: POLICE },
    { name: 'GET /briefings (desk)', url: '/briefings', claims: DESK, ranged: 'between' },
    {
      name: 'GET /briefings?from&to (agency)',
      url: `/briefings?from=${pastDay}&to=${localDay(new Date(past.getTime() + 30 * 86_400_000), 'Asia/Ho_Chi_Minh')}`,
      claims: POLICE,
      ranged: 'between',
    },
  ];
  const issued = new Map<string, string>();

  beforeAll(async () => {
    // Reports and cases written "two days ago", so the cases are overdue now.
    const pastDeps = table.deps({ clock: () => past });
    const then: Record<string, Handler> = {
      reports: reportsHandler(pastDeps) as unknown as Handler,
      cases: casesHandler(pastDeps) as unknown as Handler,
    };
    const report = async (claims: Record<string, unknown>, urgency: string) => {
      const res = await send(
        'POST',
        '/reports',
        JSON.stringify({
          title: 'Phản ánh để phân trang',
          summary: 'Nội dung',
          category: 'transport',
          area: 'go-vap',
          channel: 'social',
          sentiment: 'neutral',
          urgency,
          observedAt: new Date(past.getTime() - 60_000).toISOString(),
        }),
        claims,
        undefined,
        then,
      );
      expect(res.statusCode).toBe(201);
      return JSON.parse(String(res.body)).id as string;
    };
    const mine = [
      await report(REPORTER, 'normal'),
      await report(REPORTER, 'normal'),
      await report(REPORTER, 'normal'),
    ];
    await report(REPORTER2, 'high');
    await report(REPORTER2, 'high');
    for (const [i, id] of mine.entries()) {
      const opened = await send('POST', '/cases', JSON.stringify({ reportIds: [id] }), DESK, undefined, then);
      expect(opened.statusCode).toBe(201);
      if (i === 2) continue;
      const caseId = JSON.parse(String(opened.body)).id as string;
      const assigned = await send(
        'POST',
        `/cases/${caseId}/actions`,
        JSON.stringify({
          action: 'assign',
          agencyId: 'police',
          dueAt: new Date(past.getTime() + 86_400_000).toISOString(),
        }),
        DESK,
        { 'content-type': 'application/json', 'if-match': '"1"' },
        then,
      );
      expect(assigned.statusCode).toBe(200);
    }
    for (const d of [1, 2]) {
      const res = await send(
        'POST',
        '/briefings',
        JSON.stringify({
          title: 'Họp báo phân trang',
          startsAt: new Date(Date.now() + d * 86_400_000).toISOString(),
        }),
        DESK,
      );
      expect(res.statusCode).toBe(201);
    }
    for (const t of targets) {
      const res = await send(
        'GET',
        `${t.url}${t.url.includes('?') ? '&' : '?'}limit=1`,
        undefined,
        t.claims,
        {},
      );
      expect(res.statusCode, t.name).toBe(200);
      const next = JSON.parse(String(res.body)).nextCursor as string | null;
      expect(next, `${t.name} has a second page`).toEqual(expect.any(String));
      issued.set(t.name, next!);
    }
  });

  const cursorsFor = (t: CursorTarget) => {
    const own = issued.get(t.name)!;
    const payload = JSON.parse(Buffer.from(own, 'base64url').toString('utf8')) as {
      i: string;
      p: string;
      q: string;
      k: Record<string, unknown>;
    };
    const names = Object.keys(payload.k);
    const indexPk = names.find((n) => /^gsi\dpk$/.test(n))!;
    const indexSk = names.find((n) => /^gsi\dsk$/.test(n))!;
    const withKey = (k: Record<string, unknown>) => b64json({ ...payload, k });
    const newName = fc
      .oneof(
        fc.constantFrom(...INDEX_NAMES.flatMap((g) => [`${g}pk`, `${g}sk`]), 'id', 'expiresAt', 'PK', 'SK'),
        fc.string({ minLength: 1, maxLength: 12 }),
      )
      .filter((n) => !names.includes(n));
    const oneOf = fc.constantFrom(...names);
    const without = (name: string) =>
      Object.fromEntries(Object.entries(payload.k).filter(([n]) => n !== name));
    const wrongType = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.string().map((S) => ({ S })),
      fc.integer().map((n) => ({ N: String(n) })),
    );
    const foreign = [...issued.entries()].filter(([n, c]) => n !== t.name && c !== own).map(([, c]) => c);
    const kinds = [
      // random strings, base64 and base64url, random JSON, random envelopes
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.base64String({ minLength: 1, maxLength: 400 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,300}$/),
      fc.jsonValue().map(b64json),
      fc
        .record({
          i: fc.constantFrom(...INDEX_NAMES),
          p: fc.string({ maxLength: 20 }),
          q: fc.string({ maxLength: 30 }),
          k: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue(), { maxKeys: 5 }),
        })
        .map(b64json),
      // cursors the API issued for another query: another filter, index, reporter, agency
      fc.constantFrom(...foreign),
      // the own cursor with its key tampered with
      oneOf.map((n) => withKey(without(n))),
      fc
        .tuple(newName, fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.integer()))
        .map(([n, v]) => withKey({ ...payload.k, [n]: v })),
      fc.tuple(oneOf, newName).map(([from, to]) => withKey({ ...without(from), [to]: payload.k[from] })),
      fc.tuple(oneOf, wrongType).map(([n, v]) => withKey({ ...payload.k, [n]: v })),
      fc.tuple(oneOf, fc.constant('')).map(([n, v]) => withKey({ ...payload.k, [n]: v })),
      fc
        .tuple(
          fc.constantFrom('sk', indexSk),
          fc.oneof(
            fc.integer({ min: 1025, max: 1400 }).map((n) => 'x'.repeat(n)),
            fc.integer({ min: 342, max: 440 }).map((n) => 'ệ'.repeat(n)),
          ),
        )
        .map(([n, v]) => withKey({ ...payload.k, [n]: v })),
      fc
        .oneof(
          fc.constantFrom('RBY#rep-p', 'RBY#rep-q', 'CAGENCY#health-dept', 'REPORT', 'CASE', 'BRIEFING'),
          fc.string({ minLength: 1, maxLength: 30 }),
        )
        .filter((p) => p !== payload.p)
        .map((p) => withKey({ ...payload.k, [indexPk]: p })),
      // the envelope altered
      fc
        .constantFrom(...INDEX_NAMES)
        .filter((i) => i !== payload.i)
        .map((i) => b64json({ ...payload, i })),
      fc
        .string({ maxLength: 30 })
        .filter((p) => p !== payload.p)
        .map((p) => b64json({ ...payload, p })),
      fc
        .string({ maxLength: 30 })
        .filter((q) => q !== payload.q)
        .map((q) => b64json({ ...payload, q })),
      fc
        .constantFrom('i', 'p', 'q', 'k')
        .map((n) => b64json(Object.fromEntries(Object.entries(payload).filter(([x]) => x !== n)))),
      fc.jsonValue().map((v) => b64json({ ...payload, extra: v })),
    ];
    if (t.ranged) {
      kinds.push(
        fc
          .constantFrom(
            '9999-12-31T23:59:59.999Z#z',
            '~',
            ...(t.ranged === 'between' ? ['0000-01-01T00:00:00.000Z#0', '!'] : []),
          )
          .map((sk) => withKey({ ...payload.k, [indexSk]: sk })),
      );
    }
    return fc.oneof(...kinds);
  };

  it.each(targets.map((t) => [t.name, t] as const))(
    '%s',
    async (_name, t) => {
      await fc.assert(
        fc.asyncProperty(cursorsFor(t), async (cursor) => {
          const url = `${t.url}${t.url.includes('?') ? '&' : '?'}${new URLSearchParams({ cursor })}`;
          const res = await send('GET', url, undefined, t.claims, {});
          expect(isProblem4xx(res), `${res.statusCode} for ${cursor.slice(0, 120)}`).toBe(true);
          expect(res.statusCode, cursor.slice(0, 200)).toBe(400);
        }),
        { seed: 31337, numRuns: RUNS },
      );
    },
    120_000,
  );

  it('the own cursor is accepted (the tampering above is what is refused)', async () => {
    for (const t of targets) {
      const url = `${t.url}${t.url.includes('?') ? '&' : '?'}${new URLSearchParams({ cursor: issued.get(t.name)! })}`;
      const res = await send('GET', url, undefined, t.claims, {});
      expect(res.statusCode, `${t.name}: ${res.body}`).toBe(200);
    }
  });
});

/** Each upload of these properties makes real requests (and cleans files): the soak's runs take minutes. */
const FILE_PROPERTY_TIMEOUT = process.env.SOAK ? 900_000 : 120_000;

// Evidence files (issue 19, docs/api.md#files): the upload-form, confirm and list
// routes, on a real report and case, so that a bad request that slipped through
// would store an UPLOAD or FILE item (or an object in the bucket) and be seen.
describe('the file routes reject bad input with 4xx problem+json and store nothing', () => {
  /** What a client must never set: the server's fields of an upload and a file. */
  const FILE_SERVER_FIELDS = [
    'fileId',
    'id',
    'sha256',
    'width',
    'height',
    'pages',
    'thumbnail',
    'uploadedBy',
    'ownerKind',
    'ownerId',
    'source',
    'createdAt',
    'expiresAt',
    'url',
    'thumbnailUrl',
    'entity',
    'pk',
    'sk',
    'fileCount',
    '__proto__',
    'constructor',
  ];
  const VALID = { name: 'anh-chup-man-hinh.jpg', type: 'image/jpeg', size: 2048 };
  const REPORT_BODY = () =>
    JSON.stringify({
      title: 'Ảnh chụp bài đăng đã bị xoá',
      summary: 'Bài đăng về giá điện bị xoá sau hai giờ.',
      category: 'transport',
      area: 'go-vap',
      channel: 'social',
      sentiment: 'negative',
      urgency: 'normal',
      observedAt: new Date(Date.now() - 60_000).toISOString(),
    });
  let owners: { name: string; path: string; pk: string; claims: Record<string, unknown> }[];
  let samples: Record<FileType, Uint8Array>;

  /** The UPLOAD# and FILE# items of an owner's partition. */
  const fileItems = async (pk: string) =>
    (
      await table.db.send(
        new QueryCommand({
          TableName: table.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        }),
      )
    ).Items?.filter((i) => /^(UPLOAD|FILE)#/.test(String(i.sk))) ?? [];

  /** Asks for a form and POSTs the bytes with it to the bucket, as a client does; the upload's id. */
  const uploadFile = async (
    owner: { path: string; claims: Record<string, unknown> },
    bytes: Uint8Array,
    type: string,
  ): Promise<string> => {
    const form = await send(
      'POST',
      `${owner.path}/files`,
      JSON.stringify({ name: 'bang-chung.bin', type, size: bytes.length }),
      owner.claims,
    );
    expect(form.statusCode, String(form.body)).toBe(201);
    const { fileId, upload } = JSON.parse(String(form.body)) as {
      fileId: string;
      upload: { url: string; fields: Record<string, string> };
    };
    const body = new FormData();
    for (const [k, v] of Object.entries(upload.fields)) body.append(k, v);
    body.append('file', new Blob([bytes], { type }));
    expect((await fetch(upload.url, { method: 'POST', body })).ok).toBe(true);
    return fileId;
  };

  beforeAll(async () => {
    handlers.files = filesHandler(deps) as unknown as Handler;
    const report = await send('POST', '/reports', REPORT_BODY(), REPORTER);
    expect(report.statusCode).toBe(201);
    const forCase = await send('POST', '/reports', REPORT_BODY(), REPORTER);
    const opened = await send(
      'POST',
      '/cases',
      JSON.stringify({ reportIds: [JSON.parse(String(forCase.body)).id] }),
      DESK,
    );
    expect(opened.statusCode).toBe(201);
    const reportId = JSON.parse(String(report.body)).id as string;
    const caseId = JSON.parse(String(opened.body)).id as string;
    owners = [
      { name: 'report', path: `/reports/${reportId}`, pk: `REPORT#${reportId}`, claims: REPORTER },
      { name: 'case', path: `/cases/${caseId}`, pk: `CASE#${caseId}`, claims: DESK },
    ];
    // One small valid file of each kind taken: the material of mislabelled and truncated uploads.
    const pixels = () => sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a6' } });
    const pdf = await PDFDocument.create();
    pdf.addPage([200, 100]);
    samples = {
      'image/jpeg': new Uint8Array(await pixels().jpeg().toBuffer()),
      'image/png': new Uint8Array(await pixels().png().toBuffer()),
      'image/webp': new Uint8Array(await pixels().webp().toBuffer()),
      'application/pdf': await pdf.save(),
    };
  });

  /** Each kind of bad upload-form request. */
  const badUploadRequest = (maxBytes: number, types: readonly string[]) => {
    const json = (v: unknown) => JSON.stringify(v);
    const notAType = fc
      .oneof(
        fc.constantFrom(
          'image/gif',
          'image/svg+xml',
          'image/heic',
          'text/html',
          'application/octet-stream',
          'application/zip',
          'IMAGE/JPEG',
          'image/jpg',
          'image/jpeg; charset=binary',
          ' image/jpeg',
          '',
        ),
        fc.string({ maxLength: 40 }),
      )
      .filter((t) => !types.includes(t));
    const badSize = fc.oneof(
      fc.constantFrom(0, -1, -2048, 0.5, 1.5, 2048.25, maxBytes + 1, 2 ** 53, 1e21, -0.0001),
      fc.integer({ min: maxBytes + 1 }),
      fc.integer({ max: 0 }),
      fc.double({ min: 1, max: maxBytes, noNaN: true }).filter((d) => !Number.isInteger(d)),
    );
    return fc.oneof(
      // what every body gets (unknown and server fields, missing and mistyped
      // fields, huge, blank, control, bidi and lone-surrogate text, bytes that
      // are not UTF-8, duplicate keys, not JSON, truncated, deep), the text in
      // `type`: any of those is a type not taken
      invalidBody(VALID, ['type'], []),
      // mass assignment of what the server decides about a file
      fc
        .tuple(fc.constantFrom(...FILE_SERVER_FIELDS), fc.jsonValue())
        .map(([k, v]) => json(VALID).replace(/^\{/, `{${JSON.stringify(k)}:${json(v) ?? 'null'},`)),
      // a name empty or too long (odd characters are cleaned instead: below)
      fc
        .oneof(
          fc.constant(''),
          fc.integer({ min: 501, max: 5000 }).map((n) => 'ả'.repeat(n)),
        )
        .map((name) => json({ ...VALID, name })),
      // bytes that are not UTF-8 inside the name
      fc.constantFrom(...INVALID_UTF8).map((bytes) => {
        const [head, tail] = json({ ...VALID, name: 'ảnh@@.jpg' }).split('@@') as [string, string];
        return Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
      }),
      // a type not taken (per environment: files.types), or a size of zero,
      // negative, fractional, a string, or over files.maxBytes
      notAType.map((type) => json({ ...VALID, type })),
      badSize.map((size) => json({ ...VALID, size })),
      fc.constantFrom('2048', '1e3', '0x800', '').map((size) => json({ ...VALID, size })),
      fc.constant(json(VALID).replace(/"size":2048/, '"size":1e309')),
    );
  };

  it.each(['report', 'case'])(
    'POST …/files on a %s: every bad request → 4xx problem+json, nothing stored',
    async (which) => {
      const owner = owners.find((o) => o.name === which)!;
      const { maxBytes, types } = deps.config.files;
      const before = await scanCount();
      await fc.assert(
        fc.asyncProperty(badUploadRequest(maxBytes, types), async (raw) => {
          const res = await send('POST', `${owner.path}/files`, raw, owner.claims);
          expect(isProblem4xx(res), `${res.statusCode} for ${String(raw).slice(0, 120)}`).toBe(true);
        }),
        { seed: 1919, numRuns: RUNS },
      );
      expect(await fileItems(owner.pk)).toEqual([]);
      expect(await scanCount()).toBe(before);
    },
    120_000,
  );

  // A file's name comes from the device, not from typing: odd characters are
  // cleaned, not refused (cleanFileName, shared/domain/files.ts), so a photo is
  // never lost to its name. Whatever the name, what is kept is one clean line.
  it(
    'any name of 1–500 characters gets a form, and the name kept is clean: one line, no controls, bidi, paths or quotes',
    async () => {
      const owner = owners.find((o) => o.name === 'case')!;
      const odd = fc.constantFrom(
        '\u0000',
        '\u0007',
        '\n',
        '\r\n',
        '\t',
        '\u007f',
        '\u0085',
        '\u2028',
        '\u202e',
        '\u2066',
        '\u2069',
        '\ud800',
        '\udc00',
        '"',
        '/',
        '\\',
        '..',
        ' ',
      );
      const name = fc
        .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), odd), { minLength: 1, maxLength: 12 })
        .map((parts) => parts.join(''))
        .filter((n) => n.length >= 1 && n.length <= 500);
      await fc.assert(
        fc.asyncProperty(name, async (n) => {
          const res = await send(
            'POST',
            `${owner.path}/files`,
            JSON.stringify({ ...VALID, name: n }),
            owner.claims,
          );
          expect(res.statusCode, `${res.statusCode} for ${JSON.stringify(n)}: ${res.body}`).toBe(201);
          const { fileId } = JSON.parse(String(res.body)) as { fileId: string };
          const item = (await fileItems(owner.pk)).find((i) => i.sk === `UPLOAD#${fileId}`);
          const kept = String(item?.name);
          expect(kept.isWellFormed(), JSON.stringify(kept)).toBe(true);
          expect(kept, JSON.stringify(n)).not.toMatch(/[\p{Cc}"/\\\u2028\u2029\u202A-\u202E\u2066-\u2069]/u);
          expect(kept).toBe(kept.trim());
          expect([...kept].length).toBeGreaterThan(0);
          expect([...kept].length).toBeLessThanOrEqual(120);
        }),
        { seed: 2026, numRuns: process.env.SOAK ? 2000 : 300 },
      );
    },
    FILE_PROPERTY_TIMEOUT,
  );

  it('a type not taken or a size over the limit is a 422 naming the field; a wrong content type 415; an oversized body 413', async () => {
    const [report] = owners;
    const { maxBytes } = deps.config.files;
    const before = await fileItems(report!.pk);
    for (const [body, field] of [
      [{ ...VALID, type: 'image/gif' }, '/type'],
      [{ ...VALID, type: 'text/html' }, '/type'],
      [{ ...VALID, size: maxBytes + 1 }, '/size'],
    ] as const) {
      const res = await send('POST', `${report!.path}/files`, JSON.stringify(body), report!.claims);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      const errors = (JSON.parse(String(res.body)) as { errors?: { path: string }[] }).errors ?? [];
      expect(errors.map((e) => e.path)).toContain(field);
    }
    for (const ct of ['text/plain', 'multipart/form-data; boundary=x', 'image/jpeg']) {
      const res = await send('POST', `${report!.path}/files`, JSON.stringify(VALID), report!.claims, {
        'content-type': ct,
      });
      expect(res.statusCode).toBe(415);
    }
    const big = await send(
      'POST',
      `${report!.path}/files`,
      JSON.stringify({ ...VALID, name: 'x'.repeat(70_000) }),
      report!.claims,
    );
    expect(big.statusCode).toBe(413);
    expect(await fileItems(report!.pk)).toEqual(before);
  });

  it('ids that are not ULIDs, and ids never issued → 404 problem+json on every file route', async () => {
    const never = '01JZ0000000000000000000000';
    for (const owner of owners) {
      const base = owner.path.replace(/\/[^/]+$/, '');
      const upload = await send('POST', `${owner.path}/files`, JSON.stringify(VALID), owner.claims);
      expect(upload.statusCode).toBe(201);
      const issued = JSON.parse(String(upload.body)).fileId as string;
      const before = (await fileItems(owner.pk)).map((i) => String(i.sk));
      const paths: ['GET' | 'POST', string, string?][] = [
        ['POST', `${base}/not-a-ulid/files`, JSON.stringify(VALID)],
        ['POST', `${base}/${never}/files`, JSON.stringify(VALID)],
        ['GET', `${base}/not-a-ulid/files`],
        ['GET', `${base}/${never}/files`],
        ['POST', `${base}/${never}/files/${issued}/confirm`],
        ['POST', `${owner.path}/files/${never}/confirm`],
        ['POST', `${owner.path}/files/not-a-ulid/confirm`],
        ['POST', `${owner.path}/files/${issued.toLowerCase()}x/confirm`],
        ['POST', `${owner.path}/files/${'0'.repeat(300)}/confirm`],
        ['POST', `${owner.path}/files/%2e%2e/confirm`],
      ];
      for (const [method, url, body] of paths) {
        const res = await send(method, url, body, owner.claims, body ? undefined : {});
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(isProblem4xx(res)).toBe(true);
      }
      // The pending upload is all there is: nothing uploaded, so its confirm is a 409 and stores nothing.
      const missing = await send(
        'POST',
        `${owner.path}/files/${issued}/confirm`,
        undefined,
        owner.claims,
        {},
      );
      expect(missing.statusCode).toBe(409);
      expect(JSON.parse(String(missing.body)).code).toBe('upload-missing');
      expect((await fileItems(owner.pk)).map((i) => String(i.sk))).toEqual(before);
    }
  });

  // A confirm reads what was uploaded, nothing else: a body sent with it (a
  // client's idea of the file's type or hash, or the file itself) is refused,
  // and the upload waits, untouched, for a confirm without one.
  it('confirm takes no body: any body → 400 problem+json, and the upload is then confirmed as it was', async () => {
    for (const owner of owners) {
      const bytes = samples['image/jpeg'];
      const fileId = await uploadFile(owner, bytes, 'image/jpeg');
      const before = (await fileItems(owner.pk)).map((i) => String(i.sk)).sort();
      for (const [raw, ct] of [
        ['{}', 'application/json'],
        [JSON.stringify({ sha256: 'a'.repeat(64), type: 'image/png' }), 'application/json'],
        ['not json', 'text/plain'],
        [Buffer.from(bytes), 'image/jpeg'],
        [' ', 'application/json'],
      ] as const) {
        const res = await send('POST', `${owner.path}/files/${fileId}/confirm`, raw, owner.claims, {
          'content-type': ct,
        });
        expect(
          isProblem4xx(res) && res.statusCode === 400,
          `${res.statusCode} for ${String(raw).slice(0, 40)}`,
        ).toBe(true);
      }
      expect((await fileItems(owner.pk)).map((i) => String(i.sk)).sort()).toEqual(before);
      const done = await send('POST', `${owner.path}/files/${fileId}/confirm`, undefined, owner.claims, {});
      expect(done.statusCode, String(done.body)).toBe(201);
    }
  });

  // What was uploaded decides, not what was declared: random bytes, a valid file
  // of another kind, a kind's magic number with garbage after it, a valid file
  // cut short. Each confirm answers 422 (or, for a cut that still decodes, 201
  // with the type the bytes have), never a 5xx; a refusal leaves no item and no object.
  it(
    'confirm of bytes that are not what was declared → 422 and nothing kept, never a 5xx',
    async () => {
      const storage = deps.files!;
      // A fresh report per upload: a cut that still decodes is attached, and
      // files.maxPerReport of those must not turn the next refusal into a 409.
      const freshReport = async () => {
        const res = await send('POST', '/reports', REPORT_BODY(), REPORTER);
        expect(res.statusCode).toBe(201);
        const id = JSON.parse(String(res.body)).id as string;
        return { path: `/reports/${id}`, pk: `REPORT#${id}`, claims: REPORTER };
      };
      const declared = fc.constantFrom(...FILE_TYPES);
      const upload = fc.oneof(
        fc.tuple(declared, fc.uint8Array({ minLength: 1, maxLength: 2048 })),
        fc
          .tuple(declared, fc.constantFrom(...FILE_TYPES))
          .filter(([d, real]) => d !== real)
          .map(([d, real]) => [d, samples[real]] as const),
        fc
          .tuple(declared, fc.uint8Array({ minLength: 0, maxLength: 512 }))
          .map(([d, tail]) => [d, Buffer.concat([MAGIC[d], tail])] as const),
        fc
          .tuple(declared, fc.double({ min: 0.05, max: 0.95, noNaN: true }))
          .map(
            ([d, cut]) => [d, samples[d].slice(0, Math.max(1, Math.floor(samples[d].length * cut)))] as const,
          ),
      );
      await fc.assert(
        fc.asyncProperty(upload, async ([type, bytes]) => {
          const owner = await freshReport();
          const fileId = await uploadFile(owner, bytes, type);
          const res = await send(
            'POST',
            `${owner.path}/files/${fileId}/confirm`,
            undefined,
            owner.claims,
            {},
          );
          const detected = detectFileType(bytes);
          if (res.statusCode === 201) {
            // Only a cut that still decodes may pass, and then as what its bytes are.
            expect(detected).toBe(type);
            expect(JSON.parse(String(res.body)).type).toBe(type);
            return;
          }
          expect(isProblem4xx(res) && res.statusCode === 422, `${res.statusCode} ${res.body}`).toBe(true);
          const problem = JSON.parse(String(res.body)) as { code: string; detectedType?: string };
          if (!detected) expect(problem.code).toBe('file-type-not-allowed');
          else if (detected !== type)
            expect(problem).toMatchObject({ code: 'file-type-mismatch', detectedType: detected });
          else expect(problem.code).toBe('file-damaged');
          const left = (await fileItems(owner.pk)).map((i) => String(i.sk));
          expect(left).not.toContain(`UPLOAD#${fileId}`);
          expect(left).not.toContain(`FILE#${fileId}`);
          expect((await storage.read(objectKeys(fileId).incoming, 1)).kind).toBe('absent');
        }),
        { seed: 4242, numRuns: process.env.SOAK ? 500 : 60 },
      );
    },
    FILE_PROPERTY_TIMEOUT,
  );
});

/** The first bytes of each kind taken (shared/domain/files.ts detectFileType). */
const MAGIC: Record<FileType, Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/webp': Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
  'application/pdf': Buffer.from('%PDF-1.7\n'),
};
