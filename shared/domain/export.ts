// The CSV export of the desk's lists (GET /reports.csv, GET /cases.csv;
// docs/api.md "CSV export"): the query (the list's own filters, so every
// filter the list gains comes along, plus `lang`), the language of the column
// names, the columns, and the size bounds of one part. Pure.
//
// Times are local, `YYYY-MM-DD HH:mm:ss` in the configured zone (Excel reads it
// as a date); none is UTC. Category, area and agency are their names in the
// export's language; statuses, outcomes and the other enumerations stay codes
// (stable, so a spreadsheet filter keeps working whatever the language).
// Nothing about who reported (SPEC §1): no reporter id, no address.
import { TZDate } from '@date-fns/tz';
import * as z from 'zod';
import type { AppConfig, Locale } from '#config/schema';
import type { Case } from './case';
import { caseListQuerySchema } from './case';
import type { CsvCell } from './csv';
import type { Report } from './report';
import { reportListQuerySchema } from './report';

export const EXPORT_LOCALES = ['vi', 'en'] as const;

const lang = z.enum(EXPORT_LOCALES).optional();

/** The list's query without its page size (a part reads its own pages), plus `lang`. */
export const reportExportQuerySchema = (config: AppConfig) =>
  reportListQuerySchema(config).omit({ limit: true }).extend({ lang });
export const caseExportQuerySchema = (config: AppConfig) =>
  caseListQuerySchema(config).omit({ limit: true }).extend({ lang });

/**
 * The column names' language: `lang=` if given, else the first of
 * Accept-Language's languages (by q) that is vi or en, else the config's default.
 */
export const exportLocale = (
  langParam: Locale | undefined,
  acceptLanguage: string | undefined,
  fallback: Locale,
): Locale => {
  if (langParam) return langParam;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.q > 0 && (EXPORT_LOCALES as readonly string[]).includes(l.base))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.base as Locale | undefined) ?? fallback;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-05 14:03:09` in `timeZone`; empty for none. */
export const localTime = (iso: string | null | undefined, timeZone: string): string | null => {
  if (!iso) return null;
  const d = new TZDate(new Date(iso).getTime(), timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

interface Column<T> {
  vi: string;
  en: string;
  cell: (row: T, ctx: { config: AppConfig; locale: Locale }) => CsvCell;
}

const nameOf = (list: readonly { id: string; name: Record<Locale, string> }[], id: string, locale: Locale) =>
  list.find((x) => x.id === id)?.name[locale] ?? id;
const agencyName = (config: AppConfig, id: string | null) =>
  id === null ? null : (config.agencies.find((a) => a.id === id)?.name ?? id);

export const REPORT_COLUMNS: readonly Column<Report>[] = [
  { vi: 'Mã', en: 'ID', cell: (r) => r.id },
  { vi: 'Thời điểm gửi', en: 'Submitted at', cell: (r, c) => localTime(r.submittedAt, c.config.timeZone) },
  { vi: 'Thời điểm ghi nhận', en: 'Observed at', cell: (r, c) => localTime(r.observedAt, c.config.timeZone) },
  { vi: 'Tiêu đề', en: 'Title', cell: (r) => r.title },
  { vi: 'Tóm tắt', en: 'Summary', cell: (r) => r.summary },
  { vi: 'Lĩnh vực', en: 'Category', cell: (r, c) => nameOf(c.config.categories, r.category, c.locale) },
  { vi: 'Địa bàn', en: 'Area', cell: (r, c) => nameOf(c.config.areas, r.area, c.locale) },
  { vi: 'Kênh', en: 'Channel', cell: (r) => r.channel },
  { vi: 'Sắc thái', en: 'Sentiment', cell: (r) => r.sentiment },
  { vi: 'Mức khẩn', en: 'Urgency', cell: (r) => r.urgency },
  { vi: 'Lượt tiếp cận', en: 'Reach', cell: (r) => r.reach ?? null },
  { vi: 'Nguồn', en: 'Source URLs', cell: (r) => r.sourceUrls.join('\n') },
  { vi: 'Trạng thái', en: 'Status', cell: (r) => r.status },
  { vi: 'Mã vụ việc', en: 'Case ID', cell: (r) => r.caseId },
  { vi: 'Lý do bỏ qua', en: 'Dismiss reason', cell: (r) => r.dismissReason ?? null },
  { vi: 'Nhóm tương tự', en: 'Similarity group', cell: (r) => r.similarityGroup ?? r.id },
  { vi: 'Cập nhật lúc', en: 'Updated at', cell: (r, c) => localTime(r.updatedAt, c.config.timeZone) },
];

export const CASE_COLUMNS: readonly Column<Case & { overdue: boolean }>[] = [
  { vi: 'Mã', en: 'ID', cell: (r) => r.id },
  { vi: 'Mở lúc', en: 'Opened at', cell: (r, c) => localTime(r.openedAt, c.config.timeZone) },
  { vi: 'Tiêu đề', en: 'Title', cell: (r) => r.title },
  { vi: 'Tóm tắt', en: 'Summary', cell: (r) => r.summary },
  { vi: 'Lĩnh vực', en: 'Category', cell: (r, c) => nameOf(c.config.categories, r.category, c.locale) },
  { vi: 'Địa bàn', en: 'Area', cell: (r, c) => nameOf(c.config.areas, r.area, c.locale) },
  { vi: 'Ưu tiên', en: 'Priority', cell: (r) => r.priority },
  { vi: 'Trạng thái', en: 'Status', cell: (r) => r.status },
  { vi: 'Cơ quan', en: 'Agency', cell: (r, c) => agencyName(c.config, r.agencyId) },
  { vi: 'Hạn trả lời', en: 'Due at', cell: (r, c) => localTime(r.dueAt, c.config.timeZone) },
  { vi: 'Quá hạn', en: 'Overdue', cell: (r) => (r.overdue ? 'true' : 'false') },
  { vi: 'Giao lúc', en: 'Assigned at', cell: (r, c) => localTime(r.assignedAt, c.config.timeZone) },
  { vi: 'Trả lời lúc', en: 'Responded at', cell: (r, c) => localTime(r.respondedAt, c.config.timeZone) },
  {
    vi: 'Thời gian trả lời (giờ)',
    en: 'Response time (hours)',
    cell: (r) => (r.responseSeconds === null ? null : Math.round(r.responseSeconds / 360) / 10),
  },
  { vi: 'Kết quả xác minh', en: 'Finding', cell: (r) => r.finding },
  { vi: 'Nội dung trả lời', en: 'Response', cell: (r) => r.response },
  { vi: 'Kết luận', en: 'Outcome', cell: (r) => r.outcome },
  { vi: 'Bằng chứng', en: 'Evidence URL', cell: (r) => r.evidenceUrl },
  { vi: 'Số phản ánh', en: 'Reports', cell: (r) => r.reportCount },
  { vi: 'Thẻ', en: 'Tags', cell: (r) => r.tags.join(', ') },
  { vi: 'Gộp vào vụ việc', en: 'Merged into', cell: (r) => r.mergedInto ?? null },
  { vi: 'Đóng lúc', en: 'Closed at', cell: (r, c) => localTime(r.closedAt, c.config.timeZone) },
  { vi: 'Cập nhật lúc', en: 'Updated at', cell: (r, c) => localTime(r.updatedAt, c.config.timeZone) },
];

export const headerOf = <T>(columns: readonly Column<T>[], locale: Locale): string[] =>
  columns.map((c) => c[locale]);
export const cellsOf = <T>(
  columns: readonly Column<T>[],
  row: T,
  ctx: { config: AppConfig; locale: Locale },
): CsvCell[] => columns.map((c) => c.cell(row, ctx));

/**
 * API Gateway's HTTP API answers at most 6 MB from Lambda: a part stops before
 * its text could pass this. The rows' limit is the config's; this one holds
 * whatever the rows say.
 */
export const MAX_PART_BYTES = 5_000_000;

/**
 * The most UTF-8 bytes one row can take, from the input limits: a part reads only as many rows as
 * surely fit in what is left of MAX_PART_BYTES. A character is at most 4
 * UTF-8 bytes, and a doubled quote is 2, so 4 bytes a character. A report: title 200, summary
 * 5000, 10 URLs of 2048, dismiss reason 1000; a case: title 200, summary 5000
 * (its reports'), finding 4000, response 8000, evidence URL 2048; plus ~1 KB of
 * short fields each.
 */
export const WORST_ROW_BYTES = {
  reports: (200 + 5000 + 10 * 2049 + 1000) * 4 + 1024,
  cases: (200 + 5000 + 4000 + 8000 + 2048) * 4 + 1024,
} as const;

/** The rows the next page may read: the part's rows left, at most 100, and no more than surely fit. */
export const nextPageSize = (
  kind: keyof typeof WORST_ROW_BYTES,
  rowsLeft: number,
  bytesUsed: number,
  maxBytes: number = MAX_PART_BYTES,
): number => Math.min(100, rowsLeft, Math.floor((maxBytes - bytesUsed) / WORST_ROW_BYTES[kind]));

/**
 * API Gateway waits at most 30 s for a Lambda: a part that has read for this
 * long reads no further page and ends with its cursor (a slow store gives
 * smaller parts, never a timeout).
 */
export const MAX_PART_MS = 15_000;

/** `reports-2026-12-06.csv`: the list and the local day it was exported. */
export const exportFilename = (kind: 'reports' | 'cases', now: Date, timeZone: string): string =>
  `${kind}-${localTime(now.toISOString(), timeZone)!.slice(0, 10)}.csv`;
