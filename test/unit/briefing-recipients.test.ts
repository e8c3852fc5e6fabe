// Who gets a briefing email and what of the agenda each may see: the pure rules.
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import type { BriefingMessage } from '#domain/briefing';
import {
  agendaFor,
  audienceOf,
  briefingEmailMarkers,
  briefingMessageKey,
  briefingNoticeFor,
  briefingRecipients,
  carriedMessages,
  planBriefingEmails,
  timeLeftMinutes,
} from '#domain/briefing-recipients';
import type { AgendaItem, BriefingView } from '#domain/briefing-types';
import { loadAppConfig } from '#infra/config/index';

const base = loadAppConfig('dev');
const config: AppConfig = {
  ...base,
  deskList: [{ email: 'desk@example.org', locale: 'vi' }],
  summaryRecipients: [{ email: 'Leader@example.org', locale: 'en' }],
  agencies: base.agencies.map((a) =>
    a.id === 'police'
      ? { ...a, emails: ['police@example.org', 'shared@example.org'], locale: 'en' }
      : a.id === 'health-dept'
        ? { ...a, emails: ['health@example.org', 'shared@example.org', 'desk@example.org'] }
        : a,
  ),
};

const agenda: AgendaItem[] = [
  {
    caseId: 'C1',
    title: 'Cướp giật ở chợ Bến Thành',
    status: 'verifying',
    agencyId: 'police',
    agencyName: null,
  },
  {
    caseId: 'C2',
    title: 'Thiếu thuốc ở bệnh viện',
    status: 'responded',
    agencyId: 'health-dept',
    agencyName: 'Sở Y tế',
  },
  { caseId: 'C3', title: 'Ngập ở Thủ Đức', status: 'open', agencyId: null, agencyName: null },
];

const briefing: BriefingView = {
  id: '01JBRIEFING0000000000000001',
  kind: 'ad-hoc',
  title: 'Họp báo',
  startsAt: '2026-12-10T07:00:00.000Z',
  durationMinutes: 120,
  location: 'Phòng họp báo',
  status: 'scheduled',
  sequence: 0,
  cancelReason: null,
};

describe('audienceOf', () => {
  it('the desk list and the leadership list are the desk audience', () => {
    expect(audienceOf(config, 'desk@example.org')).toEqual({ kind: 'desk' });
    expect(audienceOf(config, 'leader@EXAMPLE.org')).toEqual({ kind: 'desk' });
  });

  it('an agency address is that agency; on two agencies, both', () => {
    expect(audienceOf(config, 'police@example.org')).toEqual({ kind: 'agency', agencyIds: ['police'] });
    expect(audienceOf(config, ' Shared@example.org ')).toEqual({
      kind: 'agency',
      agencyIds: ['health-dept', 'police'],
    });
  });

  it('an address on the desk list and an agency list is the desk', () => {
    expect(audienceOf(config, 'desk@example.org')).toEqual({ kind: 'desk' });
  });

  it('anyone else is an outsider', () => {
    expect(audienceOf(config, 'press@example.org')).toEqual({ kind: 'outsider' });
    expect(audienceOf(config, 'police@example.org.evil.test')).toEqual({ kind: 'outsider' });
  });
});

describe('agendaFor', () => {
  it('desk and leadership: every item with status and agency', () => {
    const seen = agendaFor({ kind: 'desk' }, agenda);
    expect(seen).toEqual({ detail: 'full', items: agenda });
    for (const item of seen.items) {
      expect(Object.keys(item).sort()).toEqual(['agencyId', 'agencyName', 'caseId', 'status', 'title']);
    }
  });

  it('an agency: only its own cases, with status', () => {
    expect(agendaFor({ kind: 'agency', agencyIds: ['police'] }, agenda)).toEqual({
      detail: 'full',
      items: [agenda[0]],
    });
    expect(agendaFor({ kind: 'agency', agencyIds: ['health-dept', 'police'] }, agenda).items).toEqual([
      agenda[0],
      agenda[1],
    ]);
    // no unassigned case, nor anyone else's
    expect(agendaFor({ kind: 'agency', agencyIds: ['transport-dept'] }, agenda).items).toEqual([]);
  });

  it('an outsider: the titles and nothing else', () => {
    const seen = agendaFor({ kind: 'outsider' }, agenda);
    expect(seen).toEqual({
      detail: 'titles',
      items: [
        { title: 'Cướp giật ở chợ Bến Thành' },
        { title: 'Thiếu thuốc ở bệnh viện' },
        { title: 'Ngập ở Thủ Đức' },
      ],
    });
    for (const item of seen.items) expect(Object.keys(item)).toEqual(['title']);
  });
});

describe('briefingRecipients', () => {
  it('the desk, the invitees and the agencies on the agenda, each once, with audience and locale', () => {
    const recipients = briefingRecipients(
      config,
      { invitees: ['press@example.org', 'POLICE@example.org', 'leader@example.org'] },
      [agenda[0]!],
    );
    expect(recipients).toEqual([
      { email: 'desk@example.org', locale: 'vi', audience: { kind: 'desk' }, invited: false },
      { email: 'press@example.org', locale: 'vi', audience: { kind: 'outsider' }, invited: true },
      {
        email: 'POLICE@example.org',
        locale: 'en',
        audience: { kind: 'agency', agencyIds: ['police'] },
        invited: true,
      },
      { email: 'leader@example.org', locale: 'en', audience: { kind: 'desk' }, invited: true },
      {
        email: 'shared@example.org',
        locale: 'vi',
        audience: { kind: 'agency', agencyIds: ['health-dept', 'police'] },
        invited: false,
      },
    ]);
  });
});

describe('planBriefingEmails: one email per person per run', () => {
  const due = (...m: BriefingMessage[]) => m;
  const plan = (messages: BriefingMessage[]) =>
    Object.fromEntries(
      planBriefingEmails(config, { invitees: ['press@example.org'] }, [], messages).map((p) => [
        p.recipient.email,
        p.messages.map((m) => m.kind),
      ]),
    );

  it('the first invitation goes to invitees; a reminder due with it goes in the same email', () => {
    expect(plan(due({ kind: 'update', audience: 'invitees' }))).toEqual({ 'press@example.org': ['update'] });
    expect(
      plan(due({ kind: 'update', audience: 'invitees' }, { kind: 'reminder', offsetHours: 48 })),
    ).toEqual({
      'desk@example.org': ['reminder'],
      'press@example.org': ['update', 'reminder'],
    });
  });

  it('after a reschedule everyone gets the update, with the reminder in it', () => {
    expect(plan(due({ kind: 'update', audience: 'everyone' }, { kind: 'reminder', offsetHours: 3 }))).toEqual(
      {
        'desk@example.org': ['update', 'reminder'],
        'press@example.org': ['update', 'reminder'],
      },
    );
  });
});

describe('briefingMessageKey', () => {
  it('one marker per briefing, sequence and (for reminders) offset', () => {
    const b = { ...briefing, sequence: 2 };
    expect(briefingMessageKey(b, { kind: 'cancel' })).toEqual({
      job: 'briefing-cancel',
      period: `${b.id}#2`,
    });
    expect(briefingMessageKey(b, { kind: 'update', audience: 'everyone' })).toEqual({
      job: 'briefing-update',
      period: `${b.id}#2`,
    });
    expect(briefingMessageKey(b, { kind: 'reminder', offsetHours: 48 })).toEqual({
      job: 'briefing-reminder',
      period: `${b.id}#2#48h`,
    });
  });
});

describe('the markers of one email, and what it carries', () => {
  const messages: BriefingMessage[] = [
    { kind: 'update', audience: 'invitees' },
    { kind: 'reminder', offsetHours: 48 },
  ];
  const [press] = planBriefingEmails(config, { invitees: ['press@example.org'] }, [], messages).filter(
    (p) => p.recipient.email === 'press@example.org',
  );

  it('one marker per message, in order, each naming the recipient', () => {
    expect(briefingEmailMarkers(briefing, press!)).toEqual([
      { job: 'briefing-update', period: `${briefing.id}#0`, recipient: 'press@example.org' },
      { job: 'briefing-reminder', period: `${briefing.id}#0#48h`, recipient: 'press@example.org' },
    ]);
  });

  it('carries the messages whose markers this run claimed, and only those', () => {
    const markers = briefingEmailMarkers(briefing, press!);
    expect(carriedMessages(messages, markers, markers)).toEqual(messages);
    expect(carriedMessages(messages, markers, [markers[1]!])).toEqual([messages[1]]);
    // The same marker, but not the object this email was planned with: another email's.
    expect(carriedMessages(messages, markers, [{ ...markers[0]! }])).toEqual([]);
  });
});

describe('timeLeftMinutes: the real time left, rounded for a reader', () => {
  const start = briefing.startsAt;
  const minutesBefore = (minutes: number) => new Date(new Date(start).getTime() - minutes * 60_000);
  it.each([
    [20 * 60, 20 * 60], // a briefing 20 h away is "in 20 hours", whatever the offset
    [48 * 60 - 10, 48 * 60],
    [20 * 60 + 29, 20 * 60],
    [10 * 60, 10 * 60],
    [9 * 60 + 58, 10 * 60],
    [2 * 60 + 44, 2 * 60 + 45],
    [2 * 60 + 58, 3 * 60],
    [59, 60],
    [12, 10],
    [2, 5],
    [0.5, 5],
  ])('%d minutes before → %d', (left, told) => {
    expect(timeLeftMinutes(start, minutesBefore(left))).toBe(told);
  });

  it('0 once started', () => {
    expect(timeLeftMinutes(start, new Date(start))).toBe(0);
    expect(timeLeftMinutes(start, minutesBefore(-5))).toBe(0);
  });
});

describe('briefingNoticeFor', () => {
  const now = new Date('2026-12-09T11:00:00.000Z'); // 20 h before
  const seen = agendaFor({ kind: 'outsider' }, agenda);
  it('an invitation with the reminder due with it: an update that states the time left', () => {
    expect(
      briefingNoticeFor(
        briefing,
        [
          { kind: 'update', audience: 'invitees' },
          { kind: 'reminder', offsetHours: 48 },
        ],
        seen,
        now,
      ),
    ).toEqual({ kind: 'update', briefing, startsInMinutes: 20 * 60, agenda: seen });
  });

  it('a reminder alone states the time left, not its offset; an update alone does not', () => {
    expect(briefingNoticeFor(briefing, [{ kind: 'reminder', offsetHours: 48 }], seen, now)).toMatchObject({
      kind: 'reminder',
      startsInMinutes: 20 * 60,
    });
    expect(briefingNoticeFor(briefing, [{ kind: 'update', audience: 'invitees' }], seen, now)).toMatchObject({
      kind: 'update',
      startsInMinutes: null,
    });
    expect(briefingNoticeFor(briefing, [{ kind: 'cancel' }], seen, now)).toMatchObject({ kind: 'cancel' });
    expect(() => briefingNoticeFor(briefing, [], seen, now)).toThrow();
  });
});
