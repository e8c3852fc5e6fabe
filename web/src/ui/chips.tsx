// Status chips and urgency badges: the emails' words and colours.
import { type Catalogue, type Lang, useI18n } from '../i18n';
import { formatPercent } from '../time';

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

/** Why a report was found similar to another: vi “cùng đường dẫn nguồn”, “nội dung tương tự, 82%”. */
export const similarReasonText = (
  t: Catalogue,
  lang: Lang,
  reason: 'sameUrl' | 'similarText' | undefined,
  score?: number,
): string | undefined =>
  reason === 'sameUrl'
    ? t.reporter.reasonSameUrl
    : reason === 'similarText'
      ? t.reporter.reasonSimilarText(score === undefined ? undefined : formatPercent(score, lang))
      : undefined;
