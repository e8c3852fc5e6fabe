// Search by words (issue 18, §5), the DynamoDB way: an inverted index in the
// table. Each report and case writes one small posting item per distinct
// folded term of its text (domain/search.ts), `TERM#<term>` / `<kind>#<time>#<id>`,
// with a TTL of the search window and a margin. A search reads the first page
// of each term's postings (newest first, in parallel), walks the rarest term's
// postings, keeps the candidates every other term has a posting for (one
// BatchGetItem of those posting keys), reads the candidates' items and checks
// them against their own text and the list's other filters, until the page
// is full. No Scan, no index. See README.md here ("Search").
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Case, CaseListQuery } from '#domain/case';
import { BadRequest } from '#domain/errors';
import type { Report, ReportListQuery } from '#domain/report';
import {
  caseSearchParts,
  documentTerms,
  matchesAll,
  queryTerms,
  reportSearchParts,
  SEARCH_WINDOW_DAYS,
} from '#domain/search';
import { tagKey } from '#domain/tags';
import { addDays, epochSeconds } from '#domain/time';
import type { Deps } from '#shared/deps';
import { batchWriteAll, deleteRequests, putRequests } from './batch-write';
import { caseFromItem, caseKey } from './cases';
import { batchGetAll, type Page } from './query';
import { daySortRange, fromItem, reportKey } from './reports';
import { searchCasesOpenSearch, searchReportsOpenSearch } from './search-opensearch';

export type SearchKind = 'R' | 'C';

/** TTL is lazy, and a posting must outlive the window it is searched in: this margin. */
export const POSTING_MARGIN_DAYS = 2;
/** Postings read per Query of the driving term (each ~60 bytes: a page is a few read units). */
export const POSTINGS_PAGE = 100;
/** Pages of the driving term one request walks at most; a short page then carries a cursor. */
export const MAX_SEARCH_ROUNDS = 20;

const termPartition = (term: string) => `TERM#${term}`;
const postingSk = (kind: SearchKind, at: string, id: string) => `${kind}#${at}#${id}`;

/** The keys of a document's postings (deleted with a report whose Idempotency-Key was taken). */
export const postingKeys = (kind: SearchKind, doc: { id: string; at: string }, terms: string[]) =>
  terms.map((t) => ({ pk: termPartition(t), sk: postingSk(kind, doc.at, doc.id) }));

export const postingItems = (
  kind: SearchKind,
  doc: { id: string; at: string },
  terms: string[],
): Record<string, unknown>[] => {
  const expiresAt = epochSeconds(addDays(new Date(doc.at), SEARCH_WINDOW_DAYS + POSTING_MARGIN_DAYS));
  return postingKeys(kind, doc, terms).map((k) => ({ ...k, entity: 'search-posting', expiresAt }));
};

/**
 * A document's postings, in BatchWriteItem calls of 25 (in parallel), written
 * before the document itself: a posting whose document never commits, or no
 * longer has the word, is dropped when results are checked against the text.
 * Each key is this document's own: nothing races, no condition is needed.
 */
export const putPostings = async (
  deps: Deps,
  kind: SearchKind,
  doc: { id: string; at: string },
  terms: string[],
): Promise<void> => {
  // With OpenSearch the pipeline indexes the items themselves: no postings.
  if (!indexedByTable(deps)) return;
  if (terms.length > 0) await batchWriteAll(deps, putRequests(postingItems(kind, doc, terms)));
};

/** Whether this stage searches with the table's postings (else OpenSearch, search-opensearch.ts). */
export const indexedByTable = (deps: Pick<Deps, 'config'>): boolean => deps.config.search.engine === 'table';

/** A report's terms and the instant its postings sort by. */
export const reportPostings = (r: Pick<Report, 'id' | 'submittedAt' | 'title' | 'summary'>) => ({
  doc: { id: r.id, at: r.submittedAt },
  terms: documentTerms(reportSearchParts(r)),
});

/** A case's terms (title, summary, finding, response) and the instant its postings sort by. */
export const casePostings = (
  c: Pick<Case, 'id' | 'openedAt' | 'title' | 'summary' | 'finding' | 'response'>,
) => ({
  doc: { id: c.id, at: c.openedAt },
  terms: documentTerms(caseSearchParts(c)),
});

/** A new case's postings (title and summary), before the case. */
export const putCasePostings = async (
  deps: Deps,
  c: Pick<Case, 'id' | 'openedAt' | 'title' | 'summary' | 'finding' | 'response'>,
): Promise<void> => {
  const { doc, terms } = casePostings(c);
  await putPostings(deps, 'C', doc, terms);
};

/**
 * A new case's postings again removed, when the case was refused (a report not
 * new): its id is fresh, so the keys are nobody else's. Nothing of a refused
 * request stays stored.
 */
export const deleteCasePostings = async (
  deps: Deps,
  c: Pick<Case, 'id' | 'openedAt' | 'title' | 'summary' | 'finding' | 'response'>,
): Promise<void> => {
  const { doc, terms } = casePostings(c);
  if (indexedByTable(deps) && terms.length > 0)
    await batchWriteAll(deps, deleteRequests(postingKeys('C', doc, terms)));
};

/**
 * The postings a case's response adds: the terms of its finding and response
 * that its title and summary did not already have (those were written when
 * it was opened).
 */
export const putResponsePostings = async (
  deps: Deps,
  c: Pick<Case, 'id' | 'openedAt' | 'title' | 'summary' | 'finding' | 'response'>,
): Promise<void> => {
  const had = new Set(documentTerms([c.title, c.summary]));
  const { doc, terms } = casePostings(c);
  await putPostings(
    deps,
    'C',
    doc,
    terms.filter((t) => !had.has(t)),
  );
};

// The cursor: the driving term and the last posting examined, bound to the query.

interface SearchCursor {
  t: string;
  k: string;
  q: string;
}

const digest = (binding: Record<string, string | undefined>): string =>
  Buffer.from(
    JSON.stringify(
      Object.entries(binding)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
  ).toString('base64url');

const invalidCursor = () =>
  new BadRequest('The cursor is not valid for this query.', [{ path: '/cursor', message: 'invalid cursor' }]);

const encodeSearchCursor = (c: SearchCursor): string =>
  Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

/** The driving term and start posting a cursor carries, if this query could have issued it; else a 400. */
const decodeSearchCursor = (
  cursor: string,
  scope: { terms: string[]; kind: SearchKind; range: readonly [string, string]; q: string },
): SearchCursor => {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.toString('base64url') !== cursor) throw invalidCursor();
  let c: unknown;
  try {
    c = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalidCursor();
  }
  if (typeof c !== 'object' || c === null || Array.isArray(c)) throw invalidCursor();
  const { t, k, q, ...rest } = c as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof t !== 'string' || typeof k !== 'string' || typeof q !== 'string')
    throw invalidCursor();
  if (q !== scope.q || !scope.terms.includes(t)) throw invalidCursor();
  // A posting's sort key of this kind, inside the query's range.
  if (!/^[RC]#[0-9T:.Z-]{20,30}#[0-9A-Za-z]{1,64}$/.test(k) || !k.startsWith(`${scope.kind}#`))
    throw invalidCursor();
  if (k < scope.range[0] || k > scope.range[1]) throw invalidCursor();
  return { t, k, q };
};

interface PostingPage {
  sks: string[];
  /** Whether the term has postings beyond this page (in the range). */
  more: boolean;
}

const readPostings = async (
  deps: Deps,
  term: string,
  range: readonly [string, string],
  after?: string,
): Promise<PostingPage> => {
  const out = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': termPartition(term), ':from': range[0], ':to': range[1] },
      ProjectionExpression: 'sk',
      ScanIndexForward: false,
      Limit: POSTINGS_PAGE,
      ...(after ? { ExclusiveStartKey: { pk: termPartition(term), sk: after } } : {}),
    }),
  );
  return { sks: (out.Items ?? []).map((i) => String(i.sk)), more: out.LastEvaluatedKey !== undefined };
};

/**
 * The rarest term of the query, by its first page: a page that ended holds
 * all its postings (fewest wins); otherwise the page reaching furthest back
 * in time is the sparsest.
 */
const pickDriver = (pages: Map<string, PostingPage>): string => {
  let best: [string, PostingPage] | undefined;
  const rank = (p: PostingPage): [number, string] => [
    p.more ? 1 : 0,
    p.more ? p.sks.at(-1)! : String(p.sks.length).padStart(6, '0'),
  ];
  for (const entry of pages) {
    if (!best) {
      best = entry;
      continue;
    }
    const [a0, a1] = rank(entry[1]);
    const [b0, b1] = rank(best[1]);
    if (a0 < b0 || (a0 === b0 && a1 < b1)) best = entry;
  }
  return best![0];
};

/** The candidates (sort keys) that every other term also has a posting for. */
const withOtherTerms = async (deps: Deps, sks: string[], others: string[]): Promise<string[]> => {
  if (others.length === 0 || sks.length === 0) return sks;
  // One BatchGetItem per other term (≤ 100 keys each), in parallel.
  const found = (
    await Promise.all(
      others.map((t) =>
        batchGetAll(
          deps,
          sks.map((sk) => ({ pk: termPartition(t), sk })),
          { projection: 'pk, sk' },
        ),
      ),
    )
  ).flat();
  const count = new Map<string, number>();
  for (const i of found) count.set(String(i.sk), (count.get(String(i.sk)) ?? 0) + 1);
  return sks.filter((sk) => count.get(sk) === others.length);
};

const idOfSk = (sk: string) => sk.slice(sk.lastIndexOf('#') + 1);

export interface SearchInput {
  kind: SearchKind;
  /** The query's terms (domain queryTerms). */
  terms: string[];
  /** Posting sort keys searched, inclusive. */
  range: readonly [string, string];
  limit: number;
  cursor?: string;
  /** The query's other parameters: a cursor is accepted only by the same query. */
  binding: Record<string, string | undefined>;
  /** The item key of a document id. */
  keyOf: (id: string) => { pk: string; sk: string };
  /** Whether a stored item is a result: its text has every term, and it passes the other filters. */
  accept: (item: Record<string, unknown>) => boolean;
}

/** One page of results, newest first, and a cursor when there may be more. */
export const searchPage = async (deps: Deps, s: SearchInput): Promise<Page<Record<string, unknown>>> => {
  const q = digest({ ...s.binding, terms: s.terms.join(' '), kind: s.kind });
  let driver: string;
  let after: string | undefined;
  let first: PostingPage | undefined;
  if (s.cursor) {
    const c = decodeSearchCursor(s.cursor, { terms: s.terms, kind: s.kind, range: s.range, q });
    driver = c.t;
    after = c.k;
  } else {
    const pages = new Map(
      await Promise.all(s.terms.map(async (t) => [t, await readPostings(deps, t, s.range)] as const)),
    );
    // A term with no posting at all: nothing has every term.
    if ([...pages.values()].some((p) => p.sks.length === 0)) return { items: [], nextCursor: null };
    driver = pickDriver(pages);
    first = pages.get(driver);
  }
  const others = s.terms.filter((t) => t !== driver);
  const items: Record<string, unknown>[] = [];
  for (let round = 0; round < MAX_SEARCH_ROUNDS; round++) {
    const page = first ?? (await readPostings(deps, driver, s.range, after));
    first = undefined;
    const candidates = await withOtherTerms(deps, page.sks, others);
    const found = await batchGetAll(
      deps,
      candidates.map((sk) => s.keyOf(idOfSk(sk))),
    );
    const byId = new Map(found.map((i) => [String(i.id), i]));
    const kept = new Set(candidates);
    for (const sk of page.sks) {
      after = sk;
      if (!kept.has(sk)) continue;
      const item = byId.get(idOfSk(sk));
      if (!item || !s.accept(item)) continue;
      items.push(item);
      if (items.length >= s.limit) {
        const last = sk === page.sks.at(-1) && !page.more;
        return { items, nextCursor: last ? null : encodeSearchCursor({ t: driver, k: sk, q }) };
      }
    }
    if (!page.more || page.sks.length === 0) return { items, nextCursor: null };
  }
  return { items, nextCursor: after ? encodeSearchCursor({ t: driver, k: after, q }) : null };
};

/** The posting sort keys of the window, `[now − 12 months, now]`, of one kind; narrowed to a day if asked. */
const windowRange = (kind: SearchKind, now: Date, day?: readonly [string, string]): [string, string] => {
  const from = addDays(now, -SEARCH_WINDOW_DAYS).toISOString();
  // `~` sorts after every `#<id>` and after any instant: reports stamped a little ahead are kept.
  const lo = day && day[0] > from ? day[0] : from;
  // A day is `[start, end)`: `<end>#<id>` sorts after `<end>`, so BETWEEN keeps exactly the day.
  const hi = day ? day[1] : '~';
  return [`${kind}#${lo}`, `${kind}#${hi}`];
};

/** GET /reports?q=…: the desk's search, with the list's other filters on top. */
export const searchReports = async (
  deps: Deps,
  q: ReportListQuery & { q: string },
  now: Date,
): Promise<Page<Report>> => {
  if (!indexedByTable(deps)) return searchReportsOpenSearch(deps, q, now);
  const terms = queryTerms(q.q);
  const day = q.date ? daySortRange(q.date, deps.config.timeZone).between : undefined;
  const page = await searchPage(deps, {
    kind: 'R',
    terms,
    range: windowRange('R', now, day),
    limit: q.limit,
    cursor: q.cursor,
    binding: { date: q.date, status: q.status, category: q.category, area: q.area, urgency: q.urgency },
    keyOf: reportKey,
    accept: (i) =>
      i.entity === 'report' &&
      (!q.status || i.status === q.status) &&
      (!q.category || i.category === q.category) &&
      (!q.area || i.area === q.area) &&
      (!q.urgency || i.urgency === q.urgency) &&
      matchesAll(reportSearchParts(i as unknown as Report), terms),
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};

/** GET /cases?q=…: the desk's search, with the list's other filters on top. */
export const searchCases = async (
  deps: Deps,
  q: CaseListQuery & { q: string },
  now: Date,
): Promise<Page<Case>> => {
  if (!indexedByTable(deps)) return searchCasesOpenSearch(deps, q, now);
  const terms = queryTerms(q.q);
  const nowIso = now.toISOString();
  const isOverdue = (i: Record<string, unknown>) =>
    i.status === 'verifying' && typeof i.dueAt === 'string' && i.dueAt < nowIso;
  const page = await searchPage(deps, {
    kind: 'C',
    terms,
    range: windowRange('C', now),
    limit: q.limit,
    cursor: q.cursor,
    binding: {
      agency: q.agency,
      overdue: q.overdue,
      status: q.status,
      category: q.category,
      area: q.area,
      tag: q.tag,
    },
    keyOf: (id) => caseKey(id),
    accept: (i) =>
      i.entity === 'case' &&
      (!q.status || i.status === q.status) &&
      (!q.agency || i.agencyId === q.agency) &&
      (q.overdue === undefined || isOverdue(i) === (q.overdue === 'true')) &&
      (!q.category || i.category === q.category) &&
      (!q.area || i.area === q.area) &&
      (!q.tag || (Array.isArray(i.tagKeys) && i.tagKeys.includes(tagKey(q.tag)))) &&
      matchesAll(caseSearchParts(i as unknown as Case), terms),
  });
  return { items: page.items.map(caseFromItem), nextCursor: page.nextCursor };
};
