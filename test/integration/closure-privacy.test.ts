// What a case's closure does to personal data, against DynamoDB Local and the
// local SES: each reporter's email names the case, never another reporter's
// report; a reporter's address is removed once their email is sent; a closed
// case, its history, its reports and their URL entries expire
// retention.closedCaseDays after closing, and a reopen takes that back.
import { randomUUID } from 'node:crypto';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import { addDays, epochSeconds } from '#domain/time';
import type { Principal } from '#http/principal';
import type { Mailer } from '#mail/mailer';
import { actOnCase, openCaseFor } from '#service/cases';
import { drainOutbox } from '#service/notifications';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { syncCaseRetention } from '#store/cases';
import { testTable } from '#test/support/aws';
import { aReport } from '#test/support/report-body';
import { storedItem } from '#test/support/stored';
import { emailsTo } from '#test/support/then';

const T0 = new Date('2026-11-26T02:00:00.000Z');
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };

let t: Awaited<ReturnType<typeof testTable>>;
let config: AppConfig;
const deps = (now: Date = T0, over: Partial<Deps> = {}) => t.deps({ clock: () => now, config, ...over });
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);
const drainNow = (now: Date, over: Partial<Deps> = {}) =>
  drainOutbox(deps(now, over), new Date(now.getTime() + 1), now);

const person = (name: string) => {
  const tag = randomUUID().slice(0, 8);
  return { sub: `${name}-${tag}`, email: `${name}-${tag}@example.org` };
};

const report = async (who: { sub: string; email: string }, title: string, url?: string) => {
  const res = await submitReport(
    deps(),
    { sub: who.sub, roles: ['reporter'], email: who.email },
    aReport({
      title,
      summary: 'Nhiều người chia sẻ trên mạng xã hội.',
      area: 'district-3',
      urgency: 'high',
      sourceUrls: url ? [url] : [],
      observedAt: '2026-11-26T01:00:00Z',
    }),
    undefined,
  );
  return (res.body as { id: string }).id;
};

const item = (pk: string, sk: string) => storedItem(t, { pk, sk });

const casePartition = async (caseId: string) =>
  (
    await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CASE#${caseId}` },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

/** Every item that lives and dies with the case: the case, its history, its reports and their URL entries. */
const caseItems = async (caseId: string) => {
  const partition = await casePartition(caseId);
  const c = partition.find((i) => i.sk === 'CASE')!;
  const reports = await Promise.all((c.reportIds as string[]).map((id) => item(`REPORT#${id}`, 'REPORT')));
  const urls = await Promise.all(
    reports.flatMap((r) =>
      ((r?.urlHashes as string[] | undefined) ?? []).map((h) => item(`URL#${h}`, `REPORT#${r?.id}`)),
    ),
  );
  return { partition, reports, urls, all: [...partition, ...reports, ...urls] };
};

const closeCase = async (caseId: string, version: number, now: Date) =>
  actOnCase(deps(now), desk, { id: caseId }, `"${version}"`, {
    action: 'close',
    outcome: 'clarified',
    note: 'Đã đăng thông cáo',
    evidenceUrl: 'https://example.org/thong-cao',
  });

beforeAll(async () => {
  t = await testTable();
  // Emails link to the console: each reporter's closure email links their own report there.
  config = { ...t.deps().config, links: { consoleUrl: 'https://console.example.org' } };
});

describe('closure emails name the case', () => {
  it("each reporter's email names the case title and holds no other reporter's report title", async () => {
    const [alice, bob] = [person('alice'), person('bob')];
    const aliceTitle = `Tin đồn cấm đường của Alice ${randomUUID().slice(0, 6)}`;
    const bobTitle = `Ảnh kẹt xe của Bob ${randomUUID().slice(0, 6)}`;
    const caseTitle = 'Cấm đường Nguyễn Thị Minh Khai dịp lễ';
    const ids = [await report(alice, aliceTitle), await report(bob, bobTitle)];
    const c = await openCaseFor(deps(), desk, { reportIds: ids, title: caseTitle });
    await closeCase(c.id, 1, minutes(1));
    expect((await drainNow(minutes(2))).sent).toBe(2);

    for (const [who, other, own, others] of [
      [alice, bobTitle, ids[0], ids[1]],
      [bob, aliceTitle, ids[1], ids[0]],
    ] as const) {
      const [email, ...more] = await emailsTo(who.email);
      expect(more).toEqual([]);
      const all = `${email?.subject}\n${email?.body.text}\n${email?.body.html}`;
      expect(email?.subject).toContain(caseTitle);
      expect(email?.body.text).toContain(caseTitle);
      expect(all).not.toContain(other);
      // The closing note is the desk's own; the reporter gets the outcome and the evidence.
      expect(all).not.toContain('Đã đăng thông cáo');
      expect(email?.body.text).toContain('https://example.org/thong-cao');
      // A link to their own report in the console, and none to the other reporter's.
      expect(email?.body.text).toContain(`https://console.example.org/reports/${own}`);
      expect(email?.body.html).toContain(`https://console.example.org/reports/${own}`);
      expect(all).not.toContain(others);
    }
  });

  it('a case titled after the first report (the default) does not show that title to the other reporter', async () => {
    const [alice, bob] = [person('alice'), person('bob')];
    const aliceTitle = `Tin đồn cấm đường của Alice ${randomUUID().slice(0, 6)}`;
    const bobTitle = `Ảnh kẹt xe của Bob ${randomUUID().slice(0, 6)}`;
    const ids = [await report(alice, aliceTitle), await report(bob, bobTitle)];
    const c = await openCaseFor(deps(), desk, { reportIds: ids }); // title defaults to Alice's
    expect(c.title).toBe(aliceTitle);
    await closeCase(c.id, 1, minutes(1));
    expect((await drainNow(minutes(2))).sent).toBe(2);

    const [toBob] = await emailsTo(bob.email);
    const bobSaw = `${toBob?.subject}\n${toBob?.body.text}\n${toBob?.body.html}`;
    expect(bobSaw).not.toContain(aliceTitle);
    expect(toBob?.subject).toContain('Hồ sơ từ phản ánh của anh/chị');
    expect(toBob?.body.text).toContain(c.id); // still identifiable by its reference
    const [toAlice] = await emailsTo(alice.email);
    expect(toAlice?.subject).toContain(aliceTitle); // her own words
    expect(`${toAlice?.body.text}\n${toAlice?.body.html}`).not.toContain(bobTitle);
  });
});

describe("reporters' addresses", () => {
  it('are removed from the reports once their closure email is sent; a reopened case closed again tells only new reporters', async () => {
    const [alice, bob, carol] = [person('alice'), person('bob'), person('carol')];
    const ids = [
      await report(alice, 'Tin thứ nhất'),
      await report(alice, 'Tin thứ hai'),
      await report(bob, 'Tin ba'),
    ];
    const c = await openCaseFor(deps(), desk, { reportIds: ids, title: 'Hồ sơ địa chỉ' });
    for (const id of ids) expect((await item(`REPORT#${id}`, 'REPORT'))?.reporterEmail).toBeTruthy();

    await closeCase(c.id, 1, minutes(1));
    // SES down: nothing sent, so every address is kept for the retry
    const failing: Mailer = {
      send: async () => Promise.reject(Object.assign(new Error('down'), { name: 'ServiceUnavailable' })),
    };
    expect((await drainNow(minutes(2), { mailer: failing })).failed).toBe(2);
    for (const id of ids) expect((await item(`REPORT#${id}`, 'REPORT'))?.reporterEmail).toBeTruthy();

    expect((await drainNow(minutes(3))).sent).toBe(2);
    for (const id of ids) expect(await item(`REPORT#${id}`, 'REPORT')).not.toHaveProperty('reporterEmail');
    expect(await emailsTo(alice.email)).toHaveLength(1);

    // reopen, link Carol's report, close again: Alice and Bob were told and have no address left
    await actOnCase(deps(minutes(4)), desk, { id: c.id }, '"2"', {
      action: 'reopen',
      reason: 'Có thông tin mới',
    });
    const carols = await report(carol, 'Tin của Carol');
    await actOnCase(deps(minutes(5)), desk, { id: c.id }, '"3"', {
      action: 'link-reports',
      reportIds: [carols],
    });
    await closeCase(c.id, 4, minutes(6));
    expect((await drainNow(minutes(7))).sent).toBe(1);
    expect(await emailsTo(carol.email)).toHaveLength(1);
    expect(await emailsTo(alice.email)).toHaveLength(1);
    expect(await emailsTo(bob.email)).toHaveLength(1);
    expect(await item(`REPORT#${carols}`, 'REPORT')).not.toHaveProperty('reporterEmail');
  });
});

describe('closed-case retention', () => {
  it('the case, its history, its reports and their URL entries expire closedAt + closedCaseDays; reopen clears it', async () => {
    const who = person('dan');
    const tag = randomUUID().slice(0, 8);
    const ids = [
      await report(who, 'Tin có đường dẫn', `https://example.org/${tag}/a`),
      await report(who, 'Tin thứ hai', `https://example.org/${tag}/b`),
    ];
    const c = await openCaseFor(deps(), desk, { reportIds: ids, title: 'Hồ sơ lưu trữ' });
    await actOnCase(deps(minutes(1)), desk, { id: c.id }, '"1"', {
      action: 'comment',
      note: 'Đang theo dõi',
    });
    const closedAt = minutes(2);
    const closed = await closeCase(c.id, 2, closedAt);
    expect(closed).not.toHaveProperty('expiresAt'); // never in the API
    const expected = epochSeconds(addDays(closedAt, config.retention.closedCaseDays));

    // in the action's own transaction: the case and the closing history entry
    const before = await caseItems(c.id);
    expect(before.partition.find((i) => i.sk === 'CASE')?.expiresAt).toBe(expected);
    expect(before.partition.find((i) => i.action === 'close')?.expiresAt).toBe(expected);

    // the follow-up the same transaction wrote: everything else
    await drainNow(minutes(3));
    const after = await caseItems(c.id);
    expect(after.partition).toHaveLength(4); // case + open, comment, close
    expect(after.reports).toHaveLength(2);
    expect(after.urls).toHaveLength(2);
    for (const i of after.all) expect(i?.expiresAt).toBe(expected);

    // a comment on the closed case expires with it
    await actOnCase(deps(minutes(4)), desk, { id: c.id }, '"3"', {
      action: 'comment',
      note: 'Ghi chú sau khi đóng',
    });
    expect(
      (await casePartition(c.id)).find((i) => i.action === 'comment' && i.version === 4)?.expiresAt,
    ).toBe(expected);

    // reopen: the case at once, the rest through its follow-up
    await actOnCase(deps(minutes(5)), desk, { id: c.id }, '"4"', { action: 'reopen', reason: 'Có tin mới' });
    expect((await casePartition(c.id)).find((i) => i.sk === 'CASE')).not.toHaveProperty('expiresAt');
    await drainNow(minutes(6));
    for (const i of (await caseItems(c.id)).all) expect(i).not.toHaveProperty('expiresAt');
  });

  it('a follow-up racing a reopen leaves nothing expiring on an open case', async () => {
    const who = person('eve');
    const ids = [await report(who, 'Tin đua', `https://example.org/${randomUUID()}`)];
    const c = await openCaseFor(deps(), desk, { reportIds: ids, title: 'Hồ sơ đua' });
    await closeCase(c.id, 1, minutes(1));

    // The seam: the reopen commits between the follow-up's read of the case and its write.
    const d = deps(minutes(2));
    const send = d.db.send.bind(d.db);
    const db = Object.create(d.db) as Deps['db'];
    let reopened = false;
    db.send = (async (command: unknown) => {
      if (command instanceof TransactWriteCommand && !reopened) {
        reopened = true;
        await actOnCase(deps(minutes(2)), desk, { id: c.id }, '"2"', { action: 'reopen', reason: 'đua' });
      }
      return send(command as never);
    }) as Deps['db']['send'];
    expect(await syncCaseRetention({ ...d, db }, c.id)).toBe('stale');
    expect(reopened).toBe(true);
    // the stale follow-up set nothing (without its check on the case, the report would now expire)
    const mid = await caseItems(c.id);
    for (const i of [...mid.reports, ...mid.urls]) expect(i).not.toHaveProperty('expiresAt');
    // the reopen's own follow-up clears what the close's transaction set (its history entry)
    await drainNow(minutes(3));
    for (const i of (await caseItems(c.id)).all) expect(i).not.toHaveProperty('expiresAt');
  });
});
