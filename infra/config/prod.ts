import type { AppConfigInput } from '#config/schema';
import { agencies, common, escalation } from './common';

/** prod: real recipients, no allow-list, longest retention. */
export const prod: AppConfigInput = {
  ...common,
  ...agencies('opinion-desk.example.org'),
  ...escalation('opinion-desk.example.org'),
  env: 'prod',
  senderAddress: 'no-reply@opinion-desk.example.org',
  summaryRecipients: [{ email: 'leadership@opinion-desk.example.org', locale: 'vi' }],
  deskList: [{ email: 'desk@opinion-desk.example.org', locale: 'vi' }],
  // Versioned: a deleted or replaced evidence file stays recoverable for noncurrentVersionDays.
  files: { versioning: true, noncurrentVersionDays: 90 },
  retention: {
    dismissedReportDays: 365,
    idempotencyHours: 24,
    sentMarkerDays: 90,
    outboxDays: 90,
    logDays: 90,
    // Two years: a closed case stays comparable with the same season a year on
    // (recurring floods, school-year rumours) and through the office's annual
    // review of agencies' response times; it holds no reporter address by then
    // (removed once the closure email is sent), only the concern and its outcome.
    closedCaseDays: 730,
  },
  alarmEmail: 'ops@opinion-desk.example.org',
  corsOrigins: ['https://opinion-desk.example.org'],
  api: {
    throttleRatePerSecond: 200,
    throttleBurst: 400,
    rateLimits: { reportsPerHour: 60, writesPerHour: 600 },
  },
  auth: { staffMfaRequired: true },
  // Links in emails go to this stage's console (its CloudFront address, which CDK hands the
  // functions that send mail): <console>/cases/<id>, shared/mail/links.ts. Set consoleUrl only
  // to link somewhere else (a custom domain put in front of it).
  links: {},
  // The console's sign-in page: https://opinion-desk.auth.<region>.amazoncognito.com (unique per region).
  console: { cognitoDomainPrefix: 'opinion-desk' },
};
