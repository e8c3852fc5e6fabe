import type { AppConfigInput } from '#config/schema';
import { agencies, common, escalation } from './common';

/** staging: production-like, but email reaches only the allow-listed test domain. */
export const staging: AppConfigInput = {
  ...common,
  ...agencies('staging.opinion-desk.example.org'),
  ...escalation('staging.opinion-desk.example.org'),
  env: 'staging',
  senderAddress: 'no-reply@staging.opinion-desk.example.org',
  summaryRecipients: [{ email: 'leadership@staging.opinion-desk.example.org', locale: 'vi' }],
  deskList: [{ email: 'desk@staging.opinion-desk.example.org', locale: 'vi' }],
  // Versioned: a deleted or replaced evidence file stays recoverable for noncurrentVersionDays.
  files: { versioning: true, noncurrentVersionDays: 30 },
  retention: {
    dismissedReportDays: 90,
    idempotencyHours: 24,
    sentMarkerDays: 60,
    outboxDays: 60,
    logDays: 30,
    closedCaseDays: 90,
  },
  alarmEmail: 'ops@opinion-desk.example.org',
  corsOrigins: ['https://staging.opinion-desk.example.org'],
  api: {
    throttleRatePerSecond: 100,
    throttleBurst: 200,
    rateLimits: { reportsPerHour: 60, writesPerHour: 600 },
  },
  auth: { staffMfaRequired: false },
  emailAllowList: ['staging.opinion-desk.example.org', 'example.org'],
  // Links in emails go to this stage's console (its CloudFront address, which CDK hands the
  // functions that send mail): <console>/cases/<id>, shared/mail/links.ts. Set consoleUrl only
  // to link somewhere else (a custom domain put in front of it).
  links: {},
  // The console's sign-in page: https://opinion-desk-staging.auth.<region>.amazoncognito.com (unique per region).
  console: { cognitoDomainPrefix: 'opinion-desk-staging' },
};
