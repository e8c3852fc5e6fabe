// Search by words in Chromium (issue 18, §5): the desk types words without
// Vietnamese marks in the inbox's search box (keyboard only), finds the report
// written with them, the words stay in the URL (a reload shows the same
// results), another filter narrows them, words found nowhere say so; on a
// phone the case list's box finds a case by its title. Axe on every state.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, DESKTOP, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { aReport } from '#test/support/steps';
import { desk } from '#web/src/i18n/vi/desk';

let tc: TestConsole;

beforeAll(async () => {
  tc = await startTestConsole();
}, 180_000);

afterAll(async () => {
  await tc?.stop();
});

const a11y = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

const DYKE = { title: 'Tin đồn vỡ đê sông Đồng Nai', summary: 'Nhiều người chia sẻ rằng đê sẽ vỡ đêm nay.' };
const WATER = {
  title: 'Cắt nước toàn quận Gò Vấp',
  summary: 'Bài đăng nói nhà máy nước ngừng hoạt động ba ngày.',
};

describe('search in the console', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const [name, text, urgency] of [
      ['dyke', DYKE, 'critical'],
      ['water', WATER, 'normal'],
    ] as const) {
      const res = await tc.api.call('POST', '/reports', 'reporter', aReport({ ...text, urgency }));
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      ids[name] = res.json.id as string;
    }
    const c = await tc.api.call('POST', '/cases', 'desk', { reportIds: [ids.water] });
    expect(c.status, JSON.stringify(c.json)).toBe(201);
    ids.case = c.json.id as string;
  }, 60_000);

  it('the desk finds a report by words typed without marks, kept in the URL, narrowed by a filter', async () => {
    const page = await tc.newPage(DESKTOP);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/inbox' });
      await page.locator('.inbox-row').first().waitFor();
      const box = page.getByRole('searchbox', { name: desk.search.label });
      await box.focus();
      await page.keyboard.type('vo de');
      await page.keyboard.press('Enter');
      await page.waitForURL(/[?&]q=vo\+de/);
      const titles = page.locator('.inbox-list > li .inbox-head a');
      await expect.poll(() => titles.allTextContents()).toEqual([DYKE.title]);
      await a11y(page);
      await screenshots(page, 'desk-inbox-search');

      // A reload (or a shared link) searches the same words.
      await page.reload();
      await expect.poll(() => titles.allTextContents()).toEqual([DYKE.title]);
      expect(await page.getByRole('searchbox', { name: desk.search.label }).inputValue()).toBe('vo de');

      // Another filter on top: the dyke report is critical, not normal.
      await page.selectOption('#inbox-urgency', 'normal');
      await page.getByText(desk.search.empty('vo de')).waitFor();
      await a11y(page);
      await page.selectOption('#inbox-urgency', '');
      await expect.poll(() => titles.allTextContents()).toEqual([DYKE.title]);

      // Words found nowhere say so.
      const again = page.getByRole('searchbox', { name: desk.search.label });
      await again.fill('khongcotu');
      await again.press('Enter');
      await page.getByText(desk.search.empty('khongcotu')).waitFor();
      await a11y(page);
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('on a phone, the case list finds a case by its title', async () => {
    const page = await tc.newPage(PHONE);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/cases' });
      const box = page.getByRole('searchbox', { name: desk.search.label });
      await box.fill('cắt nước');
      await page.getByRole('button', { name: desk.search.submit }).click();
      await page.waitForURL(/[?&]q=/);
      const links = page.locator('.case-list a');
      await expect.poll(async () => (await links.allTextContents()).join(' ')).toContain(WATER.title);
      await a11y(page);
      await screenshots(page, 'desk-cases-search');
      await page.getByRole('button', { name: desk.search.clear }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
    } finally {
      await page.context().close();
    }
  }, 90_000);
});
