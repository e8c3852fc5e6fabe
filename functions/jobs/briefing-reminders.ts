// The briefing reminders job (docs/jobs.md): every few minutes, the briefing
// emails that are due (shared/service/briefing-emails.ts: invitations,
// reminders, cancellations, each once per briefing, sequence and recipient).

import { runtimeMailingDeps } from '#functions/runtime-mailing-deps';
import type { JobOptions, JobResult, ScheduledEvent } from '#functions/schedules';
import { sendBriefingEmails } from '#service/briefing-emails';
import type { Deps } from '#shared/deps';
import { measuredRun } from '#shared/metrics';
import { logger } from '#shared/observability';

export const JOB = 'briefing-reminders';

export const run = async (deps: Deps, options: JobOptions = {}): Promise<JobResult> => {
  const now = options.now ?? deps.clock();
  const { materialized, briefings, ...outcome } = await sendBriefingEmails(deps, {
    now,
    ...(options.dryRun ? { outboxDir: options.outboxDir ?? 'outbox' } : {}),
  });
  const result = { job: JOB, ...outcome, materialized, briefings, dryRun: options.dryRun ?? false };
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
