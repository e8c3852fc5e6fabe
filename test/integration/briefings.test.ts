// Briefings and their reminders against DynamoDB Local and the local SES
// store: once per briefing, sequence and offset, across reruns and overlaps.
import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import { run } from '#functions/jobs/briefing-reminders';
import type { Principal } from '#http/principal';
import { BRIEFING_STRINGS } from '#mail/briefing-email';
import { STRINGS } from '#mail/strings';
import { actOnBriefing, readBriefing, scheduleBriefing } from '#service/briefings';
import { actOnCase, openCaseFor } from '#service/cases';
import { materializeBriefings } from '#service/materialize';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { testTable } from '#test/support/aws';
import { anAssignedCase, anOpenCase, aSubmittedReport } from '#test/support/given';
import type { StoredEmail } from '#test/support/mail';
import { aReport } from '#test/support/report-body';
import { emailsTo } from '#test/support/then';

const tag = randomUUID().slice(0, 8);
const deskBox = `desk-${tag}@example.org`;
const pressBox = `press-${tag}@example.org`;
const policeBox = `police-${tag}@example.org`;
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };

const T0 = new Date('2026-12-01T03:00:00.000Z');
let t: Awaited<ReturnType<typeof testTable>>;
let config: AppConfig;
const deps = (now: Date): Deps => t.deps({ clock: () => now, config });
const runAt = (iso: string) => run(deps(new Date(iso)), { now: new Date(iso) });
const icsOf = (e: StoredEmail) => {
  const a = e.attachments.find((x) => x.contentType.startsWith('text/calendar'));
  expect(a, 'an .ics attachment').toBeDefined();
  const raw = a!.content.includes('BEGIN:VCALENDAR')
    ? a!.content
    : Buffer.from(a!.content, 'base64').toString('utf8');
  const cal = new ICAL.Component(ICAL.parse(raw));
  const ev = cal.getFirstSubcomponent('vevent')!;
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: ev.getFirstPropertyValue('uid'),
    sequence: Number(ev.getFirstPropertyValue('sequence') ?? 0),
    description: String(ev.getFirstPropertyValue('description') ?? ''),
  };
};

beforeAll(async () => {
  t = await testTable();
  const base = t.deps().config;
  config = {
    ...base,
    deskList: [{ email: deskBox, locale: 'vi' }],
    agencies: base.agencies.map((a) => (a.id === 'police' ? { ...a, emails: [policeBox] } : a)),
  };
});

describe('materializing the regular cycle', () => {
  it('is idempotent: twice gives the same briefings', async () => {
    const first = await materializeBriefings(deps(T0), T0);
    expect(first).toBeGreaterThanOrEqual(4);
    expect(await materializeBriefings(deps(T0), T0)).toBe(0);
  });
});

describe('an ad-hoc briefing with an agenda', () => {
  it('invites, reminds once per offset, updates on reschedule, cancels once', async () => {
    const b = await scheduleBriefing(deps(T0), desk, {
      title: 'Họp báo khẩn về sự cố ngập',
      startsAt: '2026-12-04T07:00:00Z',
      invitees: [pressBox],
    });
    // flag a case assigned to the police for it
    const report = await submitReport(
      deps(T0),
      { sub: 'r1', roles: ['reporter'] },
      aReport({
        title: 'Ngập sâu ở đường Lê Văn Việt',
        summary: 'Nhiều xe chết máy.',
        category: 'environment',
        area: 'thu-duc',
        urgency: 'critical',
        observedAt: '2026-12-01T02:00:00Z',
      }),
      undefined,
    );
    const c = await openCaseFor(deps(T0), desk, { reportIds: [(report.body as { id: string }).id] });
    await actOnCase(deps(T0), desk, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'police',
      dueAt: '2026-12-03T03:00:00Z',
    });
    await actOnCase(deps(T0), desk, { id: c.id }, '"2"', { action: 'flag-briefing', briefingId: b.id });
    expect((await readBriefing(deps(T0), desk, { id: b.id })).agenda).toEqual([
      expect.objectContaining({ caseId: c.id, status: 'verifying', agencyId: 'police' }),
    ]);

    // now: the invitation to the press only; no reminder window is open yet (start in 76 h)
    const first = await runAt('2026-12-01T03:00:00Z');
    expect(first.failed).toBe(0);
    expect(await emailsTo(pressBox)).toHaveLength(1);
    expect(await emailsTo(deskBox)).toHaveLength(0);

    // 48 h before, two runs at once: one reminder each to desk, press and police
    await Promise.all([runAt('2026-12-02T07:05:00Z'), runAt('2026-12-02T07:05:00Z')]);
    await runAt('2026-12-02T07:20:00Z');
    expect(await emailsTo(deskBox)).toHaveLength(1);
    expect(await emailsTo(policeBox)).toHaveLength(1);
    expect(await emailsTo(pressBox)).toHaveLength(2);
    const [reminder] = await emailsTo(policeBox);
    expect(reminder?.body.text).toContain('Ngập sâu ở đường Lê Văn Việt');
    const ics = icsOf(reminder!);
    expect(ics).toMatchObject({ method: 'REQUEST', sequence: 0 });

    // rescheduled: an update to everyone with SEQUENCE 1 and the same UID
    await actOnBriefing(
      deps(new Date('2026-12-02T08:00:00Z')),
      desk,
      { id: b.id },
      { action: 'reschedule', startsAt: '2026-12-04T08:00:00Z' },
    );
    await runAt('2026-12-02T08:15:00Z');
    const policeMail = await emailsTo(policeBox);
    // one email: the update, carrying the 48 h reminder again for the new time (sequence 1)
    expect(policeMail).toHaveLength(2);
    const update = icsOf(policeMail[1]!);
    expect(update.uid).toBe(ics.uid);
    expect(update.sequence).toBe(1);

    // cancelled: METHOD:CANCEL once, then nothing
    await actOnBriefing(
      deps(new Date('2026-12-03T00:00:00Z')),
      desk,
      { id: b.id },
      { action: 'cancel', reason: 'Đã có thông cáo' },
    );
    await runAt('2026-12-03T00:15:00Z');
    await runAt('2026-12-04T05:00:00Z'); // the 3 h window: nothing for a cancelled briefing
    const all = await emailsTo(policeBox);
    expect(all).toHaveLength(3);
    const cancel = icsOf(all[2]!);
    expect(cancel).toMatchObject({ method: 'CANCEL', sequence: 2, uid: ics.uid });
  });

  it('sends nothing for a briefing that has started', async () => {
    const late = `late-${tag}@example.org`;
    const b = await scheduleBriefing(deps(T0), desk, {
      title: 'Đã bắt đầu',
      startsAt: '2026-12-01T05:00:00Z',
      invitees: [late],
    });
    const result = await runAt('2026-12-01T05:01:00Z');
    expect(result.failed).toBe(0);
    expect(await emailsTo(late)).toHaveLength(0);
    expect(b.status).toBe('scheduled');
  });
});

/** A config of its own for a test: its own desk, leadership and agency boxes, so no other test's mail mixes in. */
const boxes = (name: string) => {
  const box = (who: string) => `${who}-${name}-${tag}@example.org`;
  const b = {
    desk: box('desk'),
    leader: box('leader'),
    police: box('police'),
    health: box('health'),
    press: box('press'),
    newcomer: box('newcomer'),
  };
  const own: AppConfig = {
    ...config,
    deskList: [{ email: b.desk, locale: 'vi' }],
    summaryRecipients: [{ email: b.leader, locale: 'vi' }],
    agencies: config.agencies.map((a) =>
      a.id === 'police'
        ? { ...a, emails: [b.police] }
        : a.id === 'health-dept'
          ? { ...a, emails: [b.health] }
          : a,
    ),
  };
  return { ...b, deps: (now: Date): Deps => t.deps({ clock: () => now, config: own }) };
};

/** Opens a case from one new report, assigns it (unless `agencyId` is null) and flags it for the briefing. */
const caseOnAgenda = async (
  deps: Deps,
  title: string,
  agencyId: string | null,
  briefingId: string,
): Promise<void> => {
  const reportIds = [
    await aSubmittedReport(
      deps,
      {
        title,
        summary: 'Nhiều người chia sẻ trên mạng.',
        category: 'public-order',
        area: 'district-1',
        urgency: 'high',
        observedAt: deps.clock().toISOString(),
      },
      { by: { sub: 'r1', roles: ['reporter'] } },
    ),
  ];
  const dueAt = new Date(deps.clock().getTime() + 10 * 86_400_000).toISOString();
  const c = agencyId
    ? await anAssignedCase(deps, { reportIds, desk, agencyId, dueAt })
    : await anOpenCase(deps, { reportIds, desk });
  await actOnCase(deps, desk, { id: c.caseId }, `"${c.version}"`, { action: 'flag-briefing', briefingId });
};

/** The one email to `to`, its text, and its .ics DESCRIPTION. */
const onlyEmail = async (to: string) => {
  const mail = await emailsTo(to);
  expect(mail, to).toHaveLength(1);
  const email = mail[0]!;
  // the text part is wrapped at 72 columns: read it as one line
  const text = (email.body.text ?? '').replace(/\s+/g, ' ');
  return { email, text, html: email.body.html ?? '', ics: icsOf(email) };
};

describe('each recipient sees only the agenda they may see (issue 13)', () => {
  it('desk and leadership: everything; an agency: its own cases; an outside invitee: titles only', async () => {
    const at = boxes('audience');
    const created = new Date('2027-01-01T03:00:00Z');
    const b = await scheduleBriefing(at.deps(created), desk, {
      title: 'Họp báo về an ninh trật tự',
      startsAt: '2027-01-05T07:00:00Z',
      invitees: [at.press, at.leader],
    });
    const policeCase = `Cướp giật ở chợ Bến Thành ${tag}`;
    const healthCase = `Thiếu thuốc ở bệnh viện quận ${tag}`;
    const openCase = `Tin đồn đóng cửa trường học ${tag}`;
    await caseOnAgenda(at.deps(created), policeCase, 'police', b.id);
    await caseOnAgenda(at.deps(created), healthCase, 'health-dept', b.id);
    await caseOnAgenda(at.deps(created), openCase, null, b.id);

    // 20 hours before: the 48 h reminder (and the invitees' invitation, in the same email)
    const now = new Date('2027-01-04T11:00:00Z');
    expect((await run(at.deps(now), { now })).failed).toBe(0);

    const vi = STRINGS.vi;
    const statusWords = Object.values(vi.status);
    const agencyNames = config.agencies.map((a) => a.name);
    for (const box of [at.desk, at.leader]) {
      const { text, ics } = await onlyEmail(box);
      for (const part of [text, ics.description]) {
        for (const title of [policeCase, healthCase, openCase]) expect(part).toContain(title);
        expect(part).toContain(vi.status.verifying);
        expect(part).toContain('Công an Thành phố');
        expect(part).toContain('Sở Y tế');
        expect(part).toContain(vi.unassigned);
      }
    }
    for (const [box, own, others] of [
      [at.police, policeCase, [healthCase, openCase]],
      [at.health, healthCase, [policeCase, openCase]],
    ] as const) {
      const { text, html, ics } = await onlyEmail(box);
      for (const part of [text, html, ics.description]) {
        expect(part).toContain(own);
        expect(part).toContain(vi.status.verifying);
        for (const other of others) expect(part).not.toContain(other);
      }
    }
    const press = await onlyEmail(at.press);
    expect(press.email.subject).toContain(BRIEFING_STRINGS.vi.subject.invitation);
    for (const part of [press.text, press.html, press.ics.description]) {
      for (const title of [policeCase, healthCase, openCase]) expect(part).toContain(title);
      for (const word of [...statusWords, ...agencyNames, vi.unassigned]) expect(part).not.toContain(word);
    }

    // the real time left, not the offset's name, in every copy
    for (const box of [at.desk, at.police, at.press]) {
      const { text } = await onlyEmail(box);
      expect(text).toContain('sau 20 giờ nữa');
      expect(text).not.toContain('48 giờ');
    }

    expect((await run(at.deps(now), { now })).sent).toBe(0);
  });
});

describe('one email per person per run (issue 13)', () => {
  it('an invitation due with a reminder goes as one email; a failed send releases both; reruns send nothing', async () => {
    const at = boxes('merge');
    const created = new Date('2027-01-15T03:00:00Z');
    const b = await scheduleBriefing(at.deps(created), desk, {
      title: 'Họp báo về giao thông',
      startsAt: '2027-01-20T07:00:00Z',
      invitees: [at.press],
    });
    const policeCase = `Kẹt xe ở cầu Sài Gòn ${tag}`;
    await caseOnAgenda(at.deps(created), policeCase, 'police', b.id);
    const runAt2 = (iso: string, mailer?: Deps['mailer']) => {
      const now = new Date(iso);
      return run({ ...at.deps(now), ...(mailer ? { mailer } : {}) }, { now });
    };
    const count = async () =>
      Object.fromEntries(
        await Promise.all(
          [at.desk, at.police, at.press, at.newcomer].map(async (box) => [box, (await emailsTo(box)).length]),
        ),
      );

    // 72 h before: the invitation only; 43 h before: the reminder to everyone
    await runAt2('2027-01-17T07:00:00Z');
    await runAt2('2027-01-18T12:00:00Z');
    expect(await count()).toEqual({ [at.desk]: 1, [at.police]: 1, [at.press]: 2, [at.newcomer]: 0 });

    // a newcomer invited once the 48 h reminder has gone out: invitation and reminder are due together
    await actOnBriefing(
      at.deps(new Date('2027-01-18T12:10:00Z')),
      desk,
      { id: b.id },
      { action: 'invite', emails: [at.newcomer] },
    );
    const dead = {
      send: () => Promise.reject(Object.assign(new Error('down'), { name: 'ServiceUnavailable' })),
    };
    expect(await runAt2('2027-01-18T12:15:00Z', dead)).toMatchObject({ sent: 0, failed: 1 });
    const merged = await runAt2('2027-01-18T12:15:00Z');
    expect(merged).toMatchObject({ sent: 1, failed: 0 });
    const { email, text } = await onlyEmail(at.newcomer);
    expect(email.subject).toContain(BRIEFING_STRINGS.vi.subject.invitation);
    expect(text).toContain('sau 43 giờ nữa'); // 42 h 45 min, to the hour
    expect(text).toContain(policeCase);
    expect((await runAt2('2027-01-18T12:30:00Z')).sent).toBe(0);
    expect(await count()).toEqual({ [at.desk]: 1, [at.police]: 1, [at.press]: 2, [at.newcomer]: 1 });

    // rescheduled to 4 h later on: everyone gets the update carrying the 48 h reminder, once
    await actOnBriefing(
      at.deps(new Date('2027-01-19T05:00:00Z')),
      desk,
      { id: b.id },
      { action: 'reschedule', startsAt: '2027-01-19T09:00:00Z' },
    );
    expect((await runAt2('2027-01-19T05:15:00Z')).sent).toBe(4);
    expect((await runAt2('2027-01-19T05:30:00Z')).sent).toBe(0);
    expect(await count()).toEqual({ [at.desk]: 2, [at.police]: 2, [at.press]: 3, [at.newcomer]: 2 });
    for (const box of [at.desk, at.police, at.press, at.newcomer]) {
      const last = (await emailsTo(box)).at(-1)!;
      expect(last.subject).toContain(BRIEFING_STRINGS.vi.subject.rescheduled);
      expect(last.body.text?.replace(/\s+/g, ' ')).toContain('sau 3 giờ 45 phút nữa');
      expect(icsOf(last).sequence).toBe(1);
    }

    // the 3 h window: one reminder each, with the time really left
    expect((await runAt2('2027-01-19T06:05:00Z')).sent).toBe(4);
    const last = (await emailsTo(at.press)).at(-1)!;
    expect(last.subject).toContain(BRIEFING_STRINGS.vi.subject.reminder);
    expect(last.body.text?.replace(/\s+/g, ' ')).toContain('sau 2 giờ 55 phút nữa');
    expect((await runAt2('2027-01-19T06:20:00Z')).sent).toBe(0);
  });
});

describe('overlapping runs with merged messages (issue 13)', () => {
  it('three runs at once: each message reaches each person once, whichever run claims it', async () => {
    const at = boxes('race');
    const created = new Date('2027-02-01T03:00:00Z');
    await scheduleBriefing(at.deps(created), desk, {
      title: 'Họp báo về môi trường',
      startsAt: '2027-02-03T07:00:00Z',
      invitees: [at.press],
    });
    // 24 h before: the press's invitation and the 48 h reminder are due together
    const now = new Date('2027-02-02T07:00:00Z');
    const runs = await Promise.all([1, 2, 3].map(() => run(at.deps(now), { now })));
    expect(runs.every((r) => r.failed === 0)).toBe(true);
    expect((await run(at.deps(now), { now })).sent).toBe(0);

    expect(await emailsTo(at.desk)).toHaveLength(1);
    const press = await emailsTo(at.press);
    // one email if one run claimed both markers, two if two runs split them; never a message twice
    expect(press.length).toBeGreaterThanOrEqual(1);
    expect(press.length).toBeLessThanOrEqual(2);
    const invitations = press.filter((e) => e.subject.includes(BRIEFING_STRINGS.vi.subject.invitation));
    const withTimeLeft = press.filter((e) => e.body.text?.replace(/\s+/g, ' ').includes('sau 24 giờ nữa'));
    expect(invitations).toHaveLength(1);
    expect(withTimeLeft).toHaveLength(1);
  });
});
