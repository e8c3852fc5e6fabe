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

/** What an outside invitee sees of an agenda item: its title, nothing else. */
export interface AgendaTitle {
  title: string;
}

/**
 * The agenda as one recipient may see it (see `agendaFor` in
 * briefing-recipients.ts): whole items for the desk and leadership, an agency's
 * own items, or titles only for an outside invitee.
 */
export type AudienceAgenda =
  | { detail: 'full'; items: AgendaItem[] }
  | { detail: 'titles'; items: AgendaTitle[] };

/**
 * One briefing email: a reminder, an update after a reschedule (or an
 * invitation to someone newly invited), or a cancellation. Each carries an .ics
 * (METHOD:REQUEST, or CANCEL).
 */
export interface BriefingNotice {
  kind: 'reminder' | 'update' | 'cancel';
  briefing: BriefingView;
  /**
   * The time left until the start, in minutes as the reader is told it
   * (rounded by `timeLeftMinutes`): set for a reminder, and for an update that
   * carries the reminder due to the same person in the same run; else null.
   */
  startsInMinutes: number | null;
  agenda: AudienceAgenda;
}
