// Driving a case over HTTP produces the right emails in the local SES store,
// once each: assign → the agency, respond → the desk, close → the reporters.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '#infra/config/index';
import { type OutboxStream, startOutboxStream } from '#infra/local/outbox-stream';
import { testEndpoints } from '#test/support/aws';
import { startTestApi, type TestApi } from '#test/support/local-api';
import { sentEmails, waitForEmails } from '#test/support/mail';
import { aReport } from '#test/support/report-body';

const tag = randomUUID().slice(0, 8);
const agencyBox = `transport-${tag}@example.org`;
const deskBox = `desk-${tag}@example.org`;
const reporterA = `reporter-a-${tag}@example.org`;
const reporterB = `reporter-b-${tag}@example.org`;

let api: TestApi;
let stream: OutboxStream;

beforeAll(async () => {
  const base = loadAppConfig('dev');
  const config = {
    ...base,
    deskList: [{ email: deskBox, locale: 'vi' as const }],
    agencies: base.agencies.map((a) => (a.id === 'transport-dept' ? { ...a, emails: [agencyBox] } : a)),
  };
  api = await startTestApi({ deps: { config } });
  // What `npm start` runs in-process: the table's stream to the outbox sender.
  stream = await startOutboxStream(api.deps, {
    endpoint: testEndpoints().dynamodbEndpoint,
    region: 'ap-southeast-1',
  });
});
afterAll(async () => {
  await stream?.stop();
  await api?.stop();
});

const post = async (path: string, token: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as { id: string; version: number };
};

describe('notifications over the local stack', () => {
  it('assign → agency, respond → desk, close → each reporter, once each', async () => {
    const a = await api.token('reporter', { user: 'rep-a', email: reporterA });
    const b = await api.token('reporter', { user: 'rep-b', email: reporterB });
    const desk = await api.token('desk', { user: 'desk-9' });
    const agency = await api.token('agency', { user: 'officer-9', agency: 'transport-dept' });
    const report = (token: string) =>
      post(
        '/reports',
        token,
        aReport({
          title: 'Tin đồn cấm xe máy vào trung tâm từ tháng sau',
          summary: 'Bài đăng kèm số 0909 123 456 kêu gọi phản đối.',
          area: 'district-1',
          urgency: 'critical',
        }),
      );
    const ids = [(await report(a)).id, (await report(a)).id, (await report(b)).id];
    const c = await post('/cases', desk, { reportIds: ids });

    await post(
      `/cases/${c.id}/actions`,
      desk,
      {
        action: 'assign',
        agencyId: 'transport-dept',
        dueAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
      },
      { 'if-match': '"1"' },
    );
    const [assigned] = await waitForEmails({ to: agencyBox });
    expect(assigned?.body.text).toContain(c.id);
    expect(assigned?.body.text).not.toContain('0909 123 456');

    await post(
      `/cases/${c.id}/actions`,
      agency,
      { action: 'respond', finding: 'Không có quyết định nào như vậy', response: 'Sở sẽ đăng thông cáo' },
      { 'if-match': '"2"' },
    );
    await waitForEmails({ to: deskBox });

    await post(
      `/cases/${c.id}/actions`,
      desk,
      {
        action: 'close',
        outcome: 'clarified',
        note: 'Đã có thông cáo',
        evidenceUrl: 'https://sgtvt.example.gov.vn/thong-cao',
      },
      { 'if-match': '"3"' },
    );
    await waitForEmails({ to: reporterA });
    await waitForEmails({ to: reporterB });

    // give the stream reader a few more polls: nothing more may arrive
    await new Promise((r) => setTimeout(r, 800));
    expect(await sentEmails({ to: agencyBox })).toHaveLength(1);
    expect(await sentEmails({ to: deskBox })).toHaveLength(1);
    expect(await sentEmails({ to: reporterA })).toHaveLength(1); // two reports, one email
    expect(await sentEmails({ to: reporterB })).toHaveLength(1);
    const [closure] = await sentEmails({ to: reporterA });
    expect(closure?.body.html).toContain('https://sgtvt.example.gov.vn/thong-cao');
    expect(closure?.body.html).not.toContain(reporterB);
  });
});
