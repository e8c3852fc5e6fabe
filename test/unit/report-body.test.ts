// aReport() (test/support/report-body.ts) is the one valid report the tests
// start from: it must stay valid for the schema in every environment's config
// (its category and area are ids /reference lists), and an override is what
// the schema then reads.
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '#config/schema';
import { reportSubmissionSchema } from '#domain/report';
import { loadAppConfig } from '#infra/config/index';
import { aReport } from '#test/support/report-body';

describe.each(ENVIRONMENTS)('aReport() in %s', (envName) => {
  const schema = reportSubmissionSchema(loadAppConfig(envName));

  it('is a valid submission, observed a minute before now', () => {
    const now = new Date('2026-11-26T03:00:00.000Z');
    const parsed = schema.parse(aReport({}, { now }));
    expect(parsed.observedAt).toBe('2026-11-26T02:59:00.000Z');
    expect(parsed.sourceUrls).toEqual([]);
  });

  it('takes overrides, and a bad one makes it invalid', () => {
    expect(schema.parse(aReport({ urgency: 'critical', reach: 5 }))).toMatchObject({
      urgency: 'critical',
      reach: 5,
    });
    expect(schema.safeParse(aReport({ area: 'district-99' })).success).toBe(false);
  });
});
