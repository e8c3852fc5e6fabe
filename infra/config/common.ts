// Reference data and defaults shared by every environment. Each environment file
// spreads this and overrides what differs (addresses, retention, allow-list).
import type { AppConfigInput } from '#config/schema';

export const common = {
  region: 'ap-southeast-1',
  timeZone: 'Asia/Ho_Chi_Minh',
  defaultLocale: 'vi',
  categories: [
    { id: 'transport', name: { vi: 'Giao thông', en: 'Transport' } },
    { id: 'environment', name: { vi: 'Môi trường', en: 'Environment' } },
    { id: 'health', name: { vi: 'Y tế', en: 'Health' } },
    { id: 'education', name: { vi: 'Giáo dục', en: 'Education' } },
    { id: 'land-housing', name: { vi: 'Đất đai, nhà ở', en: 'Land and housing' } },
    { id: 'public-order', name: { vi: 'Trật tự đô thị', en: 'Public order' } },
    { id: 'misinformation', name: { vi: 'Thông tin sai lệch', en: 'Misinformation' } },
    { id: 'other', name: { vi: 'Khác', en: 'Other' } },
  ],
  areas: [
    { id: 'district-1', name: { vi: 'Quận 1', en: 'District 1' } },
    { id: 'district-3', name: { vi: 'Quận 3', en: 'District 3' } },
    { id: 'binh-thanh', name: { vi: 'Bình Thạnh', en: 'Binh Thanh' } },
    { id: 'thu-duc', name: { vi: 'TP. Thủ Đức', en: 'Thu Duc City' } },
    { id: 'go-vap', name: { vi: 'Gò Vấp', en: 'Go Vap' } },
    { id: 'citywide', name: { vi: 'Toàn thành phố', en: 'Citywide' } },
  ],
  briefings: {
    // 2nd and 4th Thursday of every month; time and duration are separate fields
    // so the rule stays a plain date rule evaluated in the configured zone.
    rrule: 'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=2,4',
    startTime: '14:00',
    durationMinutes: 120,
    location: 'Phòng họp báo, 86 Lê Thánh Tôn, Quận 1',
    reminderOffsetsHours: [48, 3],
    materializeDays: 60,
  },
  schedules: {
    dailySummary: { at: '07:00' },
    briefingReminders: { everyMinutes: 15 },
    caseNotifications: { everyMinutes: 5 },
    periodicSummary: { at: '07:00' },
  },
  // Tuned on test/fixtures/similarity (npm run bench prints the curve; docs/similarity.md).
  similarity: { windowDays: 7, threshold: 0.26, bands: 8, rows: 1 },
  // The table's own inverted index; 'opensearch' is the documented way beyond it (shared/store/README.md).
  search: { engine: 'table' },
  trends: { baselineDays: 7, risingRatio: 1.5, coolingRatio: 0.5, minReports: 2 },
} satisfies Partial<AppConfigInput>;

/** Agencies with the routing table; addresses are filled in per environment. */
export const agencies = (domain: string): Pick<AppConfigInput, 'agencies' | 'routing'> => ({
  agencies: [
    { id: 'transport-dept', name: 'Sở Giao thông Vận tải', emails: [`transport@${domain}`], locale: 'vi' },
    {
      id: 'environment-dept',
      name: 'Sở Tài nguyên và Môi trường',
      emails: [`environment@${domain}`],
      locale: 'vi',
    },
    { id: 'health-dept', name: 'Sở Y tế', emails: [`health@${domain}`], locale: 'vi' },
    { id: 'education-dept', name: 'Sở Giáo dục và Đào tạo', emails: [`education@${domain}`], locale: 'vi' },
    { id: 'construction-dept', name: 'Sở Xây dựng', emails: [`construction@${domain}`], locale: 'vi' },
    { id: 'police', name: 'Công an Thành phố', emails: [`police@${domain}`], locale: 'vi' },
    { id: 'district-1-pc', name: 'UBND Quận 1', emails: [`district1@${domain}`], locale: 'vi' },
    { id: 'info-dept', name: 'Sở Thông tin và Truyền thông', emails: [`info@${domain}`], locale: 'en' },
  ],
  routing: [
    { category: 'transport', agencyId: 'transport-dept' },
    { category: 'environment', agencyId: 'environment-dept' },
    { category: 'health', agencyId: 'health-dept' },
    { category: 'education', agencyId: 'education-dept' },
    { category: 'land-housing', agencyId: 'construction-dept' },
    { category: 'public-order', agencyId: 'police' },
    { category: 'public-order', area: 'district-1', agencyId: 'district-1-pc' },
    { category: 'misinformation', agencyId: 'info-dept' },
  ],
});
