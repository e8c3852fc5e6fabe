// The words of the daily summary's topic trends and clarification effect, in
// both locales (kept apart from strings.ts so the trend sections stay in one place).
import type { Locale } from '#config/schema';
import type { Clarification, TopicTrend } from '#domain/summary-types';
import { formatNumber, pluralize } from './format';

type Num = (formatted: string) => string;

export interface TrendStrings {
  risingTitle: string;
  mark: Record<TopicTrend['mark'], string>;
  /** `n` reports that day. */
  reportsToday: (n: number) => string;
  /** The previous days' daily average: `avg` is formatted. */
  baselineAvg: (avg: string, days: number) => string;
  reach: Num;
  coolingLead: string;
  coolingLine: (title: string, n: number, avg: string) => string;
  clarTitle: string;
  clarIntro: string;
  verdict: Record<Clarification['verdict'], string>;
  /** `<agency> · <outcome> <when> · <duration> after the first report`. */
  officialWord: (agency: string | null, outcome: string, when: string, took: string | null) => string;
  beforeAfter: (before: string, after: string) => string;
  perDay: (reports: string, reach: string) => string;
  byDay: string;
}

export const TREND_STRINGS: Record<Locale, TrendStrings> = {
  vi: {
    risingTitle: 'Chủ đề mới và đang tăng',
    mark: { new: 'Mới', rising: 'Đang tăng', cooling: 'Đang giảm', steady: 'Ổn định' },
    reportsToday: (n) => `${formatNumber(n, 'vi')} phản ánh`,
    baselineAvg: (avg, days) =>
      avg === '0' ? `chưa có trong ${days} ngày trước` : `trung bình ${days} ngày trước: ${avg}/ngày`,
    reach: (f) => `${f} lượt tiếp cận`,
    coolingLead: 'Đang giảm',
    coolingLine: (title, n, avg) => `${title}: ${formatNumber(n, 'vi')} phản ánh (trung bình ${avg}/ngày)`,
    clarTitle: 'Hiệu quả của thông tin chính thức và cải chính',
    clarIntro:
      'Hồ sơ đóng với kết quả đã thông tin chính thức hoặc đã cải chính trong 14 ngày qua: số phản ánh trước và sau thông tin chính thức.',
    verdict: {
      landed: 'Đã lắng xuống',
      spreading: 'Vẫn lan truyền',
      'too-early': 'Chưa đủ 1 ngày để đánh giá',
    },
    officialWord: (agency, outcome, when, took) =>
      [agency, `${outcome} lúc ${when}`, took ? `${took} sau phản ánh đầu tiên` : null]
        .filter(Boolean)
        .join(' · '),
    beforeAfter: (before, after) => `Trước: ${before} → Sau: ${after}`,
    perDay: (reports, reach) => `${reports} phản ánh/ngày, ${reach} lượt tiếp cận/ngày`,
    byDay: 'Theo ngày',
  },
  en: {
    risingTitle: 'New and rising topics',
    mark: { new: 'New', rising: 'Rising', cooling: 'Cooling', steady: 'Steady' },
    reportsToday: (n) =>
      `${formatNumber(n, 'en')} ${pluralize(n, 'en', { one: 'report', other: 'reports' })}`,
    baselineAvg: (avg, days) =>
      avg === '0' ? `none in the previous ${days} days` : `previous ${days} days: ${avg} a day`,
    reach: (f) => `reach ${f}`,
    coolingLead: 'Cooling',
    coolingLine: (title, n, avg) =>
      `${title}: ${formatNumber(n, 'en')} ${pluralize(n, 'en', { one: 'report', other: 'reports' })} (average ${avg} a day)`,
    clarTitle: 'Did the official word land?',
    clarIntro:
      'Cases closed as clarified or corrected in the last 14 days: reports before and after the official word.',
    verdict: { landed: 'Landed', spreading: 'Still spreading', 'too-early': 'Too early to tell' },
    officialWord: (agency, outcome, when, took) =>
      [agency, `${outcome} ${when}`, took ? `${took} after the first report` : null]
        .filter(Boolean)
        .join(' · '),
    beforeAfter: (before, after) => `Before: ${before} → After: ${after}`,
    perDay: (reports, reach) => `${reports} reports a day, reach ${reach} a day`,
    byDay: 'By day',
  },
};
