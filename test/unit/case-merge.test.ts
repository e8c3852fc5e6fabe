// The merge as pure rules (domain/merge.ts), the unlink rule, and the
// case-merged email in both languages with user text escaped and masked.
import { describe, expect, it } from 'vitest';
import { type Case, openCase, unlinkReport } from '#domain/case';
import { applyMerge } from '#domain/merge';
import { mergeNotice } from '#domain/notifications';
import { buildDailySummary } from '#domain/summary';
import { loadAppConfig } from '#infra/config/index';
import { renderCaseNotice } from '#mail/case-email';

const config = loadAppConfig('dev');
const now = new Date('2026-12-01T03:00:00.000Z');
const R = (n: number) => `01JZ${String(n).padStart(22, '0')}`;

const aCase = (id: string, reports: string[], over: Partial<Case> = {}): Case => ({
  ...openCase(
    config,
    { reportIds: reports },
    reports.map((r) => ({
      id: r,
      title: `Tin ${r}`,
      summary: 'S',
      category: 'transport',
      area: 'go-vap',
      urgency: 'normal' as const,
    })),
    { id, by: 'desk-1', now },
  ).opened,
  ...over,
});
const ctx = (expectedVersion: number) => ({ actor: 'desk' as const, by: 'desk-2', now, expectedVersion });

describe('applyMerge', () => {
  const from = aCase('01JZCASE00000000000000000A', [R(1), R(2)], {
    agencyId: 'police',
    status: 'verifying',
    version: 2,
  });
  const into = aCase('01JZCASE00000000000000000B', [R(3)], { version: 4 });

  it('closes the merged case as merged, pointing at the survivor, which gains its reports and remembers it', () => {
    const { merged, survivor } = applyMerge(
      from,
      into,
      { action: 'merge', intoCaseId: into.id, intoVersion: 4 },
      ctx(2),
    );
    expect(merged.next).toMatchObject({
      status: 'closed',
      outcome: 'merged',
      mergedInto: into.id,
      reportIds: [],
      reportCount: 0,
      version: 3,
      closedAt: now.toISOString(),
    });
    expect(merged.entry).toMatchObject({
      action: 'merge',
      from: 'verifying',
      to: 'closed',
      version: 3,
      details: {
        outcome: 'merged',
        intoCaseId: into.id,
        reportIds: [R(1), R(2)],
        previousAgencyId: 'police',
      },
    });
    expect(merged.entry.details).not.toHaveProperty('agencyId');
    expect(survivor.next).toMatchObject({
      status: 'open',
      reportIds: [R(3), R(1), R(2)],
      reportCount: 3,
      mergedCaseIds: [from.id],
      version: 5,
    });
    expect(survivor.entry).toMatchObject({
      action: 'merge',
      from: 'open',
      to: 'open',
      details: { mergedCaseId: from.id },
    });
  });

  it('refuses into itself, a closed survivor, a closed case, an agency, and names the stale side', () => {
    const m =
      (f: Case, i: Case, intoVersion: number, expected: number, actor: 'desk' | 'assigned-agency' = 'desk') =>
      () =>
        applyMerge(f, i, { action: 'merge', intoCaseId: i.id, intoVersion }, { ...ctx(expected), actor });
    expect(m(from, from, 2, 2)).toThrow(expect.objectContaining({ status: 400 }));
    expect(m(from, { ...into, status: 'closed', outcome: 'merged' }, 4, 2)).toThrow(
      expect.objectContaining({ status: 409, message: expect.stringMatching(/itself merged/) }),
    );
    expect(m({ ...from, status: 'closed' }, into, 4, 2)).toThrow(expect.objectContaining({ status: 409 }));
    expect(m(from, into, 4, 2, 'assigned-agency')).toThrow(expect.objectContaining({ status: 403 }));
    expect(m(from, into, 4, 1)).toThrow(
      expect.objectContaining({
        status: 412,
        extensions: { case: 'merged', caseId: from.id, currentVersion: 2 },
      }),
    );
    expect(m(from, into, 3, 2)).toThrow(
      expect.objectContaining({
        status: 412,
        extensions: { case: 'survivor', caseId: into.id, currentVersion: 4 },
      }),
    );
  });

  it('counts a merge among the day’s closures, by outcome merged', () => {
    const { merged, survivor } = applyMerge(
      from,
      into,
      { action: 'merge', intoCaseId: into.id, intoVersion: 4 },
      ctx(2),
    );
    const summary = buildDailySummary(config, {
      date: '2026-12-01',
      now,
      reports: [],
      events: [
        { ...merged.entry, caseId: from.id },
        { ...survivor.entry, caseId: into.id },
      ],
      openByStatus: { open: 1, verifying: 0, responded: 0 },
      overdue: [],
      dueSoon: [],
      briefings: [],
    });
    expect(summary.cases.closed.total).toBe(1);
    expect(summary.cases.closed.byOutcome.merged).toBe(1);
  });
});

describe('unlinkReport', () => {
  it('takes the report off; refuses one not on the case and the last one', () => {
    expect(unlinkReport({ reportIds: [R(1), R(2)], status: 'open' }, R(2))).toEqual({ reportIds: [R(1)] });
    expect(() => unlinkReport({ reportIds: [R(1), R(2)], status: 'open' }, R(9))).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    expect(() => unlinkReport({ reportIds: [R(1)], status: 'open' }, R(1))).toThrow(
      expect.objectContaining({ status: 409, message: expect.stringMatching(/last report/) }),
    );
  });
});

describe('the case-merged email', () => {
  const EVIL = 'Tin <script>alert(1)</script> & "x" — gọi 0912 345 678';
  const notice = mergeNotice(
    { id: '01JZCASE00000000000000000A', title: EVIL, agencyId: 'police' },
    { id: '01JZCASE00000000000000000B', title: `Hồ sơ chính ${EVIL}`, agencyId: null },
  )!;

  it('is sent when either case has an agency, never when neither has', () => {
    expect(notice).toMatchObject({ kind: 'case-merged', agencyId: 'police', intoAgencyId: null });
    expect(
      mergeNotice({ id: 'a', title: 't', agencyId: null }, { id: 'b', title: 'u', agencyId: null }),
    ).toBeNull();
  });

  it.each(['vi', 'en'] as const)(
    '%s: HTML and text name both cases, user text escaped and masked',
    (locale) => {
      const email = renderCaseNotice(notice, locale, config);
      expect(email.subject).toContain(locale === 'vi' ? 'Hồ sơ đã được gộp' : 'Case merged');
      expect(email.html).not.toContain('<script>');
      expect(email.html).toContain('&lt;script&gt;');
      expect(email.html + email.text + email.subject).not.toContain('0912 345 678');
      expect(email.text).toContain('01JZCASE00000000000000000B');
      expect(email.text.toLowerCase()).toContain(locale === 'vi' ? 'gộp vào hồ sơ' : 'merged into');
    },
  );
});
