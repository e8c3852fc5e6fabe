// What the submission benchmarks send: a report like the README's walk-through
// (one source URL, an Idempotency-Key), unique per request so that no two
// share a URL or a key, and the API Gateway event the handler gets for it.
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { buildHttpEvent, matchRoute } from '#infra/local/server';

const RUN = randomUUID().slice(0, 8);

export interface SubmissionOptions {
  /** Without: no source URL (no duplicate lookup). */
  withUrl?: boolean;
}

export const submissionBody = (n: number, now: Date, o: SubmissionOptions = {}) => ({
  title: `Ngập nước đường số ${n} sau mưa lớn`,
  summary: 'Nhiều người chia sẻ ảnh xe chết máy, hỏi khi nào công trình chống ngập hoàn thành.',
  category: 'transport',
  area: 'binh-thanh',
  channel: 'social',
  sentiment: 'negative',
  urgency: 'high',
  sourceUrls:
    o.withUrl === false ? [] : [`https://www.facebook.com/groups/example/posts/${RUN}-${n}?utm_source=share`],
  observedAt: new Date(now.getTime() - 60_000).toISOString(),
  reach: 12000,
});

export const idempotencyKeyOf = (n: number): string => `bench-${RUN}-${n}`;

/** POST /reports as API Gateway hands it to the function, with a reporter's verified claims. */
export const postReportEvent = (
  body: string,
  idempotencyKey: string | undefined,
  sub = 'bench-reporter',
): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const match = matchRoute('POST', '/reports');
  if (!match) throw new Error('POST /reports is not in the route manifest');
  return buildHttpEvent({
    method: 'POST',
    url: '/reports',
    rawHeaders: [
      'host',
      'api.bench.local',
      'content-type',
      'application/json',
      ...(idempotencyKey ? ['idempotency-key', idempotencyKey] : []),
    ],
    body: Buffer.from(body),
    sourceIp: '127.0.0.1',
    match,
    claims: { sub, 'cognito:groups': ['reporter'], email: `${sub}@example.org`, token_use: 'id' },
    requestId: randomUUID(),
    now: new Date(),
  });
};
