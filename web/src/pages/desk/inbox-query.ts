// The inbox's filters live in the URL (`/inbox?date=2026-12-04&urgency=critical`),
// so a reload or a shared link shows the same list. Parsing is forgiving: a value
// the API would refuse (a mistyped link) is dropped, never sent.
import type { paths } from '../../api/client';
import { parseSearch } from '../search-query';

export type ReportQuery = NonNullable<paths['/reports']['get']['parameters']['query']>;

export interface InboxFilters {
  /** A local day in the configured zone, "YYYY-MM-DD". */
  date?: string;
  status?: NonNullable<ReportQuery['status']>;
  urgency?: NonNullable<ReportQuery['urgency']>;
  /** Ids from `/reference`; checked against it when it is known. */
  category?: string;
  area?: string;
  /** Words to search for (desk only; issue 18, §5). */
  q?: string;
}

export const REPORT_STATUSES = ['new', 'linked', 'dismissed'] as const;
export const URGENCIES = ['critical', 'high', 'normal'] as const;
export const FILTER_KEYS = ['date', 'status', 'urgency', 'category', 'area', 'q'] as const;

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** Known ids, when `/reference` is loaded: anything else is dropped. */
export interface KnownIds {
  categories?: readonly string[];
  areas?: readonly string[];
}

const idIn = (value: string | undefined, known: readonly string[] | undefined): string | undefined => {
  if (value === undefined || !ID.test(value)) return undefined;
  return known && !known.includes(value) ? undefined : value;
};

/** The filters a URL query means (preact-iso's `query`, or URLSearchParams as a record). */
export const parseInboxQuery = (
  query: Record<string, string | undefined>,
  known: KnownIds = {},
): InboxFilters => {
  const f: InboxFilters = {};
  if (query.date && DAY.test(query.date)) f.date = query.date;
  const status = oneOf(REPORT_STATUSES, query.status);
  if (status) f.status = status;
  const urgency = oneOf(URGENCIES, query.urgency);
  if (urgency) f.urgency = urgency;
  const category = idIn(query.category, known.categories);
  if (category) f.category = category;
  const area = idIn(query.area, known.areas);
  if (area) f.area = area;
  const q = parseSearch(query.q);
  if (q) f.q = q;
  return f;
};

/** The URL query string for filters ("" when none), keys in a fixed order so equal filters give equal URLs. */
export const inboxSearch = (f: InboxFilters): string => {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = f[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
};

/** Filters with one changed (an empty value removes it). */
export const withFilter = (f: InboxFilters, key: keyof InboxFilters, value: string): InboxFilters => {
  const next: Record<string, string> = { ...f } as Record<string, string>;
  if (value) next[key] = value;
  else delete next[key];
  return parseInboxQuery(next);
};

/** The query for `GET /reports` (the API's own parameter names), one page. */
export const reportsApiQuery = (f: InboxFilters, cursor?: string, limit = 25): ReportQuery => {
  const q: Record<string, string | number> = { limit };
  for (const key of FILTER_KEYS) {
    const value = f[key];
    if (value) q[key] = value;
  }
  if (cursor) q.cursor = cursor;
  return q as ReportQuery;
};

export const hasFilters = (f: InboxFilters): boolean => FILTER_KEYS.some((k) => f[k] !== undefined);
