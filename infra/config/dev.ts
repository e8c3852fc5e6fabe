import type { AppConfigInput } from '#config/schema';
import { agencies, common, escalation } from './common';

/** dev: the local stack and the developers' sandbox account. Email only to example.org. */
export const dev: AppConfigInput = {
  ...common,
  ...agencies('example.org'),
  ...escalation('example.org'),
  env: 'dev',
  senderAddress: 'desk@example.org',
  summaryRecipients: [
    { email: 'leadership@example.org', locale: 'vi' },
    { email: 'deputy@example.org', locale: 'en' },
  ],
  deskList: [{ email: 'desk@example.org', locale: 'vi' }],
  retention: {
    dismissedReportDays: 30,
    idempotencyHours: 24,
    sentMarkerDays: 30,
    outboxDays: 30,
    logDays: 7,
    closedCaseDays: 30,
  },
  alarmEmail: 'ops@example.org',
  corsOrigins: ['http://localhost:5173'],
  api: {
    throttleRatePerSecond: 50,
    throttleBurst: 100,
    rateLimits: { reportsPerHour: 600, writesPerHour: 3000 },
  },
  auth: { staffMfaRequired: false },
  emailAllowList: ['example.org'],
  // Links in emails (shared/mail/links.ts): the sandbox links to its console (CDK hands the
  // functions its CloudFront address), the local stack to what it serves.
  links: {},
  // The console's sign-in page: https://opinion-desk-dev.auth.<region>.amazoncognito.com (unique per region).
  console: { cognitoDomainPrefix: 'opinion-desk-dev' },
};
