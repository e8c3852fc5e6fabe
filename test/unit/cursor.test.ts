import { describe, expect, it } from 'vitest';
import { BadRequest } from '#domain/errors';
import { type CursorScope, decodeCursor, encodeCursor, type KeyValues } from '#store/cursor';
import { indexOf } from '#store/table';

// The physical key attribute names of the indexes these cursors name.
const newest = indexOf('reportsNewest');
const byReporter = indexOf('reportsByReporter');
const briefingsIx = indexOf('briefingsByStart');
const due = indexOf('casesDue');
const NPK = newest.partitionKey;
const NSK = newest.sortKey;

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

describe('pagination cursors', () => {
  const key = { pk: 'REPORT#1', sk: 'REPORT', [NPK]: 'REPORT', [NSK]: '2026-01-01T00:00:00.000Z#1' };
  const all: CursorScope = { index: 'reportsNewest', partition: 'REPORT', binding: {} };

  it('round-trips the key for the same index, partition and filters', () => {
    const c = encodeCursor(all, key);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, all)).toEqual(key);
    const filtered: CursorScope = { ...all, binding: { status: 'new', area: 'go-vap', date: undefined } };
    expect(
      decodeCursor(encodeCursor(filtered, key), { ...all, binding: { area: 'go-vap', status: 'new' } }),
    ).toEqual(key);
  });

  it("rejects another reporter's cursor, another index's, and another filter's", () => {
    const mine = {
      pk: 'REPORT#1',
      sk: 'REPORT',
      [byReporter.partitionKey]: 'RBY#alice',
      [byReporter.sortKey]: 'x',
    };
    const alice: CursorScope = { index: 'reportsByReporter', partition: 'RBY#alice', binding: {} };
    const c = encodeCursor(alice, mine);
    expect(() => decodeCursor(c, { ...alice, partition: 'RBY#bob' })).toThrow(BadRequest);
    expect(() => decodeCursor(c, { ...alice, index: 'reportsNewest' })).toThrow(BadRequest);
    // two names on one physical index do not share cursors either
    const cases = encodeCursor({ index: 'casesNewest', partition: 'CASE', binding: {} }, key);
    expect(() => decodeCursor(cases, { index: 'briefingsByStart', partition: 'CASE', binding: {} })).toThrow(
      BadRequest,
    );
    expect(() => decodeCursor(c, { ...alice, binding: { status: 'new' } })).toThrow(BadRequest);
    // a cursor whose envelope names bob but whose key is still alice's partition
    const forged = encodeCursor({ ...alice, partition: 'RBY#bob' }, mine);
    expect(() => decodeCursor(forged, { ...alice, partition: 'RBY#bob' })).toThrow(BadRequest);
  });

  it('rejects a start key outside the query sort key range', () => {
    const briefings: CursorScope = {
      index: 'briefingsByStart',
      partition: 'BRIEFING',
      binding: { from: 'a', to: 'b' },
      sortKey: { between: ['2026-01-01T00:00:00.000Z', '2026-01-31T23:59:59.999Z'] },
    };
    const at = (sort: string) => ({
      pk: 'BRIEFING#1',
      sk: 'BRIEFING',
      [briefingsIx.partitionKey]: 'BRIEFING',
      [briefingsIx.sortKey]: sort,
    });
    expect(decodeCursor(encodeCursor(briefings, at('2026-01-15T00:00:00.000Z#1')), briefings)).toBeTruthy();
    expect(() => decodeCursor(encodeCursor(briefings, at('2026-02-15T00:00:00.000Z#1')), briefings)).toThrow(
      BadRequest,
    );
    const overdue: CursorScope = {
      index: 'casesDue',
      partition: 'CDUE',
      binding: { overdue: 'true' },
      sortKey: { before: '2026-01-10T00:00:00.000Z' },
    };
    const dueAt = (sort: string) => ({
      pk: 'CASE#1',
      sk: 'CASE',
      [due.partitionKey]: 'CDUE',
      [due.sortKey]: sort,
    });
    expect(decodeCursor(encodeCursor(overdue, dueAt('2026-01-09T00:00:00.000Z#1')), overdue)).toBeTruthy();
    expect(() => decodeCursor(encodeCursor(overdue, dueAt('2026-01-11T00:00:00.000Z#1')), overdue)).toThrow(
      BadRequest,
    );
  });

  const tampered: [string, Record<string, unknown>][] = [
    ['a missing attribute', { pk: 'REPORT#1', sk: 'REPORT', [NPK]: 'REPORT' }],
    ['an extra attribute', { ...key, [byReporter.partitionKey]: 'RBY#alice' }],
    [
      'a renamed attribute',
      { pk: 'REPORT#1', sk: 'REPORT', [NPK]: 'REPORT', [byReporter.sortKey]: key[NSK] },
    ],
    [
      'another index key',
      { pk: 'REPORT#1', sk: 'REPORT', [byReporter.partitionKey]: 'REPORT', [byReporter.sortKey]: key[NSK] },
    ],
    ['only the table key', { pk: 'REPORT#1', sk: 'REPORT' }],
    ['a number value', { ...key, [NSK]: 1 }],
    ['a DynamoDB-typed value', { ...key, pk: { S: 'REPORT#1' } }],
    ['a null value', { ...key, sk: null }],
    ['an empty string', { ...key, sk: '' }],
    ['a sort key over 1024 bytes', { ...key, [NSK]: 'ệ'.repeat(400) }],
    ['a partition key over 2048 bytes', { ...key, pk: 'x'.repeat(2049) }],
    ['a different partition value', { ...key, [NPK]: 'CASE' }],
  ];
  it.each(tampered)('rejects a key with %s', (_name, k) => {
    expect(() => decodeCursor(encodeCursor(all, k as KeyValues), all)).toThrow(BadRequest);
  });

  it('rejects a key that is an array', () => {
    const c = encodeCursor(all, [key] as unknown as KeyValues);
    expect(() => decodeCursor(c, all)).toThrow(BadRequest);
  });

  /** A valid cursor re-spelt with non-zero trailing bits: it decodes to the same bytes, but no encoder writes it. */
  const withStrayBits = (): string => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let n = 1; ; n++) {
      const c = encodeCursor(all, { ...key, pk: `REPORT#${'1'.repeat(n)}` });
      if (c.length % 4 === 2) return c.slice(0, -1) + alphabet[alphabet.indexOf(c.at(-1)!) ^ 1];
    }
  };

  it.each([
    'not base64 at all!',
    '',
    '====',
    `${encodeCursor(all, key)}=`,
    withStrayBits(),
    Buffer.from(encodeCursor(all, key), 'base64url').toString('base64'), // padded, +/ alphabet
    Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64url'), // not UTF-8
    b64(null),
    b64([]),
    b64('text'),
    b64({ i: 'reportsNewest', p: 'REPORT', k: key }),
    b64({ i: 'reportsNewest', p: 'REPORT', q: 'x', k: key }),
    b64({ i: 'reportsNewest', p: 'REPORT', q: 'x', k: key, extra: 1 }),
    b64({ i: 'reportsNewest', p: 'REPORT', k: {} }),
    b64({ i: 'reportsNewest', p: 'REPORT', k: { pk: 1 } }),
    b64({ i: 'gsi1', p: 'REPORT', k: key }), // a physical name is not an index name
    b64({ i: 'reportsOld', p: 'REPORT', k: key }),
  ])('rejects malformed cursor %j', (c) => {
    expect(() => decodeCursor(c, all)).toThrow(BadRequest);
  });
});
