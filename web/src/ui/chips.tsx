// Status chips and urgency badges: the emails' words and colours.
import { useI18n } from '../i18n';

type ReportStatus = 'new' | 'linked' | 'dismissed';
type CaseStatus = 'open' | 'verifying' | 'responded' | 'closed';
type Urgency = 'normal' | 'high' | 'critical';

export const ReportStatusChip = ({ status }: { status: ReportStatus }) => {
  const { t } = useI18n();
  return <span class={`chip chip-report-${status}`}>{t.common.reportStatus[status]}</span>;
};

export const CaseStatusChip = ({ status }: { status: CaseStatus }) => {
  const { t } = useI18n();
  return <span class={`chip chip-case-${status}`}>{t.common.caseStatus[status]}</span>;
};

export const UrgencyBadge = ({ urgency }: { urgency: Urgency }) => {
  const { t } = useI18n();
  if (urgency === 'normal') return null;
  return <span class={`badge badge-${urgency}`}>{t.common.urgency[urgency]}</span>;
};

export const OverdueBadge = ({
  dueAt,
  now = Date.now(),
}: {
  dueAt: string | null | undefined;
  now?: number;
}) => {
  const { t } = useI18n();
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  if (due < now) return <span class="badge badge-overdue">{t.common.overdue}</span>;
  if (due - now < 48 * 3_600_000) return <span class="badge badge-due-soon">{t.common.dueSoon}</span>;
  return null;
};
