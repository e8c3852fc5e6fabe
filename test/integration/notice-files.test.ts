// Case emails name the evidence files the reader can open (docs/emails.md),
// against DynamoDB Local, the local S3 server and the local SES: files
// attached for real (upload form, POST, confirm), then the assignment, the
// deadline ladder and the closure say how many, with the console link, and
// carry no attachment.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import type { Principal } from '#http/principal';
import { actOnCase, openCaseFor } from '#service/cases';
import { sendDailySummary } from '#service/daily-summary-emails';
import { sendEscalations } from '#service/escalation';
import { confirmUpload, startUpload } from '#service/files';
import { drainOutbox } from '#service/notifications';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { testTable } from '#test/support/aws';
import { jpegWithGps, pdfWithAuthor } from '#test/support/evidence-images';
import { type StoredEmail, sentEmails } from '#test/support/mail';
import { aReport } from '#test/support/report-body';

const tag = randomUUID().slice(0, 8);
const agencyBox = `files-agency-${tag}@example.org`;
const alice = `files-alice-${tag}@example.org`;
const bob = `files-bob-${tag}@example.org`;
const deskBox = `files-desk-${tag}@example.org`;
const CONSOLE = 'https://console.example.org';

const desk: Principal = { sub: 'desk-1', roles: ['desk'] };
const T0 = new Date('2026-11-26T02:00:00.000Z');

let t: Awaited<ReturnType<typeof testTable>>;
let config: AppConfig;
const deps = (now: Date = T0): Deps => t.deps({ clock: () => now, config });
const drain = (now: Date) => drainOutbox(deps(now), new Date(now.getTime() + 1), now);

const reporterOf = (sub: string, email: string): Principal => ({ sub, roles: ['reporter'], email });

const report = async (who: Principal) => {
  const res = await submitReport(
    deps(),
    who,
    aReport({ title: `Ảnh chụp bài đăng ${randomUUID().slice(0, 6)}`, observedAt: '2026-11-26T01:00:00Z' }),
    undefined,
  );
  return (res.body as { id: string }).id;
};

/** Attaches a file as the console does: the upload form, the POST to storage, the confirm. */
const attach = async (
  who: Principal,
  kind: 'report' | 'case',
  id: string,
  bytes: Uint8Array,
  type: string,
) => {
  const name = type === 'application/pdf' ? 'dinh-chinh.pdf' : 'anh.jpg';
  const form = await startUpload(deps(), who, kind, { id }, { name, type, size: bytes.length });
  const body = new FormData();
  for (const [field, value] of Object.entries(form.upload.fields)) body.append(field, value);
  body.append('file', new Blob([bytes], { type }), name);
  const posted = await fetch(form.upload.url, { method: 'POST', body });
  expect(posted.status).toBeLessThan(300);
  const confirmed = await confirmUpload(deps(), who, kind, { id, fileId: form.fileId });
  expect(confirmed.status).toBe(201);
};

const flat = (e: StoredEmail | undefined) => (e?.body.text ?? '').replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await testTable();
  const base = t.deps().config;
  config = {
    ...base,
    links: { ...base.links, consoleUrl: CONSOLE },
    deskList: [{ email: deskBox, locale: 'vi' }],
    summaryRecipients: [{ email: `files-lead-${tag}@example.org`, locale: 'vi' }],
    agencies: base.agencies.map((a) =>
      a.id === 'police' ? { ...a, locale: 'vi', emails: [agencyBox], headEmails: [] } : a,
    ),
  };
});

describe('case emails name the files, never attach them', () => {
  it('the assignment, a deadline step and the response count the case’s files and its reports’; a closure tells each reporter of their own', async () => {
    const aliceP = reporterOf('files-alice', alice);
    const bobP = reporterOf('files-bob', bob);
    const [r1, r2] = [await report(aliceP), await report(bobP)];
    const photo = await jpegWithGps();
    await attach(aliceP, 'report', r1, photo, 'image/jpeg');
    await attach(aliceP, 'report', r1, photo, 'image/jpeg');
    const c = await openCaseFor(deps(), desk, { reportIds: [r1, r2] });
    await attach(desk, 'case', c.id, await pdfWithAuthor(1), 'application/pdf');

    // Due Monday 30/11 17:00 local: the reminder step (1 working day before) falls due on Friday 27/11.
    await actOnCase(deps(), desk, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'police',
      dueAt: '2026-11-30T10:00:00Z',
    });
    await drain(T0);
    const [assigned] = await sentEmails({ to: agencyBox });
    expect(flat(assigned)).toContain(
      `3 tệp đính kèm (ảnh chụp, tài liệu), xem trên trang hồ sơ. ${CONSOLE}/cases/${c.id}`,
    );
    expect(assigned?.body.html).toContain('3 tệp đính kèm');
    expect(assigned?.attachments ?? []).toEqual([]);

    const later = new Date('2026-11-27T10:05:00Z');
    const escalated = await sendEscalations(deps(later), { now: later });
    expect(escalated.sent).toBeGreaterThan(0);
    const step = (await sentEmails({ to: agencyBox })).find((e) => /Nhắc hạn|Quá hạn/.test(e.subject));
    expect(flat(step)).toContain(
      `3 tệp đính kèm (ảnh chụp, tài liệu), xem trên trang hồ sơ. ${CONSOLE}/cases/${c.id}`,
    );
    expect(step?.attachments ?? []).toEqual([]);

    const police: Principal = { sub: 'officer-1', roles: ['agency'], agencyId: 'police' };
    await actOnCase(deps(), police, { id: c.id }, '"2"', {
      action: 'respond',
      finding: 'Ảnh cũ, không phải hôm nay.',
      response: 'Sở đã đăng thông tin chính thức.',
    });
    await drain(T0);
    const [responded] = await sentEmails({ to: deskBox });
    expect(flat(responded)).toContain(
      `3 tệp đính kèm (ảnh chụp, tài liệu), xem trên trang hồ sơ. ${CONSOLE}/cases/${c.id}`,
    );

    await actOnCase(deps(), desk, { id: c.id }, '"3"', {
      action: 'close',
      outcome: 'corrected',
      note: 'Đã đính chính',
      evidenceUrl: 'https://gov.example/dinh-chinh',
    });
    await drain(T0);
    const [toAlice] = await sentEmails({ to: alice });
    // Her two photos, not the desk's PDF (she cannot open the case) nor Bob's reports.
    expect(flat(toAlice)).toContain(`2 tệp đính kèm trong phản ánh của anh/chị. ${CONSOLE}/reports/${r1}`);
    expect(toAlice?.attachments ?? []).toEqual([]);
    const [toBob] = await sentEmails({ to: bob });
    expect(toBob).toBeDefined();
    expect(flat(toBob)).not.toContain('tệp đính kèm');
  }, 60_000);

  it('says nothing of files on a case without any', async () => {
    const box = `files-none-${tag}@example.org`;
    config = {
      ...config,
      agencies: config.agencies.map((a) => (a.id === 'health-dept' ? { ...a, emails: [box] } : a)),
    };
    const c = await openCaseFor(deps(), desk, {
      reportIds: [await report(reporterOf('files-carol', 'c@x.org'))],
    });
    await actOnCase(deps(), desk, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'health-dept',
      dueAt: '2026-11-30T10:00:00Z',
    });
    await drain(T0);
    const [email] = await sentEmails({ to: box });
    expect(flat(email)).toContain(`${CONSOLE}/cases/${c.id}`);
    expect(flat(email)).not.toMatch(/tệp đính kèm| files? /);
  });

  it('the agency digest names the files of a case it lists', async () => {
    const box = `files-digest-${tag}@example.org`;
    config = {
      ...config,
      agencies: config.agencies.map((a) =>
        a.id === 'education-dept' ? { ...a, locale: 'en', emails: [box] } : a,
      ),
    };
    const c = await openCaseFor(deps(), desk, {
      reportIds: [await report(reporterOf('files-dan', 'd@x.org'))],
    });
    await attach(desk, 'case', c.id, await pdfWithAuthor(1), 'application/pdf');
    await actOnCase(deps(), desk, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'education-dept',
      dueAt: '2026-12-02T10:00:00Z',
    });
    // The next morning's run: the case is newly assigned on the 26th.
    const morning = new Date('2026-11-27T00:30:00Z');
    await sendDailySummary(deps(morning), '2026-11-26', { now: morning });
    const [digest] = await sentEmails({ to: box });
    expect(flat(digest)).toMatch(new RegExp(`${c.id} · [^\\n]*1 file ${CONSOLE}/cases/${c.id}`));
    expect(digest?.attachments ?? []).toEqual([]);
  });
});
