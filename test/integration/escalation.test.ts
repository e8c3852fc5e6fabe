// The deadline escalation ladder against DynamoDB Local and the local SES:
// each step once per case, deadline, step and address, however many runs
// overlap; a missed run catches up with the step that still applies, never
// with the ones the case is past; steps before the assignment are not sent;
// a new deadline starts the ladder again; a response stops it.
//
// The dev ladder: reminder 1 working day before (agency), due at the deadline
// (agency and its head), overdue 3 working days after (desk lead). Nov 2026:
// Thu 26, Fri 27, Sat 28, Sun 29, Mon 30, Tue Dec 1, Wed 2, Thu 3, Fri 4.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import { run as caseNotifications } from '#functions/jobs/case-notifications';
import type { Principal } from '#http/principal';
import { actOnCase, openCaseFor } from '#service/cases';
import { sendEscalations } from '#service/escalation';
import { submitReport } from '#service/reports';
import { getCaseWithHistory } from '#store/cases';
import { testTable } from '#test/support/aws';
import { sentEmails } from '#test/support/mail';
import { aReport } from '#test/support/report-body';

const tag = randomUUID().slice(0, 8);
const box = (name: string) => `${name}-${tag}@example.org`;
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };

let t: Awaited<ReturnType<typeof testTable>>;
let config: AppConfig;
const at = (iso: string) => t.deps({ clock: () => new Date(iso), config });
const escalate = (iso: string) => sendEscalations(at(iso), { now: new Date(iso) });
/** The step emails one address received about one case (the assignment email is not a step). */
const stepsTo = async (address: string, caseId: string) =>
  (await sentEmails({ to: address })).filter(
    (e) => e.body.text?.includes(caseId) && /Nhắc hạn|Quá hạn|Reminder|Overdue/.test(e.subject ?? ''),
  );

beforeAll(async () => {
  t = await testTable();
  const base = t.deps().config;
  const boxes: Record<string, [string, string]> = {
    'education-dept': [box('edu'), box('edu-head')],
    'health-dept': [box('health'), box('health-head')],
    'transport-dept': [box('transport'), box('transport-head')],
  };
  config = {
    ...base,
    agencies: base.agencies.map((a) => {
      const b = boxes[a.id];
      return b ? { ...a, emails: [b[0]], headEmails: [b[1]] } : a;
    }),
    escalation: { ...base.escalation, deskLead: [{ email: box('lead'), locale: 'en' }] },
  };
});

const openAndAssign = async (
  now: string,
  agencyId: string,
  due: { dueAt: string } | { dueInWorkingDays: number },
) => {
  const r = await submitReport(
    at(now),
    { sub: `r-${randomUUID()}`, roles: ['reporter'] },
    aReport({
      title: `Tin đồn ${randomUUID().slice(0, 6)}`,
      observedAt: new Date(Date.parse(now) - 3_600_000).toISOString(),
    }),
    undefined,
  );
  const c = await openCaseFor(at(now), desk, { reportIds: [(r.body as { id: string }).id] });
  const view = await actOnCase(at(now), desk, { id: c.id }, '"1"', { action: 'assign', agencyId, ...due });
  return { id: c.id, view };
};

describe('the escalation ladder', () => {
  it('sends each step once, to its recipients, while it applies, even when runs race', async () => {
    // Thu 26 09:00 local, due Mon 30 17:00 local (10:00Z)
    const a = await openAndAssign('2026-11-26T02:00:00Z', 'education-dept', {
      dueAt: '2026-11-30T10:00:00Z',
    });
    expect((await escalate('2026-11-27T09:55:00Z')).steps).toBe(0); // Friday before 17:00: nothing yet

    // Friday 17:05 local: the reminder (1 working day before Monday), three runs at once, one email
    const runs = await Promise.all([1, 2, 3].map(() => escalate('2026-11-27T10:05:00Z')));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(await stepsTo(box('edu'), a.id)).toHaveLength(1);
    expect((await stepsTo(box('edu'), a.id))[0]?.body.text).toContain('Còn 1 ngày làm việc nữa');
    // the weekend: the reminder still applies, and is not sent again
    expect(await escalate('2026-11-28T03:00:00Z')).toMatchObject({ sent: 0, skipped: 1, steps: 1 });

    // Monday at the deadline, by the job itself and racing: the agency and its head, once each
    const jobs = await Promise.all(
      [1, 2].map(() =>
        caseNotifications(at('2026-11-30T10:00:00Z'), { now: new Date('2026-11-30T10:00:00Z') }),
      ),
    );
    expect(jobs.reduce((n, r) => n + (r.escalationSteps as number), 0)).toBe(2);
    expect(await stepsTo(box('edu'), a.id)).toHaveLength(2);
    expect(await stepsTo(box('edu-head'), a.id)).toHaveLength(1);
    expect((await stepsTo(box('edu-head'), a.id))[0]?.body.text).toContain('lãnh đạo Sở Giáo dục');

    // no run from Monday evening to Thursday noon: the overdue step (Thu Dec 3 17:00) goes to the desk lead
    expect(await escalate('2026-12-03T10:30:00Z')).toMatchObject({ sent: 1 });
    const lead = await stepsTo(box('lead'), a.id);
    expect(lead).toHaveLength(1);
    expect(lead[0]?.body.text).toContain('3 working days overdue');
    // a working day after the last step, the ladder is over
    expect(await escalate('2026-12-04T10:30:00Z')).toMatchObject({ sent: 0, steps: 0 });

    // reassigned with a new deadline (Fri Dec 4 17:00 local): the ladder starts again
    await actOnCase(at('2026-12-01T02:00:00Z'), desk, { id: a.id }, '"2"', {
      action: 'assign',
      agencyId: 'education-dept',
      dueAt: '2026-12-04T10:00:00Z',
    });
    expect(await escalate('2026-12-03T10:01:00Z')).toMatchObject({ sent: 1 });
    expect(await stepsTo(box('edu'), a.id)).toHaveLength(3);

    // a response stops it: the case leaves the casesDue index
    await actOnCase(at('2026-12-04T01:00:00Z'), desk, { id: a.id }, '"3"', {
      action: 'respond',
      finding: 'Đã xác minh.',
      response: 'Thông tin không chính xác.',
    });
    expect(await escalate('2026-12-04T10:05:00Z')).toMatchObject({ sent: 0, steps: 0 });
    expect(await stepsTo(box('edu-head'), a.id)).toHaveLength(1);
  }, 60_000);

  it('does not send steps whose moment came before the assignment, nor steps the case is past', async () => {
    // assigned Monday 10:00 local, due the same day 16:00: the reminder (Friday) is before the assignment
    const b = await openAndAssign('2026-12-07T03:00:00Z', 'health-dept', { dueAt: '2026-12-07T09:00:00Z' });
    expect(await escalate('2026-12-07T04:00:00Z')).toMatchObject({ sent: 0, steps: 0 });
    await escalate('2026-12-07T09:02:00Z');
    expect(await stepsTo(box('health'), b.id)).toHaveLength(1);
    expect(await stepsTo(box('health-head'), b.id)).toHaveLength(1);

    // a case the job first sees 3 working days overdue: only the overdue step, not the reminder nor the due step
    const c = await openAndAssign('2026-12-08T02:00:00Z', 'transport-dept', {
      dueAt: '2026-12-09T10:00:00Z',
    });
    await escalate('2026-12-14T11:00:00Z'); // Wed 9 + 3 working days = Mon 14
    expect(await stepsTo(box('transport'), c.id)).toHaveLength(0);
    expect(await stepsTo(box('transport-head'), c.id)).toHaveLength(0);
    expect(await stepsTo(box('lead'), c.id)).toHaveLength(1);
  }, 60_000);

  it('assigns in working days: the end of the Nth working day, recorded in the history', async () => {
    // Friday 26 Dec 2026 10:00 local + 3 working days = Wed 30 Dec (Jan 1 is a day off); 17:00 local
    const { view } = await openAndAssign('2026-12-26T03:00:00Z', 'health-dept', { dueInWorkingDays: 3 });
    expect(view.dueAt).toBe('2026-12-30T10:00:00.000Z');
    const tet = await openAndAssign('2027-02-03T03:00:00Z', 'health-dept', { dueInWorkingDays: 2 });
    // Wed 3 Feb 2027 + 2 working days: Thu 4 Feb to Wed 10 Feb are Tết days off, so Fri 12 Feb
    expect(tet.view.dueAt).toBe('2027-02-12T10:00:00.000Z');
    const stored = await getCaseWithHistory(at('2026-12-26T03:00:00Z'), view.id);
    expect(stored?.history.find((h) => h.action === 'assign')?.details).toMatchObject({
      dueInWorkingDays: 3,
      dueAt: '2026-12-30T10:00:00.000Z',
    });
  }, 60_000);
});
