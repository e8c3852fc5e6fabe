// The briefing reminders job (SPEC §5): materialize the regular briefings,
// then for each upcoming briefing send what is due — the invitation (to
// invitees; to everyone after a reschedule, with the bumped SEQUENCE), the
// reminder of the offset whose window is open, or the cancellation — each once
// per briefing, sequence and recipient.
import type { AppConfig } from '../../shared/config/schema';
import type { Deps } from '../../shared/deps';
import { type Briefing, dueBriefingMessages } from '../../shared/domain/briefing';
import type { AgendaItem } from '../../shared/domain/briefing-types';
import { addDays } from '../../shared/domain/time';
import { renderBriefingNotice } from '../../shared/mail/briefing-email';
import { type Delivery, deliver } from '../../shared/mail/deliver';
import { runtimeMailingDeps } from '../../shared/mail/deps';
import { logger } from '../../shared/observability';
import { materializeBriefings } from '../../shared/service/materialize';
import { agendaOf, briefingsBetweenAll } from '../../shared/store/briefings';
import type { JobOptions, JobResult, ScheduledEvent } from '../schedules';

export const JOB = 'briefing-reminders';

interface Recipient {
  email: string;
  locale: 'vi' | 'en';
}

/** The desk list, the invitees and the agencies whose cases are on the agenda; each address once. */
export const briefingRecipients = (config: AppConfig, b: Briefing, agenda: AgendaItem[]): Recipient[] => {
  const all: Recipient[] = [
    ...config.deskList,
    ...b.invitees.map((email) => ({ email, locale: config.defaultLocale })),
    ...config.agencies
      .filter((a) => agenda.some((item) => item.agencyId === a.id))
      .flatMap((a) => a.emails.map((email) => ({ email, locale: a.locale }))),
  ];
  const seen = new Set<string>();
  return all.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

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
    const everyone = briefingRecipients(config, b, agenda);
    const invitees = new Set(b.invitees.map((e) => e.toLowerCase()));
    for (const msg of due) {
      const [job, period, to] =
        msg.kind === 'cancel'
          ? ['briefing-cancel', `${b.id}#${b.sequence}`, everyone]
          : msg.kind === 'update'
            ? [
                'briefing-update',
                `${b.id}#${b.sequence}`,
                msg.audience === 'everyone'
                  ? everyone
                  : everyone.filter((r) => invitees.has(r.email.toLowerCase())),
              ]
            : ['briefing-reminder', `${b.id}#${b.sequence}#${msg.offsetHours}h`, everyone];
      for (const r of to) {
        deliveries.push({
          marker: { job, period, recipient: r.email },
          render: () =>
            renderBriefingNotice(
              {
                kind: msg.kind,
                briefing: b,
                offsetHours: msg.kind === 'reminder' ? msg.offsetHours : null,
                agenda,
              },
              r.locale,
              config,
              // Each copy's invitation names its recipient as the ATTENDEE.
              { recipient: r.email, now },
            ),
        });
      }
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
  const result = await run(runtimeMailingDeps(), {});
  if (result.failed > 0) throw new Error(`${result.failed} email(s) failed; the next run retries them`);
  return result;
};
