// The weekly and monthly report against DynamoDB Local and the local SES: the
// figures of a hand-counted week, the email with its CSV read back by a CSV
// parser, sent once per period and recipient under reruns and overlapping runs,
// and the periods a scheduled run sends on a Monday, the 1st and other days.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import { BadRequest } from '#domain/errors';
import { periodsOfRun, run } from '#functions/jobs/periodic-summary';
import type { Principal } from '#http/principal';
import { actOnCase, openCaseFor } from '#service/cases';
import { periodicSummaryFor } from '#service/periodic-summary';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { testTable } from '#test/support/aws';
import type { StoredEmail } from '#test/support/mail';
import { aReport } from '#test/support/report-body';
import { emailsTo } from '#test/support/steps';

const tag = randomUUID().slice(0, 8);
const lead = `lead-${tag}@example.org`;
const deputy = `deputy-${tag}@example.org`;

// Week 2026-W49 = Monday 30 Nov to Sunday 6 Dec, Ho Chi Minh City (UTC+7).
// The scheduled run: Monday 7 Dec 07:00 local = 00:00Z.
const RUN_AT = new Date('2026-12-07T00:00:00.000Z');
const HOUR = 3_600_000;
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };
const reporter: Principal = { sub: 'field-1', roles: ['reporter'] };
const agencyOf = (agencyId: string): Principal => ({
  sub: `officer-${agencyId}`,
  roles: ['agency'],
  agencyId,
});

let t: Awaited<ReturnType<typeof testTable>>;
let config: AppConfig;
const at = (iso: string): Partial<Deps> => ({ clock: () => new Date(iso), config });
const deps = (over: Partial<Deps> = {}) => t.deps({ clock: () => RUN_AT, config, ...over });

let n = 0;
const report = async (when: string, category: string, area: string, sourceUrls?: string[]) => {
  n++;
  const res = await submitReport(
    t.deps(at(when)),
    reporter,
    aReport({
      title: `Phản ánh số ${n}: chủ đề riêng biệt ${randomUUID()}`,
      summary: `Nội dung khác nhau ${randomUUID()} — gọi 0912 345 678.`,
      category,
      area,
      observedAt: new Date(new Date(when).getTime() - 60_000).toISOString(),
      ...(sourceUrls ? { sourceUrls } : {}),
    }),
    undefined,
  );
  return (res.body as { id: string }).id;
};

/** Opens a case on `reportId` and assigns it; returns its id. */
const assignedCase = async (o: {
  reportId: string;
  title: string;
  openedAt: string;
  agencyId: string;
  dueAt: string;
}) => {
  const c = await openCaseFor(t.deps(at(o.openedAt)), desk, { reportIds: [o.reportId], title: o.title });
  await actOnCase(t.deps(at(o.openedAt)), desk, { id: c.id }, '"1"', {
    action: 'assign',
    agencyId: o.agencyId,
    dueAt: o.dueAt,
  });
  return c.id;
};
const respond = (id: string, agencyId: string, when: string) =>
  actOnCase(t.deps(at(when)), agencyOf(agencyId), { id }, '"2"', {
    action: 'respond',
    finding: 'Đã xác minh',
    response: 'Đã có thông tin chính thức',
  });

const caseIds: Record<string, string> = {};

beforeAll(async () => {
  t = await testTable('periodic');
  const base = t.deps().config;
  config = {
    ...base,
    summaryRecipients: [
      { email: lead, locale: 'vi' },
      { email: deputy, locale: 'en' },
    ],
  };
  // Outside the week: Sunday 29 Nov 23:59 local, and Monday 7 Dec 00:00 local.
  await report('2026-11-29T16:59:00Z', 'transport', 'district-1');
  await report('2026-12-06T17:00:00Z', 'transport', 'district-1');
  // D: opened and assigned the week before, due in this week, answered in time on Monday (52 h).
  const rD = await report('2026-11-28T00:00:00Z', 'transport', 'district-3');
  caseIds.D = await assignedCase({
    reportId: rD,
    title: 'Hồ sơ D tuần trước',
    openedAt: '2026-11-28T00:00:00Z',
    agencyId: 'transport-dept',
    dueAt: '2026-12-02T00:00:00Z',
  });
  await respond(caseIds.D, 'transport-dept', '2026-11-30T04:00:00Z');

  // F, in week 2026-W48 (23-29 Nov): a rumour with a link, clarified on Tuesday;
  // new reports sharing the link keep coming Wednesday to Friday (3 a day), none
  // linked to the closed case.
  const rumour = 'https://mxh.example/bai-viet/tin-don-f';
  const rF = await report('2026-11-23T02:00:00Z', 'transport', 'district-3', [rumour]);
  const cF = await openCaseFor(t.deps(at('2026-11-23T03:00:00Z')), desk, {
    reportIds: [rF],
    title: 'Tin đồn F có đường dẫn',
  });
  caseIds.F = cF.id;
  await actOnCase(t.deps(at('2026-11-24T03:00:00Z')), desk, { id: cF.id }, '"1"', {
    action: 'close',
    outcome: 'clarified',
    note: 'Đã có thông cáo',
    evidenceUrl: 'https://gov.example/thong-cao-f',
  });
  for (const d of ['2026-11-25', '2026-11-26', '2026-11-27']) {
    for (const h of ['02', '04', '06']) await report(`${d}T${h}:00:00Z`, 'transport', 'district-3', [rumour]);
  }

  // In the week: 4 transport and 3 health reports (Monday 00:00 to Sunday 23:59 local).
  const rA = await report('2026-11-29T17:00:00Z', 'transport', 'district-1'); // Mon 00:00
  await report('2026-11-30T02:00:00Z', 'transport', 'district-1');
  const rB = await report('2026-12-01T00:30:00Z', 'health', 'thu-duc');
  const rC = await report('2026-12-02T00:30:00Z', 'health', 'thu-duc');
  await report('2026-12-02T01:30:00Z', 'health', 'thu-duc');
  const rE = await report('2026-12-03T00:30:00Z', 'transport', 'district-1');
  await report('2026-12-06T16:59:00Z', 'transport', 'district-1'); // Sun 23:59

  // A: answered in 2 h, closed clarified on Wednesday.
  caseIds.A = await assignedCase({
    reportId: rA,
    title: 'Tin đồn cấm xe qua cầu <b>Sài Gòn</b>',
    openedAt: '2026-11-30T03:00:00Z',
    agencyId: 'transport-dept',
    dueAt: '2026-12-01T03:00:00Z',
  });
  await respond(caseIds.A, 'transport-dept', '2026-11-30T05:00:00Z');
  await actOnCase(t.deps(at('2026-12-02T03:00:00Z')), desk, { id: caseIds.A }, '"3"', {
    action: 'close',
    outcome: 'clarified',
    note: 'Sở đã đăng thông cáo',
    evidenceUrl: 'https://gov.example/thong-cao',
  });
  // B: due 4 h after assignment, answered after 8 h: late.
  caseIds.B = await assignedCase({
    reportId: rB,
    title: '=HYPERLINK("http://x.example") Hồ sơ B',
    openedAt: '2026-12-01T01:00:00Z',
    agencyId: 'health-dept',
    dueAt: '2026-12-01T05:00:00Z',
  });
  await respond(caseIds.B, 'health-dept', '2026-12-01T09:00:00Z');
  // C: due Thursday, never answered.
  caseIds.C = await assignedCase({
    reportId: rC,
    title: 'Hồ sơ C chưa phản hồi',
    openedAt: '2026-12-02T02:00:00Z',
    agencyId: 'health-dept',
    dueAt: '2026-12-03T02:00:00Z',
  });
  // E: answered in 4 h.
  caseIds.E = await assignedCase({
    reportId: rE,
    title: 'Hồ sơ E',
    openedAt: '2026-12-03T01:00:00Z',
    agencyId: 'transport-dept',
    dueAt: '2026-12-05T01:00:00Z',
  });
  await respond(caseIds.E, 'transport-dept', '2026-12-03T05:00:00Z');
}, 60_000);

afterAll(() => t?.db.destroy());

const csvOf = (e: StoredEmail | undefined) => {
  const a = e?.attachments.find((x) => x.contentType.startsWith('text/csv'));
  expect(a, 'a CSV attachment').toBeDefined();
  const raw = Buffer.from(a!.content, 'base64');
  const text = raw.toString('utf8').startsWith('\uFEFF') ? raw.toString('utf8') : a!.content;
  return text;
};

describe('the weekly report: figures against a hand-counted week', () => {
  it('counts reports, cases, response times, overdue and the clarification as defined', async () => {
    const s = await periodicSummaryFor(deps(), 'week', { week: '2026-W49' });
    expect(s.period).toMatchObject({ id: '2026-W49', from: '2026-11-30', to: '2026-12-06' });
    expect(s.reports.total).toBe(7);
    expect(s.reports.byCategory).toEqual([
      { id: 'transport', count: 4 },
      { id: 'health', count: 3 },
    ]);
    expect(s.reports.perDay.map((d) => d.reports)).toEqual([2, 1, 2, 1, 0, 0, 1]);
    expect(s.cases.opened.total).toBe(4);
    expect(s.cases.opened.byCategory).toEqual([
      { id: 'health', count: 2 },
      { id: 'transport', count: 2 },
    ]);
    expect(s.cases.closed.total).toBe(1);
    expect(s.cases.closed.byOutcome.clarified).toBe(1);
    // transport: 52 h (D), 2 h (A), 4 h (E) → median 4 h, p90 52 h; health: 8 h (B); B and C let go overdue.
    expect(s.agencies).toEqual([
      {
        agencyId: 'health-dept',
        agencyName: 'Sở Y tế',
        responses: 1,
        medianResponseSeconds: 8 * 3600,
        p90ResponseSeconds: 8 * 3600,
        overdue: 2,
      },
      {
        agencyId: 'transport-dept',
        agencyName: 'Sở Giao thông Vận tải',
        responses: 3,
        medianResponseSeconds: 4 * 3600,
        p90ResponseSeconds: 52 * 3600,
        overdue: 0,
      },
    ]);
    // Judged as the daily summary judges it, as of Sunday's end: one linked report
    // before the word (observed Sunday 23:59 local), nothing on its topics after.
    expect(s.clarifications).toEqual([
      expect.objectContaining({
        caseId: caseIds.A,
        outcome: 'clarified',
        officialAt: '2026-12-02T03:00:00.000Z',
        firstReportAt: '2026-11-29T16:59:00.000Z',
        secondsToOfficialWord: 58 * 3600 + 60,
        verdict: 'landed',
      }),
    ]);
    expect(s.clarifications[0]?.before.reports).toBe(1);
    expect(s.clarifications[0]?.after.reports).toBe(0);
    expect(s.clarifications[0]?.days.find((d) => d.date === '2026-11-30')?.reports).toBe(1);
    expect(s.caseList.map((c) => c.id).sort()).toEqual([caseIds.A, caseIds.B, caseIds.C, caseIds.E].sort());
    const topA = s.topics.find((x) => x.kind === 'case' && x.key === caseIds.A);
    expect(topA?.title).toBe('Tin đồn cấm xe qua cầu <b>Sài Gòn</b>');
    expect(topA?.days.map((d) => d.reports)).toEqual([1, 0, 0, 0, 0, 0, 0]);
  });

  it('judges a clarification by its claim, not its case: similar reports after the close keep it spreading', async () => {
    const s = await periodicSummaryFor(deps(), 'week', { week: '2026-W48' });
    const f = s.clarifications.find((c) => c.caseId === caseIds.F);
    // Before: its one linked report over the day to the word (1 a day);
    // after: the 9 reports sharing its link, over the 5.58 days to Sunday's end.
    expect(f).toMatchObject({
      verdict: 'spreading',
      before: { reports: 1 },
      after: { reports: 9, days: 5.58, reportsPerDay: 1.61 },
    });
    expect(f?.days.map((d) => [d.date, d.reports])).toEqual([
      ['2026-11-23', 1],
      ['2026-11-24', 0],
      ['2026-11-25', 3],
      ['2026-11-26', 3],
      ['2026-11-27', 3],
      ['2026-11-28', 0],
      ['2026-11-29', 0],
    ]);
  });

  it('refuses a week that has not ended, a future one and one that does not exist', async () => {
    await expect(periodicSummaryFor(deps(), 'week', { week: '2026-W50' })).rejects.toBeInstanceOf(BadRequest);
    await expect(periodicSummaryFor(deps(), 'week', { week: '2027-W02' })).rejects.toBeInstanceOf(BadRequest);
    await expect(periodicSummaryFor(deps(), 'week', { week: '2025-W53' })).rejects.toBeInstanceOf(BadRequest);
    await expect(periodicSummaryFor(deps(), 'month', { month: '2026-12' })).rejects.toBeInstanceOf(
      BadRequest,
    );
    await expect(periodicSummaryFor(deps(), 'month', { month: 'nov' })).rejects.toBeInstanceOf(BadRequest);
    // Default: the last complete one.
    expect((await periodicSummaryFor(deps(), 'week', {})).period.id).toBe('2026-W49');
    expect((await periodicSummaryFor(deps(), 'month', {})).period.id).toBe('2026-11');
  });
});

describe('the periodic-summary job', () => {
  it('a dry run writes the emails and the CSV, sends nothing', async () => {
    const outboxDir = await mkdtemp(join(tmpdir(), 'outbox-'));
    const result = await run(deps(), {
      now: RUN_AT,
      scheduledTime: RUN_AT.toISOString(),
      dryRun: true,
      outboxDir,
    });
    expect(result).toMatchObject({ written: 2, sent: 0 });
    const files = await readdir(join(outboxDir, 'periodic-summary', 'week_2026-W49'));
    expect(files.filter((f) => f.endsWith('.csv'))).toHaveLength(2);
    expect(await emailsTo(lead)).toHaveLength(0);
    const csv = await readFile(
      join(
        outboxDir,
        'periodic-summary',
        'week_2026-W49',
        files.find((f) => f.startsWith(lead) && f.endsWith('.csv'))!,
      ),
      'utf8',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });

  it('the Monday run sends the week to each leader once, with the CSV', async () => {
    const result = await run(deps(), { now: RUN_AT, scheduledTime: RUN_AT.toISOString() });
    expect(result).toMatchObject({
      sent: 2,
      failed: 0,
      periods: [{ period: 'week:2026-W49', reports: 7, cases: 4 }],
    });
    const [vi] = await emailsTo(lead);
    const [en] = await emailsTo(deputy);
    expect(vi?.subject).toBe(
      '[Dư luận] Báo cáo tuần 2026-W49 (30/11–06/12): 7 phản ánh, 4 hồ sơ mở mới, 2 hồ sơ để quá hạn',
    );
    expect(en?.subject).toContain('Weekly report 2026-W49 (30 Nov–6 Dec)');
    expect(vi?.body.html).toContain('&lt;b&gt;Sài Gòn&lt;/b&gt;');
    expect(vi?.body.html).toContain('bgcolor="#1c4f9c"');
    const rows = parse(csvOf(vi), { bom: true }) as string[][];
    expect(rows[0]?.[0]).toBe('Mã hồ sơ');
    expect(rows).toHaveLength(5);
    const b = rows.find((r) => r[0] === caseIds.B);
    expect(b?.[1]).toBe('\'=HYPERLINK("http://x.example") Hồ sơ B');
    expect(b?.slice(2, 5)).toEqual(['Y tế', 'TP. Thủ Đức', 'Sở Y tế']);
    expect(b?.[11]).toBe('8');
    expect((parse(csvOf(en), { bom: true }) as string[][])[0]?.[0]).toBe('Case id');
  });

  it('sends nothing on a rerun of the same scheduled run', async () => {
    const result = await run(deps(), {
      now: new Date(RUN_AT.getTime() + HOUR),
      scheduledTime: RUN_AT.toISOString(),
    });
    expect(result).toMatchObject({ sent: 0, skipped: 2 });
    expect(await emailsTo(lead)).toHaveLength(1);
  });

  it('two runs at once send the month once per leader', async () => {
    const [a, b] = await Promise.all([
      run(deps(), { now: RUN_AT, period: 'month', date: '2026-11-15' }),
      run(deps(), { now: RUN_AT, period: 'month', date: '2026-11-15' }),
    ]);
    expect(a.sent + b.sent).toBe(2);
    expect(a.skipped + b.skipped).toBe(2);
    const months = (await emailsTo(lead)).filter((e) => e.subject.includes('Báo cáo tháng 11/2026'));
    expect(months).toHaveLength(1);
  });

  it('refuses a period that has not ended; sends nothing on a day that ends none', async () => {
    expect(await run(deps(), { now: RUN_AT, period: 'week', date: '2026-12-07' })).toMatchObject({
      error: 'period-not-ended',
      sent: 0,
    });
    const tuesday = '2026-12-08T00:00:00.000Z';
    expect(await run(deps({ clock: () => new Date(tuesday) }), { scheduledTime: tuesday })).toMatchObject({
      periods: [],
      sent: 0,
      skipped: 0,
    });
    expect(await emailsTo(lead)).toHaveLength(2);
  });
});

describe('the periods of a scheduled run, in the zone', () => {
  const tz = 'Asia/Ho_Chi_Minh';
  const of = (iso: string) =>
    periodsOfRun({ scheduledTime: iso }, new Date(iso), tz).map((p) => `${p.kind}:${p.id}`);
  it('Monday 07:00 local sends the week; the 1st the month; a Monday the 1st both; 06:59 UTC Sunday is Monday local', () => {
    expect(of('2026-12-07T00:00:00Z')).toEqual(['week:2026-W49']);
    expect(of('2026-12-01T00:00:00Z')).toEqual(['month:2026-11']);
    expect(of('2027-02-01T00:00:00Z')).toEqual(['week:2027-W04', 'month:2027-01']);
    expect(of('2026-12-08T00:00:00Z')).toEqual([]);
    // Sunday 6 Dec 17:30 UTC is Monday 00:30 in the zone.
    expect(of('2026-12-06T17:30:00Z')).toEqual(['week:2026-W49']);
    expect(periodsOfRun({ period: 'week' }, new Date('2026-12-09T00:00:00Z'), tz)[0]?.id).toBe('2026-W49');
  });
});
