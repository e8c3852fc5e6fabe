// The briefing emails (docs/jobs.md): materialize the regular briefings, then
// for each upcoming briefing send what is due — the invitation (to invitees; to
// everyone after a reschedule, with the bumped SEQUENCE), the reminder of the
// offset whose window is open, or the cancellation — each once per briefing,
// sequence and recipient. Who gets what, which part of the agenda each may see
// and which marker each message has are the rules of
// shared/domain/briefing-recipients.ts; what is due to one person in one run
// goes in one email.
import { dueBriefingMessages } from '#domain/briefing';
import {
  agendaFor,
  briefingEmailMarkers,
  briefingNoticeFor,
  carriedMessages,
  planBriefingEmails,
} from '#domain/briefing-recipients';
import { addDays } from '#domain/time';
import { renderBriefingNotice } from '#mail/briefing-email';
import { type Delivery, type DeliveryResult, deliver } from '#mail/deliver';
import type { Deps } from '#shared/deps';
import { agendaOf, briefingsBetweenAll } from '#store/briefings';
import { materializeBriefings } from './materialize';

export interface BriefingEmails extends DeliveryResult {
  /** Briefings the regular cycle added in this run. */
  materialized: number;
  /** Upcoming briefings looked at. */
  briefings: number;
}

/** Sends what is due at `now` (`outboxDir`: a dry run's folder, nothing sent). */
export const sendBriefingEmails = async (
  deps: Deps,
  o: { now: Date; outboxDir?: string },
): Promise<BriefingEmails> => {
  const { now } = o;
  const { config } = deps;
  const materialized = await materializeBriefings(deps, now);
  const upcoming = await briefingsBetweenAll(deps, now, addDays(now, config.briefings.materializeDays + 1));

  const deliveries: Delivery[] = [];
  for (const b of upcoming) {
    const due = dueBriefingMessages(b, config.briefings.reminderOffsetsHours, now);
    if (due.length === 0) continue;
    const agenda = await agendaOf(deps, b.id);
    for (const plan of planBriefingEmails(config, b, agenda, due)) {
      // One marker per message; the email carries those this run claims.
      const markers = briefingEmailMarkers(b, plan);
      const [first, ...rest] = markers;
      if (!first) continue;
      const { recipient: r, messages } = plan;
      const seen = agendaFor(r.audience, agenda);
      deliveries.push({
        marker: first,
        alsoMarkers: rest,
        render: (carried) =>
          renderBriefingNotice(
            briefingNoticeFor(b, carriedMessages(messages, markers, carried), seen, now),
            r.locale,
            config,
            // Each copy's invitation names its recipient as the ATTENDEE.
            { recipient: r.email, now },
          ),
      });
    }
  }
  const outcome = await deliver(deps, deliveries, o);
  return { ...outcome, materialized, briefings: upcoming.length };
};
