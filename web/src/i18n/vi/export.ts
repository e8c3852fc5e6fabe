// Vietnamese strings of the CSV export button (desk inbox and case list).
export const csvExport = {
  button: 'Xuất CSV',
  reportsLabel: 'Xuất CSV: các phản ánh đang hiển thị',
  casesLabel: 'Xuất CSV: các hồ sơ đang hiển thị',
  progress: (part: number, rows: number) => `Đang xuất phần ${part} (đã có ${rows} dòng)…`,
  done: (rows: number, file: string) => `Đã xuất ${rows} dòng vào tệp ${file}.`,
  failed: 'Không xuất được tệp CSV.',
};
