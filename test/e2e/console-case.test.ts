// Browser journeys on the case page (issue 15, journeys 2-5): the desk assigns
// with the suggested agency and a due date picked in local time; two desk
// sessions on one case, the second first: the first gets the conflict, keeps
// its input and succeeds on retry; the agency responds, and another agency's
// case is "not found"; the desk closes with an evidence link and the
// collaborator sees the outcome. Data is set up and checked through the API;
// the steps are the browser's. axe on every page; screenshots of each.
import { readFileSync } from 'node:fs';
import { TZDate } from '@date-fns/tz';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { aReport } from '#test/support/steps';

let tc: TestConsole;
let zone: string;
type Json = Record<string, unknown>;
const REPORTER = 'field-case-7';
const who = {
  reporter: { role: 'reporter', user: REPORTER },
  desk: { role: 'desk', user: 'desk-case' },
  health: { role: 'agency', user: 'health-officer', agency: 'health-dept' },
} as const;

const call = (
  method: string,
  path: string,
  as: keyof typeof who,
  body?: unknown,
  headers?: Record<string, string>,
) => tc.api.call(method, path, who[as], body, headers);

const report = async (title: string) => {
  const res = await call(
    'POST',
    '/reports',
    'reporter',
    aReport({
      title,
      summary: 'Nhiều tài khoản chia sẻ ảnh chụp tin nhắn nói nước máy nhiễm khuẩn, liên hệ 0903 123 456.',
      category: 'health',
      area: 'thu-duc',
      urgency: 'critical',
      sourceUrls: [`https://facebook.example/posts/${Math.random().toString(36).slice(2)}`],
      observedAt: new Date(Date.now() - 600_000).toISOString(),
    }),
  );
  expect(res.status).toBe(201);
  return res.json.id as string;
};

/** A case opened through the API from two new reports: its id and the first report's. */
const openCase = async (title = 'Tin đồn nước máy Thủ Đức nhiễm khuẩn') => {
  const r1 = await report(title);
  const r2 = await report(`${title} (lan rộng)`);
  const res = await call('POST', '/cases', 'desk', { reportIds: [r1, r2], title });
  expect(res.status).toBe(201);
  return { id: res.json.id as string, reportId: r1 };
};

const act = async (id: string, body: Json, as: keyof typeof who = 'desk') => {
  const current = await call('GET', `/cases/${id}`, as);
  const res = await call('POST', `/cases/${id}/actions`, as, body, {
    'if-match': `"${current.json.version}"`,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
};

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

/** The zone's wall-clock "YYYY-MM-DDT17:00" two days from now: what a user picks. */
const localDueValue = () => {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return `${day.format(new Date(inTwoDays()))}T17:00`;
};

/** The instant a "YYYY-MM-DDTHH:mm" value means on the zone's clock. */
const instantOf = (local: string) => {
  const [y, m, d, h, min] = local.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, m - 1, d, h, min, zone).getTime()).toISOString();
};

/** Presses Tab until `target` has the focus (at most 60 times). */
const tabTo = async (page: Page, target: Locator) => {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with Tab');
};

const expectAccessible = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

const actionButton = (page: Page, name: string) =>
  page.locator('.case-action-buttons').getByRole('button', { name, exact: true });
const submitButton = (page: Page) => page.locator('#case-action-form button[type="submit"]');

beforeAll(async () => {
  tc = await startTestConsole();
  zone = tc.api.deps.config.timeZone;
}, 180_000);
afterAll(async () => tc?.stop());

describe('the case page', () => {
  it('journey 2, last step: the desk assigns with the suggested agency and a due date in local time', async () => {
    const { id } = await openCase();
    const page = await tc.newPage();
    await signIn(page, tc, { role: 'desk', returnTo: `/cases/${id}` });
    await page.getByRole('heading', { level: 1, name: 'Tin đồn nước máy Thủ Đức nhiễm khuẩn' }).waitFor();
    // Its reports, each a link to its page; its history; only the actions an open case allows the desk.
    await page.locator('.case-page a[href^="/reports/"]').nth(1).waitFor();
    await expect(page.locator('.case-page a[href^="/reports/"]').count()).resolves.toBe(2);
    await expect(page.locator('.case-timeline li').count()).resolves.toBe(1);
    await expect(page.locator('.case-action-buttons button').allTextContents()).resolves.toEqual([
      'Giao xử lý',
      'Đóng hồ sơ',
      'Đưa vào họp báo',
      'Gộp phản ánh',
      'Tách phản ánh',
      'Gộp vào hồ sơ khác…',
      'Gắn thẻ',
      'Ghi chú',
    ]);
    await expectAccessible(page);
    await screenshots(page, 'desk-case');

    await actionButton(page, 'Giao xử lý').click();
    // The suggested agency (routing: health × Thủ Đức) is preselected.
    await expect(page.inputValue('#case-assign-agencyId')).resolves.toBe('health-dept');
    const due = localDueValue();
    await page.fill('#case-assign-dueAt', due);
    await page.fill('#case-assign-note', 'Đề nghị Sở Y tế xác minh chất lượng nước.');
    await expectAccessible(page);
    await submitButton(page).click();
    await page.getByRole('status').filter({ hasText: 'Đã giao xử lý.' }).waitFor();
    await page.locator('.case-timeline li').nth(1).waitFor();

    const after = await call('GET', `/cases/${id}`, 'desk');
    expect(after.json).toMatchObject({
      status: 'verifying',
      agencyId: 'health-dept',
      // 17:00 on the zone's clock, whatever the machine's zone is.
      dueAt: instantOf(due),
      version: 2,
    });
    await page.context().close();
  });

  it('the desk puts the case on an upcoming briefing, in English', async () => {
    const { id } = await openCase('Tin đồn tăng giá vé xe buýt');
    const briefing = await call('POST', '/briefings', 'desk', {
      title: 'Họp báo chiều thứ Hai',
      startsAt: new Date(Date.now() + 30 * 3_600_000).toISOString(),
    });
    expect(briefing.status).toBe(201);
    const page = await tc.newPage();
    await signIn(page, tc, { role: 'desk', returnTo: `/cases/${id}` });
    await page.getByRole('button', { name: 'English' }).click();
    await actionButton(page, 'Flag for a briefing').click();
    // The form opens with its field focused (keyboard users land in it).
    // (Waited for: the field may take focus once the upcoming briefings have loaded.)
    await page.locator('#case-flag-briefing-briefingId:focus').waitFor({ timeout: 5_000 });
    await page
      .locator(`#case-flag-briefing-briefingId option[value="${briefing.json.id}"]`)
      .waitFor({ state: 'attached' });
    await page.selectOption('#case-flag-briefing-briefingId', String(briefing.json.id));
    await submitButton(page).click();
    await page.getByRole('status').filter({ hasText: 'Briefing agenda updated.' }).waitFor();
    await page.locator('.case-head .chip', { hasText: 'On a briefing agenda' }).waitFor();
    await expectAccessible(page);
    expect((await call('GET', `/cases/${id}`, 'desk')).json).toMatchObject({ briefingId: briefing.json.id });
    await page.context().close();
  });

  it('journey 3: a second desk session acts first; the first sees what changed, keeps its input and retries', async () => {
    const { id } = await openCase('Tin đồn đóng cửa chợ Gò Vấp');
    const first = await tc.newPage();
    const second = await tc.newPage();
    await signIn(first, tc, { role: 'desk', returnTo: `/cases/${id}` });
    await signIn(second, tc, { role: 'desk', returnTo: `/cases/${id}` });

    // The first starts a comment, at version 1 ...
    const note = 'Đã gọi ban quản lý chợ: chợ vẫn mở cửa bình thường.';
    await actionButton(first, 'Ghi chú').click();
    await first.fill('#case-comment-note', note);
    // ... and what it typed survives a reload.
    await first.reload();
    await first.locator('#case-comment-note').waitFor();
    await expect(first.inputValue('#case-comment-note')).resolves.toBe(note);

    // The second assigns it meanwhile.
    await actionButton(second, 'Giao xử lý').click();
    await second.fill('#case-assign-dueAt', localDueValue());
    await submitButton(second).click();
    await second.getByRole('status').filter({ hasText: 'Đã giao xử lý.' }).waitFor();

    // The first sends on version 1: 412, what changed, its text still there.
    await submitButton(first).click();
    const conflict = first.locator('.case-conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('Người khác vừa thay đổi hồ sơ này');
    await expect(conflict.textContent()).resolves.toContain('Trạng thái: Chờ giao xử lý → Đang xác minh');
    await expect(conflict.textContent()).resolves.toContain('Giao xử lý');
    await expect(first.inputValue('#case-comment-note')).resolves.toBe(note);
    // The page shows the new state.
    await expect(first.locator('.case-head .chip').first().textContent()).resolves.toBe('Đang xác minh');
    await expectAccessible(first);
    await screenshots(first, 'desk-case-conflict');

    await conflict.getByRole('button', { name: 'Gửi lại trên phiên bản mới' }).click();
    await first.getByRole('status').filter({ hasText: 'Đã thêm ghi chú.' }).waitFor();

    const after = await call('GET', `/cases/${id}`, 'desk');
    const history = after.json.history as { action: string; note: string | null }[];
    expect(history.map((e) => e.action)).toEqual(['open', 'assign', 'comment']);
    expect(history[2]?.note).toBe(note);
    expect(after.json).toMatchObject({ status: 'verifying', agencyId: 'health-dept', version: 3 });
    await first.context().close();
    await second.context().close();
  });

  it('a draft restored after a reload says what happened since it was typed', async () => {
    const { id } = await openCase('Tin đồn sạt lở bờ sông Sài Gòn');
    const page = await tc.newPage(PHONE);
    await signIn(page, tc, { role: 'desk', returnTo: `/cases/${id}` });
    await actionButton(page, 'Ghi chú').click();
    await page.fill('#case-comment-note', 'Chờ ảnh hiện trường từ phường.');
    await act(id, { action: 'assign', agencyId: 'construction-dept', dueAt: inTwoDays() });
    await page.reload();
    const notice = page.locator('.case-conflict');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(
      'Hồ sơ đã thay đổi từ khi bạn bắt đầu nhập nội dung này.',
    );
    await expect(notice.textContent()).resolves.toContain('Giao xử lý');
    await expect(page.inputValue('#case-comment-note')).resolves.toBe('Chờ ảnh hiện trường từ phường.');
    await expectAccessible(page);
    await notice.getByRole('button', { name: 'Gửi lại trên phiên bản mới' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã thêm ghi chú.' }).waitFor();
    const history = (await call('GET', `/cases/${id}`, 'desk')).json.history as { action: string }[];
    expect(history.map((e) => e.action)).toEqual(['open', 'assign', 'comment']);
    await page.context().close();
  });

  it("journey 4: the agency responds on its case; another agency's case is not found", async () => {
    const { id } = await openCase('Tin đồn ngộ độc thực phẩm ở trường học');
    await act(id, { action: 'assign', agencyId: 'health-dept', dueAt: inTwoDays() });
    const other = await openCase('Tin đồn cướp giật ở chợ đêm');
    await act(other.id, { action: 'assign', agencyId: 'police', dueAt: inTwoDays() });

    const page = await tc.newPage(PHONE);
    await signIn(page, tc, { role: 'agency', agency: 'health-dept', returnTo: `/cases/${id}` });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.locator('.case-action-buttons button').allTextContents()).resolves.toEqual([
      'Gửi kết quả',
      'Ghi chú',
    ]);
    // The contact number in the report text is masked by the API.
    await expect(page.locator('.case-page').textContent()).resolves.not.toContain('0903 123 456');
    await expectAccessible(page);
    await screenshots(page, 'agency-case');

    // With the keyboard alone: to the action, into its form, through its fields, send.
    await tabTo(page, actionButton(page, 'Gửi kết quả'));
    await page.keyboard.press('Enter');
    await page.locator('#case-respond-finding:focus').waitFor();
    await page.keyboard.type('Đã lấy mẫu tại 3 điểm: nước đạt chuẩn.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Sở Y tế khẳng định nước máy khu vực Thủ Đức đạt quy chuẩn.');
    await expectAccessible(page);
    await screenshots(page, 'agency-respond');
    await tabTo(page, submitButton(page));
    await page.keyboard.press('Enter');
    // The confirmation takes the focus, so a screen reader hears it.
    await page.locator('[role="status"]:focus', { hasText: 'Đã gửi kết quả.' }).waitFor();

    const after = await call('GET', `/cases/${id}`, 'desk');
    expect(after.json).toMatchObject({
      status: 'responded',
      finding: 'Đã lấy mẫu tại 3 điểm: nước đạt chuẩn.',
      response: 'Sở Y tế khẳng định nước máy khu vực Thủ Đức đạt quy chuẩn.',
    });

    await page.goto(`${tc.url}/cases/${other.id}`);
    await page.getByRole('heading', { name: 'Không tìm thấy' }).waitFor();
    await expect(page.locator('.case-page').count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('journey 5: the desk closes with an evidence link (field errors at the field first); the collaborator sees it', async () => {
    const { id, reportId } = await openCase('Tin đồn cắt nước toàn thành phố');
    await act(id, { action: 'assign', agencyId: 'health-dept', dueAt: inTwoDays() });
    await act(
      id,
      { action: 'respond', finding: 'Không có kế hoạch cắt nước.', response: 'Cấp nước vẫn bình thường.' },
      'health',
    );

    const page = await tc.newPage();
    await signIn(page, tc, { role: 'desk', returnTo: `/cases/${id}` });
    await actionButton(page, 'Đóng hồ sơ').click();
    await page.selectOption('#case-close-outcome', 'clarified');
    await page.fill('#case-close-note', 'Sở đã đăng thông cáo.');
    await submitButton(page).click();
    // Clarified needs the evidence link: the API's error, at its field.
    await page.locator('#case-close-evidenceUrl-error').waitFor();
    await expect(page.getAttribute('#case-close-evidenceUrl', 'aria-invalid')).resolves.toBe('true');
    await expectAccessible(page);

    const evidence = 'https://soyte.example.gov.vn/thong-cao/cap-nuoc';
    await page.fill('#case-close-evidenceUrl', evidence);
    await submitButton(page).click();
    await page.getByRole('status').filter({ hasText: 'Đã đóng hồ sơ.' }).waitFor();
    await expect(page.locator(`.case-page a[href="${evidence}"]`).count()).resolves.toBeGreaterThan(0);

    expect((await call('GET', `/cases/${id}`, 'desk')).json).toMatchObject({
      status: 'closed',
      outcome: 'clarified',
      evidenceUrl: evidence,
    });
    // The collaborator's own report carries the outcome and the link.
    expect((await call('GET', `/reports/${reportId}`, 'reporter')).json).toMatchObject({
      outcome: 'clarified',
      evidenceUrl: evidence,
    });
    await page.context().close();

    // In the browser, on the report page (lane `reporter`'s page: checked once it has landed).
    if (!reportPageBuilt()) return;
    const mine = await tc.newPage(PHONE);
    await signIn(mine, tc, { role: 'reporter', user: REPORTER, returnTo: `/reports/${reportId}` });
    await mine.getByText('Đã thông tin chính thức').first().waitFor();
    await expect(mine.locator(`a[href="${evidence}"]`).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(mine);
    await mine.context().close();
  });
});

/** The report page is another lane's; until it lands it is a placeholder. */
const reportPageBuilt = () =>
  !readFileSync(new URL('../../web/src/pages/report.tsx', import.meta.url), 'utf8').includes('Placeholder');
