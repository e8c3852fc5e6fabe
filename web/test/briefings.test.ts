// The briefings pages' and the daily summary page's logic: the ad-hoc form's
// body (local time in the configured zone), invitees, the default day, and the
// summary's section words being the email's.
import { describe, expect, it } from 'vitest';
import { STRINGS as MAIL } from '#mail/strings';
import { vi } from '#web/src/i18n/catalogue';
import { en } from '#web/src/i18n/en/index';
import { adHocBody, EMPTY_FORM, parseInvitees } from '#web/src/pages/briefings/briefings-model';
import { dayBefore, isDay, yesterdayIn } from '#web/src/pages/summary-model';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('ad-hoc briefing form', () => {
  it('reads the start as wall-clock time in the configured zone', () => {
    const r = adHocBody({ ...EMPTY_FORM, title: '  Họp báo đột xuất  ', startsAt: '2026-12-10T14:00' }, ZONE);
    expect(r).toEqual({ body: { title: 'Họp báo đột xuất', startsAt: '2026-12-10T07:00:00.000Z' } });
  });

  it('sends the optional fields only when given', () => {
    const r = adHocBody(
      {
        title: 'T',
        startsAt: '2026-12-10T09:30',
        durationMinutes: '45',
        location: ' Hội trường A ',
        invitees: 'a@example.org,\n b@example.org; ',
      },
      ZONE,
    );
    expect(r).toEqual({
      body: {
        title: 'T',
        startsAt: '2026-12-10T02:30:00.000Z',
        durationMinutes: 45,
        location: 'Hội trường A',
        invitees: ['a@example.org', 'b@example.org'],
      },
    });
  });

  it('refuses an incomplete date-time before sending', () => {
    expect(adHocBody({ ...EMPTY_FORM, title: 'T', startsAt: '2026-12-10' }, ZONE)).toEqual({
      invalid: 'startsAt',
    });
  });

  it('splits invitees on lines, commas and semicolons', () => {
    expect(parseInvitees(' a@x.vn\nb@x.vn , c@x.vn;;')).toEqual(['a@x.vn', 'b@x.vn', 'c@x.vn']);
    expect(parseInvitees('  ')).toEqual([]);
  });
});

describe('daily summary day', () => {
  it('defaults to yesterday in the configured zone, not on the device', () => {
    // 23:30 UTC on 4 Dec is 06:30 on 5 Dec in Ho Chi Minh City: yesterday is 4 Dec.
    expect(yesterdayIn(ZONE, new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-04');
    expect(yesterdayIn(ZONE, new Date('2026-12-04T16:59:00Z'))).toBe('2026-12-03');
  });

  it('steps back across months and years', () => {
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });

  it('accepts only a YYYY-MM-DD day from the address', () => {
    expect(isDay('2026-12-04')).toBe(true);
    expect(isDay('4/12/2026')).toBe(false);
    expect(isDay(undefined)).toBe(false);
  });

  it("names the sections with the email's words", () => {
    for (const [lang, cat] of [
      ['vi', vi],
      ['en', en],
    ] as const) {
      const mail = MAIL[lang];
      for (const key of [
        'overdueTitle',
        'overdueIntro',
        'overdueNone',
        'dueSoonTitle',
        'hotTitle',
        'urgentTitle',
        'reportsTitle',
        'byCategory',
        'byArea',
        'bySentiment',
        'casesTitle',
        'closedByOutcome',
        'openByStatus',
        'responseTitle',
        'briefingsTitle',
        'quietLead',
      ] as const) {
        expect(cat.summary[key], `${lang}.${key}`).toBe(mail[key]);
      }
      expect(cat.summary.hotReason).toEqual(mail.hotReason);
      expect(cat.briefings.kind).toEqual(mail.briefingKind);
    }
  });
});
