// One page of a Query on an index, with optional filters on top and an opaque
// cursor. Filters apply after DynamoDB's Limit, so a page may take several
// Query calls; one request makes at most MAX_QUERY_PAGES of them.
import {
  BatchGetCommand,
  QueryCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Deps } from '#shared/deps';
import { type CursorScope, decodeCursor, encodeCursor, type KeyValues, type SortKeyRange } from './cursor';
import { type IndexName, indexOf } from './table';

export const MAX_QUERY_PAGES = 10;

/** One item of a TransactWriteItems request. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Filter {
  /** A condition with placeholders `#name`/`:value` unique to it. */
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

export const equals = (attr: string, value: unknown, tag: string): Filter => ({
  expression: `#${tag} = :${tag}`,
  names: { [`#${tag}`]: attr },
  values: { [`:${tag}`]: value },
});

export interface IndexQuery {
  index: IndexName;
  partition: string;
  /** Optional sort key condition; a cursor's start key must lie inside it. */
  sortKey?: SortKeyRange;
  filters: Filter[];
  /**
   * The query's own parameters (its filters and range, not limit or cursor):
   * a cursor is accepted only by a query with the same ones.
   */
  binding: CursorScope['binding'];
  limit: number;
  cursor?: string;
  newestFirst?: boolean;
  /**
   * With filters, the least a Query asks for (filters apply after DynamoDB's
   * Limit, so many items may be dropped). Default 25; a slim index can afford more.
   */
  readAhead?: number;
}

const keyOf = (item: Record<string, unknown>, index: IndexName): KeyValues => {
  const { partitionKey, sortKey } = indexOf(index);
  return {
    pk: String(item.pk),
    sk: String(item.sk),
    [partitionKey]: String(item[partitionKey]),
    [sortKey]: String(item[sortKey]),
  };
};

export const queryIndexPage = async (deps: Deps, q: IndexQuery): Promise<Page<Record<string, unknown>>> => {
  const physical = indexOf(q.index);
  const names: Record<string, string> = { '#pk': physical.partitionKey };
  const values: Record<string, unknown> = { ':pk': q.partition };
  let keyCondition = '#pk = :pk';
  if (q.sortKey) {
    names['#sk'] = physical.sortKey;
    if ('before' in q.sortKey) {
      values[':skBefore'] = q.sortKey.before;
      keyCondition += ' AND #sk < :skBefore';
    } else {
      values[':skFrom'] = q.sortKey.between[0];
      values[':skTo'] = q.sortKey.between[1];
      keyCondition += ' AND #sk BETWEEN :skFrom AND :skTo';
    }
  }
  for (const f of q.filters) {
    Object.assign(names, f.names);
    Object.assign(values, f.values);
  }
  const base: QueryCommandInput = {
    TableName: deps.tableName,
    IndexName: physical.indexName,
    KeyConditionExpression: keyCondition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: !(q.newestFirst ?? true),
    ...(q.filters.length > 0
      ? { FilterExpression: q.filters.map((f) => `(${f.expression})`).join(' AND ') }
      : {}),
  };

  const scope: CursorScope = {
    index: q.index,
    partition: q.partition,
    binding: q.binding,
    ...(q.sortKey ? { sortKey: q.sortKey } : {}),
  };
  let startKey: KeyValues | undefined = q.cursor ? decodeCursor(q.cursor, scope) : undefined;
  const items: Record<string, unknown>[] = [];
  for (let page = 0; page < MAX_QUERY_PAGES; page++) {
    const room = q.limit - items.length;
    const out = await deps.db.send(
      // With filters, read a little ahead: many items may be filtered out.
      new QueryCommand({
        ...base,
        Limit: q.filters.length > 0 ? Math.max(room, q.readAhead ?? 25) : room,
        ExclusiveStartKey: startKey,
      }),
    );
    const got = out.Items ?? [];
    if (got.length > room) {
      items.push(...got.slice(0, room));
      startKey = keyOf(items[items.length - 1]!, q.index);
      break;
    }
    items.push(...got);
    startKey = out.LastEvaluatedKey as KeyValues | undefined;
    if (!startKey || items.length >= q.limit) break;
  }
  return { items, nextCursor: startKey ? encodeCursor(scope, startKey) : null };
};

/**
 * `IndexName` and the names `#ipk`/`#isk` of a named index's key attributes, for
 * a Query written by hand (`KeyConditionExpression: '#ipk = :pk'`), plus `names`.
 * DynamoDB refuses unused names, so pass only `#isk` users a sort condition.
 */
export const onIndex = (name: IndexName, names: Record<string, string> = {}, withSortKey = true) => {
  const i = indexOf(name);
  return {
    IndexName: i.indexName,
    ExpressionAttributeNames: {
      '#ipk': i.partitionKey,
      ...(withSortKey ? { '#isk': i.sortKey } : {}),
      ...names,
    },
  };
};

/**
 * The whole items of a page read from a slim index (KEYS_ONLY or INCLUDE), in
 * the page's order: one BatchGetItem of at most 100 keys. An item deleted
 * between the Query and the read (TTL) is left out.
 */
export const fullItemsOf = async (
  deps: Deps,
  page: Record<string, unknown>[],
): Promise<Record<string, unknown>[]> => {
  if (page.length === 0) return [];
  const keyOf = (i: Record<string, unknown>) => `${String(i.pk)}\n${String(i.sk)}`;
  const found = await batchGetAll(
    deps,
    page.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })),
  );
  const byKey = new Map(found.map((i) => [keyOf(i), i]));
  return page.flatMap((i) => {
    const full = byKey.get(keyOf(i));
    return full ? [full] : [];
  });
};

/**
 * Pages of `queryAll` hold at most this many items unless the input says
 * otherwise. On DynamoDB a 1 MB page of ~1 KB items is fewer than this, so it
 * changes nothing there; DynamoDB Local reads the whole partition for every
 * page of a Query without a Limit, which made paging a big partition quadratic.
 */
export const QUERY_ALL_PAGE = 1000;

/** Every page of a Query (for bounded partitions: a day, a case, an agenda). */
export const queryAll = async (
  deps: Deps,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await deps.db.send(
      new QueryCommand({
        Limit: QUERY_ALL_PAGE,
        ...input,
        TableName: deps.tableName,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/**
 * Items by key with BatchGetItem: 100 keys a request, unprocessed keys retried
 * (up to 5 rounds). Missing items are simply absent from the result.
 */
export const batchGetAll = async (
  deps: Deps,
  keys: { pk: string; sk: string }[],
  options: { projection?: string; names?: Record<string, string>; consistent?: boolean } = {},
): Promise<Record<string, unknown>[]> => {
  const found: Record<string, unknown>[] = [];
  let pending = [...new Map(keys.map((k) => [`${k.pk}\n${k.sk}`, k])).values()];
  for (let round = 0; pending.length > 0 && round < 5; round++) {
    const out = await deps.db.send(
      new BatchGetCommand({
        RequestItems: {
          [deps.tableName]: {
            Keys: pending.slice(0, 100),
            ...(options.consistent ? { ConsistentRead: true } : {}),
            ...(options.projection ? { ProjectionExpression: options.projection } : {}),
            ...(options.names ? { ExpressionAttributeNames: options.names } : {}),
          },
        },
      }),
    );
    found.push(...(out.Responses?.[deps.tableName] ?? []));
    const unprocessed = (out.UnprocessedKeys?.[deps.tableName]?.Keys ?? []) as { pk: string; sk: string }[];
    pending = [...unprocessed, ...pending.slice(100)];
  }
  return found;
};
