// How the daily summary reads a day: the slim hour-sharded index (gsi8) gives
// every report of the local day and nothing else, follows status and case
// changes, and only the reports the summary shows have their text read.
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsToShow, URGENT_LIST_MAX } from '#domain/summary';
import type { Principal } from '#http/principal';
import { runBackfill } from '#infra/aws/backfill-day-index';
import { type DynamoDbLocal, localDynamoClient, startDynamoDbLocal } from '#infra/local/dynamodb';
import { freePort } from '#infra/local/ports';
import { ensureTable } from '#infra/local/table';
import { openCaseFor } from '#service/cases';
import { actOnReport, submitReport } from '#service/reports';
import { gatherDaily } from '#service/summary';
import type { Deps } from '#shared/deps';
import { backfillDayIndex, toReportItem } from '#store/reports';
import { reportsOfDay, reportTexts } from '#store/summary';
import { createTableInput } from '#store/table';
import { testTable } from '#test/support/aws';

const reporter: Principal = { sub: 'field-1', roles: ['reporter'] };
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };
let t: Awaited<ReturnType<typeof testTable>>;

const submit = async (when: string, over: Record<string, unknown> = {}) => {
  const res = await submitReport(
    t.deps({ clock: () => new Date(when) }),
    reporter,
    {
      title: `Báo cáo lúc ${when}`,
      summary: `Nội dung ${when}`,
      category: 'transport',
      area: 'go-vap',
      channel: 'hotline',
      sentiment: 'negative',
      urgency: 'normal',
      observedAt: new Date(new Date(when).getTime() - 60_000).toISOString(),
      ...over,
    },
    undefined,
  );
  return (res.body as { id: string }).id;
};

/** Counts the commands the store sends, by name, and the keys of each BatchGet. */
const counting = (deps: Deps) => {
  const calls: string[] = [];
  const batchKeys: number[] = [];
  const db = new Proxy(deps.db, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return (command: { constructor: { name: string }; input: unknown }) => {
        calls.push(command.constructor.name);
        if (command instanceof BatchGetCommand)
          for (const r of Object.values(command.input.RequestItems ?? {}))
            batchKeys.push(r.Keys?.length ?? 0);
        if (command instanceof QueryCommand && command.input.IndexName === 'gsi1') {
          const pk = Object.values(command.input.ExpressionAttributeValues ?? {})[0];
          if (typeof pk === 'string' && pk.startsWith('RDAY#')) calls.push('RDAY query');
        }
        return target.send(command as never);
      };
    },
  });
  return { deps: { ...deps, db } as Deps, calls, batchKeys };
};

// Day D = 2026-11-25 in Asia/Ho_Chi_Minh (UTC+7): [2026-11-24T17:00Z, 2026-11-25T17:00Z).
const inDay = [
  '2026-11-24T17:00:00.000Z', // 00:00 local, the first instant of the day
  '2026-11-24T17:59:59.999Z', // still hour 00
  '2026-11-25T04:30:00.000Z', // 11:30
  '2026-11-25T16:59:59.999Z', // 23:59:59.999, the last instant
];
const outOfDay = ['2026-11-24T16:59:59.999Z', '2026-11-25T17:00:00.000Z'];
const ids: string[] = [];

beforeAll(async () => {
  t = await testTable();
  for (const when of inDay) ids.push(await submit(when));
  for (const when of outOfDay) await submit(when);
});

describe('reading a day for the summary', () => {
  it('returns exactly the reports of the local day, from every hour, without their text', async () => {
    const { deps, calls } = counting(t.deps());
    const day = await reportsOfDay(deps, '2026-11-25');
    expect(day.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(day.map((r) => r.submittedAt).sort()).toEqual([...inDay].sort());
    for (const r of day) {
      expect(r).toMatchObject({ category: 'transport', area: 'go-vap', status: 'new', caseId: null });
      expect(r.title).toBeUndefined();
      expect(r.summary).toBeUndefined();
    }
    // One Query per local hour on the slim index, none on the full day index.
    expect(calls.filter((c) => c === 'QueryCommand')).toHaveLength(24);
    expect(calls).not.toContain('RDAY query');
  });

  it('follows a dismissal and a link to a case (the index projects status and caseId)', async () => {
    const deps = t.deps({ clock: () => new Date('2026-11-25T10:00:00.000Z') });
    await actOnReport(deps, desk, { id: ids[0] }, { action: 'dismiss', reason: 'not a public concern' });
    const opened = await openCaseFor(deps, desk, {
      title: 'Ngập ở Gò Vấp',
      reportIds: [ids[1]],
    });
    const day = new Map((await reportsOfDay(t.deps(), '2026-11-25')).map((r) => [r.id, r]));
    expect(day.get(ids[0]!)?.status).toBe('dismissed');
    expect(day.get(ids[1]!)).toMatchObject({ status: 'linked', caseId: opened.id });
  });

  it('reads the text of only the reports the summary shows', async () => {
    // 60 urgent reports on the 27th: the summary names 50 of them and one hot issue's lead.
    const day2: string[] = [];
    for (let i = 0; i < URGENT_LIST_MAX + 10; i++)
      day2.push(
        await submit(`2026-11-27T0${i % 10}:${String(i).padStart(2, '0')}:00.000Z`, {
          urgency: i % 3 === 0 ? 'critical' : 'high',
          reach: i,
        }),
      );
    const { deps, batchKeys } = counting(t.deps({ clock: () => new Date('2026-11-28T00:00:00.000Z') }));
    const { summary } = await gatherDaily(deps, '2026-11-27', new Date('2026-11-28T00:00:00.000Z'));
    expect(summary.reports.total).toBe(URGENT_LIST_MAX + 10);
    expect(summary.reports.urgentCount).toBe(URGENT_LIST_MAX + 10);
    expect(summary.reports.urgent).toHaveLength(URGENT_LIST_MAX);
    expect(summary.reports.urgent[0]!.urgency).toBe('critical');
    for (const line of summary.reports.urgent) {
      expect(line.title).toBe(`Báo cáo lúc ${line.submittedAt}`);
      expect(line.excerpt).toBe(`Nội dung ${line.submittedAt}`);
    }
    expect(summary.hotIssues[0]!.title).toMatch(/^Báo cáo lúc /);
    // The texts read: the 50 listed (the hot issue's lead is among them or one more), not all 60.
    const read = batchKeys.reduce((a, b) => a + b, 0);
    expect(read).toBeGreaterThanOrEqual(URGENT_LIST_MAX);
    expect(read).toBeLessThanOrEqual(URGENT_LIST_MAX + 1);
    const day = await reportsOfDay(t.deps(), '2026-11-27');
    expect(new Set(reportsToShow(day)).size).toBe(read);
  });

  it('gives no text for an id that is not a report', async () => {
    const texts = await reportTexts(t.deps(), [ids[2]!, '01JZZZZZZZZZZZZZZZZZZZZZZZ']);
    expect([...texts.keys()]).toEqual([ids[2]]);
    expect(texts.get(ids[2]!)).toEqual({
      title: `Báo cáo lúc ${inDay[2]}`,
      summary: `Nội dung ${inDay[2]}`,
      observedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });
});

describe('a table from before the day index', () => {
  // Its own DynamoDB Local: on the instance every test file shares, a new index queues
  // behind the other files' tables and took over a minute to turn ACTIVE under load.
  let own: DynamoDbLocal;
  beforeAll(async () => {
    own = await startDynamoDbLocal({ port: await freePort() });
  }, 60_000);
  afterAll(async () => {
    await own?.stop();
  });

  it('gets the missing index added, once', async () => {
    // The table as the previous version created it: no gsi8.
    const tableName = `old-${randomUUID()}`;
    const input = createTableInput(tableName);
    input.GlobalSecondaryIndexes = input.GlobalSecondaryIndexes?.filter((g) => g.IndexName !== 'gsi8');
    input.AttributeDefinitions = input.AttributeDefinitions?.filter(
      (a) => !a.AttributeName?.startsWith('gsi8'),
    );
    const admin = localDynamoClient(own.endpoint, 5000);
    try {
      await admin.send(new CreateTableCommand(input));
      expect(await ensureTable(own.endpoint, tableName)).toEqual(['gsi8']);
      const { Table } = await admin.send(new DescribeTableCommand({ TableName: tableName }));
      expect(Table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === 'gsi8')?.Projection).toEqual(
        createTableInput(tableName).GlobalSecondaryIndexes?.find((g) => g.IndexName === 'gsi8')?.Projection,
      );
      expect(await ensureTable(own.endpoint, tableName)).toEqual([]);
    } finally {
      admin.destroy();
    }
  }, 120_000);

  it('gives reports stored without day-index keys their keys, each once', async () => {
    const tableName = `backfill-${randomUUID()}`;
    await ensureTable(t.endpoint, tableName);
    const deps = { ...t.deps(), tableName };
    // Reports as the previous version wrote them: every key but gsi8's.
    const old = Array.from({ length: 12 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 10, 24, 17 + Math.floor(i / 2), i)).toISOString(); // 2026-11-25 local
      const item = toReportItem(
        {
          id: ulid(new Date(at).getTime()),
          title: `Cũ ${i}`,
          summary: 'Báo cáo từ trước khi có chỉ mục ngày',
          category: 'transport',
          area: 'go-vap',
          channel: 'hotline',
          sentiment: 'neutral',
          urgency: 'normal',
          sourceUrls: [],
          observedAt: at,
          status: 'new',
          caseId: null,
          submittedBy: 'field-1',
          submittedAt: at,
          updatedAt: at,
          version: 1,
        },
        deps.config.timeZone,
        { urlHashes: [] },
      ) as unknown as Record<string, unknown>;
      delete item.gsi8pk;
      delete item.gsi8sk;
      return item;
    });
    await deps.db.send(
      new BatchWriteCommand({ RequestItems: { [tableName]: old.map((Item) => ({ PutRequest: { Item } })) } }),
    );
    expect(await reportsOfDay(deps, '2026-11-25')).toHaveLength(0);
    // Two backfills at once: each report is indexed once, and together they did all 12.
    const [a, b] = await Promise.all([backfillDayIndex(deps), backfillDayIndex(deps)]);
    expect(a + b).toBe(12);
    const day = await reportsOfDay(deps, '2026-11-25');
    expect(day.map((r) => r.id).sort()).toEqual(old.map((i) => String(i.id)).sort());
    expect(await backfillDayIndex(deps)).toBe(0);

    // The operators' command for a deployed stage does the same (here against DynamoDB Local).
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runBackfill(['--env', 'dev', '--table', tableName, '--endpoint', t.endpoint], io)).toBe(0);
    expect(lines).toEqual([`Indexed 0 reports for the daily summary in ${tableName}.`]);
    expect(await runBackfill(['--env', 'qa', '--table', tableName], io)).toBe(2);
    expect(await runBackfill(['--env', 'dev'], io)).toBe(2);
  }, 120_000);
});
