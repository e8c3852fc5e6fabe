// The case lists' orders: the agency sees the nearest deadline first, overdue
// ones marked; "due soon" is the cases being verified due in the next 48 hours.
import { describe, expect, it } from 'vitest';
import { arrange, byDue, type CaseItem, daysOverdue, isDueSoon } from '#web/src/pages/cases/list-query';

const NOW = Date.parse('2026-12-05T03:00:00Z');
const H = 3_600_000;
const at = (hours: number) => new Date(NOW + hours * H).toISOString();

const kase = (
  id: string,
  status: CaseItem['status'],
  dueInHours: number | null,
  updatedHoursAgo = 1,
): CaseItem =>
  ({
    id,
    title: id,
    status,
    dueAt: dueInHours === null ? null : at(dueInHours),
    overdue: status === 'verifying' && dueInHours !== null && dueInHours < 0,
    updatedAt: at(-updatedHoursAgo),
    openedAt: at(-100),
  }) as CaseItem;

describe('case list order', () => {
  it('puts the cases waiting for an answer first, nearest deadline first (overdue ones earliest)', () => {
    const list = [
      kase('closed', 'closed', 10, 1),
      kase('due-in-30h', 'verifying', 30),
      kase('open', 'open', null, 2),
      kase('overdue-2d', 'verifying', -50),
      kase('responded', 'responded', 5, 3),
      kase('due-in-2h', 'verifying', 2),
      kase('overdue-1h', 'verifying', -1),
      kase('verifying-no-due', 'verifying', null),
    ];
    expect([...list].sort(byDue).map((c) => c.id)).toEqual([
      'overdue-2d',
      'overdue-1h',
      'due-in-2h',
      'due-in-30h',
      'verifying-no-due',
      'open',
      'responded',
      'closed',
    ]);
  });

  it('orders the rest by the latest change, then by id, so the order is stable', () => {
    const list = [kase('b', 'closed', null, 5), kase('a', 'closed', null, 5), kase('c', 'closed', null, 1)];
    expect([...list].sort(byDue).map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });

  it('"due soon" is verifying and due within 48 hours, not overdue, not answered', () => {
    expect(isDueSoon(kase('x', 'verifying', 47.9), NOW)).toBe(true);
    expect(isDueSoon(kase('x', 'verifying', 48.1), NOW)).toBe(false);
    expect(isDueSoon(kase('x', 'verifying', -0.1), NOW)).toBe(false);
    expect(isDueSoon(kase('x', 'responded', 2), NOW)).toBe(false);
    expect(isDueSoon(kase('x', 'verifying', null), NOW)).toBe(false);
  });

  it('arranges a whole read: due soon picks and sorts, otherwise only sorts', () => {
    const list = [
      kase('later', 'verifying', 60),
      kase('soon', 'verifying', 40),
      kase('sooner', 'verifying', 3),
    ];
    expect(arrange(list, { dueSoon: true }, NOW).map((c) => c.id)).toEqual(['sooner', 'soon']);
    expect(arrange(list, {}, NOW).map((c) => c.id)).toEqual(['sooner', 'soon', 'later']);
    expect(list.map((c) => c.id)).toEqual(['later', 'soon', 'sooner']);
  });

  it('counts days overdue in elapsed whole days, as the emails do', () => {
    expect(daysOverdue(at(-23.9), NOW)).toBe(0);
    expect(daysOverdue(at(-27.5), NOW)).toBe(1);
    expect(daysOverdue(at(-48), NOW)).toBe(2);
    expect(daysOverdue(at(5), NOW)).toBe(0);
  });
});
