// Every word the daily summary and the agency digest use, in both locales; the
// case and briefing emails take the brand, the status, outcome and kind labels
// from here too.
import type { Locale } from '#config/schema';
import type { CaseStatus, Outcome, Priority } from '#domain/case';
import type { BriefingLine, HotReason, ReportLine } from '#domain/summary-types';
import { formatNumber, pluralize } from './format';

// ------------------------------------------------------------------ strings

type Sentiment = 'positive' | 'neutral' | 'negative';
type Urgency = ReportLine['urgency'];
type Count = (n: number) => string;

export interface Strings {
  brand: string;
  desk: string;
  none: string;
  more: Count;
  // daily summary
  summaryHeading: string;
  summarySubject: (date: string, counts: string[]) => string;
  newReports: Count;
  overdueCases: Count;
  hotIssuesCount: Count;
  figureNewReports: string;
  figureOpened: string;
  figureClosed: string;
  figureOverdue: string;
  figureDueSoon: string;
  figureNew: string;
  quietLead: string;
  openCasesNow: Count;
  overdueTitle: string;
  overdueIntro: string;
  overdueNone: string;
  cases: Count;
  /** Whole days completed past the deadline (`daysOverdue` in shared/domain/time.ts); 0 is less than a day. */
  daysOverdue: Count;
  due: (when: string) => string;
  dueSoonTitle: string;
  unassigned: string;
  hotTitle: string;
  reports: Count;
  reach: (formatted: string) => string;
  hotReason: Record<HotReason, string>;
  urgentTitle: string;
  urgentIntro: string;
  urgentDetailsTitle: string;
  urgency: Record<Urgency, string>;
  observed: (when: string) => string;
  submitted: (when: string) => string;
  /** Marks an urgent report already on a case, by the case's status (null: the case is not found). */
  onCase: (status: CaseStatus | null) => string;
  reference: string;
  priority: Record<Priority, string>;
  reportsTitle: string;
  byCategory: string;
  byArea: string;
  bySentiment: string;
  sentiment: Record<Sentiment, string>;
  casesTitle: string;
  opened: string;
  closed: string;
  closedByOutcome: string;
  openByStatus: string;
  status: Record<CaseStatus, string>;
  outcome: Record<Outcome, string>;
  responseTitle: string;
  responseAgency: string;
  responseClosed: string;
  responseMedian: string;
  responseNote: string;
  briefingsTitle: string;
  briefingKind: Record<BriefingLine['kind'], string>;
  summaryFooter: (generatedAt: string, timeZone: string) => string;
  maskedNote: string;
  // agency digest
  digestHeading: string;
  digestSubject: (agency: string, date: string, counts: string[]) => string;
  digestOverdue: Count;
  digestDueSoon: Count;
  digestNew: Count;
  digestNothing: string;
  digestIntro: string;
  newlyAssignedTitle: string;
  /** `overdue`: the digest lists an overdue case, so "before the deadline" would be wrong. */
  digestFooter: (timeZone: string, overdue: boolean) => string;
  /** A digest case's evidence files, on its page (docs/files.md). */
  digestFiles: Count;
}

const en = (n: number, one: string, other: string) =>
  `${formatNumber(n, 'en')} ${pluralize(n, 'en', { one, other })}`;
const vi = (n: number, noun: string) => `${formatNumber(n, 'vi')} ${noun}`;

/** Every word the two emails use, in both locales. */
export const STRINGS: Record<Locale, Strings> = {
  vi: {
    brand: '[Dư luận]',
    desk: 'Bộ phận theo dõi dư luận',
    none: 'Không có.',
    more: (n) => `… và ${formatNumber(n, 'vi')} mục khác`,
    summaryHeading: 'Tóm tắt dư luận trong ngày',
    summarySubject: (date, counts) => `[Dư luận] Tóm tắt ngày ${date}: ${counts.join(', ')}`,
    newReports: (n) => (n === 0 ? 'không có phản ánh mới' : vi(n, 'phản ánh mới')),
    overdueCases: (n) => vi(n, 'hồ sơ quá hạn'),
    hotIssuesCount: (n) => vi(n, 'vấn đề nổi bật'),
    figureNewReports: 'Phản ánh mới',
    figureOpened: 'Hồ sơ mở mới',
    figureClosed: 'Hồ sơ đã đóng',
    figureOverdue: 'Hồ sơ quá hạn',
    figureDueSoon: 'Sắp đến hạn',
    figureNew: 'Mới được giao',
    quietLead: 'Không có phản ánh mới; không có hồ sơ nào được mở hay đóng trong ngày.',
    openCasesNow: (n) => `Hồ sơ đang xử lý: ${formatNumber(n, 'vi')}`,
    overdueTitle: 'Hồ sơ quá hạn',
    overdueIntro: 'Hồ sơ đang chờ đơn vị xác minh, phản hồi nhưng đã quá hạn, theo đơn vị:',
    overdueNone: 'Không có hồ sơ quá hạn.',
    cases: (n) => vi(n, 'hồ sơ'),
    daysOverdue: (n) => (n === 0 ? 'quá hạn chưa đến 1 ngày' : `quá hạn ${formatNumber(n, 'vi')} ngày`),
    due: (when) => `hạn ${when}`,
    dueSoonTitle: 'Đến hạn trong 48 giờ tới',
    unassigned: 'Chưa giao đơn vị',
    hotTitle: 'Vấn đề nổi bật',
    reports: (n) => vi(n, 'phản ánh'),
    reach: (formatted) => `${formatted} lượt tiếp cận`,
    hotReason: { 'most-reported': 'nhiều phản ánh nhất', 'widest-reach': 'lan truyền rộng nhất' },
    urgentTitle: 'Phản ánh khẩn cấp và mức độ cao',
    urgentIntro:
      'Mỗi phản ánh một dòng: mức độ, giờ ghi nhận, tiêu đề, hồ sơ (nếu có). Chi tiết ở cuối email.',
    urgentDetailsTitle: 'Chi tiết phản ánh khẩn cấp và mức độ cao',
    urgency: { critical: 'Khẩn cấp', high: 'Mức cao' },
    observed: (when) => `ghi nhận ${when}`,
    submitted: (when) => `gửi ${when}`,
    onCase: (status) =>
      status === 'closed'
        ? 'hồ sơ đã đóng'
        : status === null
          ? 'đã có hồ sơ'
          : `hồ sơ: ${{ open: 'chờ giao', verifying: 'đang xác minh', responded: 'đã phản hồi' }[status]}`,
    reference: 'Mã hồ sơ',
    priority: { normal: 'Ưu tiên thường', high: 'Ưu tiên cao', critical: 'Ưu tiên khẩn cấp' },
    reportsTitle: 'Phản ánh mới',
    byCategory: 'Theo lĩnh vực',
    byArea: 'Theo địa bàn',
    bySentiment: 'Theo sắc thái',
    sentiment: { positive: 'Tích cực', neutral: 'Trung lập', negative: 'Tiêu cực' },
    casesTitle: 'Hồ sơ',
    opened: 'Mở mới trong ngày',
    closed: 'Đóng trong ngày',
    closedByOutcome: 'Đã đóng theo kết quả',
    openByStatus: 'Đang xử lý theo trạng thái',
    status: {
      open: 'Chờ giao xử lý',
      verifying: 'Đang xác minh',
      responded: 'Đã phản hồi',
      closed: 'Đã đóng',
    },
    outcome: {
      clarified: 'Đã thông tin chính thức',
      corrected: 'Đã cải chính',
      resolved: 'Đã khắc phục',
      unfounded: 'Không có cơ sở',
      'no-action': 'Không cần xử lý',
      merged: 'Đã gộp vào hồ sơ khác',
    },
    responseTitle: 'Thời gian phản hồi theo đơn vị',
    responseAgency: 'Đơn vị',
    responseClosed: 'Hồ sơ đóng',
    responseMedian: 'Trung vị',
    responseNote:
      'Trung vị thời gian từ khi giao đến khi đơn vị phản hồi, tính trên các hồ sơ đóng trong ngày.',
    briefingsTitle: 'Họp báo trong 7 ngày tới',
    briefingKind: { regular: 'Định kỳ', 'ad-hoc': 'Đột xuất' },
    summaryFooter: (generatedAt, timeZone) =>
      `Email tự động của Bộ phận theo dõi dư luận, lập lúc ${generatedAt}. Thời gian tính theo giờ ${timeZone}.`,
    maskedNote: 'Số điện thoại và địa chỉ email trong nội dung phản ánh đã được ẩn.',
    digestHeading: 'Hồ sơ cần đơn vị xử lý',
    digestSubject: (agency, date, counts) => `[Dư luận] ${agency}: ${counts.join(', ')} (${date})`,
    digestOverdue: (n) => vi(n, 'quá hạn'),
    digestDueSoon: (n) => vi(n, 'sắp đến hạn'),
    digestNew: (n) => vi(n, 'mới giao'),
    digestNothing: 'không có hồ sơ cần xử lý',
    digestIntro: 'Các hồ sơ được giao cho đơn vị đang chờ kết quả xác minh và nội dung phản hồi.',
    newlyAssignedTitle: 'Mới được giao',
    digestFooter: (timeZone, overdue) =>
      `${
        overdue
          ? 'Vui lòng cập nhật kết quả xác minh và nội dung phản hồi trên hệ thống ngay, trước hết cho các hồ sơ đã quá hạn.'
          : 'Vui lòng cập nhật kết quả xác minh và nội dung phản hồi trên hệ thống trước thời hạn.'
      } Thời gian tính theo giờ ${timeZone}.`,
    digestFiles: (n) => vi(n, 'tệp đính kèm'),
  },
  en: {
    brand: '[Opinion desk]',
    desk: 'Public-opinion desk',
    none: 'None.',
    more: (n) => `… and ${formatNumber(n, 'en')} more`,
    summaryHeading: 'Daily opinion summary',
    summarySubject: (date, counts) => `[Opinion desk] Daily summary ${date}: ${counts.join(', ')}`,
    newReports: (n) => (n === 0 ? 'no new reports' : en(n, 'new report', 'new reports')),
    overdueCases: (n) => en(n, 'overdue case', 'overdue cases'),
    hotIssuesCount: (n) => en(n, 'hot issue', 'hot issues'),
    figureNewReports: 'New reports',
    figureOpened: 'Cases opened',
    figureClosed: 'Cases closed',
    figureOverdue: 'Overdue cases',
    figureDueSoon: 'Due soon',
    figureNew: 'Newly assigned',
    quietLead: 'Nothing new: no reports came in and no case was opened or closed.',
    openCasesNow: (n) => `Open cases: ${formatNumber(n, 'en')}`,
    overdueTitle: 'Overdue cases',
    overdueIntro: 'Cases waiting for an agency to verify and respond, past their deadline, by agency:',
    overdueNone: 'No overdue cases.',
    cases: (n) => en(n, 'case', 'cases'),
    daysOverdue: (n) => (n === 0 ? 'overdue by less than a day' : `${en(n, 'day', 'days')} overdue`),
    due: (when) => `due ${when}`,
    dueSoonTitle: 'Due in the next 48 hours',
    unassigned: 'Not assigned',
    hotTitle: 'Hot issues',
    reports: (n) => en(n, 'report', 'reports'),
    reach: (formatted) => `reach ${formatted}`,
    hotReason: { 'most-reported': 'most reported', 'widest-reach': 'widest reach' },
    urgentTitle: 'Critical and high-urgency reports',
    urgentIntro: 'One line each: urgency, time seen, title, and its case if any. Details at the end.',
    urgentDetailsTitle: 'Critical and high-urgency reports in detail',
    urgency: { critical: 'Critical', high: 'High' },
    observed: (when) => `seen ${when}`,
    submitted: (when) => `submitted ${when}`,
    onCase: (status) =>
      status === 'closed'
        ? 'case closed'
        : status === null
          ? 'on a case'
          : `case ${{ open: 'awaiting assignment', verifying: 'being verified', responded: 'responded' }[status]}`,
    reference: 'Ref.',
    priority: { normal: 'Normal priority', high: 'High priority', critical: 'Critical priority' },
    reportsTitle: 'New reports',
    byCategory: 'By category',
    byArea: 'By area',
    bySentiment: 'By sentiment',
    sentiment: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
    casesTitle: 'Cases',
    opened: 'Opened that day',
    closed: 'Closed that day',
    closedByOutcome: 'Closed, by outcome',
    openByStatus: 'Open, by status',
    status: {
      open: 'Awaiting assignment',
      verifying: 'Being verified',
      responded: 'Responded',
      closed: 'Closed',
    },
    outcome: {
      clarified: 'Clarified',
      corrected: 'Corrected',
      resolved: 'Resolved',
      unfounded: 'Unfounded',
      'no-action': 'No action needed',
      merged: 'Merged into another case',
    },
    responseTitle: 'Time to response by agency',
    responseAgency: 'Agency',
    responseClosed: 'Closed',
    responseMedian: 'Median',
    responseNote: "Median time from assignment to the agency's response, for the cases closed that day.",
    briefingsTitle: 'Press briefings in the next 7 days',
    briefingKind: { regular: 'Regular', 'ad-hoc': 'Ad hoc' },
    summaryFooter: (generatedAt, timeZone) =>
      `Sent automatically by the public-opinion desk, prepared ${generatedAt}. Times are in ${timeZone}.`,
    maskedNote: 'Phone numbers and email addresses in report text are hidden.',
    digestHeading: 'Cases awaiting your agency',
    digestSubject: (agency, date, counts) => `[Opinion desk] ${agency}: ${counts.join(', ')} (${date})`,
    digestOverdue: (n) => `${formatNumber(n, 'en')} overdue`,
    digestDueSoon: (n) => `${formatNumber(n, 'en')} due soon`,
    digestNew: (n) => `${formatNumber(n, 'en')} new`,
    digestNothing: 'nothing due',
    digestIntro: 'The cases assigned to your agency that are waiting for your finding and response.',
    newlyAssignedTitle: 'Newly assigned',
    digestFooter: (timeZone, overdue) =>
      `${
        overdue
          ? 'Please post your finding and response in the system now, the overdue cases first.'
          : 'Please post your finding and response in the system before the deadline.'
      } Times are in ${timeZone}.`,
    digestFiles: (n) => en(n, 'file', 'files'),
  },
};
