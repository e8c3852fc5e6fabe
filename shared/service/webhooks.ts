// Sending signed webhooks (docs/webhooks.md). A case event reaches each
// endpoint that lists it as a Standard Webhooks POST (`webhook-id`,
// `webhook-timestamp`, `webhook-signature`) signed with the endpoint's
// secret by the `standardwebhooks` package. Each event × endpoint is its own
// delivery item (shared/store/webhooks.ts): claimed before the post, so two
// senders post once; a failure waits (retryDelayMinutes) for the retry sweep;
// after `maxAttempts` it is given up, with a metric and a log line. Endpoints
// are posted to in parallel, each with a short timeout, after the emails: a
// slow or failing receiver holds up neither the emails nor the other endpoints.
import { Webhook } from 'standardwebhooks';
import type { AppConfig } from '#config/schema';
import {
  type CaseEvent,
  caseEventFromNotice,
  overdueEventId,
  retryDelayMinutes,
  webhookMessageId,
  webhookPayload,
} from '#domain/webhooks';
import { getSecretString } from '#shared/aws/secrets';
import type { Deps } from '#shared/deps';
import { recordWebhookGivenUp } from '#shared/metrics';
import { logger } from '#shared/observability';
import type { OutboxItem } from '#store/outbox';
import { casesDueBetween } from '#store/summary';
import {
  type AttemptOutcome,
  claimWebhookDelivery,
  getWebhookDelivery,
  recordWebhookAttempt,
  webhookDeliveriesDue,
} from '#store/webhooks';

type Endpoint = AppConfig['webhooks']['endpoints'][number];

export interface WebhookTally {
  delivered: number;
  failed: number;
  givenUp: number;
  /** Not attempted: delivered already, waiting for its retry time, or in another sender's hands. */
  skipped: number;
}
const none = (): WebhookTally => ({ delivered: 0, failed: 0, givenUp: 0, skipped: 0 });
const sum = (ts: WebhookTally[]): WebhookTally =>
  ts.reduce(
    (a, b) => ({
      delivered: a.delivered + b.delivered,
      failed: a.failed + b.failed,
      givenUp: a.givenUp + b.givenUp,
      skipped: a.skipped + b.skipped,
    }),
    none(),
  );

/** Secrets by endpoint, read once per process (a Lambda's cold start) and kept; a failed read is retried next time. */
const secrets = new Map<string, Promise<string>>();

const secretOf = (deps: Deps, e: Endpoint): Promise<string> => {
  if ('value' in e.secret) return Promise.resolve(e.secret.value);
  const key = `${deps.config.region}/${e.secret.secretName}`;
  let found = secrets.get(key);
  if (!found) {
    found = getSecretString(e.secret.secretName, deps.config.region).then((s) => s.trim());
    found.catch(() => secrets.delete(key));
    secrets.set(key, found);
  }
  return found;
};

/** The request a receiver gets: the JSON body and the three Standard Webhooks headers. */
export const signedRequest = (secret: string, webhookId: string, body: string, at: Date) => ({
  body,
  headers: {
    'content-type': 'application/json',
    'user-agent': 'opinion-desk-webhooks/1',
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(webhookId, at, body),
  },
});

/** One POST; any 2xx is accepted. Network errors and timeouts are failures like a 5xx. */
const post = async (
  url: string,
  req: ReturnType<typeof signedRequest>,
  timeoutMs: number,
): Promise<{ ok: boolean; status: number | null; error: string }> => {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body is not needed; reading it frees the connection.
    await res.arrayBuffer().catch(() => undefined);
    return { ok: res.status >= 200 && res.status < 300, status: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error;
    const error = e.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : e.message;
    return { ok: false, status: null, error };
  }
};

/**
 * One attempt of `event` to `endpoint`, if this sender can claim it. The
 * signature's timestamp is the attempt's (receivers reject old ones); the
 * webhook-id is the event's for this endpoint, the same on every attempt.
 * `now` (the deps' clock) decides claims and retry times.
 */
const attempt = async (
  deps: Deps,
  endpoint: Endpoint | undefined,
  endpointId: string,
  eventId: string,
  event: CaseEvent,
  now: Date,
): Promise<WebhookTally> => {
  const { maxAttempts, timeoutMs } = deps.config.webhooks;
  const webhookId = webhookMessageId(eventId, endpointId);
  const d = { endpointId, eventId, webhookId, event };
  const claim = await claimWebhookDelivery(deps, d, now, timeoutMs);
  if (!claim.claimed) return { ...none(), skipped: 1 };

  let result: { ok: boolean; status: number | null; error: string };
  if (!endpoint) {
    result = { ok: false, status: null, error: 'the endpoint is no longer configured' };
  } else {
    try {
      const body = JSON.stringify(webhookPayload(event, deps.config));
      // Signed at the wall clock's time of sending: receivers check it against their own clocks.
      const req = signedRequest(await secretOf(deps, endpoint), webhookId, body, new Date());
      result = await post(endpoint.url, req, timeoutMs);
    } catch (err) {
      // The secret could not be read: an attempt that failed, tried again later.
      result = { ok: false, status: null, error: `no signing secret: ${(err as Error).message}` };
    }
  }

  let outcome: AttemptOutcome;
  if (result.ok) outcome = { kind: 'delivered', status: result.status ?? 200 };
  else if (!endpoint || claim.attempt >= maxAttempts)
    outcome = { kind: 'given-up', status: result.status, error: result.error };
  else
    outcome = {
      kind: 'failed',
      status: result.status,
      error: result.error,
      nextAttemptAt: new Date(now.getTime() + retryDelayMinutes(claim.attempt) * 60_000),
    };
  await recordWebhookAttempt(deps, d, claim.token, outcome, now);
  if (outcome.kind === 'given-up') {
    logger.error('webhook given up', {
      endpointId,
      webhookId,
      eventType: event.type,
      caseId: event.caseId,
      attempts: claim.attempt,
      error: result.error,
    });
    recordWebhookGivenUp(endpointId);
    return { ...none(), givenUp: 1 };
  }
  if (outcome.kind === 'failed') {
    logger.warn('webhook not delivered; will be retried', {
      endpointId,
      webhookId,
      attempts: claim.attempt,
      nextAttemptAt: outcome.nextAttemptAt.toISOString(),
      error: result.error,
    });
    return { ...none(), failed: 1 };
  }
  return { ...none(), delivered: 1 };
};

const subscribers = (config: AppConfig, event: CaseEvent): Endpoint[] =>
  config.webhooks.endpoints.filter((e) => e.events.includes(event.type));

/** Sends one event to every endpoint that takes it, in parallel. */
export const deliverCaseEvent = async (
  deps: Deps,
  eventId: string,
  event: CaseEvent,
  now: Date,
): Promise<WebhookTally> =>
  sum(
    await Promise.all(
      subscribers(deps.config, event).map((e) => attempt(deps, e, e.id, eventId, event, now)),
    ),
  );

/** The outbox item's event (its snapshot, or what its notice says), sent to its endpoints. */
export const deliverOutboxWebhooks = async (
  deps: Deps,
  item: OutboxItem,
  now: Date,
): Promise<WebhookTally> => {
  if (deps.config.webhooks.endpoints.length === 0) return none();
  const event = item.webhook ?? (item.notice ? caseEventFromNotice(item.notice, item.createdAt) : null);
  return event ? deliverCaseEvent(deps, item.id, event, now) : none();
};

/** The retry sweep: deliveries whose wait is over (or whose sender died mid-post), oldest first. */
export const retryWebhookDeliveries = async (deps: Deps, now: Date): Promise<WebhookTally> => {
  const due = await webhookDeliveriesDue(deps, now);
  const byId = new Map(deps.config.webhooks.endpoints.map((e) => [e.id, e]));
  return sum(
    await Promise.all(
      due.map((d) => attempt(deps, byId.get(d.endpointId), d.endpointId, d.eventId, d.event, now)),
    ),
  );
};

/** How far back the overdue check looks: a deadline missed longer ago than this is not announced late. */
export const OVERDUE_LOOKBACK_DAYS = 7;

/**
 * `case.overdue`, once per case and deadline: verifying cases whose deadline
 * has passed (casesDue index, no Scan). The event's time is the deadline, so
 * its delivery item is the same whichever run finds it first.
 */
export const sendOverdueWebhooks = async (
  deps: Deps,
  now: Date,
): Promise<WebhookTally & { cases: number }> => {
  const endpoints = deps.config.webhooks.endpoints.filter((e) => e.events.includes('case.overdue'));
  if (endpoints.length === 0) return { ...none(), cases: 0 };
  const due = await casesDueBetween(deps, new Date(now.getTime() - OVERDUE_LOOKBACK_DAYS * 86_400_000), now);
  const tallies: WebhookTally[] = [];
  for (const c of due) {
    if (c.status !== 'verifying' || !c.dueAt) continue;
    const event: CaseEvent = {
      type: 'case.overdue',
      at: new Date(c.dueAt).toISOString(),
      caseId: c.id,
      title: c.title,
      status: c.status,
      agencyId: c.agencyId,
      dueAt: c.dueAt,
      outcome: null,
    };
    const eventId = overdueEventId(c.id, c.dueAt);
    const fresh = [];
    // A read before the claim: an event announced already costs a read, not a failed conditional write.
    for (const e of endpoints) if (!(await getWebhookDelivery(deps, e.id, event.at, eventId))) fresh.push(e);
    tallies.push(...(await Promise.all(fresh.map((e) => attempt(deps, e, e.id, eventId, event, now)))));
  }
  return { ...sum(tallies), cases: due.length };
};

/** What the case-notifications job runs for webhooks: the overdue events, then the retries. */
export const runWebhookSweep = async (
  deps: Deps,
  now: Date,
): Promise<WebhookTally & { overdueCases: number }> => {
  if (deps.config.webhooks.endpoints.length === 0) return { ...none(), overdueCases: 0 };
  const overdue = await sendOverdueWebhooks(deps, now);
  const retried = await retryWebhookDeliveries(deps, now);
  return { ...sum([overdue, retried]), overdueCases: overdue.cases };
};
