// Every word the briefing emails and their .ics use, in both locales (the
// brand, status and kind labels come from strings.ts).
import type { Locale } from '#config/schema';
import { formatNumber, pluralize } from './format';

/** A time left in full words: vi "20 giờ", "2 giờ 45 phút", "45 phút"; en "20 hours", "2 hours 45 minutes", "1 hour". */
export const timeLeft = (minutes: number, locale: Locale): string => {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const part = (n: number, vi: string, one: string, other: string) =>
    locale === 'vi'
      ? `${formatNumber(n, 'vi')} ${vi}`
      : `${formatNumber(n, 'en')} ${pluralize(n, 'en', { one, other })}`;
  const parts = [
    ...(hours > 0 ? [part(hours, 'giờ', 'hour', 'hours')] : []),
    ...(rest > 0 || hours === 0 ? [part(rest, 'phút', 'minute', 'minutes')] : []),
  ];
  return parts.join(' ');
};

/** What one email is about: `update` splits into a rescheduled briefing and a first invitation. */
export type Variant = 'reminder' | 'rescheduled' | 'invitation' | 'cancel';

export interface BriefingStrings {
  subject: Record<Variant, string>;
  heading: Record<Variant, string>;
  /** The real time left, in minutes (0: about to start). */
  reminderLead: (minutes: number | null) => string;
  /** The time left, after an invitation's or an update's own lead (no second "below"). */
  startsIn: (minutes: number | null) => string;
  rescheduledLead: string;
  invitationLead: string;
  cancelLead: string;
  timeLabel: Record<Variant, string>;
  details: string;
  timeZone: string;
  duration: string;
  place: string;
  reason: string;
  agendaTitle: (n: number) => string;
  agendaEmpty: string;
  calendarRequest: string;
  calendarCancel: string;
  /** The .ics DESCRIPTION: a heading for the agenda, and the cancel line. */
  icsAgenda: string;
  icsCancelled: (reason: string | null) => string;
}

/** Every word the briefing emails use, in both locales (brand, status and kind labels come from STRINGS). */
export const BRIEFING_STRINGS: Record<Locale, BriefingStrings> = {
  vi: {
    subject: {
      reminder: 'Nhắc lịch họp báo',
      rescheduled: 'Đổi giờ họp báo',
      invitation: 'Mời dự họp báo',
      cancel: 'Hủy họp báo',
    },
    heading: {
      reminder: 'Nhắc lịch họp báo',
      rescheduled: 'Họp báo đổi giờ',
      invitation: 'Giấy mời họp báo',
      cancel: 'Họp báo đã bị hủy',
    },
    reminderLead: (minutes) =>
      !minutes
        ? 'Buổi họp báo dưới đây sắp bắt đầu.'
        : `Buổi họp báo dưới đây sẽ bắt đầu sau ${timeLeft(minutes, 'vi')} nữa.`,
    startsIn: (minutes) =>
      !minutes ? 'Buổi họp báo sắp bắt đầu.' : `Buổi họp báo bắt đầu sau ${timeLeft(minutes, 'vi')} nữa.`,
    rescheduledLead: 'Thời gian của buổi họp báo dưới đây đã thay đổi. Vui lòng theo thời gian mới.',
    invitationLead: 'Bộ phận theo dõi dư luận trân trọng mời anh/chị dự buổi họp báo dưới đây.',
    cancelLead: 'Buổi họp báo dưới đây đã bị hủy.',
    timeLabel: {
      reminder: 'Thời gian',
      rescheduled: 'Thời gian mới',
      invitation: 'Thời gian',
      cancel: 'Thời gian (đã hủy)',
    },
    details: 'Chi tiết',
    timeZone: 'Múi giờ',
    duration: 'Thời lượng',
    place: 'Địa điểm',
    reason: 'Lý do hủy',
    agendaTitle: (n) => (n > 0 ? `Hồ sơ đưa ra họp báo (${formatNumber(n, 'vi')})` : 'Hồ sơ đưa ra họp báo'),
    agendaEmpty: 'Chưa có hồ sơ nào trong chương trình họp báo.',
    calendarRequest:
      'Tệp lịch briefing.ics đính kèm: mở tệp để thêm buổi họp báo vào lịch, hoặc cập nhật nếu lịch đã có.',
    calendarCancel: 'Tệp lịch briefing.ics đính kèm gỡ buổi họp báo khỏi lịch của anh/chị.',
    icsAgenda: 'Hồ sơ đưa ra họp báo:',
    icsCancelled: (reason) => (reason ? `Họp báo đã bị hủy. Lý do: ${reason}` : 'Họp báo đã bị hủy.'),
  },
  en: {
    subject: {
      reminder: 'Press briefing reminder',
      rescheduled: 'Press briefing time changed',
      invitation: 'Press briefing invitation',
      cancel: 'Press briefing cancelled',
    },
    heading: {
      reminder: 'Press briefing reminder',
      rescheduled: 'Press briefing moved',
      invitation: 'Press briefing invitation',
      cancel: 'Press briefing cancelled',
    },
    reminderLead: (minutes) =>
      !minutes
        ? 'The press briefing below is coming up.'
        : `The press briefing below starts in ${timeLeft(minutes, 'en')}.`,
    startsIn: (minutes) => (!minutes ? 'It is coming up.' : `It starts in ${timeLeft(minutes, 'en')}.`),
    rescheduledLead: 'The press briefing below has been moved. Please note the new time.',
    invitationLead: 'The public-opinion desk invites you to the press briefing below.',
    cancelLead: 'The press briefing below has been cancelled.',
    timeLabel: {
      reminder: 'Time',
      rescheduled: 'New time',
      invitation: 'Time',
      cancel: 'Time (cancelled)',
    },
    details: 'Details',
    timeZone: 'Time zone',
    duration: 'Duration',
    place: 'Place',
    reason: 'Reason',
    agendaTitle: (n) =>
      n > 0
        ? `Agenda (${formatNumber(n, 'en')} ${pluralize(n, 'en', { one: 'case', other: 'cases' })})`
        : 'Agenda',
    agendaEmpty: 'No cases on the agenda yet.',
    calendarRequest:
      'The attached briefing.ics adds the briefing to your calendar, or updates it if it is already there.',
    calendarCancel: 'The attached briefing.ics removes the briefing from your calendar.',
    icsAgenda: 'Agenda:',
    icsCancelled: (reason) =>
      reason
        ? `The press briefing has been cancelled. Reason: ${reason}`
        : 'The press briefing has been cancelled.',
  },
};
