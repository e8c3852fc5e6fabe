// The permission manifest (functions/permissions.ts) against what the functions
// really send: every HTTP route, every job and the outbox sender run against
// DynamoDB Local, each function with its own store client whose recording
// middleware notes each command's IAM action and target (the table or a GSI;
// a transaction by its items' actions). Every recorded action must be in that
// function's row, so a store call added to a code path without its grant fails
// here even where the bundle reading in permissions.test.ts cannot tell (a
// Query on the table versus a GSI).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '#domain/time';
import { processStream } from '#functions/events/outbox-stream';
import { createHandler as briefingsHandler } from '#functions/http/briefings';
import { createHandler as casesHandler } from '#functions/http/cases';
import { createHandler as filesHandler } from '#functions/http/files';
import { createHandler as metaHandler } from '#functions/http/meta';
import { createHandler as reportsHandler } from '#functions/http/reports';
import { createHandler as summariesHandler } from '#functions/http/summaries';
import { run as runBriefingReminders } from '#functions/jobs/briefing-reminders';
import { run as runCaseNotifications } from '#functions/jobs/case-notifications';
import { run as runDailySummary } from '#functions/jobs/daily-summary';
import { run as runWatchdog } from '#functions/jobs/daily-summary-watchdog';
import { run as runPeriodicSummary } from '#functions/jobs/periodic-summary';
import {
  eventPermissions,
  type FunctionPermissions,
  httpPermissions,
  jobPermissions,
} from '#functions/permissions';
import { type HandlerGroup, routeKey, routes } from '#functions/routes';
import type { ScheduleName } from '#functions/schedules';
import type { Deps } from '#shared/deps';
import { createDocumentClient } from '#store/client';
import { onIndex } from '#store/query';
import { testTable } from '#test/support/aws';
import { jpegWithGps } from '#test/support/evidence-images';
import { startTestApi, type TestApi } from '#test/support/local-api';
import { aReport } from '#test/support/report-body';

type FunctionName = HandlerGroup | ScheduleName | 'outbox-stream';
const rows: Record<FunctionName, FunctionPermissions> = {
  ...httpPermissions,
  ...jobPermissions,
  ...eventPermissions,
};

/** `Action @ table` or `Action @ index`, per function, as the store client saw them. */
const recorded = new Map<FunctionName, Set<string>>();

const TRANSACT_ITEM_ACTIONS: Readonly<Record<string, string>> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
};

/** The IAM actions one low-level DynamoDB request needs, each with its target. */
const actionsOf = (commandName: string, input: Record<string, unknown>): string[] => {
  const operation = commandName.replace(/Command$/, '');
  if (operation === 'TransactWriteItems') {
    return ((input.TransactItems ?? []) as Record<string, unknown>[]).flatMap((item) =>
      Object.keys(item).map((k) => `${TRANSACT_ITEM_ACTIONS[k] ?? k} @ table`),
    );
  }
  return [`${operation} @ ${input.IndexName ? 'index' : 'table'}`];
};

const recordingClient = (name: FunctionName, settings: { region: string; endpoint: string }) => {
  const db: DynamoDBDocumentClient = createDocumentClient({ ...settings, timeoutMs: 2000 });
  const seen = recorded.get(name) ?? new Set<string>();
  recorded.set(name, seen);
  db.middlewareStack.add(
    (next, context) => async (args) => {
      for (const a of actionsOf(context.commandName ?? '?', args.input as Record<string, unknown>))
        seen.add(a);
      return next(args);
    },
    { step: 'initialize', name: 'recordIamActions' },
  );
  return db;
};

const allowed = (row: FunctionPermissions): string[] => [
  ...row.table.map((a) => `${a} @ table`),
  ...row.indexes.map((a) => `${a} @ index`),
];

let api: TestApi;
let table: Awaited<ReturnType<typeof testTable>>;
const clients: DynamoDBDocumentClient[] = [];
const requested = new Set<string>();
const tokens: Record<string, string> = {};

const depsFor = (name: FunctionName, overrides: Partial<Deps> = {}): Deps => {
  const db = recordingClient(name, { region: table.settings.region, endpoint: table.endpoint });
  clients.push(db);
  return table.deps({ db, ...overrides });
};

type Json = Record<string, unknown>;
const call = async (
  method: 'GET' | 'POST',
  path: string,
  route: string,
  who: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  requested.add(`${method} ${route}`);
  const h: Record<string, string> = { ...headers };
  if (who) h.authorization = `Bearer ${tokens[who]}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: h,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return { headers: res.headers, json: (text && isJson ? JSON.parse(text) : undefined) as Json };
};

const HOUR = 3_600_000;

beforeAll(async () => {
  table = await testTable('iam');
  // The API's handlers, each group with deps of its own (one function each on AWS).
  api = await startTestApi({
    handlers: {
      meta: metaHandler(depsFor('meta')),
      reports: reportsHandler(depsFor('reports')),
      cases: casesHandler(depsFor('cases')),
      summaries: summariesHandler(depsFor('summaries')),
      briefings: briefingsHandler(depsFor('briefings')),
      files: filesHandler(depsFor('files')),
    },
  });
  // The API made its own table; the handlers and jobs here use `table`, so the API's stays empty.
  tokens.reporter = await api.token('reporter', { user: 'field-1', email: 'field-1@example.org' });
  tokens.desk = await api.token('desk', { user: 'desk-1' });
  tokens.agency = await api.token('agency', { user: 'officer-1', agency: 'health-dept' });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await api?.stop();
  table?.db.destroy();
});

describe('what each function sends is in its row of the permission manifest', () => {
  it('every route, every job and the outbox sender, exercised', async () => {
    const now = new Date();
    const today = localDay(now, table.settings.config.timeZone);

    await call('GET', '/', '/', null);
    await call('GET', '/health', '/health', null);
    await call('GET', '/openapi.json', '/openapi.json', null);
    await call('GET', '/docs', '/docs', null);
    await call('GET', '/reference', '/reference', 'desk');

    const submit = (title: string, key?: string) =>
      call(
        'POST',
        '/reports',
        '/reports',
        'reporter',
        aReport({
          title,
          summary: 'Phụ huynh chia sẻ tin nhắn nói trường đóng cửa vì dịch.',
          category: 'health',
          urgency: 'high',
          sourceUrls: ['https://zalo.example/post/77'],
          observedAt: new Date(now.getTime() - 600_000).toISOString(),
        }),
        key ? { 'idempotency-key': key } : {},
      );
    const r1 = (await submit('Tin đồn dịch sốt xuất huyết ở trường học', 'iam-key-1')).json.id as string;
    const r2 = (await submit('Tin nhắn về đóng cửa trường lan rộng')).json.id as string;
    const r3 = (await submit('Một tin khác cùng nguồn')).json.id as string;
    await call('GET', '/reports', '/reports', 'reporter');
    await call('GET', `/reports?date=${today}&urgency=high`, '/reports', 'desk');
    await call('GET', `/reports.csv?date=${today}`, '/reports.csv', 'desk');
    await call('GET', `/reports/${r1}`, '/reports/{id}', 'reporter');
    await call('GET', `/reports/${r2}/similar`, '/reports/{id}/similar', 'desk');
    await call('POST', `/reports/${r3}/actions`, '/reports/{id}/actions', 'desk', {
      action: 'dismiss',
      reason: 'duplicate of an earlier post',
    });
    await call('POST', `/reports/${r3}/actions`, '/reports/{id}/actions', 'desk', { action: 'restore' });
    await call('POST', '/reports/actions', '/reports/actions', 'desk', {
      action: 'dismiss',
      reason: 'x',
      ids: [r3],
    });
    await call('POST', '/reports/actions', '/reports/actions', 'desk', { action: 'restore', ids: [r3] });

    const briefing = await call('POST', '/briefings', '/briefings', 'desk', {
      title: 'Họp báo về dịch bệnh',
      startsAt: new Date(now.getTime() + 20 * HOUR).toISOString(),
      invitees: ['press@example.org'],
    });
    const briefingId = briefing.json.id as string;

    const opened = await call('POST', '/cases', '/cases', 'desk', { reportIds: [r1, r2], title: 'Tin đồn' });
    const caseId = opened.json.id as string;
    let version = 1;
    const act = async (who: string, body: unknown) => {
      await call('POST', `/cases/${caseId}/actions`, '/cases/{id}/actions', who, body, {
        'if-match': `"${version}"`,
      });
      version++;
    };
    await act('desk', {
      action: 'assign',
      agencyId: 'health-dept',
      dueAt: new Date(now.getTime() + 12 * HOUR).toISOString(),
    });
    await act('desk', { action: 'flag-briefing', briefingId });

    // Evidence files on a report and on the case: the form, the upload to the local S3 server
    // (as a browser posts it), the confirm (the transaction), the lists.
    const photo = await jpegWithGps();
    const attach = async (owner: string, route: string, who: string) => {
      const form = await call('POST', `${owner}/files`, `${route}/files`, who, {
        name: 'anh.jpg',
        type: 'image/jpeg',
        size: photo.length,
      });
      const upload = form.json.upload as { url: string; fields: Record<string, string> };
      const data = new FormData();
      for (const [k, v] of Object.entries(upload.fields)) data.append(k, v);
      data.append('file', new Blob([photo], { type: 'image/jpeg' }), 'anh.jpg');
      const posted = await fetch(upload.url, { method: 'POST', body: data });
      await posted.arrayBuffer();
      expect(posted.status).toBeLessThan(300);
      await call(
        'POST',
        `${owner}/files/${form.json.fileId as string}/confirm`,
        `${route}/files/{fileId}/confirm`,
        who,
      );
      await call('GET', `${owner}/files`, `${route}/files`, who);
    };
    await attach(`/reports/${r1}`, '/reports/{id}', 'reporter');
    await attach(`/cases/${caseId}`, '/cases/{id}', 'desk');
    await call('GET', '/cases', '/cases', 'agency');
    await call('GET', '/cases?overdue=true', '/cases', 'desk');
    await call('GET', '/cases?status=verifying&category=health&area=go-vap', '/cases', 'desk');
    await call('GET', '/cases.csv?status=verifying', '/cases.csv', 'desk');
    await call('GET', `/cases/${caseId}`, '/cases/{id}', 'agency');
    // The agency attaches to its own case too (its transaction checks the case's status and agency).
    await attach(`/cases/${caseId}`, '/cases/{id}', 'agency');
    await call('GET', '/briefings', '/briefings', 'agency');
    await call('GET', `/briefings/${briefingId}`, '/briefings/{id}', 'desk');

    // The stream sender delivers one outbox item before the sweep takes the rest.
    const pending = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        ...onIndex('outboxPending', {}, false),
        KeyConditionExpression: '#ipk = :p',
        ExpressionAttributeValues: { ':p': 'OUTBOX#PENDING' },
      }),
    );
    expect(pending.Items?.length).toBeGreaterThan(0);
    const event = {
      Records: [
        {
          eventName: 'INSERT',
          dynamodb: {
            SequenceNumber: '1',
            NewImage: marshall(pending.Items![0]!, { removeUndefinedValues: true }) as Record<
              string,
              AttributeValue
            >,
          },
        },
      ],
    } as unknown as DynamoDBStreamEvent;
    expect(await processStream(depsFor('outbox-stream'), event)).toEqual({ batchItemFailures: [] });

    // Response templates (served by the case function), a tag, the tag filter; the response cites the template.
    const template = await call('POST', '/templates', '/templates', 'desk', {
      category: 'health',
      title: 'Đã kiểm tra với Sở Y tế',
      text: { vi: 'Không có dịch.', en: 'There is no outbreak.' },
    });
    const templateId = template.json.id as string;
    await call(
      'POST',
      `/templates/${templateId}/actions`,
      '/templates/{id}/actions',
      'desk',
      { action: 'edit', title: 'Đã kiểm tra với ngành y tế' },
      { 'if-match': '"1"' },
    );
    await call('GET', '/templates?category=health', '/templates', 'agency');
    await call('GET', `/templates/${templateId}`, '/templates/{id}', 'desk');
    await act('desk', { action: 'tag', add: ['Dịch bệnh'] });
    await call('GET', '/cases?tag=dich%20benh', '/cases', 'desk');
    await act('agency', {
      action: 'respond',
      finding: 'Đã kiểm tra',
      response: 'Không có dịch',
      template: { id: templateId, version: 2 },
    });
    await act('desk', {
      action: 'close',
      outcome: 'clarified',
      note: 'Đã đăng thông cáo',
      evidenceUrl: 'https://example.org/thong-cao',
    });
    await call('POST', `/briefings/${briefingId}/actions`, '/briefings/{id}/actions', 'desk', {
      action: 'invite',
      emails: ['tv@example.org'],
    });
    await call('POST', `/briefings/${briefingId}/actions`, '/briefings/{id}/actions', 'desk', {
      action: 'reschedule',
      startsAt: new Date(now.getTime() + 21 * HOUR).toISOString(),
    });
    await call('GET', `/summaries/daily?date=${today}`, '/summaries/daily', 'desk');
    await call('GET', '/summaries/weekly', '/summaries/weekly', 'desk');
    await call('GET', '/summaries/monthly', '/summaries/monthly', 'desk');
    await call('GET', '/webhooks', '/webhooks', 'desk');

    // The summary of a day is sent once the day has ended: run it a day later, for today.
    const nextDay = new Date(now.getTime() + 24 * HOUR);
    expect((await runDailySummary(depsFor('daily-summary'), { now: nextDay, date: today })).failed).toBe(0);
    expect(await runWatchdog(depsFor('daily-summary-watchdog'), { now: nextDay, date: today })).toMatchObject(
      {
        failed: 0,
      },
    );
    // This week's report, run once the week has ended (a clarified case: its reports are read by key).
    expect(
      (
        await runPeriodicSummary(depsFor('periodic-summary'), {
          now: new Date(now.getTime() + 8 * 24 * HOUR),
          period: 'week',
          date: today,
        })
      ).failed,
    ).toBe(0);
    const sweep = await runCaseNotifications(depsFor('case-notifications'), {
      now: new Date(now.getTime() + HOUR),
    });
    expect(sweep.outboxItems).toBeGreaterThan(0);
    expect((await runBriefingReminders(depsFor('briefing-reminders'), { now })).sent).toBeGreaterThan(0);
    await call('POST', `/briefings/${briefingId}/actions`, '/briefings/{id}/actions', 'desk', {
      action: 'cancel',
      reason: 'Hoãn',
    });

    // Every route was called, and every function sent something.
    expect([...requested].sort()).toEqual(routes.map(routeKey).sort());
    expect(
      [...recorded].filter(([, seen]) => seen.size > 0).map(([name]) => name),
      'functions that sent nothing',
    ).toEqual(expect.arrayContaining(Object.keys(rows)));
    expect(recorded.size).toBe(Object.keys(rows).length);
    const outside = Object.fromEntries(
      [...recorded].map(([name, seen]) => [name, [...seen].filter((a) => !allowed(rows[name]).includes(a))]),
    );
    expect(outside).toEqual(Object.fromEntries([...recorded.keys()].map((name) => [name, []])));
  });

  it('records a transaction by its items and a query by its target', () => {
    expect(
      actionsOf('TransactWriteItemsCommand', {
        TransactItems: [{ Put: {} }, { Update: {} }, { ConditionCheck: {} }],
      }),
    ).toEqual(['PutItem @ table', 'UpdateItem @ table', 'ConditionCheckItem @ table']);
    expect(actionsOf('QueryCommand', { IndexName: 'gsi1' })).toEqual(['Query @ index']);
    expect(actionsOf('QueryCommand', {})).toEqual(['Query @ table']);
    expect(actionsOf('GetItemCommand', {})).toEqual(['GetItem @ table']);
  });
});
