// Case notifications through the outbox, against DynamoDB Local and the local
// SES store: each causing action notifies once, a rejected one never; the
// sweep delivers what the stream missed. The deadline ladder: test/integration/escalation.test.ts.
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import { processStream } from '#functions/events/outbox-stream';
import { run as sweep } from '#functions/jobs/case-notifications';
import type { Principal } from '#http/principal';
import type { Mailer } from '#mail/mailer';
import { actOnCase, openCaseFor } from '#service/cases';
import { drainOutbox } from '#service/notifications';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { getOutboxItem } from '#store/outbox';
import { indexOf } from '#store/table';
import { testTable } from '#test/support/aws';
import { sentEmails } from '#test/support/mail';
import { aReport } from '#test/support/report-body';

const tag = randomUUID().slice(0, 8);
const policeBox = `police-${tag}@example.org`;
const healthBox = `health-${tag}@example.org`;
const deskBox = `desk-${tag}@example.org`;
const alice = `alice-${tag}@example.org`;
const bob = `bob-${tag}@example.org`;

const T0 = new Date('2026-11-26T02:00:00.000Z');
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };
const police: Principal = { sub: 'officer-1', roles: ['agency'], agencyId: 'police' };

let t: Awaited<ReturnType<typeof testTable>>;
let config: AppConfig;
const deps = (now: Date = T0, over: Partial<Deps> = {}) => t.deps({ clock: () => now, config, ...over });
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

const report = async (email: string, sub: string) => {
  const res = await submitReport(
    deps(),
    { sub, roles: ['reporter'], email },
    aReport({
      title: 'Tin đồn kẹt xe do cấm đường',
      summary: 'Liên hệ 0912 345 678 để biết thêm.',
      area: 'district-3',
      urgency: 'high',
      observedAt: '2026-11-26T01:00:00Z',
    }),
    undefined,
  );
  return (res.body as { id: string }).id;
};

const pendingCount = async () => {
  const out = await t.db.send(
    new QueryCommand({
      TableName: t.tableName,
      IndexName: indexOf('outboxPending').indexName,
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': indexOf('outboxPending').partitionKey },
      ExpressionAttributeValues: { ':p': 'OUTBOX#PENDING' },
      Select: 'COUNT',
    }),
  );
  return out.Count ?? 0;
};

const drainNow = (now: Date) => drainOutbox(deps(now), new Date(now.getTime() + 1), now);

beforeAll(async () => {
  t = await testTable();
  const base = t.deps().config;
  config = {
    ...base,
    deskList: [{ email: deskBox, locale: 'vi' }],
    agencies: base.agencies.map((a) =>
      a.id === 'police'
        ? { ...a, emails: [policeBox] }
        : a.id === 'health-dept'
          ? { ...a, emails: [healthBox] }
          : a,
    ),
  };
});

describe('the life of a case, notified once per causing action', () => {
  it('assign → agency, respond → desk, close → every distinct reporter once; rejected actions notify nobody', async () => {
    const ids = [await report(alice, 'alice'), await report(alice, 'alice'), await report(bob, 'bob')];
    const c = await openCaseFor(deps(), desk, { reportIds: ids });
    expect(await pendingCount()).toBe(0); // opening notifies nobody

    await actOnCase(deps(), desk, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'police',
      dueAt: '2026-11-28T03:00:00Z',
    });
    expect(await pendingCount()).toBe(1);
    // a stale (412) and an illegal (409) action leave no outbox item
    await expect(
      actOnCase(deps(), desk, { id: c.id }, '"1"', { action: 'comment', note: 'x' }),
    ).rejects.toMatchObject({ status: 412 });
    await expect(
      actOnCase(deps(), desk, { id: c.id }, '"2"', { action: 'reopen', reason: 'x' }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      actOnCase(deps(), desk, { id: c.id }, '"2"', {
        action: 'assign',
        agencyId: 'police',
        dueAt: '2020-01-01T00:00:00Z',
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await pendingCount()).toBe(1);

    expect((await drainNow(T0)).sent).toBe(1);
    expect((await drainNow(T0)).sent).toBe(0); // delivered: off the pending index
    const [assigned] = await sentEmails({ to: policeBox });
    expect(assigned?.subject).toBeTruthy();

    await actOnCase(deps(), police, { id: c.id }, '"2"', {
      action: 'respond',
      finding: 'Đúng một phần',
      response: 'Đã có phương án',
    });
    await actOnCase(deps(), desk, { id: c.id }, '"3"', { action: 'comment', note: 'không gửi email' });
    await drainNow(T0);
    expect(await sentEmails({ to: deskBox })).toHaveLength(1);

    await actOnCase(deps(), desk, { id: c.id }, '"4"', {
      action: 'close',
      outcome: 'corrected',
      note: 'Đã đính chính',
      evidenceUrl: 'https://gov.example/dinh-chinh',
    });
    const closed = await drainNow(T0);
    expect(closed.sent).toBe(2);
    const toAlice = await sentEmails({ to: alice });
    expect(toAlice).toHaveLength(1);
    expect(toAlice[0]?.body.html).toContain('https://gov.example/dinh-chinh');
    expect(toAlice[0]?.destination.to).toEqual([alice]); // one recipient per message: no one sees another's address
    expect(await sentEmails({ to: bob })).toHaveLength(1);
    expect(await sentEmails({ to: policeBox })).toHaveLength(1);
    expect(await sentEmails({ to: deskBox })).toHaveLength(1);
  });
});

describe('the sweep and the stream', () => {
  it('the sweep delivers an item the stream missed, once it is 15 minutes old', async () => {
    const c = await openCaseFor(deps(), desk, { reportIds: [await report(alice, 'alice')] });
    await actOnCase(deps(), desk, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'health-dept',
      dueAt: '2026-12-01T03:00:00Z',
    });
    // The stream event is "lost": nothing drains the item.
    expect((await sweep(deps(minutes(10)), { now: minutes(10) })).outboxItems).toBe(0);
    const later = await sweep(deps(minutes(16)), { now: minutes(16) });
    expect(later).toMatchObject({ outboxItems: 1, sent: 1, failed: 0 });
    expect(await sentEmails({ to: healthBox })).toHaveLength(1);
    expect((await sweep(deps(minutes(31)), { now: minutes(31) })).outboxItems).toBe(0);
  });

  it('the stream sender delivers outbox inserts, ignores other items, and reports failures per record', async () => {
    const c = await openCaseFor(deps(), desk, { reportIds: [await report(bob, 'bob')] });
    await actOnCase(deps(), desk, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'health-dept',
      dueAt: '2026-12-02T03:00:00Z',
    });
    const pending = await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        IndexName: indexOf('outboxPending').indexName,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': indexOf('outboxPending').partitionKey },
        ExpressionAttributeValues: { ':p': 'OUTBOX#PENDING' },
      }),
    );
    const item = pending.Items![0]!;
    const record = (image: Record<string, unknown>, seq: string) => ({
      eventName: 'INSERT' as const,
      dynamodb: { SequenceNumber: seq, NewImage: marshall(image, { removeUndefinedValues: true }) as never },
    });
    const event = {
      Records: [record({ pk: 'REPORT#x', sk: 'REPORT', entity: 'report' }, '1'), record(item, '2')],
    } as unknown as DynamoDBStreamEvent;

    const failing: Mailer = {
      send: async () => Promise.reject(Object.assign(new Error('down'), { name: 'ServiceUnavailable' })),
    };
    expect(await processStream(deps(T0, { mailer: failing }), event)).toEqual({
      batchItemFailures: [{ itemIdentifier: '2' }],
    });
    expect((await getOutboxItem(deps(), String(item.id)))?.state).toBe('pending');

    expect(await processStream(deps(), event)).toEqual({ batchItemFailures: [] });
    expect((await getOutboxItem(deps(), String(item.id)))?.state).toBe('delivered');
    // the stream delivering twice (a retried batch) still sends once
    expect(await processStream(deps(), event)).toEqual({ batchItemFailures: [] });
    const forHealth = (await sentEmails({ to: healthBox })).filter((e) => e.body.text?.includes(c.id));
    expect(forHealth).toHaveLength(1);
  });
});
