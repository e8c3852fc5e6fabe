// Cases against DynamoDB Local: the opening transaction, the conditional
// action write under a race, and random action sequences checked against a
// tiny reference model of the actions table in docs/cases.md.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseStatus } from '#domain/case';
import { DomainError, PreconditionFailed } from '#domain/errors';
import type { Principal } from '#http/principal';
import { actOnCase, openCaseFor, readCase } from '#service/cases';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { onIndex } from '#store/query';
import { testTable } from '#test/support/aws';

const NOW = new Date('2026-11-26T03:00:00.000Z');
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };
const police: Principal = { sub: 'officer-1', roles: ['agency'], agencyId: 'police' };
const health: Principal = { sub: 'nurse-1', roles: ['agency'], agencyId: 'health-dept' };
const reporter: Principal = { sub: 'field-1', roles: ['reporter'], email: 'field-1@example.org' };

let t: Awaited<ReturnType<typeof testTable>>;
let deps: Deps;

beforeAll(async () => {
  t = await testTable();
  deps = t.deps({ clock: () => NOW });
});

const newReport = async () => {
  const res = await submitReport(
    deps,
    reporter,
    {
      title: 'Tin đồn cắt nước toàn quận',
      summary: 'Bài đăng lan truyền nói sẽ cắt nước 3 ngày.',
      category: 'public-order',
      area: 'district-1',
      channel: 'social',
      sentiment: 'negative',
      urgency: 'critical',
      observedAt: '2026-11-26T02:00:00Z',
    },
    undefined,
  );
  return (res.body as { id: string }).id;
};

const statusOf = async (e: unknown): Promise<number> => {
  if (e instanceof DomainError) return e.status;
  throw e;
};
const attempt = async (fn: () => Promise<unknown>): Promise<number> => {
  try {
    await fn();
    return 200;
  } catch (e) {
    return statusOf(e);
  }
};

const rawItem = async (pk: string, sk: string) =>
  (await t.db.send(new GetCommand({ TableName: t.tableName, Key: { pk, sk }, ConsistentRead: true }))).Item;

describe('opening a case', () => {
  it('links every report in the same transaction and keeps reportCount true', async () => {
    const ids = [await newReport(), await newReport(), await newReport()];
    const c = await openCaseFor(deps, desk, { reportIds: ids, title: 'Tin đồn cắt nước' });
    expect(c).toMatchObject({
      status: 'open',
      reportCount: 3,
      version: 1,
      suggestedAgencyId: 'district-1-pc',
      priority: 'critical',
    });
    for (const id of ids) {
      expect(await rawItem(`REPORT#${id}`, 'REPORT')).toMatchObject({
        status: 'linked',
        caseId: c.id,
        version: 2,
      });
    }
    const detail = await readCase(deps, desk, { id: c.id });
    expect(detail.history).toHaveLength(1);
    expect(detail.reportIds).toEqual(ids);
  });

  it('writes nothing when one report is already linked to another case (409)', async () => {
    const taken = await newReport();
    const first = await openCaseFor(deps, desk, { reportIds: [taken] });
    const fresh = await newReport();
    const before = await rawItem(`REPORT#${fresh}`, 'REPORT');
    const status = await attempt(() => openCaseFor(deps, desk, { reportIds: [fresh, taken] }));
    expect(status).toBe(409);
    expect(await rawItem(`REPORT#${fresh}`, 'REPORT')).toEqual(before);
    expect(await rawItem(`REPORT#${taken}`, 'REPORT')).toMatchObject({ caseId: first.id });
    const cases = await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        ...onIndex('casesNewest', {}, false),
        KeyConditionExpression: '#ipk = :p',
        ExpressionAttributeValues: { ':p': 'CASE' },
      }),
    );
    expect((cases.Items ?? []).some((c) => c.id === first.id)).toBe(true);
    expect((cases.Items ?? []).filter((c) => (c.reportIds as string[]).includes(fresh))).toHaveLength(0);
  });

  it('lets only one of two racing cases take a report, even past the pre-check', async () => {
    const contested = await newReport();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => attempt(() => openCaseFor(deps, desk, { reportIds: [contested] }))),
    );
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
  });

  it('refuses unknown reports with 400 naming them', async () => {
    const status = await attempt(() =>
      openCaseFor(deps, desk, { reportIds: ['01JZ0000000000000000000009'] }),
    );
    expect(status).toBe(400);
  });
});

describe('concurrent actions on one version', () => {
  it('20 writers with the same version: one wins, 19 get 412, history grows by exactly one', async () => {
    const c = await openCaseFor(deps, desk, { reportIds: [await newReport()] });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        actOnCase(deps, desk, { id: c.id }, `"${c.version}"`, { action: 'comment', note: `writer ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(19);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(PreconditionFailed);
      expect((r.reason as PreconditionFailed).extensions.currentVersion).toBe(2);
    }
    const detail = await readCase(deps, desk, { id: c.id });
    expect(detail.version).toBe(2);
    expect(detail.history).toHaveLength(2);
  });
});

// The reference model: docs/cases.md's actions table, written here again on purpose.
type Who = 'desk' | 'agency';
const MODEL: Record<string, { who: Who[]; from: CaseStatus[]; to: CaseStatus | null }> = {
  assign: { who: ['desk'], from: ['open', 'verifying', 'responded'], to: 'verifying' },
  respond: { who: ['agency', 'desk'], from: ['verifying'], to: 'responded' },
  close: { who: ['desk'], from: ['open', 'responded'], to: 'closed' },
  reopen: { who: ['desk'], from: ['closed'], to: 'open' },
  comment: { who: ['desk', 'agency'], from: ['open', 'verifying', 'responded', 'closed'], to: null },
  'flag-briefing': { who: ['desk'], from: ['open', 'verifying', 'responded'], to: null },
  'link-reports': { who: ['desk'], from: ['open', 'verifying', 'responded'], to: null },
};

interface ModelState {
  status: CaseStatus;
  version: number;
  history: number;
  agencyId: string | null;
  reportCount: number;
}

const stepArb = fc.record({
  action: fc.constantFrom(...Object.keys(MODEL)),
  caller: fc.constantFrom('desk', 'police', 'health'),
  agency: fc.constantFrom('police', 'health-dept'),
  outcome: fc.constantFrom('clarified', 'corrected', 'resolved', 'unfounded', 'no-action'),
  withEvidence: fc.boolean(),
  stale: fc.boolean(),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

const bodyOf = async (s: Step): Promise<Record<string, unknown>> => {
  switch (s.action) {
    case 'assign':
      return { action: 'assign', agencyId: s.agency, dueAt: '2026-12-01T03:00:00Z' };
    case 'respond':
      return { action: 'respond', finding: 'Đã xác minh', response: 'Thông tin sai' };
    case 'close':
      return {
        action: 'close',
        outcome: s.outcome,
        note: 'Đóng',
        ...(s.withEvidence ? { evidenceUrl: 'https://gov.example/x' } : {}),
      };
    case 'reopen':
      return { action: 'reopen', reason: 'Lại xuất hiện' };
    case 'comment':
      return { action: 'comment', note: 'Ghi chú' };
    case 'flag-briefing':
      return { action: 'flag-briefing', briefingId: null };
    default:
      return { action: 'link-reports', reportIds: [await newReport()] };
  }
};

/** What the model says a step answers, and the state after it. */
const expectStep = (m: ModelState, s: Step): { status: number; next: ModelState } => {
  const callerAgency = s.caller === 'police' ? 'police' : s.caller === 'health' ? 'health-dept' : null;
  const who: Who = callerAgency ? 'agency' : 'desk';
  if (callerAgency && callerAgency !== m.agencyId) return { status: 404, next: m };
  if (s.stale) return { status: 412, next: m };
  const rule = MODEL[s.action]!;
  if (!rule.who.includes(who)) return { status: 403, next: m };
  if (!rule.from.includes(m.status)) return { status: 409, next: m };
  if (s.action === 'close' && (s.outcome === 'clarified' || s.outcome === 'corrected') && !s.withEvidence) {
    return { status: 400, next: m };
  }
  return {
    status: 200,
    next: {
      status: rule.to ?? m.status,
      version: m.version + 1,
      history: m.history + 1,
      agencyId: s.action === 'assign' ? s.agency : m.agencyId,
      reportCount: m.reportCount + (s.action === 'link-reports' ? 1 : 0),
    },
  };
};

describe('random action sequences agree with the reference model', () => {
  it('states, versions, history length and report counts', async () => {
    const principals: Record<string, Principal> = { desk, police, health };
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
        const c = await openCaseFor(deps, desk, { reportIds: [await newReport()] });
        let model: ModelState = { status: 'open', version: 1, history: 1, agencyId: null, reportCount: 1 };
        for (const s of steps) {
          const expected = expectStep(model, s);
          const version = s.stale ? model.version - 1 : model.version;
          const body = await bodyOf(s);
          const got = await attempt(() =>
            actOnCase(deps, principals[s.caller]!, { id: c.id }, `"${version}"`, body),
          );
          expect(got, `${s.caller} ${s.action} from ${model.status}`).toBe(expected.status);
          model = expected.next;
        }
        const stored = await readCase(deps, desk, { id: c.id });
        expect({
          status: stored.status,
          version: stored.version,
          history: stored.history.length,
          agencyId: stored.agencyId,
          reportCount: stored.reportCount,
        }).toEqual(model);
        expect(stored.history.map((h) => h.version)).toEqual(
          Array.from({ length: model.history }, (_, i) => i + 1),
        );
      }),
      { seed: 20261126, numRuns: 25 },
    );
  });
});
