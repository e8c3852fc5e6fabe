// Reference data and defaults shared by every environment. Each environment file
// spreads this and overrides what differs (addresses, retention, allow-list).
import type { AppConfigInput } from '#config/schema';

/**
 * Working days (docs/configuration.md, "Working-day calendar"): Saturday and
 * Sunday off, and each year's days off as the government announces them. The
 * Labour Code fixes the holidays, but which weekdays are off around Tết, 2/9
 * and a holiday falling on a weekend (compensatory days, make-up Saturdays) is
 * decided each year, so the dates are listed here rather than computed; the
 * `date-holidays` library only checks the list in test/unit/calendar-config.test.ts.
 * Operators add the next year when its announcement is published (synth fails
 * without the current year, and warns without the next).
 */
const workingDayCalendar = {
  weekend: ['sat', 'sun'],
  endOfWorkingDay: '17:00',
  years: {
    '2026': {
      source:
        'Labour Code 2019 art. 112; the Ministry of Home Affairs announcement of the 2026 days off for civil servants (Tết 14–22 Feb)',
      daysOff: [
        { date: '2026-01-01', name: 'Tết Dương lịch' },
        { date: '2026-02-16', name: 'Tết Nguyên Đán (29 Tết, giao thừa)' },
        { date: '2026-02-17', name: 'Tết Nguyên Đán (mùng 1)' },
        { date: '2026-02-18', name: 'Tết Nguyên Đán (mùng 2)' },
        { date: '2026-02-19', name: 'Tết Nguyên Đán (mùng 3)' },
        { date: '2026-02-20', name: 'Tết Nguyên Đán (mùng 4)' },
        { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (Chủ nhật)' },
        { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
        { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam' },
        { date: '2026-05-01', name: 'Quốc tế Lao động' },
        { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' },
        { date: '2026-09-02', name: 'Quốc khánh' },
      ],
      workingDays: [],
    },
    '2027': {
      source:
        'Labour Code 2019 art. 112, lunar dates from date-holidays (Tết 6 Feb 2027); update when the 2027 announcement is published',
      daysOff: [
        { date: '2027-01-01', name: 'Tết Dương lịch' },
        { date: '2027-02-04', name: 'Tết Nguyên Đán (28 Tết)' },
        { date: '2027-02-05', name: 'Tết Nguyên Đán (giao thừa)' },
        { date: '2027-02-06', name: 'Tết Nguyên Đán (mùng 1, Thứ Bảy)' },
        { date: '2027-02-07', name: 'Tết Nguyên Đán (mùng 2, Chủ nhật)' },
        { date: '2027-02-08', name: 'Tết Nguyên Đán (mùng 3)' },
        { date: '2027-02-09', name: 'Nghỉ bù Tết (mùng 1)' },
        { date: '2027-02-10', name: 'Nghỉ bù Tết (mùng 2)' },
        { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương' },
        { date: '2027-04-30', name: 'Ngày Giải phóng miền Nam' },
        { date: '2027-05-01', name: 'Quốc tế Lao động (Thứ Bảy)' },
        { date: '2027-05-03', name: 'Nghỉ bù Quốc tế Lao động' },
        { date: '2027-09-02', name: 'Quốc khánh' },
        { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề)' },
      ],
      workingDays: [],
    },
  },
} satisfies AppConfigInput['calendar'];

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
  calendar: workingDayCalendar,
} satisfies Partial<AppConfigInput>;

/** Agencies with the routing table; addresses are filled in per environment. */
export const agencies = (domain: string): Pick<AppConfigInput, 'agencies' | 'routing'> => ({
  agencies: [
    {
      id: 'transport-dept',
      name: 'Sở Giao thông Vận tải',
      emails: [`transport@${domain}`],
      headEmails: [`transport-head@${domain}`],
      locale: 'vi',
    },
    {
      id: 'environment-dept',
      name: 'Sở Tài nguyên và Môi trường',
      emails: [`environment@${domain}`],
      locale: 'vi',
    },
    {
      id: 'health-dept',
      name: 'Sở Y tế',
      emails: [`health@${domain}`],
      headEmails: [`health-head@${domain}`],
      locale: 'vi',
    },
    { id: 'education-dept', name: 'Sở Giáo dục và Đào tạo', emails: [`education@${domain}`], locale: 'vi' },
    { id: 'construction-dept', name: 'Sở Xây dựng', emails: [`construction@${domain}`], locale: 'vi' },
    { id: 'police', name: 'Công an Thành phố', emails: [`police@${domain}`], locale: 'vi' },
    { id: 'district-1-pc', name: 'UBND Quận 1', emails: [`district1@${domain}`], locale: 'vi' },
    {
      id: 'info-dept',
      name: 'Sở Thông tin và Truyền thông',
      emails: [`info@${domain}`],
      headEmails: [`info-head@${domain}`],
      locale: 'en',
    },
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

/**
 * The deadline escalation ladder (docs/jobs.md): a reminder to the agency one
 * working day before the deadline, the agency and its head at the deadline, the
 * desk lead three working days overdue. Addresses are filled in per environment.
 */
export const escalation = (domain: string): Pick<AppConfigInput, 'escalation'> => ({
  escalation: {
    steps: [
      { id: 'reminder', at: { workingDays: -1 }, to: ['agency'] },
      { id: 'due', at: { workingDays: 0 }, to: ['agency', 'agencyHead'] },
      { id: 'overdue', at: { workingDays: 3 }, to: ['deskLead'] },
    ],
    deskLead: [{ email: `desk-lead@${domain}`, locale: 'vi' }],
  },
});
