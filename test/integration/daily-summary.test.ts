// The daily summary job against DynamoDB Local and the local SES store: the
// right emails to the right people, once, whatever reruns and overlaps.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '#config/schema';
import { localDay } from '#domain/time';
import { DIGEST_JOB, JOB, run } from '#functions/jobs/daily-summary';
import type { Principal } from '#http/principal';
import type { Mailer } from '#mail/mailer';
import { actOnCase, openCaseFor } from '#service/cases';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { markerKey } from '#store/sent-markers';
import { testTable } from '#test/support/aws';
import { writeStackFile } from '#test/support/child';
import { sentEmails } from '#test/support/mail';
import { aReport } from '#test/support/report-body';

const tag = randomUUID().slice(0, 8);
const lead = `lead-${tag}@example.org`;
const deputy = `deputy-${tag}@example.org`;
const outsider = `boss-${tag}@elsewhere.example.net`;
const policeBox = `police-${tag}@example.org`;
const healthBox = `health-${tag}@example.org`;

// Day D = 2026-11-25 local (UTC+7). The job runs at 07:00 on the 26th = 00:00Z.
const RUN_AT = new Date('2026-11-26T00:00:00.000Z');
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };
const police: Principal = { sub: 'officer-1', roles: ['agency'], agencyId: 'police' };
const reporter: Principal = { sub: 'field-1', roles: ['reporter'] };

let t: Awaited<ReturnType<typeof testTable>>;
let config: AppConfig;
const at = (iso: string): Partial<Deps> => ({ clock: () => new Date(iso), config });

const report = async (when: string, over: Record<string, unknown> = {}) => {
  const res = await submitReport(
    t.deps(at(when)),
    reporter,
    aReport({
      title: 'Phản ánh về <b>ngập</b> & kẹt xe',
      summary: 'Người dân gọi 0912 345 678 và gửi mail a.b@gmail.com để phản ánh.',
      category: 'public-order',
      channel: 'hotline',
      observedAt: new Date(new Date(when).getTime() - 60_000).toISOString(),
      ...over,
    }),
    undefined,
  );
  return (res.body as { id: string }).id;
};

beforeAll(async () => {
  t = await testTable();
  const base = t.deps().config;
  config = {
    ...base,
    summaryRecipients: [
      { email: lead, locale: 'vi' },
      { email: deputy, locale: 'en' },
    ],
    agencies: base.agencies.map((a) =>
      a.id === 'police'
        ? { ...a, emails: [policeBox] }
        : a.id === 'health-dept'
          ? { ...a, emails: [healthBox] }
          : a,
    ),
  };
  // 23:59 local on the 24th (not our day), 00:01 and later on the 25th, 00:01 on the 26th (not our day)
  await report('2026-11-24T16:59:00Z', { title: 'Ngày hôm trước' });
  const r1 = await report('2026-11-24T17:01:00Z', {
    urgency: 'critical',
    reach: 50000,
    sourceUrls: ['https://fb.example/p/1'],
  });
  await report('2026-11-25T02:00:00Z', {
    urgency: 'high',
    sourceUrls: ['https://fb.example/p/1?utm_source=x'],
  });
  await report('2026-11-25T09:00:00Z', { sentiment: 'positive', category: 'health', area: 'district-1' });
  await report('2026-11-25T17:01:00Z', { title: 'Ngày hôm sau' });

  // a case opened on the 25th, assigned to the police with a deadline that passed on the 25th
  const c = await openCaseFor(t.deps(at('2026-11-25T03:00:00Z')), desk, {
    reportIds: [r1],
    title: 'Tin đồn cắt điện',
  });
  await actOnCase(t.deps(at('2026-11-25T03:05:00Z')), desk, { id: c.id }, '"1"', {
    action: 'assign',
    agencyId: 'police',
    dueAt: '2026-11-25T10:00:00Z',
  });
  // another case answered and closed the same day
  const r5 = await report('2026-11-25T04:00:00Z', { category: 'health', area: 'district-1' });
  const c2 = await openCaseFor(t.deps(at('2026-11-25T04:10:00Z')), desk, { reportIds: [r5] });
  await actOnCase(t.deps(at('2026-11-25T04:11:00Z')), desk, { id: c2.id }, '"1"', {
    action: 'assign',
    agencyId: 'police',
    dueAt: '2026-11-27T00:00:00Z',
  });
  await actOnCase(t.deps(at('2026-11-25T06:11:00Z')), police, { id: c2.id }, '"2"', {
    action: 'respond',
    finding: 'Đã xác minh',
    response: 'Đã có thông cáo',
  });
  await actOnCase(t.deps(at('2026-11-25T07:00:00Z')), desk, { id: c2.id }, '"3"', {
    action: 'close',
    outcome: 'clarified',
    note: 'Đã đăng',
    evidenceUrl: 'https://gov.example/tb',
  });
});

const deps = (over: Partial<Deps> = {}) => t.deps({ clock: () => RUN_AT, config, ...over });

describe('the daily summary job', () => {
  it('writes the rendered emails to the outbox on a dry run, sending nothing', async () => {
    const outboxDir = await mkdtemp(join(tmpdir(), 'outbox-'));
    const result = await run(deps(), { now: RUN_AT, dryRun: true, outboxDir });
    expect(result).toMatchObject({
      job: 'daily-summary',
      date: '2026-11-25',
      written: 3,
      sent: 0,
      reports: 4,
    });
    const files = await readdir(join(outboxDir, 'daily-summary', '2026-11-25'));
    expect(files.sort()).toEqual([`${deputy}.html`, `${deputy}.txt`, `${lead}.html`, `${lead}.txt`].sort());
    const text = await readFile(join(outboxDir, 'daily-summary', '2026-11-25', `${lead}.txt`), 'utf8');
    expect(text).toMatch(/^Subject: .*25\/11\/2026/);
    expect(await sentEmails({ to: lead })).toHaveLength(0);
  });

  it('sends the summary to each leader in their locale and a digest to the agency that owes', async () => {
    const result = await run(deps(), { now: RUN_AT });
    expect(result).toMatchObject({ sent: 3, skipped: 0, failed: 0, reports: 4, agencyDigests: 1 });
    const [vi] = await sentEmails({ to: lead });
    const [en] = await sentEmails({ to: deputy });
    expect(vi?.subject).toContain('25/11/2026');
    expect(vi?.subject).toContain('4');
    expect(en?.subject).toMatch(/25 Nov(ember)? 2026/);
    // user text escaped, contacts masked
    expect(vi?.body.html).not.toContain('<b>ngập</b>');
    expect(vi?.body.html).toContain('&lt;b&gt;ngập&lt;/b&gt;');
    for (const part of [vi?.body.html, vi?.body.text]) {
      expect(part).not.toContain('0912 345 678');
      expect(part).not.toContain('a.b@gmail.com');
    }
    const [digest] = await sentEmails({ to: policeBox });
    expect(digest?.body.text).toContain('Tin đồn cắt điện');
    expect(await sentEmails({ to: healthBox })).toHaveLength(0);
  });

  it('sends nothing on a rerun', async () => {
    const result = await run(deps(), { now: RUN_AT });
    expect(result).toMatchObject({ sent: 0, skipped: 3, failed: 0 });
    expect(await sentEmails({ to: lead })).toHaveLength(1);
  });

  it('resends everything with --force, deliberately', async () => {
    const result = await run(deps(), { now: RUN_AT, force: true, date: '2026-11-25' });
    expect(result.sent).toBe(3);
    expect(await sentEmails({ to: lead })).toHaveLength(2);
  });
});

describe('overlapping runs and failures', () => {
  it('two runs at once send each email once', async () => {
    const day = '2026-11-20';
    const [a, b] = await Promise.all([
      run(deps(), { now: RUN_AT, date: day }),
      run(deps(), { now: RUN_AT, date: day }),
    ]);
    // a quiet day still tells the police what it owes: two leaders and one digest
    expect(a.sent + b.sent).toBe(3);
    expect(a.skipped + b.skipped).toBe(3);
    const forLead = (await sentEmails({ to: lead })).filter((e) => e.subject.includes('20/11/2026'));
    expect(forLead).toHaveLength(1);
  });

  it('one recipient failing leaves the others sent, and the next run sends it', async () => {
    const day = '2026-11-21';
    const real = deps().mailer;
    // A fault the local SES cannot produce: the send for one address throws.
    const flaky: Mailer = {
      send: async (email) => {
        if (email.to === deputy)
          throw Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' });
        return real.send(email);
      },
    };
    const first = await run(deps({ mailer: flaky }), { now: RUN_AT, date: day });
    expect(first).toMatchObject({ sent: 2, failed: 1 });
    const second = await run(deps(), { now: RUN_AT, date: day });
    expect(second).toMatchObject({ sent: 1, skipped: 2, failed: 0 });
    const forDeputy = (await sentEmails({ to: deputy })).filter((e) => e.subject.includes('21 Nov'));
    expect(forDeputy).toHaveLength(1);
  });

  it('skips and counts recipients outside the allow-list (dev)', async () => {
    const cfg = {
      ...config,
      summaryRecipients: [...config.summaryRecipients, { email: outsider, locale: 'vi' as const }],
    };
    const result = await run(deps({ config: cfg }), { now: RUN_AT, date: '2026-11-22' });
    expect(result).toMatchObject({ sent: 3, notAllowed: 1, skipped: 1 });
    expect(await sentEmails({ to: outsider })).toHaveLength(0);
  });
});

describe('a day that has not ended', () => {
  // RUN_AT is 07:00 local on 2026-11-26: the 26th is today, the 27th and 2027-01-01 are ahead.
  /** Every sent-marker (summary and digest, any recipient) for `date`. */
  const markersOf = async (date: string): Promise<number> => {
    let n = 0;
    for (const job of [JOB, DIGEST_JOB]) {
      const res = await t.db.send(
        new QueryCommand({
          TableName: t.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': markerKey({ job, period: date, recipient: lead }).pk },
        }),
      );
      n += res.Count ?? 0;
    }
    return n;
  };
  const mailFor = async (subjectDate: string) =>
    (await Promise.all([lead, deputy, policeBox].map((to) => sentEmails({ to }))))
      .flat()
      .filter((e) => e.subject.includes(subjectDate));

  it.each([
    ['a future day', '2027-01-01', '01/01/2027', 'in the future'],
    ['the next day', '2026-11-27', '27/11/2026', 'in the future'],
    ["today's date", '2026-11-26', '26/11/2026', 'today'],
  ])(
    'refuses %s, also with force: nothing sent, no markers, an error result',
    async (_, date, subjectDate, standing) => {
      for (const force of [false, true]) {
        const result = await run(deps(), { now: RUN_AT, date, force });
        expect(result).toEqual({
          job: 'daily-summary',
          date,
          sent: 0,
          skipped: 0,
          failed: 0,
          error: 'day-not-ended',
          message: expect.stringContaining(
            `${date} has not ended yet in Asia/Ho_Chi_Minh (it is ${standing} there)`,
          ),
        });
      }
      expect(await markersOf(date)).toBe(0);
      expect(await mailFor(subjectDate)).toEqual([]);
    },
  );

  it('summarizes the day before once it has ended (control: the same deps send)', async () => {
    const result = await run(deps({ clock: () => new Date('2026-11-19T00:00:00.000Z') }), {
      date: '2026-11-18',
    });
    // the two leaders; on the 19th nobody owes anything yet, so no digest
    expect(result).toMatchObject({ date: '2026-11-18', sent: 2, failed: 0 });
    expect(result.error).toBeUndefined();
    expect(await markersOf('2026-11-18')).toBe(2);
  });

  describe('the Lambda handler', () => {
    beforeAll(() => {
      vi.stubEnv('APP_ENV', 'dev');
      vi.stubEnv('TABLE_NAME', t.tableName);
      vi.stubEnv('DYNAMODB_ENDPOINT', t.endpoint);
      vi.stubEnv('SES_ENDPOINT', t.sesEndpoint);
      // The config a deployed bundle carries (shared/config/bundled.ts), as CDK's esbuild `define` inlines it.
      vi.stubGlobal('__OPINION_DESK_CONFIG__', t.deps().config);
    });
    afterAll(() => {
      vi.unstubAllEnvs();
      vi.unstubAllGlobals();
    });

    it('returns the refusal for a manual invocation with a future time, without throwing (no scheduler retries)', async () => {
      const { handler } = await import('#functions/jobs/daily-summary');
      // A scheduled time three days ahead of the real clock asks for a day two days ahead.
      const ahead = new Date(Date.now() + 3 * 86_400_000);
      const day = localDay(new Date(ahead.getTime() - 86_400_000), config.timeZone);
      const result = await handler({ scheduledTime: ahead.toISOString() });
      expect(result).toMatchObject({ date: day, sent: 0, failed: 0, error: 'day-not-ended' });
      expect(await markersOf(day)).toBe(0);
    });
  });
});

describe('the job command (npm run job) on a day that has not ended', () => {
  // The CLI as a child process against this file's table and the test SES, through a stack file.
  const runCli = async (args: string[]) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'job-cli-'));
    await writeStackFile(dataDir, t);
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'infra/local/job-cli.ts', 'daily-summary', ...args],
        {
          cwd: join(import.meta.dirname, '../..'),
          env: { ...process.env, DATA_DIR: dataDir },
        },
        (err, stdout, stderr) => resolve({ code: err ? (err.code as number) : 0, stdout, stderr }),
      );
    });
  };
  const zone = () => config.timeZone;

  it.each([
    ['today', 0],
    ['a year ahead', 366],
  ])(
    'refuses %s with --force: exit 2, the reason on stderr, an error line on stdout, no markers',
    async (_, days) => {
      const date = localDay(new Date(Date.now() + days * 86_400_000), zone());
      const cli = await runCli(['--date', date, '--force']);
      expect(cli.code, cli.stderr).toBe(2);
      expect(cli.stderr).toContain(`${date} has not ended yet in ${zone()}`);
      const lines = cli.stdout.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        job: 'daily-summary',
        date,
        sent: 0,
        error: 'day-not-ended',
      });
      const markers = await t.db.send(
        new QueryCommand({
          TableName: t.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `SENT#${JOB}#${date}` },
        }),
      );
      expect(markers.Count).toBe(0);
    },
    60_000,
  );
});
