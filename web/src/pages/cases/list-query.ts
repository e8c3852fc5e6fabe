// The case list's filters (in the URL, like the inbox's), the API query they
// make, and the orders the list is shown in. "Due soon" is not an API filter:
// it is the cases being verified whose deadline falls in the next 48 hours
// (docs/cases.md), picked here from the `verifying` cases.
import type { paths } from '../../api/client';
import { parseSearch } from '../search-query';

type CaseQuery = NonNullable<paths['/cases']['get']['parameters']['query']>;
export type CaseItem = NonNullable<
  paths['/cases']['get']['responses'][200]['content']['application/json']['items']
>[number];
export type CaseStatus = CaseItem['status'];

export interface CaseFilters {
  status?: CaseStatus;
  agency?: string;
  overdue?: true;
  dueSoon?: true;
  category?: string;
  area?: string;
  /** A tag, matched by the API without regard to case or marks. */
  tag?: string;
  /** Words to search for (desk only; issue 18, §5). */
  q?: string;
}

export const CASE_STATUSES = ['open', 'verifying', 'responded', 'closed'] as const;
const KEYS = ['status', 'agency', 'overdue', 'dueSoon', 'category', 'area', 'tag', 'q'] as const;
/** What the API takes as a tag: 1–40 characters once trimmed, no control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const TAG = /^[^\u0000-\u001F\u007F-\u009F]{1,40}$/u;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const DUE_SOON_MS = 48 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

export interface KnownIds {
  categories?: readonly string[];
  areas?: readonly string[];
  agencies?: readonly string[];
}

const idIn = (value: string | undefined, known: readonly string[] | undefined): string | undefined => {
  if (value === undefined || !ID.test(value)) return undefined;
  return known && !known.includes(value) ? undefined : value;
};

export const parseCaseQuery = (
  query: Record<string, string | undefined>,
  known: KnownIds = {},
): CaseFilters => {
  const f: CaseFilters = {};
  const status = CASE_STATUSES.find((s) => s === query.status);
  if (status) f.status = status;
  const agency = idIn(query.agency, known.agencies);
  if (agency) f.agency = agency;
  // Overdue and due soon exclude each other: overdue wins.
  if (query.overdue === 'true') f.overdue = true;
  else if (query.dueSoon === 'true') f.dueSoon = true;
  const category = idIn(query.category, known.categories);
  if (category) f.category = category;
  const area = idIn(query.area, known.areas);
  if (area) f.area = area;
  const tag = query.tag?.replace(/\s+/g, ' ').trim();
  if (tag && TAG.test(tag)) f.tag = tag;
  const q = parseSearch(query.q);
  if (q) f.q = q;
  return f;
};

export const caseSearch = (f: CaseFilters): string => {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = f[key];
    if (value) params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
};

/** Filters with one changed: '' or false removes it. */
export const withCaseFilter = (
  f: CaseFilters,
  key: keyof CaseFilters,
  value: string | boolean,
): CaseFilters => {
  const next: Record<string, string> = {};
  for (const k of KEYS) if (f[k]) next[k] = String(f[k]);
  if (value === false || value === '') delete next[key];
  else next[key] = String(value);
  if (key === 'dueSoon' && value === true) delete next.overdue;
  if (key === 'overdue' && value === true) delete next.dueSoon;
  return parseCaseQuery(next);
};

export const hasCaseFilters = (f: CaseFilters): boolean => KEYS.some((k) => f[k] !== undefined);

/** `GET /cases` query for the filters (due soon asks for the `verifying` cases). */
export const casesApiQuery = (f: CaseFilters, cursor?: string, limit = 25): CaseQuery => {
  const q: Record<string, string | number> = { limit };
  if (f.status) q.status = f.status;
  if (f.dueSoon) q.status = 'verifying';
  if (f.agency) q.agency = f.agency;
  if (f.overdue) q.overdue = 'true';
  if (f.category) q.category = f.category;
  if (f.area) q.area = f.area;
  if (f.tag) q.tag = f.tag;
  if (f.q) q.q = f.q;
  if (cursor) q.cursor = cursor;
  return q as CaseQuery;
};

/**
 * Whether the list is read whole (up to a cap) and ordered here rather than
 * paged in the API's order: the agency's list (due soonest first) and "due soon".
 */
export const readsWhole = (f: CaseFilters, role: string): boolean => role === 'agency' || f.dueSoon === true;

const time = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

export const isDueSoon = (c: Pick<CaseItem, 'status' | 'dueAt'>, now: number): boolean => {
  const due = time(c.dueAt);
  return c.status === 'verifying' && due >= now && due - now <= DUE_SOON_MS;
};

/** Whole days since the deadline (elapsed time, docs/cases.md): 23.9 hours is 0. */
export const daysOverdue = (dueAt: string, now: number): number =>
  Math.max(0, Math.floor((now - Date.parse(dueAt)) / DAY_MS));

const RANK: Record<CaseStatus, number> = { verifying: 0, open: 1, responded: 2, closed: 3 };

/**
 * Due soonest first: the cases waiting for an answer by deadline (overdue ones
 * first, as their deadline is earliest), then those still open, answered and
 * closed, the most recently changed first. Stable for equal keys (by id).
 */
export const byDue = (a: CaseItem, b: CaseItem): number => {
  const ra = RANK[a.status];
  const rb = RANK[b.status];
  if (ra !== rb) return ra - rb;
  const da = time(a.dueAt);
  const db = time(b.dueAt);
  if (a.status === 'verifying' && da !== db) {
    if (Number.isNaN(da)) return 1;
    if (Number.isNaN(db)) return -1;
    return da - db;
  }
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** What a whole-read list shows: due soon picks and sorts; the agency's list sorts. */
export const arrange = (items: readonly CaseItem[], f: CaseFilters, now: number): CaseItem[] => {
  const picked = f.dueSoon ? items.filter((c) => isDueSoon(c, now)) : [...items];
  return picked.sort(byDue);
};
