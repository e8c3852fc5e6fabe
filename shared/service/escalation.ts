// The deadline escalation ladder (docs/jobs.md, "Escalation ladder"), run by
// the case-notifications job: for each verifying case whose deadline is near or
// past, the one step due now (shared/domain/escalation.ts) goes to its
// recipients, each once per case, deadline, step and address (sent-markers),
// so overlapping runs and retries send nothing twice, and a new deadline (a
// reassignment) starts the ladder again.
import type { AppConfig, Locale } from '#config/schema';
import { dueStep, escalationHorizon, timeLeft } from '#domain/escalation';
import type { CaseNotice } from '#domain/notifications';
import { renderCaseNotice } from '#mail/case-email';
import { type Delivery, type DeliveryResult, deliver } from '#mail/deliver';
import type { Deps } from '#shared/deps';
import { casesDueBefore } from '#store/escalation';
import { caseFileCounts } from '#store/file-counts';

export const ESCALATION_JOB = 'escalation';

type Audience = Extract<CaseNotice, { kind: 'deadline-nudge' }>['audience'];

/** The addresses of one kind of recipient of a case's agency; an agency without a head has no `agencyHead`. */
const addressesOf = (
  config: AppConfig,
  agencyId: string,
  audience: Audience,
): { email: string; locale: Locale }[] => {
  const agency = config.agencies.find((a) => a.id === agencyId);
  switch (audience) {
    case 'agency':
      return agency ? agency.emails.map((email) => ({ email, locale: agency.locale })) : [];
    case 'agencyHead':
      return agency ? (agency.headEmails ?? []).map((email) => ({ email, locale: agency.locale })) : [];
    case 'deskLead':
      return config.escalation.deskLead ?? [];
  }
};

export interface EscalationOptions {
  now: Date;
}

/** Sends the ladder's steps due now; `cases` is how many cases were read, `steps` how many had a step due. */
export const sendEscalations = async (
  deps: Deps,
  o: EscalationOptions,
): Promise<DeliveryResult & { cases: number; steps: number }> => {
  const { config } = deps;
  const cases = await casesDueBefore(deps, escalationHorizon(config, o.now));
  const deliveries: Delivery[] = [];
  let steps = 0;
  // The files on each stepping case's page, read once for all of them after the loop;
  // the emails render in deliver(), after that read.
  const stepping: string[] = [];
  let files = new Map<string, number>();
  for (const c of cases) {
    if (c.status !== 'verifying' || !c.agencyId || !c.dueAt) continue;
    const step = dueStep(config, { dueAt: c.dueAt, assignedAt: c.assignedAt }, o.now);
    if (!step) continue;
    steps++;
    stepping.push(c.id);
    const seen = new Set<string>();
    for (const audience of step.to) {
      for (const r of addressesOf(config, c.agencyId, audience)) {
        // One email per address and step, even when an address is both the agency's and its head's.
        const key = r.email.trim().toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const notice: CaseNotice = {
          kind: 'deadline-nudge',
          caseId: c.id,
          title: c.title,
          agencyId: c.agencyId,
          dueAt: c.dueAt,
          step: step.id,
          audience,
          ...timeLeft(config, new Date(c.dueAt), o.now),
        };
        deliveries.push({
          marker: { job: ESCALATION_JOB, period: `${c.id}#${c.dueAt}#${step.id}`, recipient: r.email },
          render: () => renderCaseNotice(notice, r.locale, config, { fileCount: files.get(c.id) ?? 0 }),
        });
      }
    }
  }
  files = await caseFileCounts(deps, stepping);
  const result = await deliver(deps, deliveries, { now: o.now });
  return { ...result, cases: cases.length, steps };
};
