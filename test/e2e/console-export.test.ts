// The CSV export in Chromium (issue 18 part 6): the desk exports the inbox as
// filtered (one part: BOM, Vietnamese header, only the filtered rows, the
// formula neutralised), then the whole inbox, which the API answers in two
// parts (export.maxRowsPerPart 100 here) that the console joins into one file
// with one header; a failing part shows the problem and a retry; the case list
// exports too, on a phone. axe on each page.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_COLUMNS, REPORT_COLUMNS } from '#domain/export';
import { loadAppConfig } from '#infra/config/index';
import { checkA11y, DESKTOP, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { parseCsv } from '#test/support/csv';
import { anOpenCase, aSubmittedReport } from '#test/support/given';
import { csvExport as enExport } from '#web/src/i18n/en/export';
import { csvExport } from '#web/src/i18n/vi/export';

let tc: TestConsole;
const MANY = 104;
const FORMULA = '=HYPERLINK("http://evil.example","Nước sạch")';

const a11y = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

const saved = async (download: Download) => {
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
};

/** The file's records, after its byte-order mark. */
const records = (bytes: Buffer) => parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));

const exportNow = async (page: Page, label: string) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label }).click(),
  ]);
  return saved(download);
};

describe('exporting lists as CSV in the console', () => {
  beforeAll(async () => {
    tc = await startTestConsole({
      deps: { config: { ...loadAppConfig('dev'), export: { maxRowsPerPart: 100 } } },
    });
    for (let i = 0; i < MANY; i++)
      await aSubmittedReport(tc.api.deps, { title: `Phản ánh số ${i} về ùn tắc`, category: 'transport' });
    await aSubmittedReport(tc.api.deps, { title: FORMULA, category: 'health' });
    await anOpenCase(tc.api.deps, {
      reportIds: [await aSubmittedReport(tc.api.deps, { category: 'environment' })],
      body: { title: 'Khói bụi ở Bình Thạnh' },
    });
  }, 180_000);

  afterAll(async () => {
    await tc?.stop();
  });

  it('exports the filtered inbox, then the whole inbox in two parts joined into one file', async () => {
    const page = await tc.newPage(DESKTOP);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/inbox?category=health' });
      await page.locator('.inbox-row').first().waitFor();
      await a11y(page);

      const one = await exportNow(page, csvExport.reportsLabel);
      expect(one.name).toMatch(/^reports-\d{4}-\d{2}-\d{2}\.csv$/);
      expect([...one.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = records(one.bytes);
      expect(rows[0]).toEqual(REPORT_COLUMNS.map((c) => c.vi));
      expect(rows).toHaveLength(2);
      expect(rows[1]![3]).toBe(`'${FORMULA}`);
      expect(one.bytes.toString('utf8')).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
      await page
        .getByRole('status')
        .filter({ hasText: csvExport.done(1, one.name) })
        .waitFor();

      await page.goto(`${tc.url}/inbox`);
      await page.locator('.inbox-row').first().waitFor();
      const all = await exportNow(page, csvExport.reportsLabel);
      const text = all.bytes.toString('utf8');
      expect(text.split('\uFEFF')).toHaveLength(2);
      const allRows = records(all.bytes);
      expect(allRows.filter((r) => r[0] === 'Mã')).toHaveLength(1);
      expect(allRows).toHaveLength(1 + MANY + 2);
      expect(new Set(allRows.slice(1).map((r) => r[0])).size).toBe(MANY + 2);
      await page
        .getByRole('status')
        .filter({ hasText: csvExport.done(MANY + 2, all.name) })
        .waitFor();
      await screenshots(page, 'desk-inbox-export');
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('shows the problem when a part fails, and exports on retry', async () => {
    const page = await tc.newPage(DESKTOP);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/inbox' });
      await page.locator('.inbox-row').first().waitFor();
      // The second part fails: the API is unavailable.
      await page.route(
        (url) => url.pathname === '/reports.csv' && url.searchParams.has('cursor'),
        (route) =>
          route.fulfill({
            status: 503,
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503 }),
          }),
      );
      await page.getByRole('button', { name: csvExport.reportsLabel }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await page.getByText(csvExport.failed).waitFor();
      await a11y(page);
      await page.unrouteAll();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        alert.getByRole('button').click(),
      ]);
      expect(records((await saved(download)).bytes)).toHaveLength(1 + MANY + 2);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('exports the case list on a phone, in English when the console is', async () => {
    const page = await tc.newPage(PHONE);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/cases' });
      await page.locator('.case-row').first().waitFor();
      await page.evaluate(() => localStorage.setItem('od.lang', 'en'));
      await page.reload();
      await page.locator('.case-row').first().waitFor();
      const en = { csvExport: enExport };
      const file = await exportNow(page, en.csvExport.casesLabel);
      expect(file.name).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/);
      const rows = records(file.bytes);
      expect(rows[0]).toEqual(CASE_COLUMNS.map((c) => c.en));
      expect(rows).toHaveLength(2);
      expect(rows[1]![2]).toBe('Khói bụi ở Bình Thạnh');
      await a11y(page);
      await screenshots(page, 'desk-cases-export-phone');
    } finally {
      await page.context().close();
    }
  }, 120_000);
});
