// The CSV export over HTTP (issue 18 part 6): a year of reports exported in
// parts of at most export.maxRowsPerPart rows that join, by their Link
// headers, to exactly the list's rows; every filter as the JSON list has it;
// Excel-safe text (BOM, CRLF, quoting, formulas neutralised, Vietnamese
// intact); column names in vi or en; problems before any CSV; and the pages
// one part reads counted at the store client.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_COLUMNS, REPORT_COLUMNS, WORST_ROW_BYTES } from '#domain/export';
import { loadAppConfig } from '#infra/config/index';
import { exportReports } from '#service/export';
import type { Deps } from '#shared/deps';
import { parseCsv } from '#test/support/csv';
import { A_DESK, A_REPORTER, anAssignedCase, anOpenCase, aSubmittedReport } from '#test/support/given';
import { startTestApi, type TestApi } from '#test/support/local-api';

const PART = 100;
const NOW = new Date('2026-12-05T03:00:00.000Z');
const MONTHS = 12;
const PER_MONTH = 18;

let api: TestApi;
let token: string;

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

/** Follows the parts from `path`: their bytes, each part's rows, and the responses' headers. */
const exportAll = async (path: string, headers: Record<string, string> = {}) => {
  const bodies: Buffer[] = [];
  const partRows: number[] = [];
  let next: string | null = path;
  let first: Response | undefined;
  while (next) {
    const res = await get(next, headers);
    expect(res.status, await res.clone().text()).toBe(200);
    first ??= res;
    bodies.push(Buffer.from(await res.arrayBuffer()));
    partRows.push(Number(res.headers.get('x-export-rows')));
    const link = res.headers.get('link');
    next = link ? (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null) : null;
    if (link) expect(next, link).not.toBeNull();
    expect(bodies.length, 'parts').toBeLessThan(50);
  }
  const bytes = Buffer.concat(bodies);
  return { bytes, text: bytes.toString('utf8'), partRows, first: first! };
};

/** Every id the JSON list gives for `query`, page by page. */
const listIds = async (path: string, query: string): Promise<string[]> => {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const q: string = `${query}${query ? '&' : ''}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await get(`${path}?${q}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
};

const body = (text: string) => text.replace(/^\uFEFF/, '');
const idsOf = (text: string) =>
  parseCsv(body(text))
    .slice(1)
    .map((r) => r[0]);

const TRICKY = {
  title: '=HYPERLINK("http://evil.example","Bấm vào đây")',
  summary: 'Người dân nói: "nước, điện, đường"\nđều hỏng; -5 độ; @mọi người',
};

describe('CSV export of the lists', () => {
  beforeAll(async () => {
    const config = loadAppConfig('dev');
    api = await startTestApi({
      clock: () => NOW,
      deps: { config: { ...config, export: { maxRowsPerPart: PART } } },
    });
    token = await api.token('desk', { user: 'desk-export' });
    // A year of reports, a few a month, across categories and urgencies.
    for (let m = MONTHS - 1; m >= 0; m--) {
      const at = new Date(NOW.getTime() - m * 30 * 86_400_000 - 3_600_000);
      const deps: Deps = { ...api.deps, clock: () => at };
      for (let i = 0; i < PER_MONTH; i++) {
        await aSubmittedReport(deps, {
          title: `Phản ánh tháng ${m} số ${i}: đường ngập ở Gò Vấp`,
          summary: `Nội dung ${m}-${i}, có dấu tiếng Việt: ngập lụt, ùn tắc.`,
          category: i % 3 === 0 ? 'health' : 'transport',
          urgency: i % 4 === 0 ? 'high' : 'normal',
        });
      }
    }
    await aSubmittedReport(api.deps, { ...TRICKY, category: 'misinformation' });
    await anOpenCase(api.deps, {
      reportIds: [await aSubmittedReport(api.deps, { category: 'health' })],
      body: { title: 'Vụ việc y tế, "khẩn"' },
    });
    await anAssignedCase(api.deps);
  }, 180_000);

  afterAll(async () => api?.stop());

  it('a year of reports comes in parts of at most maxRowsPerPart rows that join to exactly the list', async () => {
    const all = await exportAll('/reports.csv');
    const total = MONTHS * PER_MONTH + 3;
    expect(all.partRows.length).toBe(Math.ceil(total / PART));
    expect(all.partRows.every((n) => n <= PART)).toBe(true);
    expect(all.partRows.reduce((a, b) => a + b, 0)).toBe(total);
    // One BOM and one header row for the whole file: later parts continue it.
    expect([...all.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(all.text.split('\uFEFF').length).toBe(2);
    expect(parseCsv(body(all.text)).filter((r) => r[0] === 'Mã')).toHaveLength(1);
    expect(idsOf(all.text)).toEqual(await listIds('/reports', ''));
    expect(all.first.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(all.first.headers.get('content-disposition')).toBe(
      'attachment; filename="reports-2026-12-05.csv"',
    );
    expect(all.first.headers.get('x-export-next')).toEqual(expect.any(String));
  }, 60_000);

  it('honours every list filter as the JSON list does', async () => {
    for (const query of [
      'category=health',
      'urgency=high&category=transport',
      'status=new&area=go-vap',
      'date=2026-12-05',
    ]) {
      const csv = await exportAll(`/reports.csv?${query}`);
      const want = await listIds('/reports', query);
      expect(want.length, query).toBeGreaterThan(0);
      expect(idsOf(csv.text), query).toEqual(want);
    }
    for (const query of ['', 'status=verifying', 'category=health', 'overdue=false']) {
      const csv = await exportAll(`/cases.csv${query ? `?${query}` : ''}`);
      const want = await listIds('/cases', query);
      expect(want.length, query).toBeGreaterThan(0);
      expect(idsOf(csv.text), query).toEqual(want);
    }
  }, 60_000);

  it('is Excel-safe: formulas neutralised, quotes, commas and line breaks quoted, Vietnamese intact', async () => {
    const csv = await exportAll('/reports.csv?category=misinformation');
    const rows = parseCsv(body(csv.text));
    expect(rows).toHaveLength(2);
    const [header, row] = rows as [string[], string[]];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Tiêu đề')).toBe(`'${TRICKY.title}`);
    expect(cell('Tóm tắt')).toBe(TRICKY.summary);
    expect(cell('Lĩnh vực')).toBe('Thông tin sai lệch');
    // Local time in the configured zone (Asia/Ho_Chi_Minh, UTC+7).
    expect(cell('Thời điểm gửi')).toBe('2026-12-05 10:00:00');
    // Raw: the quoted title with its quotes doubled, each row ended by CRLF.
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm vào đây"")"`);
    expect(csv.text.endsWith('\r\n')).toBe(true);
    // No reporter data in a file that leaves the system.
    expect(csv.text).not.toContain(A_REPORTER.sub);
  });

  it('names its columns in vi by default, in en by Accept-Language or lang (which wins)', async () => {
    const header = async (path: string, headers: Record<string, string> = {}) => {
      const res = await get(path, headers);
      expect(res.status).toBe(200);
      return { cols: parseCsv(body(await res.text()))[0], lang: res.headers.get('content-language') };
    };
    expect(await header('/reports.csv?category=misinformation')).toEqual({
      cols: REPORT_COLUMNS.map((c) => c.vi),
      lang: 'vi',
    });
    expect(
      await header('/reports.csv?category=misinformation', {
        'accept-language': 'fr-FR, en-GB;q=0.8, vi;q=0.5',
      }),
    ).toEqual({ cols: REPORT_COLUMNS.map((c) => c.en), lang: 'en' });
    expect(await header('/cases.csv?lang=en', { 'accept-language': 'vi' })).toEqual({
      cols: CASE_COLUMNS.map((c) => c.en),
      lang: 'en',
    });
    const en = await get('/reports.csv?category=misinformation&lang=en');
    const [cols, row] = parseCsv(body(await en.text())) as [string[], string[]];
    expect(row[cols.indexOf('Category')]).toBe('Misinformation');
  });

  it('answers problems as problem+json before any CSV: a bad filter, a bad cursor, an agency', async () => {
    for (const path of ['/reports.csv?category=nope', '/reports.csv?cursor=abc', '/cases.csv?lang=fr']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    }
    const agency = await fetch(`${api.url}/cases.csv`, {
      headers: { authorization: `Bearer ${await api.token('agency', { agency: 'police' })}` },
    });
    expect(agency.status).toBe(403);
    const reporter = await fetch(`${api.url}/reports.csv`, {
      headers: { authorization: `Bearer ${await api.token('reporter')}` },
    });
    expect(reporter.status).toBe(403);
  });

  it('reads one list page at a time: a part of 100 rows takes a bounded number of Queries, none past the part', async () => {
    let queries = 0;
    const send = api.deps.db.send.bind(api.deps.db);
    const counting = {
      ...api.deps,
      db: new Proxy(api.deps.db, {
        get: (target, prop, receiver) =>
          prop === 'send'
            ? (command: unknown, ...rest: unknown[]) => {
                if (command instanceof QueryCommand) queries++;
                return (send as (...a: unknown[]) => unknown)(command, ...rest);
              }
            : Reflect.get(target, prop, receiver),
      }),
    } as Deps;
    const part = await exportReports(counting, A_DESK, {}, undefined);
    expect(part.rows).toBe(PART);
    // Pages are sized to what surely fits in the part's bytes (at most 46 of the longest rows in 5 MB).
    expect(part.pagesRead).toBe(3);
    // Each list page is one Query of the index here (unfiltered: no read-ahead needed).
    expect(queries).toBe(part.pagesRead);
    // Room for one longest row and 5 KB: the part reads a row at a time and stops once
    // another longest row might not fit, at a page boundary, with a cursor to go on from.
    const small = await exportReports(counting, A_DESK, {}, undefined, {
      maxBytes: WORST_ROW_BYTES.reports + 5_000,
    });
    expect(small.rows).toBeLessThan(PART);
    expect(small.rows).toBeGreaterThan(0);
    expect(small.nextCursor).toEqual(expect.any(String));
    // Past its time, a part reads no further page (but always one, so every part moves on).
    const quick = await exportReports(counting, A_DESK, {}, undefined, { maxMs: 0 });
    expect(quick.pagesRead).toBe(1);
    expect(quick.nextCursor).toEqual(expect.any(String));
    const rest = await exportReports(counting, A_DESK, { cursor: small.nextCursor }, undefined);
    // The part after a cursor continues the file: no BOM, no header.
    expect(rest.text.startsWith('\uFEFF')).toBe(false);
    const joined = [...idsOf(small.text), ...parseCsv(rest.text).map((r) => r[0])];
    expect(joined).toEqual((await listIds('/reports', '')).slice(0, small.rows + rest.rows));
  });
});
