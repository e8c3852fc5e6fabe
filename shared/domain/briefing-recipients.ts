// Who gets a briefing email, what of the agenda each may see, and which
// messages go together into one email. Pure.
//
// The agenda in an email follows the rule the API follows (an agency sees only
// its own cases): the desk and the leadership see every item with its status and
// agency, an agency only its own cases, and an outside invitee (press, anyone on
// neither the desk, leadership nor an agency list) only the items' titles.
import type { AppConfig, Locale } from '#config/schema';
import type { BriefingMessage } from './briefing';
import type { AgendaItem, AudienceAgenda, BriefingNotice, BriefingView } from './briefing-types';

/**
 * Which audience an address is, by the configured lists:
 * - `desk`: on the desk list or the leadership list (`summaryRecipients`);
 * - `agency`: on one or more agencies' lists (each of those agencies' cases);
 * - `outsider`: on none of them.
 * An address on several lists gets the most privileged audience that is still
 * correct for it: the desk and leadership already see every case (in the API
 * too), so desk/leadership wins over an agency list; an address on two agencies'
 * lists sees both agencies' cases, as it gets both agencies' case emails anyway.
 */
export type BriefingAudience =
  | { kind: 'desk' }
  | { kind: 'agency'; agencyIds: string[] }
  | { kind: 'outsider' };

export type AudienceLists = Pick<AppConfig, 'deskList' | 'summaryRecipients' | 'agencies'>;

const normal = (email: string): string => email.trim().toLowerCase();

export const audienceOf = (lists: AudienceLists, email: string): BriefingAudience => {
  const e = normal(email);
  const onList = (list: { email: string }[]) => list.some((r) => normal(r.email) === e);
  if (onList(lists.deskList) || onList(lists.summaryRecipients)) return { kind: 'desk' };
  const agencyIds = lists.agencies.filter((a) => a.emails.some((x) => normal(x) === e)).map((a) => a.id);
  return agencyIds.length > 0 ? { kind: 'agency', agencyIds } : { kind: 'outsider' };
};

/** The agenda as `audience` may see it. */
export const agendaFor = (audience: BriefingAudience, agenda: readonly AgendaItem[]): AudienceAgenda => {
  switch (audience.kind) {
    case 'desk':
      return { detail: 'full', items: agenda.map((item) => ({ ...item })) };
    case 'agency':
      return {
        detail: 'full',
        items: agenda
          .filter((item) => item.agencyId !== null && audience.agencyIds.includes(item.agencyId))
          .map((item) => ({ ...item })),
      };
    case 'outsider':
      return { detail: 'titles', items: agenda.map((item) => ({ title: item.title })) };
  }
};

export interface BriefingRecipient {
  email: string;
  locale: Locale;
  audience: BriefingAudience;
  /** On the briefing's invitee list (gets the first invitation). */
  invited: boolean;
}

/** The locale of the list that gave the address its audience; the default for outsiders. */
const localeOf = (config: AppConfig, email: string, audience: BriefingAudience): Locale => {
  const e = normal(email);
  if (audience.kind === 'desk') {
    const entry = [...config.deskList, ...config.summaryRecipients].find((r) => normal(r.email) === e);
    return entry?.locale ?? config.defaultLocale;
  }
  if (audience.kind === 'agency') {
    return config.agencies.find((a) => a.id === audience.agencyIds[0])?.locale ?? config.defaultLocale;
  }
  return config.defaultLocale;
};

/** The desk list, the invitees and the agencies whose cases are on the agenda; each address once. */
export const briefingRecipients = (
  config: AppConfig,
  b: { invitees: readonly string[] },
  agenda: readonly AgendaItem[],
): BriefingRecipient[] => {
  const invited = new Set(b.invitees.map(normal));
  const addresses = [
    ...config.deskList.map((r) => r.email),
    ...b.invitees,
    ...config.agencies.filter((a) => agenda.some((item) => item.agencyId === a.id)).flatMap((a) => a.emails),
  ];
  const seen = new Set<string>();
  const out: BriefingRecipient[] = [];
  for (const email of addresses) {
    const key = normal(email);
    if (seen.has(key)) continue;
    seen.add(key);
    const audience = audienceOf(config, email);
    out.push({ email, locale: localeOf(config, email, audience), audience, invited: invited.has(key) });
  }
  return out;
};

/** The messages due at this run that are for `r`: the invitation only to invitees until a reschedule. */
const isFor = (r: BriefingRecipient, m: BriefingMessage): boolean =>
  m.kind !== 'update' || m.audience === 'everyone' || r.invited;

export interface RecipientPlan {
  recipient: BriefingRecipient;
  /** What is due to this person in this run; all of it goes in one email. */
  messages: BriefingMessage[];
}

/** For each recipient, the due messages that are theirs (none: left out). */
export const planBriefingEmails = (
  config: AppConfig,
  b: { invitees: readonly string[] },
  agenda: readonly AgendaItem[],
  due: readonly BriefingMessage[],
): RecipientPlan[] =>
  briefingRecipients(config, b, agenda)
    .map((recipient) => ({ recipient, messages: due.filter((m) => isFor(recipient, m)) }))
    .filter((p) => p.messages.length > 0);

/** The sent-marker job and period of a message: once per briefing, sequence (and reminder offset), recipient. */
export const briefingMessageKey = (b: BriefingView, m: BriefingMessage): { job: string; period: string } => {
  switch (m.kind) {
    case 'cancel':
      return { job: 'briefing-cancel', period: `${b.id}#${b.sequence}` };
    case 'update':
      return { job: 'briefing-update', period: `${b.id}#${b.sequence}` };
    case 'reminder':
      return { job: 'briefing-reminder', period: `${b.id}#${b.sequence}#${m.offsetHours}h` };
  }
};

/** A sent-marker's id (shared/mail/sent-markers.ts' MarkerId): one per message and recipient. */
export interface BriefingMarker {
  job: string;
  period: string;
  recipient: string;
}

/** The markers of one recipient's email, one per message, in the messages' order. */
export const briefingEmailMarkers = (b: BriefingView, plan: RecipientPlan): BriefingMarker[] =>
  plan.messages.map((m) => ({ ...briefingMessageKey(b, m), recipient: plan.recipient.email }));

/**
 * The messages an email carries: those whose marker (from briefingEmailMarkers,
 * the same objects) this run claimed; a message another run claimed is left out.
 */
export const carriedMessages = (
  messages: readonly BriefingMessage[],
  markers: readonly BriefingMarker[],
  carried: readonly BriefingMarker[],
): BriefingMessage[] => messages.filter((_, i) => carried.includes(markers[i]!));

/**
 * The time left until `startsAt`, in minutes, rounded as a reader wants it: to
 * the hour from 10 hours on ("in 20 hours"), to 5 minutes below that ("in 2
 * hours 45 minutes"), and never below 5 minutes while the briefing has not
 * started; 0 once it has.
 */
export const timeLeftMinutes = (startsAt: string, now: Date): number => {
  const exact = (new Date(startsAt).getTime() - now.getTime()) / 60_000;
  if (!(exact > 0)) return 0;
  if (exact >= 10 * 60) return Math.round(exact / 60) * 60;
  return Math.max(5, Math.round(exact / 5) * 5);
};

/**
 * The one email for the messages of one recipient (those this run claimed): a
 * cancellation; an invitation or update that also carries the reminder when one
 * is due with it; or a reminder.
 */
export const briefingNoticeFor = (
  b: BriefingView,
  messages: readonly BriefingMessage[],
  agenda: AudienceAgenda,
  now: Date,
): BriefingNotice => {
  if (messages.length === 0) throw new Error(`briefing ${b.id}: no message to send`);
  const has = (kind: BriefingMessage['kind']) => messages.some((m) => m.kind === kind);
  const startsInMinutes = has('reminder') ? timeLeftMinutes(b.startsAt, now) : null;
  if (has('cancel')) return { kind: 'cancel', briefing: b, startsInMinutes: null, agenda };
  return { kind: has('update') ? 'update' : 'reminder', briefing: b, startsInMinutes, agenda };
};
