// The shapes a briefing email is rendered from.
import type { CaseStatus } from './case';

export interface BriefingView {
  id: string;
  kind: 'regular' | 'ad-hoc';
  title: string;
  /** RFC 3339 UTC. */
  startsAt: string;
  durationMinutes: number;
  location: string;
  status: 'scheduled' | 'cancelled';
  /** Bumped on reschedule or cancel: the calendar SEQUENCE. */
  sequence: number;
  cancelReason: string | null;
}

export interface AgendaItem {
  caseId: string;
  title: string;
  status: CaseStatus;
  agencyId: string | null;
  agencyName: string | null;
}

/**
 * One briefing email: a reminder `offsetHours` before the start, an update
 * after a reschedule (or an invitation to someone newly invited), or a
 * cancellation. Each carries an .ics (METHOD:REQUEST, or CANCEL).
 */
export interface BriefingNotice {
  kind: 'reminder' | 'update' | 'cancel';
  briefing: BriefingView;
  /** For reminders: how many hours before the start this one is (48, 3, ...). */
  offsetHours: number | null;
  agenda: AgendaItem[];
}
