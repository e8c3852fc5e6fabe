// Case notifications (docs/jobs.md, docs/emails.md): which case actions notify whom, and what the
// message carries. Pure: the outbox item is built here; the sender resolves
// the recipients and renders.
import type { Case, CaseAction, Priority } from './case';

export type NoticeKind =
  | 'case-assigned'
  | 'case-responded'
  | 'case-closed'
  | 'deadline-nudge'
  | 'case-merged';

interface NoticeBase {
  caseId: string;
  title: string;
}

/** What one notification says. Built from the case at the moment of the action (a snapshot). */
export type CaseNotice =
  | (NoticeBase & {
      kind: 'case-assigned';
      summary: string;
      agencyId: string;
      dueAt: string;
      note: string | null;
      /** Absent on items written before the email carried them. */
      priority?: Priority;
      reportIds?: string[];
    })
  | (NoticeBase & { kind: 'case-responded'; agencyId: string | null; finding: string; response: string })
  | (NoticeBase & {
      kind: 'case-closed';
      outcome: string;
      evidenceUrl: string | null;
      note: string;
      reportIds: string[];
      /** The agency's public response (reporters may read it once the case is closed); absent on older items. */
      response?: string | null;
    })
  | (NoticeBase & {
      /** One step of the escalation ladder (docs/jobs.md), to one kind of recipient. */
      kind: 'deadline-nudge';
      agencyId: string;
      dueAt: string;
      step: string;
      audience: 'agency' | 'agencyHead' | 'deskLead';
      /** Working days from the send to the deadline (negative: overdue). */
      workingDaysLeft: number;
      pastDue: boolean;
    })
  | (NoticeBase & {
      /** `caseId`/`title`: the merged (now closed) case; the agencies of both cases hear of it. */
      kind: 'case-merged';
      agencyId: string | null;
      intoCaseId: string;
      intoTitle: string;
      intoAgencyId: string | null;
    });

/** The notice an accepted action causes, if any: assign → the agency, respond → the desk, close → the reporters. */
export const noticeFor = (action: CaseAction, next: Case): CaseNotice | null => {
  switch (action.action) {
    case 'assign':
      return {
        kind: 'case-assigned',
        caseId: next.id,
        title: next.title,
        summary: next.summary,
        agencyId: action.agencyId,
        dueAt: next.dueAt!,
        note: action.note ?? null,
        priority: next.priority,
        reportIds: next.reportIds,
      };
    case 'respond':
      return {
        kind: 'case-responded',
        caseId: next.id,
        title: next.title,
        agencyId: next.agencyId,
        finding: action.finding,
        response: action.response,
      };
    case 'close':
      return {
        kind: 'case-closed',
        caseId: next.id,
        title: next.title,
        outcome: action.outcome,
        evidenceUrl: action.evidenceUrl ?? null,
        note: action.note,
        reportIds: next.reportIds,
        response: next.response,
      };
    default:
      return null;
  }
};

/** The sweep resends outbox items still pending after this long (the stream or the local stream reader missed them). */
export const SWEEP_AFTER_MINUTES = 15;

/** The sweep's cut-off: items pending longer than SWEEP_AFTER_MINUTES were missed by the stream. */
export const sweepCutoff = (now: Date): Date => new Date(now.getTime() - SWEEP_AFTER_MINUTES * 60_000);

/** The notice of a merge: to the merged case's agency and the survivor's, when either has one. */
export const mergeNotice = (
  merged: Pick<Case, 'id' | 'title' | 'agencyId'>,
  survivor: Pick<Case, 'id' | 'title' | 'agencyId'>,
): CaseNotice | null =>
  merged.agencyId || survivor.agencyId
    ? {
        kind: 'case-merged',
        caseId: merged.id,
        title: merged.title,
        agencyId: merged.agencyId,
        intoCaseId: survivor.id,
        intoTitle: survivor.title,
        intoAgencyId: survivor.agencyId,
      }
    : null;
