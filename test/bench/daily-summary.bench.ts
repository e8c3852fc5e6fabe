// Benchmark: the daily summary job for a day with N reports on DynamoDB Local,
// against a Scan-based summary of the same day as the baseline. Not a test:
// run with `npm run bench` (figures in test/bench/results/latest.json).
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { run } from '../../functions/jobs/daily-summary';
import { loadAppConfig } from '../../infra/config';
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { freePort } from '../../infra/local/ports';
import { ensureTable } from '../../infra/local/table';
import { createDeps, type Deps } from '../../shared/deps';
import { CHANNELS, type Report, SENTIMENTS, URGENCIES } from '../../shared/domain/report';
import type { Mailer } from '../../shared/mail/mailer';
import { toReportItem } from '../../shared/store/reports';

const DAY = '2026-11-25';
const RUN_AT = new Date('2026-11-26T00:00:00.000Z');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const seedDay = async (deps: Deps, day: string, count: number) => {
  const config = deps.config;
  const start = new Date(`${day}T00:00:00+07:00`).getTime();
  const items = Array.from({ length: count }, (_, i) => {
    const at = new Date(start + Math.floor((i / count) * 86_399_000)).toISOString();
    const report: Report = {
      id: ulid(new Date(at).getTime()),
      title: `Phản ánh số ${i} về vấn đề dân sinh`,
      summary: 'Người dân phản ánh trên mạng xã hội về tình trạng ngập nước và kẹt xe kéo dài.'.repeat(2),
      category: config.categories[i % config.categories.length]!.id,
      area: config.areas[i % config.areas.length]!.id,
      channel: CHANNELS[i % CHANNELS.length]!,
      sentiment: SENTIMENTS[i % SENTIMENTS.length]!,
      urgency: URGENCIES[i % 23 === 0 ? 2 : i % 7 === 0 ? 1 : 0]!,
      sourceUrls: [],
      observedAt: at,
      reach: (i * 37) % 5000,
      status: 'new',
      caseId: null,
      submittedBy: `reporter-${i % 50}`,
      submittedAt: at,
      updatedAt: at,
      version: 1,
    };
    return toReportItem(report, config.timeZone, { urlHashes: i % 10 === 0 ? [`hash-${i % 40}`] : [] });
  });
  for (let i = 0; i < items.length; i += 25) {
    const chunk = items.slice(i, i + 25);
    let request: Record<string, unknown>[] | undefined = chunk.map((Item) => ({ PutRequest: { Item } }));
    while (request && request.length > 0) {
      const out = await deps.db.send(
        new BatchWriteCommand({ RequestItems: { [deps.tableName]: request as never } }),
      );
      request = out.UnprocessedItems?.[deps.tableName] as Record<string, unknown>[] | undefined;
    }
  }
};

/** The obvious alternative: scan the whole table and keep the day's reports. */
const scanDay = async (deps: Deps, day: string) => {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await deps.db.send(
      new ScanCommand({
        TableName: deps.tableName,
        FilterExpression: 'entity = :r AND localDay = :d',
        ExpressionAttributeValues: { ':r': 'report', ':d': day },
        ExclusiveStartKey: startKey,
      }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count;
};

export const benchDailySummary = async (reportsPerDay: number, otherDays: number, runs = 3) => {
  const port = await freePort();
  const ddb = await startDynamoDbLocal({ port });
  try {
    const tableName = `bench-${randomUUID()}`;
    await ensureTable(ddb.endpoint, tableName);
    const noMail: Mailer = { send: async () => ({ messageId: 'bench' }) };
    const deps = createDeps(
      {
        config: loadAppConfig('dev'),
        tableName,
        region: 'ap-southeast-1',
        dynamodbEndpoint: ddb.endpoint,
        dynamodbTimeoutMs: 10_000,
      },
      { mailer: noMail, clock: () => RUN_AT },
    );
    await seedDay(deps, DAY, reportsPerDay);
    for (let d = 0; d < otherDays; d++)
      await seedDay(deps, `2026-10-${String(1 + d).padStart(2, '0')}`, reportsPerDay);

    const ours: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < runs; i++) {
      const before = process.memoryUsage().rss;
      const t0 = performance.now();
      const result = await run(deps, { now: RUN_AT, date: DAY, force: true });
      ours.push(performance.now() - t0);
      rss.push(process.memoryUsage().rss - before);
      if (result.reports !== reportsPerDay)
        throw new Error(`summary saw ${result.reports} reports, expected ${reportsPerDay}`);
    }
    const scans: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const n = await scanDay(deps, DAY);
      scans.push(performance.now() - t0);
      if (n !== reportsPerDay) throw new Error(`scan saw ${n}`);
    }
    deps.db.destroy();
    return {
      reportsPerDay,
      otherDays,
      jobMedianMs: Math.round(median(ours)),
      scanMedianMs: Math.round(median(scans)),
      scanOverOurs: Number((median(scans) / median(ours)).toFixed(2)),
      rssGrowthMb: Math.round(Math.max(...rss) / 1024 / 1024),
    };
  } finally {
    await ddb.stop();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 10_000);
  const other = Number(process.argv[3] ?? 0);
  benchDailySummary(n, other).then((r) => console.log(JSON.stringify(r)));
}
