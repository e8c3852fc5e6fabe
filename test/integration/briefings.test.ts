// Briefings and their reminders against DynamoDB Local and the local SES
// store: once per briefing, sequence and offset, across reruns and overlaps.
import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../functions/jobs/briefing-reminders';
import type { AppConfig } from '../../shared/config/schema';
import type { Deps } from '../../shared/deps';
import type { Principal } from '../../shared/http/principal';
import { actOnBriefing, readBriefing, scheduleBriefing } from '../../shared/service/briefings';
import { actOnCase, openCaseFor } from '../../shared/service/cases';
import { materializeBriefings } from '../../shared/service/materialize';
import { submitReport } from '../../shared/service/reports';
import { testTable } from '../support/aws';
import { type StoredEmail, sentEmails } from '../support/mail';

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
      {
        title: 'Ngập sâu ở đường Lê Văn Việt',
        summary: 'Nhiều xe chết máy.',
        category: 'environment',
        area: 'thu-duc',
        channel: 'social',
        sentiment: 'negative',
        urgency: 'critical',
        observedAt: '2026-12-01T02:00:00Z',
      },
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
    expect(await sentEmails({ to: pressBox })).toHaveLength(1);
    expect(await sentEmails({ to: deskBox })).toHaveLength(0);

    // 48 h before, two runs at once: one reminder each to desk, press and police
    await Promise.all([runAt('2026-12-02T07:05:00Z'), runAt('2026-12-02T07:05:00Z')]);
    await runAt('2026-12-02T07:20:00Z');
    expect(await sentEmails({ to: deskBox })).toHaveLength(1);
    expect(await sentEmails({ to: policeBox })).toHaveLength(1);
    expect(await sentEmails({ to: pressBox })).toHaveLength(2);
    const [reminder] = await sentEmails({ to: policeBox });
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
    const policeMail = await sentEmails({ to: policeBox });
    expect(policeMail).toHaveLength(3); // the update, and the 48 h reminder again for the new time (sequence 1)
    const update = icsOf(policeMail[2]!);
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
    const all = await sentEmails({ to: policeBox });
    expect(all).toHaveLength(4);
    const cancel = icsOf(all[3]!);
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
    expect(await sentEmails({ to: late })).toHaveLength(0);
    expect(b.status).toBe('scheduled');
  });
});
