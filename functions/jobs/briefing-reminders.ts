// The briefing reminders job (docs/jobs.md): materialize the regular briefings,
// then for each upcoming briefing send what is due — the invitation (to
// invitees; to everyone after a reschedule, with the bumped SEQUENCE), the
// reminder of the offset whose window is open, or the cancellation — each once
// per briefing, sequence and recipient. Who gets what, and which part of the
// agenda each may see, are the rules of shared/domain/briefing-recipients.ts;
// what is due to one person in one run goes in one email.

import { dueBriefingMessages } from '#domain/briefing';
import {
  agendaFor,
  briefingMessageKey,
  briefingNoticeFor,
  planBriefingEmails,
} from '#domain/briefing-recipients';
import { addDays } from '#domain/time';
import type { JobOptions, JobResult, ScheduledEvent } from '#functions/schedules';
import { renderBriefingNotice } from '#mail/briefing-email';
import { type Delivery, deliver } from '#mail/deliver';
import { runtimeMailingDeps } from '#mail/deps';
import type { MarkerId } from '#mail/sent-markers';
import { materializeBriefings } from '#service/materialize';
import type { Deps } from '#shared/deps';
import { measuredRun } from '#shared/metrics';
import { logger } from '#shared/observability';
import { agendaOf, briefingsBetweenAll } from '#store/briefings';

export const JOB = 'briefing-reminders';

export const run = async (deps: Deps, options: JobOptions = {}): Promise<JobResult> => {
  const now = options.now ?? deps.clock();
  const { config } = deps;
  const materialized = await materializeBriefings(deps, now);
  const upcoming = await briefingsBetweenAll(deps, now, addDays(now, config.briefings.materializeDays + 1));

  const deliveries: Delivery[] = [];
  for (const b of upcoming) {
    const due = dueBriefingMessages(b, config.briefings.reminderOffsetsHours, now);
    if (due.length === 0) continue;
    const agenda = await agendaOf(deps, b.id);
    for (const { recipient: r, messages } of planBriefingEmails(config, b, agenda, due)) {
      // One marker per message; the email carries those this run claims.
      const markers: MarkerId[] = messages.map((m) => ({ ...briefingMessageKey(b, m), recipient: r.email }));
      const [first, ...rest] = markers;
      if (!first) continue;
      const seen = agendaFor(r.audience, agenda);
      deliveries.push({
        marker: first,
        alsoMarkers: rest,
        render: (carried) =>
          renderBriefingNotice(
            briefingNoticeFor(
              b,
              messages.filter((_, i) => carried.includes(markers[i]!)),
              seen,
              now,
            ),
            r.locale,
            config,
            // Each copy's invitation names its recipient as the ATTENDEE.
            { recipient: r.email, now },
          ),
      });
    }
  }
  const outcome = await deliver(deps, deliveries, {
    now,
    ...(options.dryRun ? { outboxDir: options.outboxDir ?? 'outbox' } : {}),
  });
  const result = {
    job: JOB,
    ...outcome,
    materialized,
    briefings: upcoming.length,
    dryRun: options.dryRun ?? false,
  };
  logger.info('job finished', result);
  return result;
};

// These jobs act on the state at the moment they run, so a retried invocation
// simply runs now; the sent-markers make the repeat harmless.
export const handler = async (_event: ScheduledEvent = {}): Promise<JobResult> => {
  const result = await measuredRun(
    JOB,
    () => run(runtimeMailingDeps(), {}),
    (r) => ({ emails: r }),
  );
  if (result.failed > 0) throw new Error(`${result.failed} email(s) failed; the next run retries them`);
  return result;
};
