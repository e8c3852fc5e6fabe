// The shape of one environment's configuration. The files under infra/config
// are checked against it at synth time (CDK, which then bundles the validated
// result into each function) and when the local stack or a test loads them,
// so a bad field fails early with its path in the message.
import * as z from 'zod';
import { calendarSchema, escalationIssues, escalationSchema } from './escalation-schema';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';

export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

export const LOCALES = ['vi', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * Built on first use, not at import: the Lambda bundles carry the config CDK
 * validated at synth (shared/config/runtime.ts), so a function never needs the
 * schema, and building it (~100 zod schemas) would cost every cold start.
 */
const buildAppConfigSchema = () => {
  const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lower-case slug (a-z, 0-9, -)');
  const localized = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
  const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (24 h)');

  /** An http(s) base URL with no query or fragment; a trailing slash is dropped. */
  const baseUrl = z
    .url({ protocol: /^https?$/ })
    .refine((u) => !u.includes('?') && !u.includes('#'), 'must have no query or fragment')
    .transform((u) => u.replace(/\/+$/, ''));

  const recipientSchema = z.strictObject({ email: z.email(), locale: z.enum(LOCALES).default('vi') });

  return z
    .strictObject({
      env: z.enum(ENVIRONMENTS),
      account: z
        .string()
        .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
        .optional(),
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-southeast-1'),
      timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Ho_Chi_Minh'),
      defaultLocale: z.enum(LOCALES),
      senderAddress: z.email(),
      summaryRecipients: z.array(recipientSchema).min(1),
      deskList: z.array(recipientSchema).min(1),
      categories: z.array(z.strictObject({ id: slug, name: localized })).min(1),
      areas: z.array(z.strictObject({ id: slug, name: localized })).min(1),
      agencies: z
        .array(
          z.strictObject({
            id: slug,
            name: z.string().min(1),
            emails: z.array(z.email()).min(1),
            locale: z.enum(LOCALES).default('vi'),
            /** The agency head's addresses: the escalation ladder's `agencyHead` recipient (docs/jobs.md). */
            headEmails: z.array(z.email()).min(1).optional(),
          }),
        )
        .min(1),
      /** category × area → agency; a row without `area` is the category's fallback. */
      routing: z.array(z.strictObject({ category: slug, area: slug.optional(), agencyId: slug })),
      briefings: z.strictObject({
        rrule: z.string().min(1),
        startTime: hhmm,
        durationMinutes: z.number().int().min(15).max(600),
        location: z.string().min(1),
        reminderOffsetsHours: z
          .array(
            z
              .number()
              .positive()
              .max(24 * 14),
          )
          .min(1),
        materializeDays: z.number().int().min(1).max(366),
      }),
      schedules: z.strictObject({
        dailySummary: z.strictObject({ at: hhmm }),
        briefingReminders: z.strictObject({ everyMinutes: z.number().int().min(1).max(60) }),
        /** The sweep that resends missed notifications and sends deadline nudges. */
        caseNotifications: z.strictObject({ everyMinutes: z.number().int().min(1).max(60) }),
        /** The weekly report runs on Mondays at `at` (the past ISO week), the monthly on the 1st (the past month). */
        periodicSummary: z.strictObject({ at: hhmm }),
      }),
      /**
       * Similar reports by their text (docs/similarity.md): MinHash over the
       * title and summary, `bands` × `rows` locality-sensitive band keys kept
       * `windowDays`, and a hint when the exact score reaches `threshold`
       * (chosen from the precision/recall curve that `npm run bench` prints).
       */
      similarity: z.strictObject({
        windowDays: z.number().int().min(1).max(90),
        threshold: z.number().gt(0).max(1),
        bands: z.number().int().min(1).max(32),
        rows: z.number().int().min(1).max(16),
      }),
      /**
       * Search by words (`q` on the lists; shared/store/README.md, "Search").
       * `table`: the inverted index of posting items in the table (default).
       * `opensearch`: the documented next step, an OpenSearch Service domain
       * fed by DynamoDB's zero-ETL integration (an OpenSearch Ingestion
       * pipeline from the table's export and stream into an OpenSearch
       * Serverless collection; infra/aws/constructs/search.ts).
       */
      search: z
        .strictObject({
          engine: z.enum(['table', 'opensearch']).default('table'),
          /** For `opensearch`: the collection's standby replicas (off: one AZ, half the OCUs) and the pipeline's most OCUs. */
          opensearch: z
            .strictObject({
              standbyReplicas: z.boolean().default(false),
              maxUnits: z.number().int().min(1).max(4).default(2),
            })
            .optional(),
        })
        .default({ engine: 'table' }),
      /**
       * How a topic of the day is marked against its average over the previous
       * `baselineDays` days (docs/jobs.md): **new** when the baseline has no
       * report of it; **rising** when its reports reach `risingRatio` × the
       * average (and at least `minReports`); **cooling** when they fall to
       * `coolingRatio` × the average or below; else **steady**.
       */
      trends: z.strictObject({
        baselineDays: z.number().int().min(1).max(28),
        risingRatio: z.number().gt(1),
        coolingRatio: z.number().gt(0).lt(1),
        minReports: z.number().int().min(1),
      }),
      retention: z.strictObject({
        dismissedReportDays: z.number().int().min(1),
        idempotencyHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 7),
        sentMarkerDays: z.number().int().min(1),
        outboxDays: z.number().int().min(1),
        logDays: z.number().int().min(1),
        /** How long a closed case and its reports are kept after closing (DynamoDB TTL). */
        closedCaseDays: z.number().int().min(1),
      }),
      /** Working days (docs/configuration.md, "Working-day calendar"); shared/domain/working-days.ts reads it. */
      calendar: calendarSchema(),
      /** The deadline escalation ladder (docs/jobs.md, "Escalation ladder"); shared/domain/escalation.ts reads it. */
      escalation: escalationSchema(recipientSchema),
      alarmEmail: z.email(),
      corsOrigins: z.array(z.url()).min(0),
      api: z.strictObject({
        throttleRatePerSecond: z.number().int().min(1),
        throttleBurst: z.number().int().min(1),
        /** Per caller, per hour: the stage throttle protects the stage, these protect it from one token. */
        rateLimits: z.strictObject({
          reportsPerHour: z.number().int().min(1),
          writesPerHour: z.number().int().min(1),
        }),
      }),
      auth: z.strictObject({
        /** Desk and agency callers must have signed in with a second factor. */
        staffMfaRequired: z.boolean(),
      }),
      /**
       * CSV export (docs/api.md): one response is one part of at most
       * `maxRowsPerPart` rows (and under API Gateway's 6 MB payload limit),
       * with a `Link: rel="next"` to the following part.
       */
      export: z.strictObject({ maxRowsPerPart: z.number().int().min(100).max(20_000) }).default({
        maxRowsPerPart: 5000,
      }),
      /**
       * Evidence files on reports and cases (docs/files.md). Sizes in bytes;
       * signed links and upload forms live for the given seconds. `versioning`
       * keeps overwritten or deleted objects as noncurrent versions for
       * `noncurrentVersionDays` (the bucket's lifecycle removes them then).
       */
      files: z
        .strictObject({
          maxPerReport: z.number().int().min(1).max(20).default(5),
          maxPerCase: z.number().int().min(1).max(50).default(20),
          maxBytes: z
            .number()
            .int()
            .min(1024)
            .max(50 * 1024 * 1024)
            .default(10 * 1024 * 1024),
          types: z
            .array(z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']))
            .min(1)
            .default(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
          uploadTtlSeconds: z.number().int().min(60).max(3600).default(900),
          urlTtlSeconds: z.number().int().min(30).max(3600).default(300),
          versioning: z.boolean().default(false),
          noncurrentVersionDays: z.number().int().min(1).max(365).default(30),
        })
        .default({
          maxPerReport: 5,
          maxPerCase: 20,
          maxBytes: 10 * 1024 * 1024,
          types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
          uploadTtlSeconds: 900,
          urlTtlSeconds: 300,
          versioning: false,
          noncurrentVersionDays: 30,
        }),
      /** Outside prod, email goes only to these domains or addresses. */
      emailAllowList: z.array(z.string().min(3)).optional(),
      /**
       * Where links in emails point (shared/mail/links.ts): the console when
       * `consoleUrl` is set (`<consoleUrl>/cases/<id>`), else the API resource
       * (`<apiUrl>/cases/<id>`). Without `apiUrl` the deployed functions use their
       * stage's endpoint and the local stack its own address; no URL, no link.
       */
      links: z.strictObject({ consoleUrl: baseUrl.optional(), apiUrl: baseUrl.optional() }).default({}),
      /**
       * Signed webhooks (docs/webhooks.md): each endpoint gets the case events it
       * lists as Standard Webhooks POSTs. Its secret is a `whsec_…` value in this
       * file (dev only: the local stack and tests), or the name of a Secrets
       * Manager secret holding one (staging, prod), read by the sender at cold start.
       */
      webhooks: z
        .strictObject({
          endpoints: z
            .array(
              z.strictObject({
                id: slug,
                url: z.url({ protocol: /^https?$/ }),
                events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1),
                secret: z.union([
                  z.strictObject({
                    value: z
                      .string()
                      .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, 'must be whsec_ and base64 of ≥24 bytes'),
                  }),
                  z.strictObject({ secretName: z.string().regex(/^[A-Za-z0-9/_+=.@-]{1,512}$/) }),
                ]),
              }),
            )
            .default([]),
          /** Attempts per event and endpoint before it is given up (a metric and a log line). */
          maxAttempts: z.number().int().min(1).max(20).default(8),
          /** Each POST is abandoned after this long, so a slow receiver holds up nothing. */
          timeoutMs: z.number().int().min(200).max(15_000).default(5000),
        })
        .default({ endpoints: [], maxAttempts: 8, timeoutMs: 5000 }),
      /** The console on AWS (infra/aws/constructs/console-site.ts). */
      console: z.strictObject({
        /**
         * The prefix of the stage's Cognito managed login domain,
         * `https://<prefix>.auth.<region>.amazoncognito.com`: unique in the region across
         * every AWS account, and Cognito refuses one containing aws, amazon or cognito.
         */
        cognitoDomainPrefix: z
          .string()
          .regex(
            /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
            'must be 1-63 lower-case letters, digits or hyphens, not starting or ending with a hyphen',
          )
          .refine((p) => !/aws|amazon|cognito/.test(p), 'may not contain aws, amazon or cognito'),
      }),
    })
    .superRefine((cfg, ctx) => {
      const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
      const categories = ids(cfg.categories);
      const areas = ids(cfg.areas);
      const agencies = ids(cfg.agencies);
      for (const [name, list] of [
        ['categories', cfg.categories],
        ['areas', cfg.areas],
        ['agencies', cfg.agencies],
      ] as const) {
        if (ids(list).size !== list.length)
          ctx.addIssue({ code: 'custom', path: [name], message: 'ids must be unique' });
      }
      cfg.routing.forEach((row, i) => {
        if (!categories.has(row.category))
          ctx.addIssue({
            code: 'custom',
            path: ['routing', i, 'category'],
            message: `unknown category ${row.category}`,
          });
        if (row.area !== undefined && !areas.has(row.area))
          ctx.addIssue({ code: 'custom', path: ['routing', i, 'area'], message: `unknown area ${row.area}` });
        if (!agencies.has(row.agencyId))
          ctx.addIssue({
            code: 'custom',
            path: ['routing', i, 'agencyId'],
            message: `unknown agency ${row.agencyId}`,
          });
      });
      for (const issue of escalationIssues(cfg)) ctx.addIssue({ code: 'custom', ...issue });
      const hooks = cfg.webhooks.endpoints;
      if (new Set(hooks.map((h) => h.id)).size !== hooks.length)
        ctx.addIssue({ code: 'custom', path: ['webhooks', 'endpoints'], message: 'ids must be unique' });
      hooks.forEach((h, i) => {
        // A secret in the repository is for the local stack and tests only.
        if (cfg.env !== 'dev' && 'value' in h.secret)
          ctx.addIssue({
            code: 'custom',
            path: ['webhooks', 'endpoints', i, 'secret'],
            message: 'outside dev, name a Secrets Manager secret (secretName)',
          });
        if (cfg.env !== 'dev' && !h.url.startsWith('https://'))
          ctx.addIssue({
            code: 'custom',
            path: ['webhooks', 'endpoints', i, 'url'],
            message: 'must be https outside dev',
          });
      });
      if (cfg.env !== 'prod' && (cfg.emailAllowList === undefined || cfg.emailAllowList.length === 0)) {
        ctx.addIssue({ code: 'custom', path: ['emailAllowList'], message: 'required outside prod' });
      }
    });
};

let appConfigSchema: ReturnType<typeof buildAppConfigSchema> | undefined;

export type AppConfig = z.infer<ReturnType<typeof buildAppConfigSchema>>;
export type AppConfigInput = z.input<ReturnType<typeof buildAppConfigSchema>>;

/** Validates a config and throws an error naming every bad field. */
export const parseAppConfig = (input: unknown, source: string): AppConfig => {
  // Parsed once per process: zod's JIT would compile a parser for each of the
  // ~20 object schemas first (a few ms) to use it once.
  appConfigSchema ??= buildAppConfigSchema();
  const result = appConfigSchema.safeParse(input, { jitless: true });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid configuration ${source}:\n${lines.join('\n')}`);
  }
  return result.data;
};
