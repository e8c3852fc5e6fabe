// Briefing emails (docs/emails.md, docs/jobs.md), in Vietnamese or English: the
// reminder before a press briefing, the update after a reschedule (or the
// invitation, for a briefing never rescheduled), and the cancellation. Each
// shows the time in the configured zone, the place and the agenda as this
// recipient may see it (`AudienceAgenda`: whole items, an agency's own, or
// titles only), and carries the .ics (METHOD:REQUEST, or CANCEL) with the
// configured sender as organizer; its DESCRIPTION holds the same agenda. A
// reminder says the real time left; an invitation or update sent in the same
// run as a reminder says it too (one email per person per run).
//
// User text (briefing title and place, case titles, the cancel reason) is
// masked for phone numbers and email addresses in every part of the email,
// subject included, and escaped in the HTML by the `html` template. The .ics
// carries the briefing's title and place as written (a calendar entry needs the
// real place); the agenda and reason in its description are masked like the email.
import type { AppConfig, Locale } from '#config/schema';
import type { AgendaItem, AudienceAgenda, BriefingNotice, BriefingView } from '#domain/briefing-types';
import type { RenderedEmail } from '#domain/summary-types';
import { badge, para, type Row, section, user } from './blocks';
import { renderHtml } from './blocks-html';
import { renderText } from './blocks-text';
import { BRIEFING_STRINGS, type BriefingStrings, type Variant } from './briefing-strings';
import { CASE_STRINGS } from './case-strings';
import { joinMeta, userText } from './email-parts';
import { excerpt, formatDateTime, formatDuration, formatTime, timeZoneLabel } from './format';
import { buildBriefingIcs, type IcsMethod, icsAttachment } from './ics';
import type { EmailAttachment } from './mailer';
import { STRINGS } from './strings';

export { BRIEFING_STRINGS, timeLeft } from './briefing-strings';

// ------------------------------------------------------------------ helpers

/** Subjects stay short: the title gives way (cut with an ellipsis), never the brand or the time. */
const SUBJECT_MAX = 90;
const SUBJECT_TITLE_MIN = 20;
/** A very full agenda is cut; the whole of it is in the system. */
const AGENDA_CAP = 30;

const length = (s: string): number => Array.from(s).length;

interface Ctx {
  locale: Locale;
  t: BriefingStrings;
  timeZone: string;
  config: AppConfig;
}

/** What the email says: a reminder, a cancellation, or an update — which, before any reschedule (sequence 0), is the first invitation. */
const variantOf = (notice: BriefingNotice): Variant => {
  if (notice.kind === 'update') return notice.briefing.sequence > 0 ? 'rescheduled' : 'invitation';
  return notice.kind;
};

/** The start for a subject: vi "Thứ Năm 10/12 14:00", en "Thu 10 Dec, 14:00". */
export const subjectTime = (iso: string, locale: Locale, timeZone: string): string => {
  const withWeekday = formatDateTime(iso, locale, timeZone, { year: false, weekday: true });
  const plain = formatDateTime(iso, locale, timeZone, { year: false });
  const weekday = withWeekday.slice(0, withWeekday.length - plain.length).replace(/,\s*$/, '');
  return `${locale === 'en' ? weekday.slice(0, 3) : weekday} ${plain}`;
};

const endOf = (b: BriefingView): string =>
  new Date(new Date(b.startsAt).getTime() + b.durationMinutes * 60_000).toISOString();

/** The local day part of a formatted date-time (the time is always its last five characters). */
const dayPart = (formatted: string): string => formatted.slice(0, -5);

/** Start to end, in full: vi "Thứ Năm, 10/12/2026 14:00 – 16:00", en "Thursday, 10 Dec 2026, 14:00 – 16:00". */
const timeRange = (ctx: Ctx, b: BriefingView): string => {
  const start = formatDateTime(b.startsAt, ctx.locale, ctx.timeZone, { weekday: true });
  const end = endOf(b);
  const sameDay =
    dayPart(formatDateTime(b.startsAt, ctx.locale, ctx.timeZone)) ===
    dayPart(formatDateTime(end, ctx.locale, ctx.timeZone));
  const endText = sameDay
    ? formatTime(end, ctx.timeZone)
    : formatDateTime(end, ctx.locale, ctx.timeZone, { weekday: true });
  return `${start} – ${endText}`;
};

const agencyNameOf = (ctx: Ctx, item: AgendaItem): string =>
  item.agencyName ??
  (item.agencyId ? ctx.config.agencies.find((a) => a.id === item.agencyId)?.name : undefined) ??
  STRINGS[ctx.locale].unassigned;

const statusOf = (ctx: Ctx, item: AgendaItem): string =>
  STRINGS[ctx.locale].status[item.status] ?? item.status;

interface Detail {
  label: string;
  /** Already masked when it is user text. */
  value: string;
}

/** One agenda line as this recipient may see it: the title, and status and agency only in a full agenda. */
interface AgendaRow {
  /** Masked. */
  title: string;
  meta: { status: string; agency: string } | null;
}

/** The rows shown (at most AGENDA_CAP) and how many more there are. */
const agendaRows = (ctx: Ctx, agenda: AudienceAgenda): { shown: AgendaRow[]; rest: number } => {
  const rows: AgendaRow[] =
    agenda.detail === 'full'
      ? agenda.items.map((item) => ({
          title: userText(item.title),
          meta: { status: statusOf(ctx, item), agency: agencyNameOf(ctx, item) },
        }))
      : agenda.items.map((item) => ({ title: userText(item.title), meta: null }));
  return { shown: rows.slice(0, AGENDA_CAP), rest: Math.max(0, rows.length - AGENDA_CAP) };
};

const agendaLine = (row: AgendaRow): string =>
  row.meta ? `${row.title} — ${joinMeta([row.meta.status, row.meta.agency])}` : row.title;

/** The DESCRIPTION of the .ics: the agenda, or the cancellation and its reason; masked like the email. */
const icsDescription = (ctx: Ctx, notice: BriefingNotice): string => {
  const { t } = ctx;
  if (notice.kind === 'cancel') {
    const reason = notice.briefing.cancelReason?.trim() ? userText(notice.briefing.cancelReason) : null;
    return t.icsCancelled(reason);
  }
  const { shown, rest } = agendaRows(ctx, notice.agenda);
  if (shown.length === 0) return t.agendaEmpty;
  return [
    t.icsAgenda,
    ...shown.map((row) => `- ${agendaLine(row)}`),
    ...(rest > 0 ? [STRINGS[ctx.locale].more(rest)] : []),
  ].join('\n');
};

// ------------------------------------------------------------------ entry

export interface BriefingEmailOptions {
  /** The recipient of this copy, named as ATTENDEE in the .ics (RFC 5546 expects one). */
  recipient?: string;
  /** DTSTAMP of the .ics (default: now). */
  now?: Date;
}

/**
 * One briefing email for one recipient, in their locale: a reminder, an update
 * (rescheduled, or the first invitation) or a cancellation, with the .ics attached.
 */
export const renderBriefingNotice = (
  notice: BriefingNotice,
  locale: Locale,
  config: AppConfig,
  options: BriefingEmailOptions = {},
): RenderedEmail & { attachments: EmailAttachment[] } => {
  const t = BRIEFING_STRINGS[locale];
  const ctx: Ctx = { locale, t, timeZone: config.timeZone, config };
  const b = notice.briefing;
  const variant = variantOf(notice);
  const cancelled = variant === 'cancel';
  const title = userText(b.title);
  const zone = timeZoneLabel(ctx.timeZone, b.startsAt);
  const range = timeRange(ctx, b);

  const subjectHead = `${STRINGS[locale].brand} ${t.subject[variant]}: `;
  const subjectTail = ` — ${subjectTime(b.startsAt, locale, ctx.timeZone)}`;
  const room = Math.max(SUBJECT_TITLE_MIN, SUBJECT_MAX - length(subjectHead) - length(subjectTail));
  const subject = `${subjectHead}${excerpt(title, room)}${subjectTail}`;

  // An invitation or update that carries the reminder due in the same run says the time left too.
  const carried = notice.kind === 'update' && notice.startsInMinutes !== null;
  const lead = {
    reminder: t.reminderLead(notice.startsInMinutes),
    rescheduled: carried ? `${t.rescheduledLead} ${t.startsIn(notice.startsInMinutes)}` : t.rescheduledLead,
    invitation: carried ? `${t.invitationLead} ${t.startsIn(notice.startsInMinutes)}` : t.invitationLead,
    cancel: t.cancelLead,
  }[variant];
  const kind = STRINGS[locale].briefingKind[b.kind];
  const details: Detail[] = [
    { label: t.timeZone, value: zone },
    { label: t.duration, value: formatDuration(b.durationMinutes * 60, locale) },
    { label: t.place, value: userText(b.location) },
  ];

  const reason = cancelled && b.cancelReason?.trim() ? userText(b.cancelReason) : null;
  const rows: Row[] = [
    { kind: 'header', eyebrow: t.heading[variant], heading: title, sub: kind, joined: false },
    { kind: 'lead', body: [para(lead, cancelled ? 'body' : 'note')] },
    {
      kind: 'callout',
      label: t.timeLabel[variant],
      value: range,
      sub: zone,
      alert: cancelled,
      strike: cancelled,
    },
    // The text part lists the details under the time; the HTML has them in a table below.
    { kind: 'plain', only: 'text', gap: false, body: details.map((d) => para(`${d.label}: ${d.value}`)) },
    ...(reason ? [section(t.reason, para(user(reason)))] : []),
    {
      // The callout already shows the zone; the table gives the rest.
      ...section(t.details, {
        kind: 'table',
        look: 'details',
        groups: [
          {
            rows: details
              .filter((d) => d.label !== t.timeZone)
              .map((d) => ({ cells: [[d.label], [user(d.value)]] })),
          },
        ],
      }),
      only: 'html',
    },
  ];
  if (!cancelled) {
    const { shown, rest } = agendaRows(ctx, notice.agenda);
    rows.push(
      section(
        t.agendaTitle(notice.agenda.items.length),
        shown.length > 0
          ? {
              kind: 'items',
              items: shown.map((row) => ({
                title: [user(row.title)],
                lines: row.meta
                  ? [
                      {
                        content: [badge(row.meta.status, 'accent'), ' ', row.meta.agency],
                        style: 'meta' as const,
                      },
                    ]
                  : [],
                text: agendaLine(row),
              })),
              more: rest > 0 ? STRINGS[locale].more(rest) : null,
            }
          : para(t.agendaEmpty, 'note'),
      ),
    );
  }
  rows.push(
    { kind: 'plain', body: [para(cancelled ? t.calendarCancel : t.calendarRequest, 'lastNote')] },
    { kind: 'footer', lines: [CASE_STRINGS[locale].footer(zone), CASE_STRINGS[locale].maskedNote] },
  );

  const method: IcsMethod = cancelled ? 'CANCEL' : 'REQUEST';
  const ics = buildBriefingIcs(b, method, {
    organizerEmail: config.senderAddress,
    organizerName: STRINGS[locale].desk,
    description: icsDescription(ctx, notice),
    timeZone: ctx.timeZone,
    ...(options.now ? { now: options.now } : {}),
    ...(options.recipient ? { attendees: [options.recipient] } : {}),
  });
  return {
    subject,
    html: renderHtml(locale, subject, `${lead} ${range}`, rows),
    text: renderText(locale, rows),
    attachments: [icsAttachment(ics, method)],
  };
};
