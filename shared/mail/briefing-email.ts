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
import { CASE_STRINGS } from './case-email';
import {
  excerpt,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatTime,
  pluralize,
  timeZoneLabel,
} from './format';
import { buildBriefingIcs, type IcsMethod, icsAttachment } from './ics';
import type { EmailAttachment } from './mailer';
import {
  asHtml,
  COLOR,
  documentHtml,
  FONT,
  footerRow,
  type Html,
  headerRow,
  html,
  joinMeta,
  para,
  S,
  STRINGS,
  sectionRow,
  TextDoc,
  trusted,
  userText,
} from './summary-email';

// ------------------------------------------------------------------ strings

/** A time left in full words: vi "20 giờ", "2 giờ 45 phút", "45 phút"; en "20 hours", "2 hours 45 minutes", "1 hour". */
export const timeLeft = (minutes: number, locale: Locale): string => {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const part = (n: number, vi: string, one: string, other: string) =>
    locale === 'vi'
      ? `${formatNumber(n, 'vi')} ${vi}`
      : `${formatNumber(n, 'en')} ${pluralize(n, 'en', { one, other })}`;
  const parts = [
    ...(hours > 0 ? [part(hours, 'giờ', 'hour', 'hours')] : []),
    ...(rest > 0 || hours === 0 ? [part(rest, 'phút', 'minute', 'minutes')] : []),
  ];
  return parts.join(' ');
};

/** What one email is about: `update` splits into a rescheduled briefing and a first invitation. */
type Variant = 'reminder' | 'rescheduled' | 'invitation' | 'cancel';

interface BriefingStrings {
  subject: Record<Variant, string>;
  heading: Record<Variant, string>;
  /** The real time left, in minutes (0: about to start). */
  reminderLead: (minutes: number | null) => string;
  /** The time left, after an invitation's or an update's own lead (no second "below"). */
  startsIn: (minutes: number | null) => string;
  rescheduledLead: string;
  invitationLead: string;
  cancelLead: string;
  timeLabel: Record<Variant, string>;
  details: string;
  timeZone: string;
  duration: string;
  place: string;
  reason: string;
  agendaTitle: (n: number) => string;
  agendaEmpty: string;
  calendarRequest: string;
  calendarCancel: string;
  /** The .ics DESCRIPTION: a heading for the agenda, and the cancel line. */
  icsAgenda: string;
  icsCancelled: (reason: string | null) => string;
}

/** Every word the briefing emails use, in both locales (brand, status and kind labels come from STRINGS). */
export const BRIEFING_STRINGS: Record<Locale, BriefingStrings> = {
  vi: {
    subject: {
      reminder: 'Nhắc lịch họp báo',
      rescheduled: 'Đổi giờ họp báo',
      invitation: 'Mời dự họp báo',
      cancel: 'Hủy họp báo',
    },
    heading: {
      reminder: 'Nhắc lịch họp báo',
      rescheduled: 'Họp báo đổi giờ',
      invitation: 'Giấy mời họp báo',
      cancel: 'Họp báo đã bị hủy',
    },
    reminderLead: (minutes) =>
      !minutes
        ? 'Buổi họp báo dưới đây sắp bắt đầu.'
        : `Buổi họp báo dưới đây sẽ bắt đầu sau ${timeLeft(minutes, 'vi')} nữa.`,
    startsIn: (minutes) =>
      !minutes ? 'Buổi họp báo sắp bắt đầu.' : `Buổi họp báo bắt đầu sau ${timeLeft(minutes, 'vi')} nữa.`,
    rescheduledLead: 'Thời gian của buổi họp báo dưới đây đã thay đổi. Vui lòng theo thời gian mới.',
    invitationLead: 'Bộ phận theo dõi dư luận trân trọng mời anh/chị dự buổi họp báo dưới đây.',
    cancelLead: 'Buổi họp báo dưới đây đã bị hủy.',
    timeLabel: {
      reminder: 'Thời gian',
      rescheduled: 'Thời gian mới',
      invitation: 'Thời gian',
      cancel: 'Thời gian (đã hủy)',
    },
    details: 'Chi tiết',
    timeZone: 'Múi giờ',
    duration: 'Thời lượng',
    place: 'Địa điểm',
    reason: 'Lý do hủy',
    agendaTitle: (n) => (n > 0 ? `Hồ sơ đưa ra họp báo (${formatNumber(n, 'vi')})` : 'Hồ sơ đưa ra họp báo'),
    agendaEmpty: 'Chưa có hồ sơ nào trong chương trình họp báo.',
    calendarRequest:
      'Tệp lịch briefing.ics đính kèm: mở tệp để thêm buổi họp báo vào lịch, hoặc cập nhật nếu lịch đã có.',
    calendarCancel: 'Tệp lịch briefing.ics đính kèm gỡ buổi họp báo khỏi lịch của anh/chị.',
    icsAgenda: 'Hồ sơ đưa ra họp báo:',
    icsCancelled: (reason) => (reason ? `Họp báo đã bị hủy. Lý do: ${reason}` : 'Họp báo đã bị hủy.'),
  },
  en: {
    subject: {
      reminder: 'Press briefing reminder',
      rescheduled: 'Press briefing time changed',
      invitation: 'Press briefing invitation',
      cancel: 'Press briefing cancelled',
    },
    heading: {
      reminder: 'Press briefing reminder',
      rescheduled: 'Press briefing moved',
      invitation: 'Press briefing invitation',
      cancel: 'Press briefing cancelled',
    },
    reminderLead: (minutes) =>
      !minutes
        ? 'The press briefing below is coming up.'
        : `The press briefing below starts in ${timeLeft(minutes, 'en')}.`,
    startsIn: (minutes) => (!minutes ? 'It is coming up.' : `It starts in ${timeLeft(minutes, 'en')}.`),
    rescheduledLead: 'The press briefing below has been moved. Please note the new time.',
    invitationLead: 'The public-opinion desk invites you to the press briefing below.',
    cancelLead: 'The press briefing below has been cancelled.',
    timeLabel: {
      reminder: 'Time',
      rescheduled: 'New time',
      invitation: 'Time',
      cancel: 'Time (cancelled)',
    },
    details: 'Details',
    timeZone: 'Time zone',
    duration: 'Duration',
    place: 'Place',
    reason: 'Reason',
    agendaTitle: (n) =>
      n > 0
        ? `Agenda (${formatNumber(n, 'en')} ${pluralize(n, 'en', { one: 'case', other: 'cases' })})`
        : 'Agenda',
    agendaEmpty: 'No cases on the agenda yet.',
    calendarRequest:
      'The attached briefing.ics adds the briefing to your calendar, or updates it if it is already there.',
    calendarCancel: 'The attached briefing.ics removes the briefing from your calendar.',
    icsAgenda: 'Agenda:',
    icsCancelled: (reason) =>
      reason
        ? `The press briefing has been cancelled. Reason: ${reason}`
        : 'The press briefing has been cancelled.',
  },
};

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

/** A highlighted label and value under the header: the time of the briefing. */
const calloutRow = (label: string, value: string, sub: string, alert: boolean): Html => {
  const [fg, bg] = alert ? [COLOR.alert, COLOR.alertBg] : [COLOR.accent, '#e8f0fb'];
  return html`<tr><td style="padding:0 20px 16px;font-family:${trusted(FONT)};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}"><tr>
<td style="padding:12px 14px;background:${trusted(bg)};border-left:4px solid ${trusted(fg)};border-radius:6px;">
<span style="display:block;${S.small}">${label}</span>
<span style="display:block;margin-top:2px;font-size:18px;line-height:1.35;font-weight:700;color:${trusted(fg)};${alert ? trusted('text-decoration:line-through;') : ''}">${value}</span>
<span style="display:block;margin-top:2px;${S.small}">${sub}</span>
</td></tr></table>
</td></tr>
`;
};

interface Detail {
  label: string;
  /** Already masked when it is user text. */
  value: string;
}

const detailsHtml = (details: Detail[]): Html =>
  html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
${details.map(
  (d) =>
    html`<tr><td style="${S.td}width:32%;padding-right:12px;color:${trusted(COLOR.muted)};">${d.label}</td><td style="${S.td}">${asHtml(d.value)}</td></tr>\n`,
)}
</table>`;

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

const agendaHtml = (ctx: Ctx, shown: AgendaRow[], rest: number): Html =>
  html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
${shown.map(
  (row) => html`<tr><td style="${S.item}">
<p style="${S.itemTitle}">${asHtml(row.title)}</p>
${row.meta ? html`<p style="${S.itemMeta}"><span style="${S.badge(COLOR.accent, '#e8f0fb')}">${row.meta.status}</span> ${row.meta.agency}</p>\n` : ''}</td></tr>\n`,
)}${rest > 0 ? html`<tr><td style="${S.item}"><span style="${S.small}">${STRINGS[ctx.locale].more(rest)}</span></td></tr>` : ''}
</table>`;

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

  const rows: Html[] = [
    headerRow(t.heading[variant], title, kind),
    html`<tr><td style="padding:0 20px 12px;font-family:${trusted(FONT)};">${para(lead, cancelled ? S.p : S.small)}</td></tr>\n`,
    calloutRow(t.timeLabel[variant], range, zone, cancelled),
  ];
  const doc = new TextDoc().para(lead).blank().para(`${t.timeLabel[variant]}: ${range}`);
  for (const d of details) doc.para(`${d.label}: ${d.value}`);

  const reason = cancelled && b.cancelReason?.trim() ? userText(b.cancelReason) : null;
  if (reason) {
    rows.push(sectionRow(t.reason, html`<p style="${S.p}">${asHtml(reason)}</p>`));
    doc.heading(t.reason).para(reason);
  }
  // The callout already shows the zone; the table gives the rest.
  rows.push(sectionRow(t.details, detailsHtml(details.filter((d) => d.label !== t.timeZone))));

  if (!cancelled) {
    const heading = t.agendaTitle(notice.agenda.items.length);
    const { shown, rest } = agendaRows(ctx, notice.agenda);
    rows.push(
      sectionRow(heading, shown.length > 0 ? agendaHtml(ctx, shown, rest) : para(t.agendaEmpty, S.small)),
    );
    doc.heading(heading);
    if (shown.length === 0) doc.para(t.agendaEmpty);
    for (const row of shown) doc.bullet(agendaLine(row));
    if (rest > 0) doc.bullet(STRINGS[locale].more(rest));
  }
  const calendarNote = cancelled ? t.calendarCancel : t.calendarRequest;
  rows.push(
    html`<tr><td style="${S.cell}">${para(calendarNote, trusted(`${S.small.value}margin:0;`))}</td></tr>\n`,
  );
  doc.blank().para(calendarNote);

  const footer = [CASE_STRINGS[locale].footer(zone), CASE_STRINGS[locale].maskedNote];
  rows.push(footerRow(footer));
  const htmlDoc = documentHtml(locale, subject, `${lead} ${range}`, rows);
  const head = new TextDoc().title(t.heading[variant]).para(title).para(kind).blank();
  const tail = new TextDoc().para('--');
  for (const line of footer) tail.para(line);

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
    html: htmlDoc,
    text: `${head.toString()}\n${doc.toString()}\n${tail.toString()}`,
    attachments: [icsAttachment(ics, method)],
  };
};
