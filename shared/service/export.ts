// The desk's CSV export (docs/api.md "CSV export"): one part of a list as CSV,
// read a page at a time through the list's own use case (browseReports,
// browseCases), so each filter the list has, or gains, applies here alike.
// A part holds at most the config's rows and stays under API Gateway's 6 MB;
// its `nextCursor` (the list's cursor) asks for the next part.
import type { Locale } from '#config/schema';
import { BOM, csvRow } from '#domain/csv';
import { Forbidden } from '#domain/errors';
import {
  CASE_COLUMNS,
  caseExportQuerySchema,
  cellsOf,
  exportFilename,
  exportLocale,
  headerOf,
  MAX_PART_BYTES,
  MAX_PART_MS,
  nextPageSize,
  REPORT_COLUMNS,
  reportExportQuerySchema,
} from '#domain/export';
import type { Principal } from '#domain/principal';
import type { Report } from '#domain/report';
import { validate } from '#domain/validate';
import type { Deps } from '#shared/deps';
import type { CaseView } from './cases';
import { browseCases } from './cases';
import { browseReports } from './reports';

export type ExportKind = 'reports' | 'cases';

export interface ExportPart {
  /** The part's CSV: BOM and header row on the first part only (a part after a cursor continues a file). */
  text: string;
  rows: number;
  /** The list cursor of the next part; null on the last. */
  nextCursor: string | null;
  filename: string;
  locale: Locale;
  /** List pages read for this part (each one the list's store calls). */
  pagesRead: number;
}

export interface ExportOptions {
  /** Bytes a part stays under (MAX_PART_BYTES; tests give less). */
  maxBytes?: number;
  /** Milliseconds after which a part reads no further page (MAX_PART_MS; tests give less). */
  maxMs?: number;
}

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * The chunks of one part: the header (first part only), then one chunk per
 * list page, each page read only when the previous chunk was taken. Returns
 * the cursor to continue from. Only one page's rows are held at a time.
 */
async function* partChunks<T>(
  deps: Deps,
  kind: ExportKind,
  read: (limit: number, cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  rowCells: (row: T) => Parameters<typeof csvRow>[0],
  header: string | null,
  start: string | undefined,
  limits: { maxBytes: number; maxMs: number },
  counters: { rows: number; pages: number },
): AsyncGenerator<string, string | null> {
  const started = performance.now();
  let bytes = 0;
  if (header !== null) {
    bytes += utf8Bytes(header);
    yield header;
  }
  let cursor = start;
  for (;;) {
    const limit = nextPageSize(
      kind,
      deps.config.export.maxRowsPerPart - counters.rows,
      bytes,
      limits.maxBytes,
    );
    // The part is full (its rows, no room left for a page of the longest rows, or its time): continue where it stopped.
    // At least one page is read, so every part moves on.
    const late = counters.pages > 0 && performance.now() - started > limits.maxMs;
    if (limit < 1 || late) return cursor ?? null;
    const page = await read(limit, cursor);
    counters.pages++;
    counters.rows += page.items.length;
    const chunk = page.items.map((row) => csvRow(rowCells(row))).join('');
    bytes += utf8Bytes(chunk);
    if (chunk) yield chunk;
    if (page.nextCursor === null) return null;
    cursor = page.nextCursor;
  }
}

const deskOnly = (principal: Principal) => {
  if (!principal.roles.includes('desk')) throw new Forbidden('Only the desk exports lists.');
};

type ListRead<T> = (
  limit: number,
  cursor: string | undefined,
) => Promise<{ items: T[]; nextCursor: string | null }>;

/** One part of a list as CSV: its columns in `locale`, read through `read` from `cursor` on. */
const exportPart = <T>(
  deps: Deps,
  kind: ExportKind,
  columns: Parameters<typeof headerOf<T>>[0],
  locale: Locale,
  cursor: string | undefined,
  read: ListRead<T>,
  options: ExportOptions,
): Promise<ExportPart> => {
  const ctx = { config: deps.config, locale };
  const counters = { rows: 0, pages: 0 };
  return collect(
    deps,
    kind,
    locale,
    counters,
    partChunks<T>(
      deps,
      kind,
      read,
      (row) => cellsOf(columns, row, ctx),
      cursor ? null : BOM + csvRow(headerOf(columns, locale)),
      cursor,
      { maxBytes: options.maxBytes ?? MAX_PART_BYTES, maxMs: options.maxMs ?? MAX_PART_MS },
      counters,
    ),
  );
};

const from = (cursor: string | undefined) => (cursor ? { cursor } : {});

/** One part of the reports list as CSV; `query` is the list's filters plus `cursor` and `lang`. */
export const exportReports = async (
  deps: Deps,
  principal: Principal,
  query: unknown,
  acceptLanguage: string | undefined,
  options: ExportOptions = {},
): Promise<ExportPart> => {
  deskOnly(principal);
  const { lang, cursor, ...filters } = validate(reportExportQuerySchema(deps.config), query, 'query');
  const locale = exportLocale(lang, acceptLanguage, deps.config.defaultLocale);
  const read: ListRead<Report> = async (limit, at) =>
    (await browseReports(deps, principal, { ...filters, limit, ...from(at) })) as {
      items: Report[];
      nextCursor: string | null;
    };
  return exportPart(deps, 'reports', REPORT_COLUMNS, locale, cursor, read, options);
};

/** One part of the cases list as CSV; `query` is the list's filters plus `cursor` and `lang`. */
export const exportCases = async (
  deps: Deps,
  principal: Principal,
  query: unknown,
  acceptLanguage: string | undefined,
  options: ExportOptions = {},
): Promise<ExportPart> => {
  deskOnly(principal);
  const { lang, cursor, ...filters } = validate(caseExportQuerySchema(deps.config), query, 'query');
  const locale = exportLocale(lang, acceptLanguage, deps.config.defaultLocale);
  const read: ListRead<CaseView> = (limit, at) =>
    browseCases(deps, principal, { ...filters, limit, ...from(at) });
  return exportPart(deps, 'cases', CASE_COLUMNS, locale, cursor, read, options);
};

/**
 * API Gateway's HTTP API buffers a Lambda's answer and sends it with its
 * headers, and the next part's cursor is only known once the part's last
 * page is read: so a part is gathered here (bounded: maxRowsPerPart rows,
 * under MAX_PART_BYTES), then answered whole on both targets.
 */
const collect = async (
  deps: Deps,
  kind: ExportKind,
  locale: Locale,
  counters: { rows: number; pages: number },
  chunks: AsyncGenerator<string, string | null>,
): Promise<ExportPart> => {
  const texts: string[] = [];
  for (;;) {
    const next = await chunks.next();
    if (next.done)
      return {
        text: texts.join(''),
        rows: counters.rows,
        nextCursor: next.value,
        filename: exportFilename(kind, deps.clock(), deps.config.timeZone),
        locale,
        pagesRead: counters.pages,
      };
    texts.push(next.value);
  }
};
