// Signed webhooks, the pure parts: which actions cause which event, the
// payload (ids, titles, statuses, links; nothing of a reporter), the message id
// that stays the same across retries, the retry schedule, the signature a
// standard verifier accepts, the config's rules for secrets, and the SigV4
// request that reads a secret on AWS.
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '#config/schema';
import type { Case } from '#domain/case';
import {
  caseEventForAction,
  caseEventFromNotice,
  caseEventOf,
  overdueEventId,
  retryDelayMinutes,
  webhookMessageId,
  webhookPayload,
  webhookPayloadSchema,
} from '#domain/webhooks';
import { dev } from '#infra/config/dev';
import { prod } from '#infra/config/prod';
import { signedRequest } from '#service/webhooks';
import { signedHeaders } from '#shared/aws/secrets';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const at = new Date('2026-12-05T03:00:00.000Z');
const aCase: Case = {
  id: '01KBQ7ZZZZZZZZZZZZZZZZZZZZ',
  title: 'Tin đồn ngập đường',
  summary: 'Bạn tôi, số 0912 345 678, nói rằng…',
  category: 'transport',
  area: 'district-1',
  priority: 'high',
  status: 'verifying',
  agencyId: 'police',
  suggestedAgencyId: null,
  dueAt: '2026-12-07T10:00:00.000Z',
  assignedAt: at.toISOString(),
  respondedAt: null,
  responseSeconds: null,
  finding: 'Một phần đúng',
  response: 'Đã khơi thông',
  briefingId: null,
  outcome: null,
  evidenceUrl: null,
  reportIds: ['01KBQ7AAAAAAAAAAAAAAAAAAAA'],
  reportCount: 1,
  version: 2,
  openedAt: at.toISOString(),
  updatedAt: at.toISOString(),
  tags: [],
  responseTemplate: null,
  closedAt: null,
};

describe('case events', () => {
  it('assign, respond and close cause one; comments, links, flags and reopens none', () => {
    expect(caseEventForAction('assign', aCase, at)?.type).toBe('case.assigned');
    expect(caseEventForAction('respond', aCase, at)?.type).toBe('case.responded');
    expect(caseEventForAction('close', aCase, at)?.type).toBe('case.closed');
    for (const a of ['comment', 'link-reports', 'flag-briefing', 'reopen'] as const)
      expect(caseEventForAction(a, aCase, at)).toBeNull();
  });

  it('an outbox item without a snapshot is announced from its notice; a nudge is not an event', () => {
    expect(
      caseEventFromNotice(
        {
          kind: 'case-closed',
          caseId: 'c',
          title: 't',
          outcome: 'resolved',
          evidenceUrl: null,
          note: 'n',
          reportIds: [],
        },
        at.toISOString(),
      ),
    ).toMatchObject({ type: 'case.closed', status: 'closed', outcome: 'resolved' });
    expect(
      caseEventFromNotice(
        {
          kind: 'deadline-nudge',
          caseId: 'c',
          title: 't',
          agencyId: 'a',
          dueAt: 'x',
          step: 'reminder',
          audience: 'agency',
          workingDaysLeft: 1,
          pastDue: false,
        },
        'x',
      ),
    ).toBeNull();
  });

  it('the payload carries ids, title, statuses and links, and nothing of the reports or who sent them', () => {
    const body = webhookPayload(caseEventOf('case.assigned', aCase, at), {
      links: { consoleUrl: 'https://desk.example.org/' },
    });
    expect(webhookPayloadSchema.parse(body)).toEqual({
      type: 'case.assigned',
      timestamp: at.toISOString(),
      data: {
        caseId: aCase.id,
        title: aCase.title,
        status: 'verifying',
        agencyId: 'police',
        dueAt: aCase.dueAt,
        outcome: null,
        links: { console: `https://desk.example.org/cases/${aCase.id}`, api: null },
      },
    });
    const text = JSON.stringify(body);
    for (const leak of ['0912', aCase.summary, aCase.finding!, aCase.response!, aCase.reportIds[0]!])
      expect(text).not.toContain(leak);
  });

  it('the message id is one per event and endpoint; an overdue event is one per case and deadline', () => {
    expect(webhookMessageId('01KB', 'chat')).toBe('msg_01KB_chat');
    expect(webhookMessageId('01KB', 'chat')).not.toBe(webhookMessageId('01KB', 'other'));
    expect(overdueEventId('c1', '2026-12-07T10:00:00Z')).toBe(
      overdueEventId('c1', '2026-12-07T17:00:00+07:00'),
    );
    expect(overdueEventId('c1', '2026-12-07T10:00:00Z')).not.toBe(
      overdueEventId('c1', '2026-12-08T10:00:00Z'),
    );
  });

  it('retries wait 5, 10, 20 … minutes, at most 12 hours', () => {
    expect([1, 2, 3, 4, 8, 20].map(retryDelayMinutes)).toEqual([5, 10, 20, 40, 640, 720]);
  });
});

describe('the signature', () => {
  it('is what the Standard Webhooks library verifies, and a changed byte fails it', () => {
    const req = signedRequest(SECRET, 'msg_1_chat', '{"type":"case.opened"}', new Date());
    expect(req.headers['webhook-signature']).toMatch(/^v1,/);
    expect(new Webhook(SECRET).verify(req.body, req.headers)).toEqual({ type: 'case.opened' });
    expect(() => new Webhook(SECRET).verify('{"type":"case.closed"}', req.headers)).toThrow();
    expect(() =>
      new Webhook(SECRET).verify(req.body, { ...req.headers, 'webhook-id': 'msg_2_chat' }),
    ).toThrow();
  });
});

describe('webhook config', () => {
  const endpoint = (secret: unknown, url = 'https://hooks.example.org/x') => ({
    webhooks: { endpoints: [{ id: 'chat', url, events: ['case.opened'], secret }] },
  });

  it('is empty by default, with 8 attempts and a 5 s timeout', () => {
    expect(parseAppConfig(dev, 'dev').webhooks).toEqual({ endpoints: [], maxAttempts: 8, timeoutMs: 5000 });
  });

  it('takes a secret in the file in dev only; elsewhere a Secrets Manager name, over https', () => {
    expect(
      parseAppConfig({ ...dev, ...endpoint({ value: SECRET }, 'http://127.0.0.1:8790/') }, 'dev').webhooks
        .endpoints,
    ).toHaveLength(1);
    expect(() => parseAppConfig({ ...prod, ...endpoint({ value: SECRET }) }, 'prod')).toThrow(/secretName/);
    expect(() =>
      parseAppConfig({ ...prod, ...endpoint({ secretName: 'a/b' }, 'http://x.example.org/') }, 'prod'),
    ).toThrow(/must be https outside dev/);
    expect(
      parseAppConfig({ ...prod, ...endpoint({ secretName: 'opinion-desk/prod/chat' }) }, 'prod').webhooks
        .endpoints[0]?.secret,
    ).toEqual({
      secretName: 'opinion-desk/prod/chat',
    });
  });

  it('refuses a secret that is not a whsec_ value, an unknown event and repeated ids', () => {
    expect(() => parseAppConfig({ ...dev, ...endpoint({ value: 'hunter2' }) }, 'dev')).toThrow(
      /webhooks\.endpoints\.0\.secret/,
    );
    expect(() =>
      parseAppConfig(
        {
          ...dev,
          webhooks: {
            endpoints: [
              {
                id: 'chat',
                url: 'https://x.example.org',
                events: ['case.deleted'],
                secret: { value: SECRET },
              },
            ],
          },
        },
        'dev',
      ),
    ).toThrow(/events/);
    const one = {
      id: 'chat',
      url: 'https://x.example.org',
      events: ['case.opened'],
      secret: { value: SECRET },
    };
    expect(() => parseAppConfig({ ...dev, webhooks: { endpoints: [one, one] } }, 'dev')).toThrow(
      /ids must be unique/,
    );
  });
});

describe('reading a secret on AWS', () => {
  // The signature is the one the SDK's own signer (@smithy/signature-v4, applyChecksum off) gives this request.
  it('signs GetSecretValue with SigV4 over the exact headers it sends', () => {
    const h = signedHeaders(
      {
        host: 'secretsmanager.ap-southeast-1.amazonaws.com',
        region: 'ap-southeast-1',
        service: 'secretsmanager',
        target: 'secretsmanager.GetSecretValue',
        body: '{"SecretId":"a/b"}',
        now: new Date('2026-12-05T03:04:05.678Z'),
      },
      {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
        sessionToken: 'tok',
      },
    );
    expect(h['x-amz-date']).toBe('20261205T030405Z');
    expect(h.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261205\/ap-southeast-1\/secretsmanager\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=4aa979770e9aea29f57b910e82068c849027f0af34a958fd779e7b763069c40d$/,
    );
    expect(h['x-amz-security-token']).toBe('tok');
  });
});
