// Vietnamese strings of the deadline in working days and the escalation ladder (case page).
export const escalation = {
  inWorkingDays: 'Hoặc: hạn sau số ngày làm việc',
  inWorkingDaysHint:
    'Từ 1 đến 60 ngày làm việc (trừ cuối tuần, ngày nghỉ lễ). Nếu điền, hệ thống bỏ qua ô ngày giờ ở trên.',
  resultingDue: (when: string) => `Hạn sẽ là: ${when}`,
  ladderTitle: 'Nhắc hạn',
  ladderIntro: 'Các bước nhắc hạn theo ngày làm việc, tính từ hạn xử lý.',
  next: (step: string, when: string) => `Bước tiếp theo: ${step}, lúc ${when}`,
  noNext: 'Không còn bước nhắc hạn nào.',
  step: {
    reminder: 'Nhắc trước hạn',
    due: 'Đến hạn',
    overdue: 'Quá hạn',
  } as Record<string, string>,
  state: {
    skipped: 'bỏ qua (trước khi giao)',
    passed: 'đã qua',
    current: 'đang áp dụng',
    upcoming: 'sắp tới',
  },
  to: { agency: 'đơn vị', agencyHead: 'lãnh đạo đơn vị', deskLead: 'lãnh đạo bộ phận' },
  offset: (n: number) =>
    n === 0 ? 'tại hạn' : n < 0 ? `${-n} ngày làm việc trước hạn` : `${n} ngày làm việc sau hạn`,
};
