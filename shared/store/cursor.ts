// Opaque pagination cursors. A cursor is accepted only if this API could have
// issued it for this exact query: the same index, the same partition, the same
// filters (a digest of the query's own parameters), and a start key that has
// exactly the index's key attributes (plus the table's, for a GSI), each a
// non-empty string within DynamoDB's key size limits, whose partition value is
// the query's and whose sort value lies inside the query's sort key range.
// Anything else is the client's error, a 400: such a key would otherwise reach
// DynamoDB as an ExclusiveStartKey and come back as a ValidationException (a
// 500). No secret is involved: the checks are against the table definition
// and the query itself, so a forged cursor can at most name a position in a
// list its sender may read anyway.
import { createHash } from 'node:crypto';
import { BadRequest } from '#domain/errors';
import { INDEXES, type IndexName, indexOf, tableDefinition } from './table';

export type KeyValues = Record<string, string>;

/** A sort key condition of a page query, in a form that can be both written and checked. */
export type SortKeyRange = { between: readonly [string, string] } | { before: string };

/** What a cursor is bound to. */
export interface CursorScope {
  /** The named index (table.ts INDEXES): two names sharing a physical index do not share cursors. */
  index: IndexName;
  partition: string;
  /** The query's own parameters (filters, range) besides limit and cursor. */
  binding: Readonly<Record<string, string | undefined>>;
  sortKey?: SortKeyRange;
}

interface CursorPayload {
  i: string;
  p: string;
  q: string;
  k: KeyValues;
}

/** DynamoDB's limits on key attribute values, in UTF-8 bytes. */
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;

const digest = (binding: CursorScope['binding']): string =>
  createHash('sha256')
    .update(
      JSON.stringify(
        Object.entries(binding)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      ),
    )
    .digest('base64url')
    .slice(0, 22);

/** The key attributes of an index's items: its own keys and, for a GSI, the table's. */
export const keyAttributesOf = (index: IndexName): { partition: string; sort: string; table: string[] } => {
  if (!Object.hasOwn(INDEXES, index)) throw new Error(`unknown index ${index}`);
  const { partitionKey, sortKey } = indexOf(index);
  return {
    partition: partitionKey,
    sort: sortKey,
    table: [tableDefinition.partitionKey, tableDefinition.sortKey],
  };
};

export const inSortKeyRange = (value: string, range: SortKeyRange | undefined): boolean => {
  if (!range) return true;
  if ('before' in range) return value < range.before;
  return range.between[0] <= value && value <= range.between[1];
};

export const encodeCursor = (scope: CursorScope, key: KeyValues): string =>
  Buffer.from(
    JSON.stringify({
      i: scope.index,
      p: scope.partition,
      q: digest(scope.binding),
      k: key,
    } satisfies CursorPayload),
    'utf8',
  ).toString('base64url');

const invalid = () =>
  new BadRequest('The cursor is not valid for this query.', [{ path: '/cursor', message: 'invalid cursor' }]);

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const sameKeys = (o: Record<string, unknown>, names: readonly string[]): boolean => {
  const own = Object.keys(o);
  return own.length === names.length && names.every((n) => Object.hasOwn(o, n));
};

const fits = (v: unknown, maxBytes: number): v is string =>
  typeof v === 'string' && v.length > 0 && Buffer.byteLength(v, 'utf8') <= maxBytes;

/** The ExclusiveStartKey a cursor carries, if it is one this query could have issued; else a 400. */
export const decodeCursor = (cursor: string, scope: CursorScope): KeyValues => {
  if (!BASE64URL.test(cursor)) throw invalid();
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.toString('base64url') !== cursor) throw invalid(); // not canonical: stray bits or padding
  let payload: unknown;
  try {
    payload = JSON.parse(utf8.decode(bytes));
  } catch {
    throw invalid();
  }
  if (!isPlainObject(payload) || !sameKeys(payload, ['i', 'p', 'q', 'k'])) throw invalid();
  const { i, p, q, k } = payload;
  if (i !== scope.index || p !== scope.partition || q !== digest(scope.binding)) throw invalid();
  if (!isPlainObject(k)) throw invalid();
  const attrs = keyAttributesOf(scope.index);
  const [tablePk, tableSk] = attrs.table as [string, string];
  if (!sameKeys(k, [attrs.partition, attrs.sort, tablePk, tableSk])) throw invalid();
  if (k[attrs.partition] !== scope.partition) throw invalid();
  const sort = k[attrs.sort];
  if (
    !fits(sort, MAX_SORT_KEY_BYTES) ||
    !fits(k[tablePk], MAX_PARTITION_KEY_BYTES) ||
    !fits(k[tableSk], MAX_SORT_KEY_BYTES) ||
    !inSortKeyRange(sort, scope.sortKey)
  ) {
    throw invalid();
  }
  return k as KeyValues;
};
