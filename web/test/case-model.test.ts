// The case page's pure parts: which actions it offers (the API's own table, per
// state and role), what a 412 says changed, the drafts per case and action, and
// the bodies the forms send (the due date in the configured zone).
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_RULES, CASE_STATUSES } from '#domain/case';
import {
  ACTION_ORDER,
  actionBody,
  allowedActions,
  type CaseDetail,
  caseChanges,
  changesSinceDraft,
  closeOutcomes,
  draftedAction,
  draftKey,
  dropDraft,
  initialFields,
  isOverdue,
  readDraft,
  withVersion,
  writeDraft,
} from '#web/src/pages/cases/case-model';

const ZONE = 'Asia/Ho_Chi_Minh';

const memoryStore = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    size: () => m.size,
  };
};

const base: CaseDetail = {
  id: '01JCASE0000000000000000000',
  title: 'Tin đồn nước máy Thủ Đức nhiễm khuẩn',
  summary: 'Nhiều bài đăng',
  category: 'health',
  area: 'thu-duc',
  priority: 'critical',
  status: 'open',
  agencyId: null,
  suggestedAgencyId: 'health-dept',
  dueAt: null,
  assignedAt: null,
  respondedAt: null,
  responseSeconds: null,
  finding: null,
  response: null,
  briefingId: null,
  outcome: null,
  evidenceUrl: null,
  reportIds: ['01JREPORT00000000000000001'],
  reportCount: 1,
  version: 1,
  openedAt: '2026-12-04T02:10:00.000Z',
  updatedAt: '2026-12-04T02:10:00.000Z',
  closedAt: null,
  tags: [],
  responseTemplate: null,
  overdue: false,
  history: [
    {
      at: '2026-12-04T02:10:00.000Z',
      by: 'desk-1',
      role: 'desk',
      action: 'open',
      from: null,
      to: 'open',
      note: null,
      details: {},
      version: 1,
    },
  ],
};

describe('the actions offered', () => {
  const table = CASE_ACTIONS.map((action) => ({ action, ...CASE_RULES[action] })).map((r) => ({
    ...r,
    who: [...r.who],
    from: [...r.from],
  }));

  it("offers the desk and the agency exactly what the API's table allows, state by state", () => {
    for (const status of CASE_STATUSES) {
      for (const [role, actor] of [
        ['desk', 'desk'],
        ['agency', 'assigned-agency'],
      ] as const) {
        const expected = CASE_ACTIONS.filter(
          (a) => CASE_RULES[a].who.includes(actor) && CASE_RULES[a].from.includes(status),
        );
        expect(new Set(allowedActions(table, status, role)), `${role} on ${status}`).toEqual(
          new Set(expected),
        );
      }
    }
  });

  it('offers the agency respond and comment on a verifying case, the desk assign/respond/flag/link/unlink/merge/comment', () => {
    expect(allowedActions(table, 'verifying', 'agency')).toEqual(['respond', 'comment']);
    expect(allowedActions(table, 'verifying', 'desk')).toEqual([
      'assign',
      'respond',
      'flag-briefing',
      'link-reports',
      'unlink-report',
      'merge',
      'tag',
      'comment',
    ]);
    expect(allowedActions(table, 'closed', 'desk')).toEqual(['reopen', 'tag', 'comment']);
    expect(allowedActions(table, 'closed', 'agency')).toEqual(['comment']);
    expect(allowedActions(table, 'open', 'reporter')).toEqual([]);
  });

  it('ignores an action the console has no form for (a newer API)', () => {
    expect(
      allowedActions(
        [...table, { action: 'escalate', who: ['desk'], from: ['open'], to: null }],
        'open',
        'desk',
      ),
    ).not.toContain('escalate');
    expect(ACTION_ORDER).toHaveLength(CASE_ACTIONS.length);
  });
});

describe('what changed (412)', () => {
  it('names the fields that differ and the history written since the version shown', () => {
    const after: CaseDetail = {
      ...base,
      status: 'verifying',
      agencyId: 'health-dept',
      dueAt: '2026-12-06T10:00:00.000Z',
      version: 3,
      history: [
        ...base.history,
        {
          ...base.history[0]!,
          action: 'comment',
          note: 'Đã gọi',
          version: 2,
          at: '2026-12-04T03:00:00.000Z',
        },
        {
          ...base.history[0]!,
          action: 'assign',
          from: 'open',
          to: 'verifying',
          details: { agencyId: 'health-dept', dueAt: '2026-12-06T10:00:00.000Z' },
          version: 3,
          at: '2026-12-04T03:05:00.000Z',
        },
      ],
    };
    const changes = caseChanges(base, after);
    expect(changes.fields).toEqual([
      { field: 'status', before: 'open', after: 'verifying' },
      { field: 'agencyId', before: null, after: 'health-dept' },
      { field: 'dueAt', before: null, after: '2026-12-06T10:00:00.000Z' },
    ]);
    expect(changes.entries.map((e) => e.action)).toEqual(['comment', 'assign']);
  });

  it('reports no field change for a comment, only the new entry', () => {
    const after = {
      ...base,
      version: 2,
      history: [...base.history, { ...base.history[0]!, action: 'comment' as const, version: 2 }],
    };
    const changes = caseChanges(base, after);
    expect(changes.fields).toEqual([]);
    expect(changes.entries).toHaveLength(1);
  });
});

describe('drafts', () => {
  it('are kept per case and action', () => {
    expect(draftKey('A', 'assign')).toBe('od.case-draft:A:assign');
    expect(draftKey('A', 'assign')).not.toBe(draftKey('B', 'assign'));
    expect(draftKey('A', 'assign')).not.toBe(draftKey('A', 'close'));
  });

  it('survive a reload and are dropped when sent or emptied', () => {
    const store = memoryStore();
    writeDraft(
      'A',
      'close',
      { outcome: 'clarified', evidenceUrl: 'https://x.gov.vn/a', note: 'Đã đính chính' },
      store,
    );
    expect(readDraft('A', 'close', store)).toEqual({
      outcome: 'clarified',
      evidenceUrl: 'https://x.gov.vn/a',
      note: 'Đã đính chính',
    });
    expect(readDraft('B', 'close', store)).toBeUndefined();
    expect(draftedAction('A', ['assign', 'close', 'comment'], store)).toBe('close');
    expect(draftedAction('A', ['assign', 'comment'], store)).toBeUndefined();
    dropDraft('A', 'close', store);
    expect(readDraft('A', 'close', store)).toBeUndefined();
    writeDraft('A', 'comment', { note: 'x' }, store);
    writeDraft('A', 'comment', { note: '  ' }, store);
    expect(store.size()).toBe(0);
  });

  it('note the version they were typed against, and say what happened since after a reload', () => {
    const store = memoryStore();
    writeDraft('A', 'comment', withVersion({ note: '' }, 1), store);
    expect(store.size()).toBe(0);
    writeDraft('A', 'comment', withVersion({ note: 'Đã gọi' }, 1), store);
    const draft = readDraft('A', 'comment', store);
    expect(changesSinceDraft(base, draft).entries).toEqual([]);
    const later = {
      ...base,
      version: 2,
      history: [...base.history, { ...base.history[0]!, action: 'comment' as const, version: 2 }],
    };
    expect(changesSinceDraft(later, draft).entries.map((e) => e.version)).toEqual([2]);
    expect(changesSinceDraft(later, { note: 'no version' }).entries).toEqual([]);
    expect(actionBody('comment', draft ?? {}, ZONE)).toEqual({ action: 'comment', note: 'Đã gọi' });
  });

  it('ignore what is not a draft', () => {
    const store = memoryStore();
    store.setItem(draftKey('A', 'comment'), '{not json');
    expect(readDraft('A', 'comment', store)).toBeUndefined();
    store.setItem(draftKey('A', 'comment'), JSON.stringify({ note: 'ok', n: 3 }));
    expect(readDraft('A', 'comment', store)).toEqual({ note: 'ok' });
  });

  it('start the assign form on the suggested agency, unless the user chose another', () => {
    expect(initialFields('assign', base).agencyId).toBe('health-dept');
    expect(initialFields('assign', base, { agencyId: 'police', dueAt: '', note: '' }).agencyId).toBe(
      'police',
    );
  });
});

describe('request bodies', () => {
  it('turns the due date picked in local time into the instant in the configured zone', () => {
    expect(
      actionBody('assign', { agencyId: 'health-dept', dueAt: '2026-12-06T17:00', note: '' }, ZONE),
    ).toEqual({
      action: 'assign',
      agencyId: 'health-dept',
      dueAt: '2026-12-06T10:00:00.000Z',
    });
  });

  it('leaves out empty optional fields and sends empty required ones for the API to name', () => {
    expect(actionBody('close', { outcome: 'unfounded', evidenceUrl: ' ', note: 'Không đúng' }, ZONE)).toEqual(
      {
        action: 'close',
        outcome: 'unfounded',
        note: 'Không đúng',
      },
    );
    expect(actionBody('respond', { finding: '', response: '' }, ZONE)).toEqual({
      action: 'respond',
      finding: '',
      response: '',
    });
    expect(actionBody('flag-briefing', { briefingId: '' }, ZONE)).toEqual({
      action: 'flag-briefing',
      briefingId: null,
    });
    expect(actionBody('tag', { add: ' Ngập lụt, giá xăng ;', remove: '' }, ZONE)).toEqual({
      action: 'tag',
      add: ['Ngập lụt', 'giá xăng'],
    });
    expect(
      actionBody('respond', { finding: 'f', response: 'r', templateId: 'T1', templateVersion: '3' }, ZONE),
    ).toEqual({ action: 'respond', finding: 'f', response: 'r', template: { id: 'T1', version: 3 } });
    expect(actionBody('link-reports', { reportIds: 'A, B\nC' }, ZONE)).toEqual({
      action: 'link-reports',
      reportIds: ['A', 'B', 'C'],
    });
  });
});

describe('overdue', () => {
  it('is a verifying case past its deadline, never a responded one', () => {
    const now = Date.parse('2026-12-07T00:00:00Z');
    expect(isOverdue({ status: 'verifying', dueAt: '2026-12-06T10:00:00Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'responded', dueAt: '2026-12-06T10:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'verifying', dueAt: '2026-12-08T10:00:00Z' }, now)).toBe(false);
  });
});

describe('merge and unlink forms', () => {
  it('sends the chosen case with the version the form read, and the report with its reason', () => {
    expect(
      actionBody(
        'merge',
        { intoCaseId: '01JZCASE000000000000000002', intoVersion: '4', note: ' ' },
        'Asia/Ho_Chi_Minh',
      ),
    ).toEqual({ action: 'merge', intoCaseId: '01JZCASE000000000000000002', intoVersion: 4 });
    expect(
      actionBody(
        'unlink-report',
        { reportId: '01JZ0000000000000000000001', reason: ' Khác ' },
        'Asia/Ho_Chi_Minh',
      ),
    ).toEqual({ action: 'unlink-report', reportId: '01JZ0000000000000000000001', reason: 'Khác' });
  });

  it('never offers `merged` on close: only the merge action sets it', () => {
    expect(closeOutcomes(['clarified', 'merged', 'no-action'])).toEqual(['clarified', 'no-action']);
  });
});
