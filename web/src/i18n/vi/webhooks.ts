// Vietnamese strings of the desk's Webhooks page (read-only; docs/webhooks.md).
export const webhooks = {
  title: 'Webhook',
  intro: (n: number) =>
    `Các điểm nhận sự kiện hồ sơ của môi trường này (cấu hình trong config; khoá bí mật không bao giờ hiển thị). Mỗi sự kiện được thử tối đa ${n} lần.`,
  none: 'Môi trường này chưa cấu hình điểm nhận webhook nào.',
  events: 'Sự kiện',
  recent: 'Lần gửi gần đây',
  noDeliveries: 'Chưa có lần gửi nào.',
  colEvent: 'Sự kiện',
  colCase: 'Hồ sơ',
  colState: 'Trạng thái',
  colAttempts: 'Số lần thử',
  colLastError: 'Lỗi gần nhất',
  colAt: 'Lúc',
  state: {
    pending: 'Đang gửi',
    delivered: 'Đã gửi',
    failed: 'Lỗi, sẽ thử lại',
    'given-up': 'Đã bỏ',
  } as Record<'pending' | 'delivered' | 'failed' | 'given-up', string>,
  nextAttempt: (when: string) => `thử lại lúc ${when}`,
  reload: 'Tải lại',
};
