// Day aggregates against DynamoDB Local: a missed day rebuilt from the day
// index once, a GET-style read that stores nothing, the job's own day replaced.
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '#domain/report';
import { aggregateDay } from '#domain/topics';
import { dayAggregates } from '#service/day-aggregates';
import { dayAggregateKey, getDayAggregates, putDayAggregate } from '#store/day-aggregates';
import { toReportItem } from '#store/reports';
import { testTable } from '#test/support/aws';
import { storedItem } from '#test/support/steps';

let t: Awaited<ReturnType<typeof testTable>>;

const put = async (submittedAt: string, over: Partial<Report> = {}) => {
  const id = randomUUID();
  const report: Report = {
    id,
    title: 'Ngập ở Quận 1',
    summary: 'Nước ngập sau mưa.',
    category: 'transport',
    area: 'district-1',
    channel: 'hotline',
    sentiment: 'negative',
    urgency: 'normal',
    sourceUrls: [],
    observedAt: submittedAt,
    status: 'new',
    caseId: null,
    submittedBy: 'reporter-1',
    submittedAt,
    updatedAt: submittedAt,
    version: 1,
    ...over,
  };
  await t.db.send(new PutCommand({ TableName: t.tableName, Item: toReportItem(report, { urlHashes: [] }) }));
  return id;
};

beforeAll(async () => {
  t = await testTable();
  // 2026-11-20 local (UTC+7): three reports, one dismissed.
  await put('2026-11-20T02:00:00Z', { reach: 10 });
  await put('2026-11-20T03:00:00Z', { reach: 5 });
  await put('2026-11-20T04:00:00Z', { reach: 100, status: 'dismissed' });
});
afterAll(() => t.drop());

describe('dayAggregates', () => {
  const now = new Date('2026-11-22T00:00:00Z'); // 07:00 on the 22nd, local

  it('computes a missed day in memory without storing it (a GET)', async () => {
    const got = await dayAggregates(t.deps(), ['2026-11-20'], { now, rebuildMissing: 'memory' });
    expect(got.get('2026-11-20')).toMatchObject({ reports: 2, reach: 15, rebuilt: true });
    expect(await storedItem(t, dayAggregateKey('2026-11-20'))).toBeUndefined();
  });

  it('rebuilds a missed day once: a second run reads the stored item', async () => {
    const first = await dayAggregates(t.deps(), ['2026-11-20', '2026-11-19'], {
      now,
      rebuildMissing: 'store',
    });
    expect(first.get('2026-11-20')).toMatchObject({ reports: 2, rebuilt: true, builtAt: now.toISOString() });
    expect(first.get('2026-11-19')).toMatchObject({ reports: 0, rebuilt: true });
    // A report arrives late on the 20th (or its status changes): a later run does not rebuild again.
    await put('2026-11-20T05:00:00Z', { reach: 1 });
    const later = new Date('2026-11-23T00:00:00Z');
    const second = await dayAggregates(t.deps(), ['2026-11-20'], { now: later, rebuildMissing: 'store' });
    expect(second.get('2026-11-20')).toMatchObject({ reports: 2, builtAt: now.toISOString() });
    const item = await storedItem(t, dayAggregateKey('2026-11-20'));
    expect(item).toMatchObject({ entity: 'day-aggregate', builtAt: now.toISOString(), rebuilt: true });
    // Kept 400 days after the day's end (local midnight of the 21st).
    expect(item!.expiresAt).toBe(Date.parse('2026-11-20T17:00:00Z') / 1000 + 400 * 86_400);
  });

  it('never rebuilds a day that has not ended', async () => {
    const got = await dayAggregates(t.deps(), ['2026-11-22'], { now, rebuildMissing: 'store' });
    expect(got.has('2026-11-22')).toBe(false);
    expect(await storedItem(t, dayAggregateKey('2026-11-22'))).toBeUndefined();
  });

  it('lets the job replace its own day, while a rebuild never overwrites', async () => {
    const fresh = aggregateDay('2026-11-21', [], new Date('2026-11-22T00:00:00Z'), false);
    expect(await putDayAggregate(t.deps(), fresh, 'replace')).toBe(true);
    const rebuild = { ...fresh, rebuilt: true, builtAt: '2026-11-23T00:00:00.000Z' };
    expect(await putDayAggregate(t.deps(), rebuild, 'ifAbsent')).toBe(false);
    expect((await getDayAggregates(t.deps(), ['2026-11-21'])).get('2026-11-21')).toEqual(fresh);
    const rerun = { ...fresh, builtAt: '2026-11-22T01:00:00.000Z' };
    expect(await putDayAggregate(t.deps(), rerun, 'replace')).toBe(true);
    expect((await getDayAggregates(t.deps(), ['2026-11-21'])).get('2026-11-21')).toEqual(rerun);
  });
});
