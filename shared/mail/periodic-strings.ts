// Every word of the weekly and monthly report and its CSV, in both locales.
import type { Locale } from '#config/schema';
import type { PeriodKind } from '#domain/periodic';
import type { TopicKind } from '#domain/topics';
import { formatNumber, pluralize } from './format';

type Count = (n: number) => string;

export interface PeriodicStrings {
  heading: Record<PeriodKind, (id: string) => string>;
  subject: (heading: string, span: string, counts: string[]) => string;
  reports: Count;
  casesOpened: Count;
  overdueCases: Count;
  figureReports: string;
  figureOpened: string;
  figureClosed: string;
  figureOverdue: string;
  topicsTitle: Record<PeriodKind, string>;
  topicsNote: string;
  topicKind: Record<TopicKind, string>;
  perDayPeak: (n: string, day: string) => string;
  noReportsInTopic: string;
  reportsTitle: string;
  reach: (formatted: string) => string;
  casesTitle: string;
  opened: string;
  closed: string;
  agenciesTitle: string;
  agenciesNote: string;
  agencyHead: [string, string, string, string, string];
  clarificationsTitle: string;
  clarificationsNote: string;
  attachment: (n: number) => string;
  noCases: string;
  footer: (generatedAt: string, timeZone: string) => string;
  csvFileName: (kind: PeriodKind, id: string) => string;
  csvHeader: readonly string[];
  yes: string;
  /** The subhead of the tag counts (cases opened or closed in the period). */
  byTag: string;
  no: string;
}

const en = (n: number, one: string, other: string) =>
  `${formatNumber(n, 'en')} ${pluralize(n, 'en', { one, other })}`;
const vi = (n: number, noun: string) => `${formatNumber(n, 'vi')} ${noun}`;

export const PERIODIC_STRINGS: Record<Locale, PeriodicStrings> = {
  vi: {
    heading: {
      week: (id) => `Báo cáo tuần ${id}`,
      month: (id) => `Báo cáo tháng ${id.slice(5)}/${id.slice(0, 4)}`,
    },
    subject: (heading, span, counts) => `[Dư luận] ${heading} (${span}): ${counts.join(', ')}`,
    reports: (n) => vi(n, 'phản ánh'),
    casesOpened: (n) => vi(n, 'hồ sơ mở mới'),
    overdueCases: (n) => vi(n, 'hồ sơ để quá hạn'),
    figureReports: 'Phản ánh',
    figureOpened: 'Hồ sơ mở mới',
    figureClosed: 'Hồ sơ đã đóng',
    figureOverdue: 'Để quá hạn',
    topicsTitle: { week: 'Chủ đề trong tuần', month: 'Chủ đề trong tháng' },
    topicsNote: 'Các chủ đề có nhiều phản ánh nhất, với số phản ánh từng ngày.',
    topicKind: {
      case: 'Hồ sơ',
      source: 'Cùng một đường dẫn',
      group: 'Các phản ánh giống nhau',
      area: 'Lĩnh vực tại địa bàn',
    },
    perDayPeak: (n, day) => `cao nhất ${n} phản ánh/ngày (${day})`,
    noReportsInTopic: 'không có phản ánh',
    reportsTitle: 'Phản ánh',
    reach: (formatted) => `${formatted} lượt tiếp cận`,
    casesTitle: 'Hồ sơ',
    opened: 'Mở mới',
    closed: 'Đã đóng',
    agenciesTitle: 'Các đơn vị: thời gian phản hồi và quá hạn',
    agenciesNote:
      'Thời gian từ khi giao đến khi đơn vị phản hồi, tính trên các phản hồi trong kỳ (trung vị và 90% phản hồi nhanh hơn mức này). Quá hạn: hồ sơ có hạn trong kỳ mà đơn vị chưa phản hồi trước hạn.',
    agencyHead: ['Đơn vị', 'Phản hồi', 'Trung vị', '90%', 'Quá hạn'],
    clarificationsTitle: 'Thông tin chính thức đã đưa ra và hiệu quả',
    clarificationsNote:
      'Hồ sơ đóng với kết quả đã thông tin chính thức hoặc đã cải chính trong kỳ, đánh giá đến hết ngày cuối kỳ: số phản ánh trước thông tin chính thức (tối đa 7 ngày) và sau đó, kể cả phản ánh mới cùng nội dung hoặc cùng đường dẫn.',
    attachment: (n) =>
      `Tệp đính kèm (CSV, mở được bằng Excel): danh sách ${formatNumber(n, 'vi')} hồ sơ mở hoặc đóng trong kỳ.`,
    noCases: 'Không có hồ sơ nào mở hoặc đóng trong kỳ.',
    footer: (generatedAt, timeZone) => `Lập lúc ${generatedAt}. Giờ theo ${timeZone}.`,
    csvFileName: (kind, id) => `${kind === 'week' ? 'bao-cao-tuan' : 'bao-cao-thang'}-${id}.csv`,
    csvHeader: [
      'Mã hồ sơ',
      'Tiêu đề',
      'Lĩnh vực',
      'Địa bàn',
      'Đơn vị',
      'Trạng thái',
      'Kết quả',
      'Mở lúc',
      'Đóng lúc',
      'Hạn',
      'Phản hồi lúc',
      'Thời gian phản hồi (giờ)',
      'Số phản ánh',
      'Mở trong kỳ',
      'Đóng trong kỳ',
      'Thẻ',
    ],
    yes: 'Có',
    byTag: 'Hồ sơ trong kỳ theo thẻ',
    no: 'Không',
  },
  en: {
    heading: {
      week: (id) => `Weekly report ${id}`,
      month: (id) => `Monthly report ${id}`,
    },
    subject: (heading, span, counts) => `[Opinion desk] ${heading} (${span}): ${counts.join(', ')}`,
    reports: (n) => en(n, 'report', 'reports'),
    casesOpened: (n) => en(n, 'case opened', 'cases opened'),
    overdueCases: (n) => en(n, 'case let go overdue', 'cases let go overdue'),
    figureReports: 'Reports',
    figureOpened: 'Cases opened',
    figureClosed: 'Cases closed',
    figureOverdue: 'Let go overdue',
    topicsTitle: { week: 'Topics of the week', month: 'Topics of the month' },
    topicsNote: 'The most reported topics, with their reports day by day.',
    topicKind: {
      case: 'Case',
      source: 'Same link',
      group: 'Similar reports',
      area: 'Category in an area',
    },
    perDayPeak: (n, day) => `peak ${n} reports/day (${day})`,
    noReportsInTopic: 'no reports',
    reportsTitle: 'Reports',
    reach: (formatted) => `reach ${formatted}`,
    casesTitle: 'Cases',
    opened: 'Opened',
    closed: 'Closed',
    agenciesTitle: 'Agencies: response time and overdue',
    agenciesNote:
      'From assignment to the agency’s response, over the responses made in the period (median, and the time 90% of responses beat). Overdue: cases whose deadline fell in the period and passed before the agency responded.',
    agencyHead: ['Agency', 'Responses', 'Median', '90%', 'Overdue'],
    clarificationsTitle: 'Official word given, and whether it worked',
    clarificationsNote:
      'Cases closed as clarified or corrected in the period, judged as of the end of its last day: reports before the official word (up to 7 days) and after it, including new reports saying the same thing or sharing its links.',
    attachment: (n) =>
      `Attached (CSV, opens in Excel): the ${en(n, 'case', 'cases')} opened or closed in the period.`,
    noCases: 'No case was opened or closed in the period.',
    footer: (generatedAt, timeZone) => `Generated ${generatedAt}. Times in ${timeZone}.`,
    csvFileName: (kind, id) => `${kind === 'week' ? 'weekly-report' : 'monthly-report'}-${id}.csv`,
    csvHeader: [
      'Case id',
      'Title',
      'Category',
      'Area',
      'Agency',
      'Status',
      'Outcome',
      'Opened at',
      'Closed at',
      'Due at',
      'Responded at',
      'Response time (hours)',
      'Reports',
      'Opened in period',
      'Closed in period',
      'Tags',
    ],
    yes: 'Yes',
    byTag: 'The period’s cases by tag',
    no: 'No',
  },
};
