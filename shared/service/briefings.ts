// Briefing use cases: materialize the regular cycle, list, read with the
// agenda, schedule ad hoc, act (cancel, reschedule, invite).

import {
  applyBriefingAction,
  type Briefing,
  briefingActionSchema,
  briefingListQuerySchema,
  newAdHocBriefing,
  newBriefingSchema,
  startsAtLocal,
} from '#domain/briefing';
import type { AgendaItem } from '#domain/briefing-types';
import { BadRequest, NotFound } from '#domain/errors';
import { idParamsSchema } from '#domain/ids';
import { maskContacts } from '#domain/mask';
import type { Principal } from '#domain/principal';
import { addDays, dayRange, localDay } from '#domain/time';
import { validate } from '#domain/validate';
import type { Deps } from '#shared/deps';
import { agendaOf, briefingsPage, getBriefing, putBriefingIfAbsent, saveBriefing } from '#store/briefings';
import type { Page } from '#store/query';

export const DEFAULT_LIST_DAYS = 60;
export const MAX_LIST_DAYS = 366;

export type BriefingOut = Omit<Briefing, 'createdAt' | 'updatedAt' | 'occurrence' | 'invitees'> & {
  startsAtLocal: string;
  /** The desk's only: absent for anyone else, not an empty list that would read "nobody invited". */
  invitees?: string[];
};

const isDesk = (p: Principal) => p.roles.includes('desk');

/** The API view; the invitee list (press contacts) is for the desk only. */
export const viewOf = (b: Briefing, timeZone: string, principal: Principal): BriefingOut => {
  const { createdAt: _c, updatedAt: _u, occurrence: _o, invitees, ...rest } = b;
  return {
    ...rest,
    ...(isDesk(principal) ? { invitees } : {}),
    startsAtLocal: startsAtLocal(b.startsAt, timeZone),
  };
};

export const browseBriefings = async (
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<Page<BriefingOut>> => {
  const q = validate(briefingListQuerySchema, query, 'query');
  const tz = deps.config.timeZone;
  const fromDay = q.from ?? localDay(deps.clock(), tz);
  const toDay = q.to ?? localDay(addDays(dayRange(fromDay, tz).start, DEFAULT_LIST_DAYS), tz);
  const from = dayRange(fromDay, tz).start;
  const to = dayRange(toDay, tz).end;
  if (to <= from)
    throw new BadRequest('The range is empty.', [{ path: '/to', message: 'must not be before from' }]);
  if (to.getTime() - from.getTime() > MAX_LIST_DAYS * 86_400_000) {
    throw new BadRequest('The range is too long.', [
      { path: '/to', message: `at most ${MAX_LIST_DAYS} days after from` },
    ]);
  }
  const page = await briefingsPage(deps, from, to, q.limit, q.cursor);
  return { items: page.items.map((b) => viewOf(b, tz, principal)), nextCursor: page.nextCursor };
};

const briefingOr404 = async (deps: Deps, params: unknown): Promise<Briefing> => {
  const parsed = idParamsSchema.safeParse(params);
  const b = parsed.success ? await getBriefing(deps, parsed.data.id) : undefined;
  if (!b) throw new NotFound('No such briefing.');
  return b;
};

/** The briefing with its agenda; an agency sees only its own cases on it. */
export const readBriefing = async (
  deps: Deps,
  principal: Principal,
  params: unknown,
): Promise<BriefingOut & { agenda: AgendaItem[] }> => {
  const b = await briefingOr404(deps, params);
  const agenda = (await agendaOf(deps, b.id))
    .filter((a) => isDesk(principal) || a.agencyId === principal.agencyId)
    .map((a) => (isDesk(principal) ? a : { ...a, title: maskContacts(a.title) })); // masked for an agency, as in email
  return { ...viewOf(b, deps.config.timeZone, principal), agenda };
};

export const scheduleBriefing = async (
  deps: Deps,
  principal: Principal,
  body: unknown,
): Promise<BriefingOut> => {
  const input = validate(newBriefingSchema, body, 'briefing');
  const b = newAdHocBriefing(deps.config, input, { id: deps.newId(), now: deps.clock() });
  await putBriefingIfAbsent(deps, b);
  return viewOf(b, deps.config.timeZone, principal);
};

export const actOnBriefing = async (
  deps: Deps,
  principal: Principal,
  params: unknown,
  body: unknown,
): Promise<BriefingOut> => {
  const action = validate(briefingActionSchema, body, 'action');
  const before = await briefingOr404(deps, params);
  const after = applyBriefingAction(before, action, deps.clock());
  await saveBriefing(deps, before, after);
  return viewOf(after, deps.config.timeZone, principal);
};
