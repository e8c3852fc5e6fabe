// The shape of the daily summary and of an agency digest: what GET
// /summaries/daily returns and what the emails are rendered from.
import type { CaseStatus, Outcome } from './case';

export interface CountBy {
  id: string;
  count: number;
}

export interface ReportLine {
  id: string;
  title: string;
  /** The first ~200 characters of the summary, as submitted (escape and mask when rendering). */
  excerpt: string;
  urgency: 'high' | 'critical';
  category: string;
  area: string;
  submittedAt: string;
  caseId: string | null;
}

export type HotReason = 'most-reported' | 'widest-reach';

export interface HotIssue {
  /** What groups the reports: their case, a shared source URL, or category × area. */
  kind: 'case' | 'source' | 'topic';
  key: string;
  title: string;
  category: string;
  area: string;
  reportCount: number;
  reach: number;
  reasons: HotReason[];
  caseId: string | null;
}

export interface CaseLine {
  id: string;
  title: string;
  agencyId: string | null;
  agencyName: string | null;
  status: CaseStatus;
  dueAt: string | null;
}

export interface OverdueCase extends CaseLine {
  /** Whole days past the deadline, at least 1 once overdue. */
  daysOverdue: number;
}

export interface AgencyOverdue {
  agencyId: string;
  agencyName: string;
  cases: OverdueCase[];
}

export interface AgencyResponseTime {
  agencyId: string;
  agencyName: string;
  closedCount: number;
  medianResponseSeconds: number | null;
}

export interface BriefingLine {
  id: string;
  title: string;
  startsAt: string;
  location: string;
  kind: 'regular' | 'ad-hoc';
}

export interface DailySummary {
  /** The local day summarized (YYYY-MM-DD in `timeZone`). */
  date: string;
  timeZone: string;
  generatedAt: string;
  reports: {
    total: number;
    byCategory: CountBy[];
    byArea: CountBy[];
    bySentiment: { positive: number; neutral: number; negative: number };
    /** Critical first, then high; newest first within each. */
    urgent: ReportLine[];
  };
  hotIssues: HotIssue[];
  cases: {
    opened: number;
    closed: { total: number; byOutcome: Record<Outcome, number> };
    openByStatus: { open: number; verifying: number; responded: number };
    overdueByAgency: AgencyOverdue[];
    dueSoon: CaseLine[];
    responseTimeByAgency: AgencyResponseTime[];
  };
  briefings: BriefingLine[];
  /** Nothing new that day: no reports, no case opened or closed. */
  quiet: boolean;
}

export interface AgencyDigest {
  date: string;
  timeZone: string;
  agencyId: string;
  agencyName: string;
  overdue: OverdueCase[];
  dueSoon: CaseLine[];
  newlyAssigned: CaseLine[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
