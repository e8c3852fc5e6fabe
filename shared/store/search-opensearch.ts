// Search when `search.engine` is 'opensearch' (shared/store/README.md,
// "Search"): an OpenSearch Serverless collection that an OpenSearch Ingestion
// pipeline feeds from the table (DynamoDB zero-ETL: export, then stream), so
// no posting items are written. `q` becomes one bool query (every word, in
// any searched field, folded; the list's filters as term filters; the last
// 12 months; newest first) and the page's items are then read from the table,
// which stays the source of truth (the index may lag the stream by seconds).
import type { Case, CaseListQuery } from '#domain/case';
import { BadRequest } from '#domain/errors';
import type { Report, ReportListQuery } from '#domain/report';
import { SEARCH_WINDOW_DAYS } from '#domain/search';
import { tagKey } from '#domain/tags';
import { addDays } from '#domain/time';
import { credentialsFromEnv } from '#shared/aws/secrets';
import { sigv4Headers } from '#shared/aws/sigv4';
import type { Deps } from '#shared/deps';
import { caseFromItem, caseKey } from './cases';
import { batchGetAll, type Page } from './query';
import { daySortRange, fromItem, reportKey } from './reports';

/** The index the pipeline writes (infra/aws/constructs/search.ts): reports and cases, told apart by `kind`. */
export const OPENSEARCH_INDEX = 'desk-search';
/** The folded sub-field (asciifolding: marks and đ dropped) of each searched text field. */
const FOLDED = (f: string) => `${f}.folded`;

type Kind = 'report' | 'case';
type Clause = Record<string, unknown>;

const invalidCursor = () =>
  new BadRequest('The cursor is not valid for this query.', [{ path: '/cursor', message: 'invalid cursor' }]);

/** A cursor: the last hit's sort values (`search_after`) and the query it belongs to. */
const encodeCursor = (after: [string, string], q: string) =>
  Buffer.from(JSON.stringify({ a: after, q }), 'utf8').toString('base64url');

const decodeCursor = (cursor: string, q: string): [string, string] => {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let c: unknown;
  try {
    c = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(cursor, 'base64url')));
  } catch {
    throw invalidCursor();
  }
  const o = c as { a?: unknown; q?: unknown };
  if (
    typeof c !== 'object' ||
    c === null ||
    Object.keys(c).length !== 2 ||
    o.q !== q ||
    !Array.isArray(o.a) ||
    o.a.length !== 2 ||
    !o.a.every((v) => typeof v === 'string')
  )
    throw invalidCursor();
  return o.a as [string, string];
};

/** The query's identity, so that a cursor is honoured only by the query that issued it. */
const queryKey = (kind: Kind, text: string, filters: Record<string, string | undefined>) =>
  JSON.stringify([
    kind,
    text,
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .sort(),
  ]);

export interface OpenSearchQuery {
  kind: Kind;
  text: string;
  fields: string[];
  /** Exact-value filters, field → value. */
  terms: Record<string, string | undefined>;
  /** Extra filter clauses (ranges, negations). */
  extra?: Clause[];
  /** `[from, to)` on `time`; `from` is raised to the 12-month window's start. */
  day?: readonly [string, string];
  limit: number;
  after?: [string, string];
  now: Date;
}

/** The `_search` body (exported for its unit test). */
export const openSearchBody = (s: OpenSearchQuery): Record<string, unknown> => {
  const from = addDays(s.now, -SEARCH_WINDOW_DAYS).toISOString();
  const lo = s.day && s.day[0] > from ? s.day[0] : from;
  const time: Record<string, string> = { gte: lo, ...(s.day ? { lt: s.day[1] } : {}) };
  const filter: Clause[] = [
    { term: { kind: s.kind } },
    { range: { time } },
    ...Object.entries(s.terms)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([field, value]) => ({ term: { [field]: value } })),
    ...(s.extra ?? []),
  ];
  return {
    size: s.limit,
    _source: false,
    query: {
      bool: {
        must: [
          {
            multi_match: {
              query: s.text,
              fields: s.fields.map(FOLDED),
              type: 'cross_fields',
              operator: 'and',
            },
          },
        ],
        filter,
      },
    },
    sort: [{ time: 'desc' }, { id: 'asc' }],
    ...(s.after ? { search_after: s.after } : {}),
  };
};

interface Hit {
  _id: string;
  sort: [string, string];
}

/** POSTs the body to the collection's `_search`, signed for `aoss` with the function's role. */
const runSearch = async (deps: Deps, body: Record<string, unknown>): Promise<Hit[]> => {
  const endpoint = process.env.SEARCH_ENDPOINT;
  if (!endpoint) throw new Error('search.engine is opensearch but SEARCH_ENDPOINT is not set');
  const host = new URL(endpoint).host;
  const path = `/${OPENSEARCH_INDEX}/_search`;
  const json = JSON.stringify(body);
  const headers = sigv4Headers(
    {
      method: 'POST',
      host,
      path,
      headers: { 'content-type': 'application/json' },
      body: json,
      region: process.env.AWS_REGION ?? deps.config.region,
      service: 'aoss',
      now: new Date(),
    },
    credentialsFromEnv(),
  );
  const res = await fetch(`https://${host}${path}`, {
    method: 'POST',
    headers,
    body: json,
    signal: AbortSignal.timeout(3000),
  });
  if (!res.ok) throw new Error(`OpenSearch _search: ${res.status} ${await res.text().catch(() => '')}`);
  const out = (await res.json()) as { hits?: { hits?: Hit[] } };
  return out.hits?.hits ?? [];
};

/** One page: the hits' ids, their items read from the table in the hits' order. */
const page = async <T>(
  deps: Deps,
  s: OpenSearchQuery,
  cursor: string | undefined,
  keyOf: (id: string) => { pk: string; sk: string },
  map: (i: Record<string, unknown>) => T,
): Promise<Page<T>> => {
  const q = queryKey(s.kind, s.text, {
    ...s.terms,
    day: s.day?.join('/'),
    extra: JSON.stringify(s.extra ?? []),
  });
  const after = cursor ? decodeCursor(cursor, q) : undefined;
  const hits = await runSearch(deps, openSearchBody({ ...s, ...(after ? { after } : {}) }));
  const found = await batchGetAll(
    deps,
    hits.map((h) => keyOf(h._id)),
  );
  const byId = new Map(found.map((i) => [String(i.id), i]));
  const items = hits.flatMap((h) => {
    const i = byId.get(h._id);
    return i ? [map(i)] : [];
  });
  const last = hits.at(-1);
  return { items, nextCursor: hits.length === s.limit && last ? encodeCursor(last.sort, q) : null };
};

/** The reports query of GET /reports?q=… (exported for its unit test). */
export const reportsQuery = (deps: Pick<Deps, 'config'>, q: ReportListQuery & { q: string }, now: Date) =>
  ({
    kind: 'report',
    text: q.q,
    fields: ['title', 'summary'],
    terms: { status: q.status, category: q.category, area: q.area, urgency: q.urgency },
    ...(q.date ? { day: daySortRange(q.date, deps.config.timeZone).between } : {}),
    limit: q.limit,
    now,
  }) satisfies OpenSearchQuery;

/** The cases query of GET /cases?q=… (exported for its unit test). */
export const casesQuery = (q: CaseListQuery & { q: string }, now: Date): OpenSearchQuery => {
  const nowIso = now.toISOString();
  const overdue: Clause = {
    bool: { filter: [{ term: { status: 'verifying' } }, { range: { dueAt: { lt: nowIso } } }] },
  };
  return {
    kind: 'case',
    text: q.q,
    fields: ['title', 'summary', 'finding', 'response'],
    terms: {
      status: q.status,
      agencyId: q.agency,
      category: q.category,
      area: q.area,
      tagKeys: q.tag === undefined ? undefined : tagKey(q.tag),
    },
    extra:
      q.overdue === undefined ? [] : q.overdue === 'true' ? [overdue] : [{ bool: { must_not: [overdue] } }],
    limit: q.limit,
    now,
  };
};

export const searchReportsOpenSearch = (
  deps: Deps,
  q: ReportListQuery & { q: string },
  now: Date,
): Promise<Page<Report>> => page(deps, reportsQuery(deps, q, now), q.cursor, reportKey, fromItem);

export const searchCasesOpenSearch = (
  deps: Deps,
  q: CaseListQuery & { q: string },
  now: Date,
): Promise<Page<Case>> => page(deps, casesQuery(q, now), q.cursor, (id) => caseKey(id), caseFromItem);
