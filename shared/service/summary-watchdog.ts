// The daily summary's watchdog check (docs/jobs.md, "Watchdog"): for the day a
// summary run covered, the summary's sent-marker of each summary recipient the
// environment may mail. It reads only; it never sends or resends.
import { DAILY_SUMMARY_MARKER_JOB } from '#domain/summary-run';
import { isAllowed } from '#mail/deliver';
import type { Deps } from '#shared/deps';
import { markerState } from '#store/sent-markers';

/**
 * A summary email that was not sent. Recipients are named by their position in
 * the environment's `summaryRecipients` (infra/config/<env>.ts): logs never hold
 * an address.
 */
export interface MissingSummary {
  recipient: `summaryRecipients[${number}]`;
  /** `absent`: the summary never claimed it; `claimed`: a send was started and never confirmed. */
  marker: 'absent' | 'claimed';
}

export interface SummaryCheck {
  /** Summary recipients the environment may mail (the others are not expected to have a marker). */
  expected: number;
  /** Summary recipients off the environment's allow-list. */
  notAllowed: number;
  missing: MissingSummary[];
}

/** Which summary emails of `date` were not sent (a send confirmed a moment ago counts). */
export const checkSummarySent = async (deps: Deps, date: string): Promise<SummaryCheck> => {
  const { config } = deps;
  const missing: MissingSummary[] = [];
  let expected = 0;
  let notAllowed = 0;
  for (const [index, recipient] of config.summaryRecipients.entries()) {
    if (!isAllowed(config, recipient.email)) {
      notAllowed++;
      continue;
    }
    expected++;
    const state = await markerState(deps, {
      job: DAILY_SUMMARY_MARKER_JOB,
      period: date,
      recipient: recipient.email,
    });
    if (state !== 'sent') missing.push({ recipient: `summaryRecipients[${index}]`, marker: state });
  }
  return { expected, notAllowed, missing };
};
