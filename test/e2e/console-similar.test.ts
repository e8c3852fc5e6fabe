// Similar reports in Chromium (issue 17): a collaborator on a phone submits a
// report worded like another collaborator's earlier one and is told why it may
// be the same ("similar wording, NN%"), without a link to a report that is not
// theirs; the desk sees the two together in the inbox (the group folds and
// unfolds with the keyboard), reads them on the report page's "Similar
// reports", and opens one case from the newer: the dialog offers the older,
// ticked, and both end up on the case. Checked through the API; axe on every
// page visited.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, DESKTOP, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { aReport } from '#test/support/steps';
import { desk } from '#web/src/i18n/vi/desk';
import { reporter } from '#web/src/i18n/vi/reporter';

let tc: TestConsole;

beforeAll(async () => {
  tc = await startTestConsole();
}, 180_000);

afterAll(async () => {
  await tc?.stop();
});

const a11y = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

const EARLIER = {
  title: 'Tin đồn nước máy ở Thủ Đức bị nhiễm khuẩn',
  summary:
    'Nhiều tài khoản chia sẻ rằng nước máy ở Thủ Đức bị nhiễm khuẩn, người dân không nên uống nước máy trong tuần này.',
};
const LATER = {
  title: 'Nước máy ở Thủ Đức bị nhiễm khuẩn?',
  summary:
    'Các nhóm cư dân chia sẻ rằng nước máy ở Thủ Đức bị nhiễm khuẩn, người dân không nên uống nước máy trong tuần này.',
};
const OTHER = {
  title: 'Ngập sâu sau mưa ở Gò Vấp',
  summary: 'Đường Quang Trung ngập nửa bánh xe sau cơn mưa chiều nay, nhiều xe chết máy.',
};

describe('similar reports in the console', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Another collaborator's report, and one about something else.
    for (const [name, text, area, url] of [
      ['earlier', EARLIER, 'thu-duc', 'https://social.example/post/nuoc-may-1'],
      ['other', OTHER, 'go-vap', 'https://social.example/post/ngap-go-vap'],
    ] as const) {
      const res = await tc.api.call(
        'POST',
        '/reports',
        { role: 'reporter', user: 'field-other' },
        aReport({ ...text, category: 'health', area, sourceUrls: [url] }),
      );
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      ids[name] = res.json.id as string;
    }
  }, 60_000);

  it('a collaborator submits a report worded like an earlier one and is told it is similar wording', async () => {
    const page = await tc.newPage(PHONE);
    try {
      await signIn(page, tc, { role: 'reporter', returnTo: '/send' });
      await page.waitForSelector('#report-title');
      await page.fill('#report-title', LATER.title);
      await page.fill('#report-summary', LATER.summary);
      await page.selectOption('#report-category', 'health');
      await page.selectOption('#report-area', 'thu-duc');
      await page.fill('#report-url-0', 'https://social.example/post/nuoc-may-2');
      await page.getByRole('button', { name: reporter.submit }).click();
      await page.getByRole('heading', { name: reporter.received }).waitFor();
      await page.getByRole('heading', { name: reporter.duplicatesTitle }).waitFor();

      const hint = page.locator('.duplicates li', { hasText: reporter.duplicate(ids.earlier as string) });
      await hint.waitFor();
      // Why: similar wording with its score, in whole percent.
      expect(await hint.textContent()).toMatch(/nội dung tương tự, \d{2,3}%/);
      // Another collaborator's report is named, never linked (the API would hide it).
      expect(await hint.getByRole('link').count()).toBe(0);
      // The unrelated report is not a hint.
      expect(await page.locator('.duplicates li').count()).toBe(1);
      await a11y(page);
      await screenshots(page, 'reporter-similar-hint');

      const mine = await tc.api.call('GET', '/reports?limit=100', 'desk');
      const later = (mine.json.items as { id: string; title: string; similarityGroup?: string }[]).find(
        (r) => r.title === LATER.title,
      );
      expect(later?.similarityGroup).toBe(ids.earlier);
      ids.later = later?.id as string;
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('the desk sees the two together, reads them as similar, and opens one case from the group', async () => {
    expect(ids.later).toBeDefined();
    const page = await tc.newPage(DESKTOP);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/inbox' });
      await page.locator('.inbox-row').first().waitFor();

      // The newer report stands for the group; the earlier is under it, not in its own place.
      const toggle = page.getByRole('button', { name: desk.inbox.similar(1) });
      await toggle.waitFor();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const group = page.getByRole('list', { name: desk.inbox.similarOf(LATER.title) });
      expect(await group.locator('.inbox-head a').allTextContents()).toEqual([EARLIER.title]);
      const topLevel = await page.locator('.inbox-list > li > .inbox-body .inbox-head a').allTextContents();
      expect(topLevel).toEqual([LATER.title, OTHER.title]);
      await a11y(page);
      await screenshots(page, 'desk-inbox-similar');

      // Folded and unfolded with the keyboard.
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await group.count()).toBe(0);
      await page.keyboard.press('Space');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');

      // The report page lists the earlier report as similar, with why.
      await page.getByRole('link', { name: LATER.title }).click();
      await page.getByRole('heading', { name: reporter.similarTitle }).waitFor();
      const similar = page.locator('.similar-list li', { hasText: EARLIER.title });
      await similar.waitFor();
      expect(await similar.textContent()).toMatch(/nội dung tương tự, \d{2,3}%/);
      await a11y(page);
      await screenshots(page, 'desk-report-similar');
      await page.goBack();

      // Select the newer report only; opening a case offers the earlier, ticked.
      await page.getByLabel(desk.inbox.selectOne(LATER.title)).check();
      await page.getByRole('button', { name: desk.selection.openCase }).click();
      const dialog = page.getByRole('dialog', { name: desk.openDialog.title(1) });
      await dialog.waitFor();
      const offered = dialog.getByRole('checkbox', { name: new RegExp(EARLIER.title) });
      expect(await offered.isChecked()).toBe(true);
      await a11y(page);
      await screenshots(page, 'desk-open-case-group');
      await dialog.getByRole('button', { name: desk.openDialog.confirm(2) }).click();
      await page.waitForURL((u) => /^\/cases\/[0-9A-Z]{26}$/.test(u.pathname));
      const caseId = new URL(page.url()).pathname.split('/')[2] as string;

      const kase = await tc.api.call('GET', `/cases/${caseId}`, 'desk');
      expect([...kase.json.reportIds].sort()).toEqual([ids.earlier, ids.later].sort());
      for (const id of [ids.earlier, ids.later]) {
        const r = await tc.api.call('GET', `/reports/${id}`, 'desk');
        expect(r.json).toMatchObject({ status: 'linked', caseId });
      }
      const other = await tc.api.call('GET', `/reports/${ids.other}`, 'desk');
      expect(other.json.status).toBe('new');
    } finally {
      await page.context().close();
    }
  }, 90_000);
});
