// Synthetic reports for the benchmarks: full report items (every index key,
// a realistic size) for a local day, written with BatchWriteItem, several
// batches in flight at once.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { AppConfig } from '#config/schema';
import { CHANNELS, type Report, SENTIMENTS, URGENCIES } from '#domain/report';
import { dayRange } from '#domain/time';
import { toReportItem } from '#store/reports';

const SUMMARY_TEXT =
  'Người dân phản ánh trên mạng xã hội về tình trạng ngập nước và kẹt xe kéo dài vào giờ cao điểm.';

/** The `i`-th of `count` reports submitted on local `day` (evenly spread over the day). */
export const reportItemOf = (config: AppConfig, day: string, i: number, count: number) => {
  const { start, end } = dayRange(day, config.timeZone);
  const span = end.getTime() - start.getTime() - 1000;
  const at = new Date(start.getTime() + Math.floor((i / count) * span)).toISOString();
  const report: Report = {
    id: ulid(new Date(at).getTime()),
    title: `Phản ánh số ${i} về vấn đề dân sinh`,
    summary: SUMMARY_TEXT.repeat(2),
    category: config.categories[i % config.categories.length]!.id,
    area: config.areas[i % config.areas.length]!.id,
    channel: CHANNELS[i % CHANNELS.length]!,
    sentiment: SENTIMENTS[i % SENTIMENTS.length]!,
    urgency: URGENCIES[i % 23 === 0 ? 2 : i % 7 === 0 ? 1 : 0]!,
    sourceUrls: i % 10 === 0 ? [`https://www.facebook.com/groups/example/posts/${i % 40}`] : [],
    observedAt: at,
    reach: (i * 37) % 5000,
    status: 'new',
    caseId: null,
    submittedBy: `reporter-${i % 50}`,
    submittedAt: at,
    updatedAt: at,
    version: 1,
  };
  return toReportItem(report, { urlHashes: i % 10 === 0 ? [`hash-${i % 40}`] : [] });
};

export interface SeedOptions {
  db: DynamoDBDocumentClient;
  tableName: string;
  config: AppConfig;
  /** [day, reports that day] */
  days: readonly (readonly [string, number])[];
  /** Batches of 25 in flight at once. */
  concurrency?: number;
  /** Stop (between batches) once this much time has passed; what was written is reported. */
  deadline?: number;
  onProgress?: (written: number) => void;
}

/** Writes the days' reports; resolves to how many were written (fewer than asked only past the deadline). */
export const seedReports = async (o: SeedOptions): Promise<number> => {
  const jobs: (readonly [string, number, number])[] = [];
  for (const [day, count] of o.days) for (let i = 0; i < count; i += 25) jobs.push([day, i, count]);
  let next = 0;
  let written = 0;
  const worker = async () => {
    for (;;) {
      if (o.deadline !== undefined && Date.now() > o.deadline) return;
      const job = jobs[next++];
      if (!job) return;
      const [day, from, count] = job;
      const items = [];
      for (let i = from; i < Math.min(from + 25, count); i++)
        items.push(reportItemOf(o.config, day, i, count));
      let request: Record<string, unknown>[] | undefined = items.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; request && request.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
        const out = await o.db.send(
          new BatchWriteCommand({ RequestItems: { [o.tableName]: request as never } }),
        );
        request = out.UnprocessedItems?.[o.tableName] as Record<string, unknown>[] | undefined;
      }
      written += items.length;
      o.onProgress?.(written);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
  return written;
};
