// The emails that help their reader act (issue 14), sent by the real jobs and
// the outbox sender through DynamoDB Local and the local SES store: the
// leadership summary's short top (one line per urgent report, the time it was
// seen, its case state), the digest (each case once, its reference, priority,
// deadline and link, no "before the deadline" when overdue), the assignment
// (priority, report count, masked sources, link) and the closure (the
// agency's response with the outcome and evidence). Links name the API
// resource from `links.apiUrl`, or the console when `consoleUrl` is set.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import { run as dailySummary } from '#functions/jobs/daily-summary';
import type { Principal } from '#http/principal';
import { MASKED_PHONE } from '#mail/format';
import { STRINGS } from '#mail/strings';
import { actOnCase, openCaseFor } from '#service/cases';
import { drainOutbox } from '#service/notifications';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { testTable } from '#test/support/aws';
import { type StoredEmail, sentEmails } from '#test/support/mail';
import { aReport } from '#test/support/report-body';

const tag = randomUUID().slice(0, 8);
const lead = `lead-${tag}@example.org`;
const policeBox = `police-${tag}@example.org`;
const reporterBox = `carol-${tag}@example.org`;
const API = `https://api-${tag}.example.org`;
const CONSOLE = `https://console-${tag}.example.org`;

// Day D = 2026-11-25 local (UTC+7); the summary runs at 07:00 on the 26th = 00:00Z.
const RUN_AT = new Date('2026-11-26T00:00:00.000Z');
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };
const carol: Principal = { sub: 'carol', roles: ['reporter'], email: reporterBox };

let t: Awaited<ReturnType<typeof testTable>>;
let config: AppConfig;
const deps = (now: Date, over: Partial<AppConfig> = {}): Deps =>
  t.deps({ clock: () => now, config: { ...config, ...over } });
const flat = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ');

const ids: Record<string, string> = {};

const report = async (when: string, over: Record<string, unknown>) => {
  const res = await submitReport(
    deps(new Date(when)),
    carol,
    aReport({
      title: 'Phản ánh',
      summary: 'Tóm tắt đầy đủ của phản ánh, chỉ nên có trong phần chi tiết ở cuối email.',
      category: 'public-order',
      urgency: 'high',
      observedAt: new Date(new Date(when).getTime() - 60_000).toISOString(),
      ...over,
    }),
    undefined,
  );
  return (res.body as { id: string }).id;
};

const act = (when: string, who: Principal, id: string, version: number, body: Record<string, unknown>) =>
  actOnCase(deps(new Date(when)), who, { id }, `"${version}"`, body);

beforeAll(async () => {
  t = await testTable();
  const base = t.deps().config;
  config = {
    ...base,
    summaryRecipients: [{ email: lead, locale: 'en' }],
    agencies: base.agencies.map((a) => (a.id === 'police' ? { ...a, emails: [policeBox], locale: 'en' } : a)),
    links: { apiUrl: API },
  };
  // Seen at 20:00Z on the 24th = 03:00 local on the 25th; submitted hours later.
  ids.onCase = await report('2026-11-25T01:00:00Z', {
    title: 'Urgent on a case being verified',
    urgency: 'critical',
    observedAt: '2026-11-24T20:00:00Z',
    sourceUrls: ['https://social.example/p/991122334455?utm_source=share', 'https://zalo.me/0912345678'],
  });
  ids.closed = await report('2026-11-25T02:00:00Z', { title: 'Urgent whose case is closed' });
  ids.alone = await report('2026-11-25T03:00:00Z', { title: 'Urgent on no case' });
  ids.soonReport = await report('2026-11-25T03:30:00Z', {
    title: 'Report of the due-soon case',
    urgency: 'normal',
  });

  // On a case assigned to the police with a deadline already past at the run: overdue.
  const c1 = await openCaseFor(deps(new Date('2026-11-25T04:00:00Z')), desk, {
    reportIds: [ids.onCase],
    title: 'Overdue case',
    priority: 'critical',
  });
  ids.overdueCase = c1.id;
  await act('2026-11-25T04:01:00Z', desk, c1.id, 1, {
    action: 'assign',
    agencyId: 'police',
    dueAt: '2026-11-25T10:00:00Z',
  });
  // Closed the same day, with the agency's public response.
  const c2 = await openCaseFor(deps(new Date('2026-11-25T04:10:00Z')), desk, { reportIds: [ids.closed] });
  ids.closedCase = c2.id;
  await act('2026-11-25T04:11:00Z', desk, c2.id, 1, {
    action: 'assign',
    agencyId: 'health-dept',
    dueAt: '2026-11-27T00:00:00Z',
  });
  await act('2026-11-25T05:00:00Z', desk, c2.id, 2, {
    action: 'respond',
    finding: 'Internal finding.',
    response: 'The department has published the schedule of repairs.',
  });
  await act('2026-11-25T06:00:00Z', desk, c2.id, 3, {
    action: 'close',
    outcome: 'clarified',
    note: 'Published.',
    evidenceUrl: 'https://gov.example/notice/42',
  });
  // Assigned that day and due within 48 hours of the run: "due soon" and "newly assigned" both.
  const c3 = await openCaseFor(deps(new Date('2026-11-25T05:00:00Z')), desk, {
    reportIds: [ids.soonReport],
    title: 'Due soon and newly assigned',
    priority: 'high',
  });
  ids.soonCase = c3.id;
  await act('2026-11-25T05:01:00Z', desk, c3.id, 1, {
    action: 'assign',
    agencyId: 'police',
    dueAt: '2026-11-27T03:00:00Z',
  });
});

describe('the daily summary job, read as its readers read it', () => {
  let summary: StoredEmail;
  let digest: StoredEmail;

  beforeAll(async () => {
    const result = await dailySummary(deps(RUN_AT), { now: RUN_AT });
    expect(result).toMatchObject({ failed: 0 });
    [summary] = (await sentEmails({ to: lead })) as [StoredEmail];
    [digest] = (await sentEmails({ to: policeBox })).filter((e) => e.subject.includes('(25 Nov 2026)')) as [
      StoredEmail,
    ];
    expect(summary).toBeDefined();
    expect(digest).toBeDefined();
  });

  it('leadership: one line per urgent report at the top, with the time seen and the case state', () => {
    const t = STRINGS.en;
    const text = summary.body.text ?? '';
    const top = text.slice(0, text.indexOf(t.urgentDetailsTitle.toUpperCase()));
    expect(top.length).toBeGreaterThan(0);
    expect(top).not.toContain('Tóm tắt đầy đủ');
    // The urgent lines (`- [High] …`): a closed case's title also heads its clarification item.
    const line = (title: string) => top.split('\n').filter((l) => l.startsWith('- [') && l.includes(title));
    expect(line('Urgent on a case being verified')).toEqual([
      `- [Critical] 03:00 Urgent on a case being verified · ${t.onCase('verifying')}`,
    ]);
    expect(line('Urgent whose case is closed')).toEqual([
      `- [High] 08:59 Urgent whose case is closed · ${t.onCase('closed')}`,
    ]);
    expect(line('Urgent on no case')).toEqual(['- [High] 09:59 Urgent on no case']);
    // The details: seen and submitted, the summary, the link to the report.
    const details = flat(text.slice(text.indexOf(t.urgentDetailsTitle.toUpperCase())));
    expect(details).toContain('seen 25 Nov, 03:00 · submitted 25 Nov, 08:00');
    expect(details).toContain('Tóm tắt đầy đủ');
    expect(details).toContain(`${API}/reports/${ids.onCase}`);
    expect(summary.body.html).toContain(`href="${API}/reports/${ids.onCase}"`);
    expect(summary.body.html).toContain(t.onCase('closed'));
  });

  it('agency digest: each case once, with reference, priority, local due time and link', () => {
    const text = flat(digest.body.text);
    const html = digest.body.html ?? '';
    for (const id of [ids.overdueCase!, ids.soonCase!]) {
      expect(text.split(`${API}/cases/${id}`).length - 1, id).toBe(1);
      expect(html.split(`href="${API}/cases/${id}"`).length - 1, id).toBe(1);
      expect(text).toContain(`Ref. ${id}`);
    }
    expect(text).toContain(`Ref. ${ids.overdueCase} · Critical priority · due 25 Nov, 17:00`);
    expect(text).toContain(`Ref. ${ids.soonCase} · High priority · due 27 Nov, 10:00`);
    expect(text).not.toContain(STRINGS.en.newlyAssignedTitle.toUpperCase());
    // An overdue case is listed: nothing says "before the deadline".
    expect(text).not.toContain('before the deadline');
    expect(flat(html)).not.toContain('before the deadline');
  });
});

describe('case notifications, read as their readers read them', () => {
  it('assignment: priority, number of reports, masked source links and the case link', async () => {
    await drainOutbox(deps(RUN_AT), RUN_AT, RUN_AT);
    const [assigned] = (await sentEmails({ to: policeBox })).filter(
      (e) => e.subject.includes('Overdue case') && !e.subject.includes('(25 Nov'),
    );
    const text = flat(assigned?.body.text);
    expect(text).toContain('Critical priority');
    expect(text).toContain('1 report');
    expect(text).toContain('https://social.example/p/991122334455');
    expect(text).not.toContain('utm_source');
    expect(text).toContain(`https://zalo.me/${MASKED_PHONE}`);
    expect(text).not.toContain('0912345678');
    expect(text).toContain(`${API}/cases/${ids.overdueCase}`);
    expect(assigned?.body.html).toContain(`href="${API}/cases/${ids.overdueCase}"`);
    expect(assigned?.body.html).not.toContain('0912345678');
  });

  it('closure to the reporter: the agency response with the outcome and the evidence link', async () => {
    const [closure] = await sentEmails({ to: reporterBox });
    const text = flat(closure?.body.text);
    expect(text).toContain('The department has published the schedule of repairs.');
    expect(text).toContain('Đã thông tin chính thức'); // the outcome, in the default locale (vi)
    expect(text).toContain('https://gov.example/notice/42');
    expect(closure?.body.html).toContain('The department has published the schedule of repairs.');
    expect(text).not.toContain('Internal finding.');
  });

  it('links go to the console once it is configured', async () => {
    const at = new Date('2026-11-26T01:00:00Z');
    const c = await openCaseFor(deps(at), desk, {
      reportIds: [await report('2026-11-26T00:50:00Z', { title: 'Console-linked' })],
    });
    await actOnCase(deps(at, { links: { consoleUrl: CONSOLE, apiUrl: API } }), desk, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'police',
      dueAt: '2026-11-29T00:00:00Z',
    });
    await drainOutbox(
      deps(at, { links: { consoleUrl: CONSOLE, apiUrl: API } }),
      new Date(at.getTime() + 1),
      at,
    );
    const [mail] = (await sentEmails({ to: policeBox })).filter((e) => e.subject.includes('Console-linked'));
    expect(mail?.body.text).toContain(`${CONSOLE}/cases/${c.id}`);
    expect(mail?.body.text).not.toContain(API);
    expect(mail?.body.html).not.toContain('undefined');
  });
});
