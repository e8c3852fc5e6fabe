// How the daily summary reads a day: 24 sort-key ranges of the slim
// reportsNewest index give every report of the local day and nothing else,
// follow status and case changes, and only the reports the summary shows have
// their text read. And what the local stack does with an older data directory.
import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
} from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsToShow, URGENT_LIST_MAX } from '#domain/summary';
import type { Principal } from '#http/principal';
import { type DynamoDbLocal, localDynamoClient, startDynamoDbLocal } from '#infra/local/dynamodb';
import { freePort, LocalStackError } from '#infra/local/ports';
import { ensureTable } from '#infra/local/table';
import { openCaseFor } from '#service/cases';
import { actOnReport, browseReports, submitReport } from '#service/reports';
import { gatherDaily } from '#service/summary';
import type { Deps } from '#shared/deps';
import { reportsOfDay, reportTexts } from '#store/summary';
import { createTableInput, indexOf } from '#store/table';
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
          // Report texts only (the day aggregates of the baseline are read by BatchGet too).
          for (const r of Object.values(command.input.RequestItems ?? {}))
            batchKeys.push((r.Keys ?? []).filter((k) => String(k.pk).startsWith('REPORT#')).length);
        if (command instanceof QueryCommand) {
          const ranged =
            command.input.IndexName === indexOf('reportsNewest').indexName &&
            /BETWEEN :from AND :to/.test(command.input.KeyConditionExpression ?? '');
          calls.push(ranged ? 'day range query' : 'other query');
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
    // One Query per range of the day on the slim index, nothing else.
    expect(calls.filter((c) => c === 'QueryCommand')).toHaveLength(24);
    expect(calls.filter((c) => c === 'day range query')).toHaveLength(24);
    expect(calls).not.toContain('other query');
  });

  it("the list's date filter is the same range: exactly the local day, newest first, for the desk and the reporter", async () => {
    const newestFirst = [...ids].reverse();
    const desk_ = await browseReports(t.deps(), desk, { date: '2026-11-25', limit: '100' });
    expect(desk_.items.map((r) => r.id)).toEqual(newestFirst);
    const own = await browseReports(t.deps(), reporter, { date: '2026-11-25', limit: '100' });
    expect(own.items.map((r) => r.id)).toEqual(newestFirst);
    const before = await browseReports(t.deps(), desk, { date: '2026-11-24', limit: '100' });
    expect(before.items).toHaveLength(1); // 2026-11-24T16:59:59.999Z, the last instant of the 24th
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
    // The texts read: the 50 listed (the hot issue's and the topic's lead is among them or one more), not all 60.
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

describe('an older local data directory', () => {
  // Its own DynamoDB Local: on the instance every test file shares, a new index queues
  // behind the other files' tables and took over a minute to turn ACTIVE under load.
  let own: DynamoDbLocal;
  beforeAll(async () => {
    own = await startDynamoDbLocal({ port: await freePort() });
  }, 60_000);
  afterAll(async () => {
    await own?.stop();
  });

  it('gets an index of the definition it lacks added, once', async () => {
    const tableName = `old-${randomUUID()}`;
    const input = createTableInput(tableName);
    const last = input.GlobalSecondaryIndexes!.at(-1)!;
    const lastKeys = new Set(last.KeySchema!.map((k) => k.AttributeName));
    input.GlobalSecondaryIndexes = input.GlobalSecondaryIndexes!.slice(0, -1);
    input.AttributeDefinitions = input.AttributeDefinitions?.filter((a) => !lastKeys.has(a.AttributeName));
    const admin = localDynamoClient(own.endpoint, 5000);
    try {
      await admin.send(new CreateTableCommand(input));
      expect(await ensureTable(own.endpoint, tableName)).toEqual([last.IndexName]);
      const { Table } = await admin.send(new DescribeTableCommand({ TableName: tableName }));
      expect(Table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === last.IndexName)?.Projection).toEqual(
        last.Projection,
      );
      expect(await ensureTable(own.endpoint, tableName)).toEqual([]);
    } finally {
      admin.destroy();
    }
  }, 120_000);

  it('is refused, unchanged, with how to reset it, when its indexes are of the layout before issue 16', async () => {
    // The table as versions before issue 16 created it: gsi1…gsi7 projecting everything, gsi8 slim.
    const tableName = `pre16-${randomUUID()}`;
    const names = Array.from({ length: 8 }, (_, i) => `gsi${i + 1}`);
    const input: CreateTableCommandInput = {
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', ...names.flatMap((n) => [`${n}pk`, `${n}sk`])].map((a) => ({
        AttributeName: a,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: names.map((n) => ({
        IndexName: n,
        KeySchema: [
          { AttributeName: `${n}pk`, KeyType: 'HASH' },
          { AttributeName: `${n}sk`, KeyType: 'RANGE' },
        ],
        Projection:
          n === 'gsi8'
            ? { ProjectionType: 'INCLUDE', NonKeyAttributes: ['category', 'area', 'status'] }
            : { ProjectionType: 'ALL' },
      })),
    };
    const admin = localDynamoClient(own.endpoint, 5000);
    try {
      await admin.send(new CreateTableCommand(input));
      const start = ensureTable(own.endpoint, tableName);
      await expect(start).rejects.toBeInstanceOf(LocalStackError);
      await expect(start).rejects.toThrow(/older version .* indexes gsi2, gsi7, gsi8 do not match/);
      await expect(start).rejects.toThrow(/rm -rf \.local/);
      const { Table } = await admin.send(new DescribeTableCommand({ TableName: tableName }));
      expect(Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(names);
    } finally {
      admin.destroy();
    }
  }, 120_000);
});
