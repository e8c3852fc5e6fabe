// Search by words (issue 18, §5): pure functions, no I/O. A document (a
// report's title and summary; a case's title, summary, finding and response)
// and a query are cut the same way: the words similarity reads
// (similarity.ts: links dropped, English stop words dropped, collaborators'
// abbreviations expanded), Vietnamese function words dropped, then folded
// (marks removed, đ → d), so `tặng`, `tang` and `TĂNG` are one term. The store
// (shared/store/search.ts) keeps one posting item per term of a document;
// results are always checked against the document's own text with
// `matchesAll`, so a stale or capped posting never shows a wrong result.
import type * as z from 'zod';
import { Forbidden } from './errors';
import type { Principal } from './principal';
import { foldMarks, textWords } from './similarity';
import { oneLineText } from './text';

/**
 * How many distinct terms of one document get a posting (title first, then the
 * rest in reading order). A 5,000-character summary has ~400 distinct
 * syllables; 100 keep the write cost of a long report at 100 small writes and
 * still cover the title and the first paragraph or two of any report.
 */
export const MAX_TERMS_PER_DOCUMENT = 100;
/** A query uses at most this many distinct terms (the rest are ignored, and the answer says which). */
export const MAX_QUERY_TERMS = 8;
/** Longer "words" (a hash, a run of digits) are not indexed: nobody types them. */
export const MAX_TERM_LENGTH = 40;
/** The longest query, in characters. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Vietnamese function words, marked (a word typed without marks is not one of
 * these: `va` may be `vá`). They are in almost every report, so their postings
 * would be the hottest partitions and would never narrow a search.
 */
const VI_STOP_WORDS = new Set(
  'và của là các những được cho với trong này đã một thì mà ở để tại về như có cũng rằng nên vì khi đang sẽ bị từ theo trên đến'.split(
    ' ',
  ),
);

/** The folded terms of a text, in reading order, each once. */
export const searchTerms = (text: string): string[] => {
  const out = new Set<string>();
  for (const w of textWords(text)) {
    if (VI_STOP_WORDS.has(w)) continue;
    const folded = foldMarks(w);
    if (folded.length === 0 || folded.length > MAX_TERM_LENGTH) continue;
    out.add(folded);
  }
  return [...out];
};

/** The terms a document gets postings for: its parts in order (title first), at most MAX_TERMS_PER_DOCUMENT. */
export const documentTerms = (parts: readonly (string | null | undefined)[]): string[] => {
  const out = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const t of searchTerms(part)) {
      if (out.size >= MAX_TERMS_PER_DOCUMENT) return [...out];
      out.add(t);
    }
  }
  return [...out];
};

/** The terms of a query: at most MAX_QUERY_TERMS, the first ones typed. */
export const queryTerms = (q: string): string[] => searchTerms(q).slice(0, MAX_QUERY_TERMS);

/** Whether a document's text (all of it, not only its indexed terms) has every term. */
export const matchesAll = (
  parts: readonly (string | null | undefined)[],
  terms: readonly string[],
): boolean => {
  const have = new Set(parts.flatMap((p) => (p ? searchTerms(p) : [])));
  return terms.every((t) => have.has(t));
};

/** What of a report is searched. */
export const reportSearchParts = (r: { title: string; summary: string }) => [r.title, r.summary];

/** What of a case is searched: its finding and response too, once the agency has answered. */
export const caseSearchParts = (c: {
  title: string;
  summary: string;
  finding?: string | null;
  response?: string | null;
}) => [c.title, c.summary, c.finding, c.response];

/** The `q` list parameter: one line, 1–200 characters, at least one word that is not a stop word. */
export const searchQuerySchema = oneLineText(1, MAX_QUERY_LENGTH).refine(
  (q) => queryTerms(q).length > 0,
  'has only stop words (và, của, the, of…): type a word to search for',
);

/** Search reads documents of this many days back, newest first. */
export const SEARCH_WINDOW_DAYS = 365;

/** The `q` parameter's OpenAPI description (zod → OpenAPI keeps it). */
export const searchQueryDescription =
  'Desk only. Words of the title, summary (and, for cases, finding and response) of reports or cases of the last 12 months, with or without Vietnamese marks; every word must occur. Combines with the other filters.';

export const describedSearchQuery = searchQuerySchema.meta({ description: searchQueryDescription });
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** `q` is the desk's: a reporter or an agency asking with it is refused (403), not silently unfiltered. */
export const assertMaySearch = (principal: Pick<Principal, 'roles'>): void => {
  if (!principal.roles.includes('desk'))
    throw new Forbidden('Searching by words (q) is for the desk only; list without q.');
};
