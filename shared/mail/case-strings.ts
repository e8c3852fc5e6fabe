// Every word the four case notifications use, in both locales (the brand and
// the outcome and priority labels come from strings.ts).
import type { Locale } from '#config/schema';
import type { Outcome } from '#domain/case';
import { formatNumber } from './format';

export interface CaseStrings {
  reference: string;
  agency: string;
  deadline: string;
  footer: (timeZone: string) => string;
  maskedNote: string;
  // case-assigned
  assignedHeading: string;
  assignedLead: string;
  summary: string;
  reportCount: (n: number) => string;
  sources: string;
  openCase: string;
  openYourReport: string;
  deskNote: string;
  todoTitle: string;
  todo: (due: string, reference: string) => string;
  // case-responded
  respondedHeading: string;
  respondedSubject: (agency: string | null) => string;
  respondedLead: (agency: string | null) => string;
  finding: string;
  response: string;
  respondedNext: string;
  // case-closed
  closedHeading: string;
  closedThanks: string;
  outcome: string;
  outcomeExplained: Record<Outcome, string>;
  evidence: string;
  agencyResponse: string;
  closedSignOff: string;
  /** Names the case in a closure email whose title is another reporter's words. */
  closedUntitled: string;
  // deadline-nudge: a step of the escalation ladder
  nudgeHeading: string;
  nudgeSubject: string;
  overdueHeading: string;
  overdueSubject: string;
  /** Where the case stands: working days left before the deadline, or overdue (negative). */
  nudgeStanding: (workingDaysLeft: number, pastDue: boolean) => string;
  nudgeTodo: string;
  nudgeDeskTodo: string;
  nudgeAlreadyDone: string;
  // case-merged
  mergedHeading: string;
  mergedLead: string;
  mergedInto: string;
  mergedTodo: string;
  /** Why the head of the agency or the desk lead receives it. */
  nudgeAudience: Record<'agencyHead' | 'deskLead', (agency: string | null) => string>;
  // subjects
  due: (when: string) => string;
  // evidence files (docs/files.md): counted and linked, never attached
  /** The heading of the file count when the email has no link to put it under. */
  files: string;
  /** The files on the case page (the case's own and its reports'). */
  caseFiles: (n: number) => string;
  /** A reporter's closure email: the files on their own reports (`reports` of them). */
  ownReportFiles: (n: number, reports: number) => string;
}

/** Every word the four notifications use, in both locales (brand and outcome labels come from STRINGS). */
export const CASE_STRINGS: Record<Locale, CaseStrings> = {
  vi: {
    reference: 'Mã hồ sơ',
    agency: 'Đơn vị',
    deadline: 'Hạn phản hồi',
    footer: (timeZone) => `Email tự động của Bộ phận theo dõi dư luận. Thời gian tính theo giờ ${timeZone}.`,
    maskedNote: 'Số điện thoại và địa chỉ email trong nội dung đã được ẩn.',
    assignedHeading: 'Hồ sơ mới cần xác minh',
    assignedLead: 'Bộ phận theo dõi dư luận giao đơn vị xác minh hồ sơ dưới đây và phản hồi trước thời hạn.',
    summary: 'Nội dung',
    reportCount: (n) => `${formatNumber(n, 'vi')} phản ánh`,
    sources: 'Nguồn phản ánh',
    openCase: 'Xem hồ sơ',
    openYourReport: 'Xem phản ánh của bạn',
    deskNote: 'Ghi chú của Bộ phận theo dõi dư luận',
    todoTitle: 'Việc cần làm',
    todo: (due, reference) =>
      `Xác minh thông tin, sau đó cập nhật kết quả xác minh và nội dung phản hồi trên hệ thống trước ${due}. Khi trao đổi về hồ sơ này, vui lòng ghi mã hồ sơ ${reference}.`,
    respondedHeading: 'Đơn vị đã phản hồi',
    respondedSubject: (agency) => (agency ? `Phản hồi từ ${agency}` : 'Đã có phản hồi'),
    respondedLead: (agency) =>
      `${agency ?? 'Đơn vị được giao'} đã gửi kết quả xác minh và nội dung phản hồi cho hồ sơ dưới đây.`,
    finding: 'Kết quả xác minh',
    response: 'Nội dung phản hồi',
    respondedNext: 'Vui lòng xem xét phản hồi và đóng hồ sơ trên hệ thống khi đã đủ thông tin.',
    closedHeading: 'Kết quả xử lý phản ánh',
    closedThanks:
      'Cảm ơn anh/chị đã gửi phản ánh tới Bộ phận theo dõi dư luận. Hồ sơ hình thành từ phản ánh của anh/chị đã được xử lý xong.',
    outcome: 'Kết quả',
    outcomeExplained: {
      clarified: 'Cơ quan chức năng đã có thông tin chính thức về vấn đề này.',
      corrected: 'Thông tin sai lệch đã được cải chính công khai.',
      resolved: 'Vấn đề đã được cơ quan chức năng khắc phục.',
      unfounded: 'Qua xác minh, nội dung phản ánh không có cơ sở.',
      'no-action': 'Qua xem xét, vấn đề không cần xử lý thêm.',
      merged: 'Phản ánh của anh/chị được xử lý chung trong một hồ sơ khác.',
    },
    evidence: 'Thông tin đã công bố',
    agencyResponse: 'Phản hồi của cơ quan chức năng',
    closedSignOff: 'Mong anh/chị tiếp tục đồng hành cùng Bộ phận theo dõi dư luận.',
    closedUntitled: 'Hồ sơ từ phản ánh của anh/chị',
    nudgeHeading: 'Nhắc hạn phản hồi',
    nudgeSubject: 'Nhắc hạn phản hồi',
    overdueHeading: 'Hồ sơ quá hạn phản hồi',
    overdueSubject: 'Quá hạn phản hồi',
    nudgeStanding: (n, pastDue) =>
      n > 0
        ? `Còn ${formatNumber(n, 'vi')} ngày làm việc nữa là đến hạn phản hồi hồ sơ dưới đây, và hệ thống chưa nhận được phản hồi của đơn vị.`
        : n === 0 && !pastDue
          ? 'Hôm nay là hạn phản hồi hồ sơ dưới đây, và hệ thống chưa nhận được phản hồi của đơn vị.'
          : n === 0
            ? 'Hồ sơ dưới đây đã đến hạn phản hồi hôm nay, và hệ thống chưa nhận được phản hồi của đơn vị.'
            : `Hồ sơ dưới đây đã quá hạn phản hồi ${formatNumber(-n, 'vi')} ngày làm việc, và hệ thống chưa nhận được phản hồi của đơn vị.`,
    nudgeTodo: 'Vui lòng cập nhật kết quả xác minh và nội dung phản hồi trên hệ thống sớm nhất có thể.',
    nudgeDeskTodo: 'Đề nghị liên hệ đơn vị được giao để đôn đốc, hoặc giao lại hồ sơ với thời hạn mới.',
    nudgeAlreadyDone: 'Nếu đơn vị vừa gửi phản hồi, xin bỏ qua email này.',
    mergedHeading: 'Hồ sơ đã được gộp',
    mergedLead:
      'Bộ phận theo dõi dư luận đã gộp hồ sơ dưới đây vào một hồ sơ khác cùng nội dung. Hồ sơ này đã đóng; các phản ánh của nó nay thuộc hồ sơ được gộp vào.',
    mergedInto: 'Gộp vào hồ sơ',
    mergedTodo: 'Từ nay, vui lòng theo dõi và cập nhật trên hồ sơ được gộp vào.',
    nudgeAudience: {
      agencyHead: (agency) => `Email này gửi lãnh đạo ${agency ?? 'đơn vị được giao'} để theo dõi.`,
      deskLead: () => 'Email này gửi lãnh đạo Bộ phận theo dõi dư luận theo quy trình nhắc hạn.',
    },
    due: (when) => `hạn ${when}`,
    files: 'Tệp đính kèm',
    caseFiles: (n) => `${formatNumber(n, 'vi')} tệp đính kèm (ảnh chụp, tài liệu), xem trên trang hồ sơ.`,
    ownReportFiles: (n) => `${formatNumber(n, 'vi')} tệp đính kèm trong phản ánh của anh/chị.`,
  },
  en: {
    reference: 'Reference',
    agency: 'Agency',
    deadline: 'Response due',
    footer: (timeZone) => `Sent automatically by the public-opinion desk. Times are in ${timeZone}.`,
    maskedNote: 'Phone numbers and email addresses in the text are hidden.',
    assignedHeading: 'New case to verify',
    assignedLead:
      'The public-opinion desk has assigned the case below to your agency, to verify and respond to before the deadline.',
    summary: 'Summary',
    reportCount: (n) => `${formatNumber(n, 'en')} ${n === 1 ? 'report' : 'reports'}`,
    sources: 'Sources',
    openCase: 'Open the case',
    openYourReport: 'Open your report',
    deskNote: 'Note from the desk',
    todoTitle: 'What to do',
    todo: (due, reference) =>
      `Verify the facts, then post your finding and response in the system before ${due}. Please quote the reference ${reference} in any correspondence about this case.`,
    respondedHeading: 'Agency response received',
    respondedSubject: (agency) => (agency ? `Response from ${agency}` : 'Response received'),
    respondedLead: (agency) =>
      `${agency ?? 'The assigned agency'} has sent its finding and response for the case below.`,
    finding: 'Finding',
    response: 'Response',
    respondedNext: 'Please review the response and close the case in the system once it is complete.',
    closedHeading: 'Outcome of your report',
    closedThanks:
      'Thank you for reporting to the public-opinion desk. The case made from your report has now been closed.',
    outcome: 'Outcome',
    outcomeExplained: {
      clarified: 'The authorities have published official information on this matter.',
      corrected: 'The false information has been publicly corrected.',
      resolved: 'The authorities have fixed the problem.',
      unfounded: 'After verification, the report was found to be unfounded.',
      'no-action': 'After review, no further action is needed.',
      merged: 'Your report is being handled together with others in another case.',
    },
    evidence: 'Published information',
    agencyResponse: "The agency's response",
    closedSignOff: 'We look forward to your further reports.',
    closedUntitled: 'The case made from your report',
    nudgeHeading: 'Response deadline reminder',
    nudgeSubject: 'Reminder',
    overdueHeading: 'Case overdue',
    overdueSubject: 'Overdue',
    nudgeStanding: (n, pastDue) =>
      n > 0
        ? `The response deadline for the case below is ${formatNumber(n, 'en')} working ${n === 1 ? 'day' : 'days'} away, and no response has come in yet.`
        : n === 0 && !pastDue
          ? 'The response deadline for the case below is today, and no response has come in yet.'
          : n === 0
            ? 'The response deadline for the case below passed today, and no response has come in yet.'
            : `The case below is ${formatNumber(-n, 'en')} working ${n === -1 ? 'day' : 'days'} overdue, and no response has come in yet.`,
    nudgeTodo: 'Please post your finding and response in the system as soon as possible.',
    nudgeDeskTodo: 'Please follow up with the agency, or reassign the case with a new deadline.',
    nudgeAlreadyDone: 'If the agency has just responded, please ignore this email.',
    nudgeAudience: {
      agencyHead: (agency) =>
        `You receive this as the head of ${agency ?? 'the assigned agency'}, to follow up.`,
      deskLead: () => "You receive this as the desk's lead, under the deadline escalation ladder.",
    },
    mergedHeading: 'Case merged',
    mergedLead:
      'The public-opinion desk has merged the case below into another case about the same matter. This case is now closed; its reports belong to the case it was merged into.',
    mergedInto: 'Merged into',
    mergedTodo: 'From now on, please follow and update the case it was merged into.',
    due: (when) => `due ${when}`,
    files: 'Files',
    caseFiles: (n) =>
      `${formatNumber(n, 'en')} ${n === 1 ? 'file' : 'files'} (screenshots, documents): open ${n === 1 ? 'it' : 'them'} on the case page.`,
    ownReportFiles: (n, reports) =>
      `${formatNumber(n, 'en')} ${n === 1 ? 'file' : 'files'} attached to your ${reports === 1 ? 'report' : 'reports'}.`,
  },
};
