// The notification sweep (docs/jobs.md, "Case notifications"): delivers outbox items
// still pending after 15 minutes (a stream event was lost or its sender
// failed) and sends the steps of the deadline escalation ladder due now
// (shared/service/escalation.ts). Sent-markers make it safe to overlap with the
// stream sender and with itself.

import { sweepCutoff } from '#domain/notifications';
import { runtimeMailingDeps } from '#functions/runtime-mailing-deps';
import type { JobOptions, JobResult, ScheduledEvent } from '#functions/schedules';
import { sendEscalations } from '#service/escalation';
import { drainOutbox } from '#service/notifications';
import { runWebhookSweep } from '#service/webhooks';
import type { Deps } from '#shared/deps';
import { measuredRun } from '#shared/metrics';
import { logger } from '#shared/observability';

export const JOB = 'case-notifications';

export const run = async (deps: Deps, options: JobOptions = {}): Promise<JobResult> => {
  const now = options.now ?? deps.clock();
  const swept = await drainOutbox(deps, sweepCutoff(now), now);
  const nudges = await sendEscalations(deps, { now });
  // Signed webhooks (docs/webhooks.md): case.overdue once per case and deadline, and the retries.
  const webhooks = await runWebhookSweep(deps, now);
  const result = {
    job: JOB,
    sent: swept.sent + nudges.sent,
    skipped: swept.skipped + nudges.skipped,
    failed: swept.failed + nudges.failed,
    notAllowed: swept.notAllowed + nudges.notAllowed,
    outboxItems: swept.items,
    nudgeCases: nudges.cases,
    escalationSteps: nudges.steps,
    webhooks,
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
