// Bulk triage, merge and unlink in Chromium (issue 18, part 1 and 2): the desk
// selects two reports in the inbox and links them to a case in one bulk
// request; one was dismissed meanwhile and is named, the other linked. On a
// phone, the desk unlinks a report from a case (with a reason), then merges
// that case into another, seeing both titles before confirming; the merged
// case says where it went, and the survivor's timeline shows the merged
// case's entries, marked. Checked through the API; axe on every page visited.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, DESKTOP, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { aReport } from '#test/support/steps';
import { cases } from '#web/src/i18n/vi/cases';
import { desk } from '#web/src/i18n/vi/desk';

let tc: TestConsole;
const ids: Record<string, string> = {};
const TITLES = {
  a1: 'Tin đồn cắt điện toàn quận 7',
  a2: 'Mất điện diện rộng ở quận 7?',
  b1: 'Quận 7 cúp điện ba ngày',
  link: 'Điện lực quận 7 thông báo cắt điện',
  gone: 'Cắt điện quận 7 từ tối nay',
};

const a11y = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

beforeAll(async () => {
  tc = await startTestConsole();
  for (const [name, title] of Object.entries(TITLES)) {
    const res = await tc.api.call(
      'POST',
      '/reports',
      'reporter',
      aReport({
        title,
        summary: `${title}: nhiều người chia sẻ.`,
        category: 'environment',
        area: 'district-3',
      }),
    );
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    ids[name] = res.json.id as string;
  }
  for (const [name, reportIds] of [
    ['caseA', [ids.a1, ids.a2]],
    ['caseB', [ids.b1]],
  ] as const) {
    const res = await tc.api.call('POST', '/cases', 'desk', { reportIds });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    ids[name] = res.json.id as string;
  }
}, 180_000);

afterAll(async () => {
  await tc?.stop();
});

describe('bulk triage, unlink and merge in the console', () => {
  it('links the selection to a case in one request, naming the report someone dismissed meanwhile', async () => {
    const page = await tc.newPage(DESKTOP);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/inbox?status=new' });
      await page.getByLabel(desk.inbox.selectOne(TITLES.link)).check();
      await page.getByLabel(desk.inbox.selectOne(TITLES.gone)).check();
      // Someone else dismisses one of them while the desk is choosing.
      const dismissed = await tc.api.call('POST', `/reports/${ids.gone}/actions`, 'desk', {
        action: 'dismiss',
        reason: 'Trùng',
      });
      expect(dismissed.status).toBe(200);
      await page.getByRole('button', { name: desk.selection.link }).click();
      const dialog = page.getByRole('dialog', { name: desk.linkDialog.title(2) });
      await dialog.getByRole('radio', { name: new RegExp(TITLES.b1) }).check();
      await dialog.getByRole('button', { name: desk.linkDialog.confirm }).click();
      await page.getByText(desk.results.linked(1)).waitFor();
      const refused = page.locator('.outcome .alert-warn');
      expect(await refused.textContent()).toContain(desk.results.failedTitle(1));
      expect(await refused.textContent()).toContain(`${TITLES.gone}: ${desk.results.notNew.dismissed}`);
      await a11y(page);
      await screenshots(page, 'desk-bulk-link-partial');

      const kase = await tc.api.call('GET', `/cases/${ids.caseB}`, 'desk');
      expect(kase.json.reportIds).toEqual([ids.b1, ids.link]);
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('on a phone: unlinks a report with a reason, then merges the case into another, seeing both titles', async () => {
    const page = await tc.newPage(PHONE);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: `/cases/${ids.caseA}` });
      await page.getByRole('heading', { name: TITLES.a1, level: 1 }).waitFor();

      // Unlink, from the report's own line: the form opens with it chosen and the reason typed.
      await page.getByRole('button', { name: cases.unlinkLabel(TITLES.a2) }).click();
      const form = page.locator('#case-action-form');
      expect(await form.getByLabel(cases.form.unlinkReport).inputValue()).toBe(ids.a2);
      await form.getByLabel(cases.form.unlinkReason).fill('Tin đồn khác, xử lý riêng');
      await a11y(page);
      await form.getByRole('button', { name: cases.action['unlink-report'] }).click();
      await page.getByText(cases.done['unlink-report']).waitFor();
      expect((await tc.api.call('GET', `/reports/${ids.a2}`, 'desk')).json).toMatchObject({
        status: 'new',
        caseId: null,
      });

      // Merge into…: choose the surviving case, see both titles, confirm.
      await page.getByRole('button', { name: cases.action.merge }).first().click();
      const select = form.getByLabel(cases.form.mergeInto);
      await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
      await select.selectOption(ids.caseB as string);
      await form.getByText(cases.form.mergeConfirm(TITLES.a1, TITLES.b1)).waitFor();
      await a11y(page);
      await screenshots(page, 'desk-case-merge');
      await form.getByRole('button', { name: cases.action.merge }).click();
      await page.getByText(cases.done.merge).waitFor();

      // The merged case says where it went, with a link to the survivor.
      const banner = page.locator('.case-merged-into');
      expect(await banner.textContent()).toContain(cases.mergedInto);
      await a11y(page);
      await banner.getByRole('link').click();
      await page.waitForURL((u) => u.pathname === `/cases/${ids.caseB}`);
      await page.getByRole('heading', { name: TITLES.b1, level: 1 }).waitFor();

      // The survivor's timeline shows the merged case's entries, each marked with its case.
      const fromMerged = page.locator('.case-entry-merged');
      await fromMerged.first().waitFor();
      expect(await fromMerged.count()).toBe(3); // open, unlink-report, merge
      expect(await fromMerged.first().textContent()).toContain(cases.entry.fromCase);
      await a11y(page);
      await screenshots(page, 'desk-case-survivor-timeline');

      const survivor = await tc.api.call('GET', `/cases/${ids.caseB}`, 'desk');
      expect(survivor.json).toMatchObject({
        reportIds: [ids.b1, ids.link, ids.a1],
        mergedCaseIds: [ids.caseA],
      });
      const merged = await tc.api.call('GET', `/cases/${ids.caseA}`, 'desk');
      expect(merged.json).toMatchObject({ status: 'closed', outcome: 'merged', mergedInto: ids.caseB });
    } finally {
      await page.context().close();
    }
  }, 120_000);
});
