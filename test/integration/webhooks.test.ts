// Signed webhooks against DynamoDB Local and a receiver on loopback that
// verifies every delivery with the Standard Webhooks library: each case event
// arrives signed, a failure is retried with the same webhook-id, racing
// senders post once, a slow receiver holds up nobody, and nothing about the
// reporter leaves.
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import { webhookPayloadSchema } from '#domain/webhooks';
import { run as sweep } from '#functions/jobs/case-notifications';
import type { Principal } from '#http/principal';
import { actOnCase, openCaseFor } from '#service/cases';
import { deliverOutboxItem, drainOutbox } from '#service/notifications';
import { submitReport } from '#service/reports';
import { deliverCaseEvent } from '#service/webhooks';
import { webhooksFor } from '#service/webhooks-view';
import type { Deps } from '#shared/deps';
import { getOutboxItem, pendingOutboxItems } from '#store/outbox';
import { claimWebhookDelivery, getWebhookDelivery, recentWebhookDeliveries } from '#store/webhooks';
import { testTable } from '#test/support/aws';
import { aReport } from '#test/support/report-body';
import { type Receiver, startWebhookReceiver } from '#test/support/webhook-receiver';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const tag = randomUUID().slice(0, 8);
const reporterEmail = `reporter-${tag}@example.org`;
const T0 = new Date('2026-11-26T02:00:00.000Z');
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };
const police: Principal = { sub: 'officer-1', roles: ['agency'], agencyId: 'police' };
const ALL = ['case.opened', 'case.assigned', 'case.responded', 'case.closed', 'case.overdue'] as const;

let t: Awaited<ReturnType<typeof testTable>>;
let rx: Receiver;
let config: AppConfig;
const deps = (now: Date = T0, over: Partial<Deps> = {}): Deps =>
  t.deps({ clock: () => now, config, ...over });
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);
const drain = (now: Date) => drainOutbox(deps(now), new Date(now.getTime() + 1), now);
const at = (path: string) => rx.received.filter((r) => r.path === path);
const eventsAt = (path: string) =>
  at(path).map((r) => JSON.parse(r.body) as { type: string; data: { caseId: string } });

const newReport = async (title: string) => {
  const res = await submitReport(
    deps(),
    { sub: `reporter-${tag}`, roles: ['reporter'], email: reporterEmail },
    aReport({ title, summary: 'Số điện thoại 0912 345 678 của tôi.', observedAt: '2026-11-26T01:00:00Z' }),
    undefined,
  );
  return (res.body as { id: string }).id;
};

beforeAll(async () => {
  t = await testTable('webhooks');
  rx = await startWebhookReceiver(SECRET);
  const endpoint = (id: string, events: readonly (typeof ALL)[number][] = ALL) => ({
    id,
    url: rx.url(`/${id}`),
    events: [...events],
    secret: { value: SECRET },
  });
  const base = t.deps().config;
  config = {
    ...base,
    links: { consoleUrl: 'https://desk.example.org', apiUrl: 'https://api.example.org' },
    webhooks: {
      maxAttempts: 3,
      timeoutMs: 400,
      endpoints: [endpoint('chat'), endpoint('closures', ['case.closed']), endpoint('slow', ['case.closed'])],
    },
  };
});
afterAll(async () => rx?.close());

describe('signed webhooks from the outbox', () => {
  it('open, assign, respond, close and overdue arrive signed, once each, with no reporter data', async () => {
    const c = await openCaseFor(deps(), desk, { reportIds: [await newReport('Tin đồn ngập đường')] });
    await drain(T0);
    await actOnCase(deps(), desk, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'police',
      dueAt: '2026-11-27T03:00:00Z',
    });
    await drain(T0);
    // The deadline passes: the sweep announces it once, however often it runs.
    await sweep(deps(minutes(26 * 60)), { now: minutes(26 * 60) });
    await sweep(deps(minutes(26 * 60 + 5)), { now: minutes(26 * 60 + 5) });
    await actOnCase(deps(minutes(27 * 60)), police, { id: c.id }, '"2"', {
      action: 'respond',
      finding: 'Một phần đúng',
      response: 'Đã khơi thông',
    });
    await drain(minutes(27 * 60));
    rx.delayMs.set('/slow', 2000);
    await actOnCase(deps(minutes(28 * 60)), desk, { id: c.id }, '"3"', {
      action: 'close',
      outcome: 'resolved',
      note: 'Xong',
    });
    await drain(minutes(28 * 60));

    const mine = eventsAt('/chat').filter((e) => e.data.caseId === c.id);
    expect(mine.map((e) => e.type)).toEqual([
      'case.opened',
      'case.assigned',
      'case.overdue',
      'case.responded',
      'case.closed',
    ]);
    for (const r of at('/chat')) {
      expect(r.verified).toBe(true);
      expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      // Exactly the documented shape: ids, title, statuses, links.
      const body = webhookPayloadSchema.parse(JSON.parse(r.body));
      expect(body.data.links.console).toBe(`https://desk.example.org/cases/${c.id}`);
      for (const leak of [reporterEmail, `reporter-${tag}`, '0912 345 678', 'submittedBy', 'Một phần đúng'])
        expect(r.body).not.toContain(leak);
    }
    const closed = JSON.parse(at('/chat').at(-1)!.body);
    expect(closed.data).toMatchObject({ status: 'closed', outcome: 'resolved', caseId: c.id });
    // An endpoint gets only what it lists; the slow one timed out without holding up the others.
    expect(eventsAt('/closures').map((e) => e.type)).toEqual(['case.closed']);
    const slow = (await recentWebhookDeliveries(deps(), 'slow', 5))[0];
    expect(slow).toMatchObject({ state: 'failed', attempts: 1, lastError: 'timed out after 400 ms' });
    expect((await recentWebhookDeliveries(deps(), 'closures', 5))[0]).toMatchObject({ state: 'delivered' });
    // Every outbox item is delivered even with a webhook waiting for its retry.
    expect(await pendingOutboxItems(deps(), minutes(30 * 60))).toEqual([]);
    rx.delayMs.delete('/slow');
  });

  it('a merge announces the merged case as case.closed with outcome merged', async () => {
    const from = await openCaseFor(deps(), desk, { reportIds: [await newReport('Tin đồn cắt điện Gò Vấp')] });
    const into = await openCaseFor(deps(), desk, { reportIds: [await newReport('Gò Vấp sắp mất điện')] });
    await actOnCase(deps(), desk, { id: from.id }, '"1"', {
      action: 'merge',
      intoCaseId: into.id,
      intoVersion: into.version,
    });
    await drain(T0);
    const closures = eventsAt('/closures').filter((e) => e.data.caseId === from.id);
    expect(closures.map((e) => e.type)).toEqual(['case.closed']);
    const body = webhookPayloadSchema.parse(JSON.parse(at('/closures').at(-1)!.body));
    expect(body.data).toMatchObject({ caseId: from.id, status: 'closed', outcome: 'merged' });
    expect(at('/closures').at(-1)!.verified).toBe(true);
  });

  it('a receiver answering 500 then 200 gets the event twice with the same webhook-id, then it is delivered', async () => {
    const before = at('/chat').length;
    rx.answers.set('/chat', [500]);
    const c = await openCaseFor(deps(), desk, { reportIds: [await newReport('Tin đồn mất điện')] });
    await drain(T0);
    const mine = async () =>
      (await recentWebhookDeliveries(deps(), 'chat', 20)).find((d) => d.caseId === c.id);
    const first = await mine();
    expect(first).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 500, caseId: c.id });
    expect(first?.nextAttemptAt).toBe(minutes(5).toISOString());

    await sweep(deps(minutes(2)), { now: minutes(2) }); // too early: waits
    expect(at('/chat').length).toBe(before + 1);
    await sweep(deps(minutes(6)), { now: minutes(6) });
    const tries = at('/chat').slice(before);
    expect(tries.map((r) => r.status)).toEqual([500, 200]);
    expect(tries[0]?.headers['webhook-id']).toBe(tries[1]?.headers['webhook-id']);
    expect(tries.every((r) => r.verified)).toBe(true);
    expect(await mine()).toMatchObject({
      state: 'delivered',
      attempts: 2,
    });
    await sweep(deps(minutes(60)), { now: minutes(60) });
    expect(at('/chat').length).toBe(before + 2);
  });

  it('two senders racing on one outbox item post once', async () => {
    const c = await openCaseFor(deps(), desk, { reportIds: [await newReport('Tin đồn sạt lở')] });
    const [item] = (await pendingOutboxItems(deps(), minutes(1))).filter((i) => i.webhook?.caseId === c.id);
    expect(item).toBeDefined();
    await Promise.all([deliverOutboxItem(deps(), item!, T0), deliverOutboxItem(deps(), item!, T0)]);
    expect(eventsAt('/chat').filter((e) => e.data.caseId === c.id)).toHaveLength(1);
    expect((await getOutboxItem(deps(), item!.id))?.state).toBe('delivered');
  });

  it('gives up after maxAttempts and stops retrying', async () => {
    rx.answers.set('/chat', [503, 503, 503, 503]);
    const event = {
      type: 'case.opened' as const,
      at: minutes(100).toISOString(),
      caseId: `case-${tag}`,
      title: 'x',
      status: 'open',
      agencyId: null,
      dueAt: null,
      outcome: null,
    };
    const eventId = `ev-${tag}`;
    await deliverCaseEvent(deps(minutes(100)), eventId, event, minutes(100));
    await sweep(deps(minutes(106)), { now: minutes(106) });
    const third = await sweep(deps(minutes(200)), { now: minutes(200) });
    expect((third.webhooks as { givenUp: number }).givenUp).toBe(1);
    const d = await getWebhookDelivery(deps(), 'chat', event.at, eventId);
    expect(d).toMatchObject({ state: 'given-up', attempts: 3, lastStatus: 503 });
    const count = at('/chat').length;
    await sweep(deps(minutes(2000)), { now: minutes(2000) });
    expect(at('/chat').length).toBe(count);
    rx.answers.delete('/chat');
  });

  it('a sender that died mid-post leaves a claim the sweep takes over once its lease ends', async () => {
    const event = {
      type: 'case.opened' as const,
      at: minutes(300).toISOString(),
      caseId: `crashed-${tag}`,
      title: 'x',
      status: 'open',
      agencyId: null,
      dueAt: null,
      outcome: null,
    };
    const d = { endpointId: 'chat', eventId: `crash-${tag}`, webhookId: `msg_crash-${tag}_chat`, event };
    expect((await claimWebhookDelivery(deps(), d, minutes(300), 400)).claimed).toBe(true);
    const before = at('/chat').length;
    await sweep(deps(minutes(300.5)), { now: minutes(300.5) }); // the lease (timeout + 60 s) still runs
    expect(at('/chat').length).toBe(before);
    await sweep(deps(minutes(302)), { now: minutes(302) });
    expect(
      at('/chat')
        .slice(before)
        .map((r) => r.headers['webhook-id']),
    ).toEqual([d.webhookId]);
    expect(await getWebhookDelivery(deps(), 'chat', event.at, d.eventId)).toMatchObject({
      state: 'delivered',
      attempts: 2,
    });
  });

  it('GET /webhooks shows the endpoints by host and events, never the secret, with their latest deliveries', async () => {
    const view = await webhooksFor(deps(), { endpoint: 'chat', limit: '3' });
    expect(view.maxAttempts).toBe(3);
    expect(view.endpoints.map((e) => [e.id, e.host, e.events.length])).toEqual([
      ['chat', new URL(rx.url('/')).host, 5],
    ]);
    expect(view.endpoints[0]?.deliveries).toHaveLength(3);
    const all = JSON.stringify(await webhooksFor(deps(), {}));
    expect(all).not.toContain('whsec_');
    expect(all).not.toContain('/chat');
    expect(all).toContain('"given-up"');
    await expect(webhooksFor(deps(), { limit: '0' })).rejects.toMatchObject({ status: 400 });
    await expect(webhooksFor(deps(), { secret: 'x' })).rejects.toMatchObject({ status: 400 });
  });

  it('a tampered body fails verification', () => {
    const r = at('/chat').find((x) => x.verified)!;
    const wh = new Webhook(SECRET);
    expect(() => wh.verify(r.body, r.headers)).not.toThrow();
    const tampered = r.body.replace('"case.', '"case.x');
    expect(() => wh.verify(tampered, r.headers)).toThrow();
    expect(() => new Webhook('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').verify(r.body, r.headers)).toThrow();
  });
});
