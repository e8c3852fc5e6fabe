// Press briefings: ad-hoc briefings, the desk's actions, the API shapes, and
// which reminders are due. Pure. The regular cycle is in briefing-cycle.ts.
import { TZDate } from '@date-fns/tz';
import * as z from 'zod';
import type { AppConfig } from '#config/schema';
import type { BriefingView } from './briefing-types';
import { BadRequest, Conflict } from './errors';
import { oneLineText } from './text';
import { isCalendarDay } from './time';

export const BRIEFING_STATUSES = ['scheduled', 'cancelled'] as const;
export type Briefing = BriefingView & {
  invitees: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** For regular briefings: the local date of the occurrence it was made for. */
  occurrence: string | null;
};

const futureInstant = z.iso.datetime({ offset: true });
const emails = z
  .array(z.email().max(254))
  .min(1)
  .max(50)
  .refine((l) => new Set(l.map((e) => e.toLowerCase())).size === l.length, 'must not repeat an address');

export const newBriefingSchema = z.strictObject({
  title: oneLineText(3, 200),
  startsAt: futureInstant,
  durationMinutes: z.number().int().min(15).max(600).optional(),
  location: oneLineText(1, 300).optional(),
  invitees: emails.optional(),
});
export type NewBriefingInput = z.output<typeof newBriefingSchema>;

export const briefingActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('cancel'), reason: oneLineText(1, 1000) }),
  z.strictObject({ action: z.literal('reschedule'), startsAt: futureInstant }),
  z.strictObject({ action: z.literal('invite'), emails }),
]);
export type BriefingAction = z.output<typeof briefingActionSchema>;

export const briefingListQuerySchema = z.strictObject({
  from: z.string().refine(isCalendarDay, 'must be a calendar date YYYY-MM-DD').optional(),
  to: z.string().refine(isCalendarDay, 'must be a calendar date YYYY-MM-DD').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

export const briefingSchema = z.object({
  id: z.string(),
  kind: z.enum(['regular', 'ad-hoc']),
  title: z.string(),
  startsAt: z.string(),
  startsAtLocal: z.string(),
  durationMinutes: z.number().int(),
  location: z.string(),
  /** The desk's view only; absent (not empty) for an agency. */
  invitees: z
    .array(z.string())
    .optional()
    .describe('Who is invited (press contacts): in the desk’s view only, absent for an agency.'),
  status: z.enum(BRIEFING_STATUSES),
  sequence: z.number().int(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
});
export const agendaItemSchema = z.object({
  caseId: z.string(),
  title: z.string(),
  status: z.string(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
});
export const briefingDetailSchema = briefingSchema.extend({ agenda: z.array(agendaItemSchema) });

/** `startsAtLocal`: the start as wall-clock time in the zone, `YYYY-MM-DDTHH:mm` (no offset). */
export const startsAtLocal = (startsAt: string, timeZone: string): string => {
  const d = new TZDate(new Date(startsAt).getTime(), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

const mustBeFuture = (startsAt: string, now: Date, path: string): string => {
  const t = new Date(startsAt);
  if (t.getTime() <= now.getTime())
    throw new BadRequest('The briefing is not valid.', [{ path, message: 'must be in the future' }]);
  return t.toISOString();
};

export const newAdHocBriefing = (
  config: AppConfig,
  input: NewBriefingInput,
  ctx: { id: string; now: Date },
): Briefing => ({
  id: ctx.id,
  kind: 'ad-hoc',
  title: input.title,
  startsAt: mustBeFuture(input.startsAt, ctx.now, '/startsAt'),
  durationMinutes: input.durationMinutes ?? config.briefings.durationMinutes,
  location: input.location ?? config.briefings.location,
  status: 'scheduled',
  sequence: 0,
  cancelReason: null,
  invitees: input.invitees ?? [],
  version: 1,
  createdAt: ctx.now.toISOString(),
  updatedAt: ctx.now.toISOString(),
  occurrence: null,
});

/** The briefing after a desk action, or why not. Reschedule and cancel bump the calendar SEQUENCE. */
export const applyBriefingAction = (b: Briefing, action: BriefingAction, now: Date): Briefing => {
  if (b.status === 'cancelled') {
    throw new Conflict(
      `The briefing is cancelled; it cannot be ${action.action === 'invite' ? 'joined' : `${action.action}d`}.`,
      {
        currentStatus: b.status,
      },
    );
  }
  if (new Date(b.startsAt).getTime() <= now.getTime()) {
    throw new Conflict('The briefing has already started.', { currentStatus: b.status });
  }
  const base = { ...b, version: b.version + 1, updatedAt: now.toISOString() };
  switch (action.action) {
    case 'cancel':
      return { ...base, status: 'cancelled', cancelReason: action.reason, sequence: b.sequence + 1 };
    case 'reschedule':
      return { ...base, startsAt: mustBeFuture(action.startsAt, now, '/startsAt'), sequence: b.sequence + 1 };
    case 'invite': {
      const known = new Set(b.invitees.map((e) => e.toLowerCase()));
      return {
        ...base,
        invitees: [...b.invitees, ...action.emails.filter((e) => !known.has(e.toLowerCase()))],
      };
    }
  }
};

export type BriefingMessage =
  | { kind: 'cancel' }
  /** The calendar invitation at this sequence: to invitees at first, to everyone after a reschedule. */
  | { kind: 'update'; audience: 'invitees' | 'everyone' }
  | { kind: 'reminder'; offsetHours: number };

/**
 * What a briefing may send at `now`: a cancellation (until its start), the
 * invitation (to invitees; to everyone after a reschedule), and the reminder of the closest offset whose
 * window has opened (a missed earlier window is superseded by a later one; a
 * missed last window still sends while the briefing has not started).
 */
export const dueBriefingMessages = (
  b: BriefingView,
  offsetsHours: readonly number[],
  now: Date,
): BriefingMessage[] => {
  const start = new Date(b.startsAt).getTime();
  if (start <= now.getTime()) return [];
  if (b.status === 'cancelled') return [{ kind: 'cancel' }];
  const out: BriefingMessage[] = [{ kind: 'update', audience: b.sequence > 0 ? 'everyone' : 'invitees' }];
  const opened = [...offsetsHours].filter((h) => start - h * 3600_000 <= now.getTime()).sort((a, c) => a - c);
  if (opened.length > 0) out.push({ kind: 'reminder', offsetHours: opened[0]! });
  return out;
};
