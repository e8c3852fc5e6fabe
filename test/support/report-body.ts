// The one place that knows what a valid report submission (POST /reports) holds:
// every required field, with ids the dev config's /reference lists. Tests say
// only what matters to them: aReport({ urgency: 'critical' }).
import type * as z from 'zod';
import type { reportSubmissionSchema } from '#domain/report';

/** A report as a client sends it (sourceUrls may be left out). */
export type ReportBody = z.input<ReturnType<typeof reportSubmissionSchema>>;

/** A category and an area the dev config lists (GET /reference). */
export const A_CATEGORY = 'transport';
export const AN_AREA = 'go-vap';

/**
 * A valid report body; `overrides` replace fields (or add optional ones). It was
 * observed a minute before `now` (default: the wall clock), so pin `now` when the
 * test pins the service's clock.
 */
export const aReport = (overrides: Partial<ReportBody> = {}, { now = new Date() }: { now?: Date } = {}) =>
  ({
    title: 'Phản ánh về kẹt xe giờ cao điểm',
    summary: 'Nội dung phản ánh.',
    category: A_CATEGORY,
    area: AN_AREA,
    channel: 'social',
    sentiment: 'negative',
    urgency: 'normal',
    observedAt: new Date(now.getTime() - 60_000).toISOString(),
    ...overrides,
  }) satisfies ReportBody;
