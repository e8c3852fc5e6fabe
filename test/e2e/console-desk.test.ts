// The desk's journey in Chromium (issue 15, journey 2 up to the case page):
// reports seeded through the API; the desk filters the inbox (only matching
// rows), selects two, opens a case and lands on its page; the API holds exactly
// those two reports on the case. Then: dismissing with a reason; the desk's
// case list; an agency sees only its own agency's cases. axe on every page
// visited, screenshots of the pages this lane owns.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, DESKTOP, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { distinctText } from '#test/support/similar-claims';
import { aReport } from '#test/support/steps';
import { common } from '#web/src/i18n/vi/common';
import { desk as vi } from '#web/src/i18n/vi/desk';

let tc: TestConsole;

beforeAll(async () => {
  tc = await startTestConsole();
}, 180_000);

afterAll(async () => {
  await tc?.stop();
});

type Role = 'reporter' | 'desk' | 'agency';
const request = (
  role: Role,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => tc.api.call(method, path, role, body, headers);

let seeded = 9000;
const submit = async (
  title: string,
  category: string,
  area: string,
  urgency: 'normal' | 'high' | 'critical',
): Promise<string> => {
  const res = await request(
    'reporter',
    'POST',
    '/reports',
    aReport({
      title,
      // Words no other report shares: these reports are about different things (not similar).
      summary: `${title}: ${distinctText(++seeded).summary}`,
      category,
      area,
      urgency,
      sourceUrls: [`https://social.example/post/${encodeURIComponent(title)}`],
      observedAt: new Date(Date.now() - 3_600_000).toISOString(),
      reach: 1200,
    }),
  );
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.id as string;
};

const openAndAssign = async (reportId: string, agencyId: string): Promise<string> => {
  const opened = await request('desk', 'POST', '/cases', { reportIds: [reportId] });
  expect(opened.status, JSON.stringify(opened.json)).toBe(201);
  const assigned = await request(
    'desk',
    'POST',
    `/cases/${opened.json.id}/actions`,
    { action: 'assign', agencyId, dueAt: new Date(Date.now() + 30 * 3_600_000).toISOString() },
    { 'if-match': opened.etag ?? '"1"' },
  );
  expect(assigned.status, JSON.stringify(assigned.json)).toBe(200);
  return opened.json.id as string;
};

const rowTitles = (page: Page) => page.locator('.inbox-row .inbox-head a').allTextContents();

const a11y = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

describe('the desk in the browser', () => {
  const ids: Record<string, string> = {};
  let waterCase = '';

  beforeAll(async () => {
    ids.water1 = await submit('Tin đồn nước máy Thủ Đức nhiễm khuẩn', 'health', 'thu-duc', 'critical');
    ids.water2 = await submit('Nước máy có mùi lạ ở Thủ Đức', 'health', 'thu-duc', 'critical');
    ids.traffic = await submit('Ùn tắc kéo dài trên đường Điện Biên Phủ', 'transport', 'binh-thanh', 'high');
    ids.clinic = await submit('Phòng khám quận 1 quá tải', 'health', 'district-1', 'normal');
    ids.smoke = await submit('Khói từ bãi rác Gò Vấp', 'environment', 'go-vap', 'normal');
    ids.flood = await submit('Ngập sau mưa ở Gò Vấp', 'environment', 'go-vap', 'high');
  }, 60_000);

  it('filters the inbox, selects two reports, opens a case and lands on it', async () => {
    const page = await tc.newPage(DESKTOP);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/inbox' });
      await page.getByRole('heading', { name: vi.inbox.title }).waitFor();
      await page.locator('.inbox-row').first().waitFor();
      expect(await page.locator('.inbox-row').count()).toBe(6);
      // Newest first.
      expect((await rowTitles(page))[0]).toBe('Ngập sau mưa ở Gò Vấp');
      await a11y(page);
      await screenshots(page, 'desk-inbox');

      await page.selectOption('#inbox-category', 'health');
      await page.selectOption('#inbox-urgency', 'critical');
      await expect
        .poll(() => rowTitles(page))
        .toEqual(['Nước máy có mùi lạ ở Thủ Đức', 'Tin đồn nước máy Thủ Đức nhiễm khuẩn']);
      const url = new URL(page.url());
      expect(url.searchParams.get('category')).toBe('health');
      expect(url.searchParams.get('urgency')).toBe('critical');

      // A reload (or a shared link) keeps the filters.
      await page.reload();
      await page.locator('.inbox-row').first().waitFor();
      expect(await rowTitles(page)).toHaveLength(2);
      expect(await page.inputValue('#inbox-category')).toBe('health');
      await a11y(page);

      // Select all on the page (the two shown), then open a case.
      await page.getByLabel(vi.inbox.selectAll).check();
      await page.getByRole('region', { name: vi.selection.label }).waitFor();
      await expect
        .poll(() => page.locator('.selection-bar strong').textContent())
        .toBe(vi.selection.count(2));
      await page.getByRole('button', { name: vi.selection.openCase }).click();
      await page.waitForURL((u) => /^\/cases\/[0-9A-Z]{26}$/.test(u.pathname));
      const caseId = new URL(page.url()).pathname.split('/')[2] as string;
      waterCase = caseId;

      const kase = await request('desk', 'GET', `/cases/${caseId}`);
      expect(kase.status).toBe(200);
      expect([...kase.json.reportIds].sort()).toEqual([ids.water1, ids.water2].sort());
      for (const id of [ids.water1, ids.water2]) {
        const r = await request('desk', 'GET', `/reports/${id}`);
        expect(r.json).toMatchObject({ status: 'linked', caseId });
      }
    } finally {
      await page.context().close();
    }
  });

  it('links a report to an open case, picked in a dialog', async () => {
    const page = await tc.newPage(DESKTOP);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/inbox?category=environment&urgency=high' });
      await expect.poll(() => rowTitles(page)).toEqual(['Ngập sau mưa ở Gò Vấp']);
      await page.getByLabel(vi.inbox.selectOne('Ngập sau mưa ở Gò Vấp')).check();
      await page.getByRole('button', { name: vi.selection.link }).click();
      const dialog = page.getByRole('dialog', { name: vi.linkDialog.title(1) });
      await dialog.waitFor();
      // The case opened above took its title from the first report shown (the newest).
      await dialog.getByRole('radio', { name: /Nước máy có mùi lạ ở Thủ Đức/ }).check();
      await a11y(page);
      await dialog.getByRole('button', { name: vi.linkDialog.confirm }).click();
      await page.getByText(vi.results.linked(1)).waitFor();

      const kase = await request('desk', 'GET', `/cases/${waterCase}`);
      expect([...kase.json.reportIds].sort()).toEqual([ids.water1, ids.water2, ids.flood].sort());
      expect(kase.json.version).toBe(2);
    } finally {
      await page.context().close();
    }
  });

  it('dismisses a report with a reason (required), on a phone', async () => {
    const page = await tc.newPage(PHONE);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/inbox?category=environment&urgency=normal' });
      await expect.poll(() => rowTitles(page)).toEqual(['Khói từ bãi rác Gò Vấp']);
      // With the keyboard: Space ticks the report, Enter opens the dialog, Escape closes it
      // and gives the focus back to the button that opened it.
      await page.getByLabel(vi.inbox.selectOne('Khói từ bãi rác Gò Vấp')).focus();
      await page.keyboard.press('Space');
      const dismissButton = page.getByRole('button', { name: vi.selection.dismiss });
      await dismissButton.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: vi.dismissDialog.title(1) });
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await dismissButton.evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      // The reason field has the focus first.
      expect(
        await dialog.getByLabel(vi.dismissDialog.reason).evaluate((i) => i === i.ownerDocument.activeElement),
      ).toBe(true);

      // No reason: the dialog says so and stays open.
      await dialog.getByRole('button', { name: vi.dismissDialog.confirm }).click();
      await dialog.getByText(vi.dismissDialog.reasonRequired).waitFor();
      await a11y(page);
      await screenshots(page, 'desk-dismiss-dialog');

      const reason = 'Trùng với phản ánh đã xử lý tuần trước';
      await dialog.getByLabel(vi.dismissDialog.reason).fill(reason);
      await dialog.getByRole('button', { name: vi.dismissDialog.confirm }).click();
      await page.getByText(vi.results.dismissed(1)).waitFor();
      await expect.poll(() => page.locator('.inbox-row .chip').allTextContents()).toEqual(['Đã bỏ qua']);

      const r = await request('desk', 'GET', `/reports/${ids.smoke}`);
      expect(r.json).toMatchObject({ status: 'dismissed', dismissReason: reason });
      const other = await request('desk', 'GET', `/reports/${ids.clinic}`);
      expect(other.json.status).toBe('new');
    } finally {
      await page.context().close();
    }
  });

  it("lists cases for the desk, and for an agency only its own agency's, due soonest first", async () => {
    const healthCase = await openAndAssign(ids.clinic as string, 'health-dept');
    const transportCase = await openAndAssign(ids.traffic as string, 'transport-dept');

    const deskPage = await tc.newPage(DESKTOP);
    try {
      await signIn(deskPage, tc, { role: 'desk', returnTo: '/cases' });
      await deskPage.locator('.case-row').first().waitFor();
      expect(await deskPage.locator('.case-row').count()).toBe(3);
      await deskPage.selectOption('#cases-agency', 'transport-dept');
      await expect
        .poll(() => deskPage.locator('.case-head a').allTextContents())
        .toEqual(['Ùn tắc kéo dài trên đường Điện Biên Phủ']);
      expect(new URL(deskPage.url()).searchParams.get('agency')).toBe('transport-dept');
      // The header's link to the same page clears the filters (the URL says so, and the page follows it).
      await deskPage.getByRole('navigation').getByRole('link', { name: common.nav.cases }).click();
      await expect.poll(() => deskPage.locator('.case-row').count()).toBe(3);
      expect(await deskPage.inputValue('#cases-agency')).toBe('');
      expect(new URL(deskPage.url()).search).toBe('');
      await deskPage.getByLabel(vi.filters.dueSoon).check();
      await expect.poll(() => deskPage.locator('.case-row').count()).toBe(2);
      await deskPage.getByLabel(vi.filters.dueSoon).uncheck();
      await expect.poll(() => deskPage.locator('.case-row').count()).toBe(3);
      await a11y(deskPage);
      await screenshots(deskPage, 'desk-cases');
    } finally {
      await deskPage.context().close();
    }

    const agencyPage = await tc.newPage(PHONE);
    try {
      await signIn(agencyPage, tc, { role: 'agency', agency: 'health-dept', returnTo: '/cases' });
      await agencyPage.locator('.case-row').first().waitFor();
      const links = await agencyPage
        .locator('.case-head a')
        .evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href') ?? '', 'http://x').pathname));
      expect(links).toEqual([`/cases/${healthCase}`]);
      expect(links).not.toContain(`/cases/${transportCase}`);
      await agencyPage.locator('.case-row .badge-due-soon').waitFor();
      await a11y(agencyPage);
      await screenshots(agencyPage, 'agency-cases');
    } finally {
      await agencyPage.context().close();
    }
  });

  it('pages the inbox with the cursor: "load more" adds the next page', async () => {
    const titles = Array.from(
      { length: 27 },
      (_, i) => `Phản ánh về trường học số ${String(i + 1).padStart(2, '0')}`,
    );
    for (let i = 0; i < titles.length; i += 9) {
      await Promise.all(titles.slice(i, i + 9).map((t) => submit(t, 'education', 'district-3', 'normal')));
    }
    const page = await tc.newPage(DESKTOP);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/inbox?category=education' });
      await expect.poll(() => page.locator('.inbox-row').count()).toBe(25);
      await page.getByRole('button', { name: common.more }).click();
      await expect.poll(() => page.locator('.inbox-row').count()).toBe(27);
      expect(new Set(await rowTitles(page))).toEqual(new Set(titles));
      await expect(page.getByRole('button', { name: common.more }).count()).resolves.toBe(0);
    } finally {
      await page.context().close();
    }
  }, 90_000);
});
