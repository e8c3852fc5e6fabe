import { describe, expect, it } from 'vitest';
import {
  type Actor,
  actorFor,
  allowedActions,
  applyCaseAction,
  CASE_ACTIONS,
  CASE_STATUSES,
  type Case,
  type CaseAction,
  type CaseActionName,
  type CaseStatus,
  caseActionSchema,
  isOverdue,
  openCase,
  suggestAgency,
  transition,
} from '#domain/case';
import { BadRequest, Conflict, Forbidden } from '#domain/errors';
import { loadAppConfig } from '#infra/config/index';

const config = loadAppConfig('dev');
const now = new Date('2026-11-26T03:00:00.000Z');

// docs/cases.md "States and actions", written out independently of CASE_RULES: action → [who, from, to].
const CONTRACT: Record<
  CaseActionName,
  [Actor[], CaseStatus[] | 'any' | 'any-but-closed', CaseStatus | null]
> = {
  assign: [['desk'], ['open', 'verifying', 'responded'], 'verifying'],
  respond: [['assigned-agency', 'desk'], ['verifying'], 'responded'],
  close: [['desk'], ['open', 'responded'], 'closed'],
  reopen: [['desk'], ['closed'], 'open'],
  comment: [['desk', 'assigned-agency'], 'any', null],
  'link-reports': [['desk'], 'any-but-closed', null],
  'flag-briefing': [['desk'], 'any-but-closed', null],
  'unlink-report': [['desk'], 'any-but-closed', null],
  merge: [['desk'], 'any-but-closed', 'closed'],
  tag: [['desk'], 'any', null],
};
const fromOf = (f: CaseStatus[] | 'any' | 'any-but-closed'): CaseStatus[] =>
  f === 'any' ? [...CASE_STATUSES] : f === 'any-but-closed' ? CASE_STATUSES.filter((s) => s !== 'closed') : f;

describe('the case state machine, exhaustively', () => {
  const actors: Actor[] = ['desk', 'assigned-agency'];
  for (const status of CASE_STATUSES) {
    for (const action of CASE_ACTIONS) {
      for (const actor of actors) {
        const [who, from, to] = CONTRACT[action];
        it(`${status} × ${action} × ${actor}`, () => {
          const result = transition(status, action, actor);
          if (!who.includes(actor)) {
            expect(result).toEqual({ ok: false, error: { kind: 'forbidden', action } });
          } else if (!fromOf(from).includes(status)) {
            expect(result).toMatchObject({ ok: false, error: { kind: 'illegal', status } });
          } else {
            expect(result).toEqual({ ok: true, to: to ?? status });
          }
        });
      }
    }
  }

  it('lists the allowed actions per state and actor', () => {
    expect(allowedActions('open', 'desk')).toEqual([
      'assign',
      'close',
      'comment',
      'link-reports',
      'flag-briefing',
      'unlink-report',
      'merge',
      'tag',
    ]);
    expect(allowedActions('verifying', 'assigned-agency')).toEqual(['respond', 'comment']);
    expect(allowedActions('closed', 'desk')).toEqual(['reopen', 'comment', 'tag']);
    expect(allowedActions('closed', 'assigned-agency')).toEqual(['comment']);
  });
});

describe('who is who towards a case', () => {
  it('desk sees all; an agency only the cases assigned to it; others nothing', () => {
    expect(actorFor({ roles: ['desk'] }, { agencyId: null })).toBe('desk');
    expect(actorFor({ roles: ['agency'], agencyId: 'police' }, { agencyId: 'police' })).toBe(
      'assigned-agency',
    );
    expect(actorFor({ roles: ['agency'], agencyId: 'police' }, { agencyId: 'health-dept' })).toBeNull();
    expect(actorFor({ roles: ['agency'] }, { agencyId: null })).toBeNull();
    expect(actorFor({ roles: ['reporter'] }, { agencyId: 'police' })).toBeNull();
  });
});

const baseCase = (): Case =>
  openCase(
    config,
    { reportIds: ['01JZ0000000000000000000001'] },
    [
      {
        id: '01JZ0000000000000000000001',
        title: 'Ngập',
        summary: 'S',
        category: 'public-order',
        area: 'district-1',
        urgency: 'high',
      },
    ],
    { id: '01JZCASE000000000000000001', by: 'desk-1', now },
  ).opened;

const act = (c: Case, action: CaseAction, actor: Actor = 'desk', at = now) =>
  applyCaseAction(c, action, { actor, by: 'u', now: at });

describe('applying actions', () => {
  it('opens with defaults from the first report and a routing suggestion', () => {
    const c = baseCase();
    expect(c).toMatchObject({
      status: 'open',
      version: 1,
      priority: 'high',
      reportCount: 1,
      suggestedAgencyId: 'district-1-pc',
    });
    expect(suggestAgency(config, 'public-order', 'go-vap')).toBe('police');
    expect(suggestAgency(config, 'other', 'go-vap')).toBeNull();
  });

  it('records assignment, time to response, closure and reopening', () => {
    const assigned = act(baseCase(), {
      action: 'assign',
      agencyId: 'police',
      dueAt: '2026-11-28T03:00:00Z',
    }).next;
    expect(assigned).toMatchObject({
      status: 'verifying',
      agencyId: 'police',
      dueAt: '2026-11-28T03:00:00.000Z',
      version: 2,
    });
    const later = new Date(now.getTime() + 90 * 60_000);
    const { next: responded, entry } = act(
      assigned,
      { action: 'respond', finding: 'F', response: 'R' },
      'assigned-agency',
      later,
    );
    expect(responded).toMatchObject({
      status: 'responded',
      responseSeconds: 5400,
      finding: 'F',
      response: 'R',
    });
    expect(entry).toMatchObject({
      action: 'respond',
      from: 'verifying',
      to: 'responded',
      role: 'agency',
      version: 3,
    });
    const closed = act(responded, {
      action: 'close',
      outcome: 'clarified',
      note: 'Đã đăng',
      evidenceUrl: 'https://gov.example/x',
    }).next;
    expect(closed).toMatchObject({ status: 'closed', outcome: 'clarified', closedAt: now.toISOString() });
    const reopened = act(closed, { action: 'reopen', reason: 'new posts' }).next;
    expect(reopened).toMatchObject({
      status: 'open',
      outcome: null,
      closedAt: null,
      evidenceUrl: null,
      version: 5,
    });
  });

  it('needs evidence for clarified and corrected, not for the other outcomes', () => {
    const c = baseCase();
    for (const outcome of ['clarified', 'corrected'] as const) {
      expect(() => act(c, { action: 'close', outcome, note: 'n' })).toThrow(BadRequest);
    }
    for (const outcome of ['resolved', 'unfounded', 'no-action'] as const) {
      expect(act(c, { action: 'close', outcome, note: 'n' }).next.outcome).toBe(outcome);
    }
  });

  it('refuses a deadline in the past, and names status and allowed actions on an illegal transition', () => {
    expect(() =>
      act(baseCase(), { action: 'assign', agencyId: 'police', dueAt: '2026-11-26T02:59:59Z' }),
    ).toThrow(BadRequest);
    try {
      act(baseCase(), { action: 'respond', finding: 'f', response: 'r' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Conflict);
      expect((e as Conflict).extensions).toEqual({
        currentStatus: 'open',
        allowedActions: [
          'assign',
          'close',
          'comment',
          'link-reports',
          'flag-briefing',
          'unlink-report',
          'merge',
          'tag',
        ],
      });
    }
    expect(() =>
      act(
        baseCase(),
        { action: 'assign', agencyId: 'police', dueAt: '2027-01-01T00:00:00Z' },
        'assigned-agency',
      ),
    ).toThrow(Forbidden);
  });

  it('links more reports, keeping reportCount true, and refuses ones already on the case', () => {
    const c = act(baseCase(), {
      action: 'link-reports',
      reportIds: ['01JZ0000000000000000000002', '01JZ0000000000000000000003'],
    }).next;
    expect(c.reportCount).toBe(3);
    expect(c.reportIds).toHaveLength(3);
    expect(() => act(c, { action: 'link-reports', reportIds: ['01JZ0000000000000000000002'] })).toThrow(
      Conflict,
    );
  });

  it('is overdue only while verifying past the deadline', () => {
    const assigned = act(baseCase(), {
      action: 'assign',
      agencyId: 'police',
      dueAt: '2026-11-27T00:00:00Z',
    }).next;
    expect(isOverdue(assigned, now)).toBe(false);
    expect(isOverdue(assigned, new Date('2026-11-27T00:00:01Z'))).toBe(true);
    expect(isOverdue({ ...assigned, status: 'responded' }, new Date('2026-11-28T00:00:00Z'))).toBe(false);
  });

  it('validates action bodies strictly', () => {
    const s = caseActionSchema(config);
    expect(s.safeParse({ action: 'assign', agencyId: 'nobody', dueAt: '2027-01-01T00:00:00Z' }).success).toBe(
      false,
    );
    expect(s.safeParse({ action: 'comment', note: 'x', status: 'closed' }).success).toBe(false);
    expect(s.safeParse({ action: 'link-reports', reportIds: [] }).success).toBe(false);
    expect(
      s.safeParse({
        action: 'link-reports',
        reportIds: ['01JZ0000000000000000000002', '01JZ0000000000000000000002'],
      }).success,
    ).toBe(false);
    expect(s.safeParse({ action: 'flag-briefing', briefingId: null }).success).toBe(true);
    expect(s.safeParse({ action: 'close', outcome: 'solved', note: 'x' }).success).toBe(false);
  });
});
