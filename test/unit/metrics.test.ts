// The application's metrics (shared/metrics.ts) as CloudWatch receives them:
// the Embedded Metric Format lines Powertools writes to stdout, captured here.
// What they count (reports submitted, emails sent / failed / skipped per job,
// job duration, summary emails missing), their namespace and dimensions, that
// they are silent outside Lambda unless asked for, and that the handlers
// record them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Emf {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
}

let written: string[];

/** The EMF objects written to stdout since the test began. */
const emfLines = (): Emf[] =>
  written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{') && line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as Emf);

const LAMBDA_ENV = {
  AWS_LAMBDA_FUNCTION_NAME: 'opinion-desk-test-fn',
  POWERTOOLS_METRICS_NAMESPACE: 'OpinionDesk/test',
  POWERTOOLS_SERVICE_NAME: 'opinion-desk',
};

/** shared/metrics.ts loaded afresh under `env` (Powertools reads its settings when the module loads). */
const loadMetrics = async (env: Record<string, string | undefined>) => {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import('#shared/metrics');
};

beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  // Whatever the machine running the tests has set.
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', undefined);
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.doUnmock('#service/reports');
  vi.doUnmock('#service/notifications');
  vi.doUnmock('#functions/runtime-mailing-deps');
  vi.doUnmock('#functions/runtime-sender-deps');
});

describe('job metrics', () => {
  it('publishes one EMF line per run: emails sent, failed and skipped and the duration, by job', async () => {
    const { measuredRun } = await loadMetrics(LAMBDA_ENV);
    const result = await measuredRun(
      'daily-summary',
      async () => ({ job: 'daily-summary', sent: 3, failed: 1, skipped: 2 }),
      (r) => ({ emails: r }),
    );
    expect(result.sent).toBe(3);
    const [emf, ...more] = emfLines();
    expect(more).toEqual([]);
    expect(emf).toMatchObject({
      service: 'opinion-desk',
      job: 'daily-summary',
      EmailsSent: 3,
      EmailsFailed: 1,
      EmailsSkipped: 2,
      JobDuration: expect.any(Number),
    });
    const [directive] = emf!._aws.CloudWatchMetrics;
    expect(directive!.Namespace).toBe('OpinionDesk/test');
    expect(directive!.Dimensions).toEqual([['service', 'job']]);
    expect(directive!.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'EmailsSent', Unit: 'Count' },
        { Name: 'EmailsFailed', Unit: 'Count' },
        { Name: 'EmailsSkipped', Unit: 'Count' },
        { Name: 'JobDuration', Unit: 'Milliseconds' },
      ]),
    );
  });

  it('records the duration of a run that throws, and rethrows its error', async () => {
    const { measuredRun } = await loadMetrics(LAMBDA_ENV);
    await expect(
      measuredRun(
        'briefing-reminders',
        async () => {
          throw new Error('DynamoDB is down');
        },
        () => ({ emails: { sent: 9, failed: 9, skipped: 9 } }),
      ),
    ).rejects.toThrow('DynamoDB is down');
    const [emf] = emfLines();
    expect(emf).toMatchObject({ job: 'briefing-reminders', JobDuration: expect.any(Number) });
    expect(emf).not.toHaveProperty('EmailsSent');
  });

  it("publishes the watchdog's missing summary emails", async () => {
    const { recordJobRun } = await loadMetrics(LAMBDA_ENV);
    recordJobRun('daily-summary-watchdog', { durationMs: 12, dailySummaryMissing: 2 });
    expect(emfLines()).toEqual([
      expect.objectContaining({ job: 'daily-summary-watchdog', DailySummaryMissing: 2, JobDuration: 12 }),
    ]);
  });
});

describe('where metrics go out', () => {
  it('prints nothing outside Lambda (the local stack, the job command, tests), and keeps nothing for later', async () => {
    const { recordJobRun, recordReportSubmitted, metrics } = await loadMetrics({
      ...LAMBDA_ENV,
      AWS_LAMBDA_FUNCTION_NAME: undefined,
    });
    recordReportSubmitted();
    recordJobRun('case-notifications', { durationMs: 5, emails: { sent: 1, failed: 0, skipped: 0 } });
    expect(written).toEqual([]);
    expect(metrics.hasStoredMetrics()).toBe(false);
  });

  it('prints outside Lambda when POWERTOOLS_METRICS_DISABLED=false asks for it', async () => {
    const { recordReportSubmitted } = await loadMetrics({
      ...LAMBDA_ENV,
      AWS_LAMBDA_FUNCTION_NAME: undefined,
      POWERTOOLS_METRICS_DISABLED: 'false',
    });
    recordReportSubmitted();
    expect(emfLines()).toHaveLength(1);
  });

  it('prints nothing on Lambda when POWERTOOLS_METRICS_DISABLED=true', async () => {
    const { recordReportSubmitted } = await loadMetrics({
      ...LAMBDA_ENV,
      POWERTOOLS_METRICS_DISABLED: 'true',
    });
    recordReportSubmitted();
    expect(emfLines()).toEqual([]);
  });
});

describe('the handlers record their metrics', () => {
  const principal = { sub: 'reporter-1', roles: ['reporter'] };

  const submitWith = async (response: { status: number; headers: Record<string, string> }) => {
    vi.resetModules();
    for (const [name, value] of Object.entries(LAMBDA_ENV)) vi.stubEnv(name, value);
    vi.doMock('#service/reports', async (importOriginal) => ({
      ...(await importOriginal<object>()),
      submitReport: async () => ({ ...response, body: {} }),
    }));
    const { reportRoutes } = await import('#functions/http/reports');
    const req = { principal, body: {}, headers: {}, params: {}, query: {} } as never;
    return reportRoutes['POST /reports']!(req, {} as never);
  };

  it('counts a stored report once in ReportsSubmitted, not its idempotent replay', async () => {
    await submitWith({ status: 201, headers: { location: '/reports/r1' } });
    expect(emfLines()).toEqual([expect.objectContaining({ service: 'opinion-desk', ReportsSubmitted: 1 })]);
    expect(emfLines()[0]!._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service']]);

    written = [];
    await submitWith({ status: 201, headers: { location: '/reports/r1', 'idempotent-replayed': 'true' } });
    expect(emfLines()).toEqual([]);
  });

  it("the outbox stream sender publishes its batch's emails under job outbox-stream", async () => {
    vi.resetModules();
    for (const [name, value] of Object.entries(LAMBDA_ENV)) vi.stubEnv(name, value);
    const results = [
      { sent: 2, skipped: 1, notAllowed: 0, failed: 0, written: 0 },
      { sent: 0, skipped: 0, notAllowed: 0, failed: 1, written: 0 },
    ];
    vi.doMock('#service/notifications', async (importOriginal) => ({
      ...(await importOriginal<object>()),
      deliverOutboxItemById: async (_deps: unknown, id: string) => {
        if (id === 'o3') throw new Error('table unavailable');
        return results.shift();
      },
    }));
    // The sender's deps carry the files bucket (it deletes expired files' objects).
    vi.doMock('#functions/runtime-sender-deps', async (importOriginal) => ({
      ...(await importOriginal<object>()),
      runtimeSenderDeps: () => ({ clock: () => new Date() }),
    }));
    const { handler } = await import('#functions/events/outbox-stream');
    const record = (id: string, seq: string) => ({
      dynamodb: {
        SequenceNumber: seq,
        NewImage: { entity: { S: 'outbox' }, state: { S: 'pending' }, id: { S: id } },
      },
    });
    const response = await handler({
      Records: [record('o1', '1'), record('o2', '2'), record('o3', '3')],
    } as never);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }, { itemIdentifier: '3' }] });
    expect(emfLines()).toEqual([
      expect.objectContaining({
        job: 'outbox-stream',
        EmailsSent: 2,
        EmailsSkipped: 1,
        // One recipient failed, and one item could not be read at all.
        EmailsFailed: 2,
        JobDuration: expect.any(Number),
      }),
    ]);
  });
});
