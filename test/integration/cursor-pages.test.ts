// Every list route's every filter combination pages with cursors that round-trip:
// walking a list one item a page yields exactly the items (in the same order)
// of one big page, for the desk, a reporter and an agency alike; and a cursor
// from one combination is refused (400) by every other.
import { beforeAll, describe, expect, it } from 'vitest';
import { BadRequest } from '#domain/errors';
import type { Principal } from '#http/principal';
import { browseBriefings, scheduleBriefing } from '#service/briefings';
import { actOnCase, browseCases, openCaseFor } from '#service/cases';
import { actOnReport, browseReports, submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { testTable } from '#test/support/aws';
import { aReport } from '#test/support/report-body';

const T0 = new Date('2026-11-26T03:00:00.000Z');
let now = T0;
let deps: Deps;

const desk: Principal = { sub: 'desk-c', roles: ['desk'] };
const alice: Principal = { sub: 'alice-c', roles: ['reporter'], email: 'alice@example.org' };
const bob: Principal = { sub: 'bob-c', roles: ['reporter'], email: 'bob@example.org' };
const transport: Principal = { sub: 'officer-c', roles: ['agency'], agencyId: 'transport-dept' };

type Lister = (
  p: Principal,
  q: Record<string, string>,
) => Promise<{ items: { id: string }[]; nextCursor: string | null }>;
const reports: Lister = (p, q) => browseReports(deps, p, q);
const cases: Lister = (p, q) => browseCases(deps, p, q);
const briefings: Lister = (p, q) => browseBriefings(deps, p, q);

/** Every page of one item, following nextCursor; and the same list in one page. */
const walk = async (list: Lister, p: Principal, q: Record<string, string>) => {
  const whole = await list(p, { ...q, limit: '100' });
  expect(whole.nextCursor).toBeNull();
  const paged: string[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i <= whole.items.length + 1; i++) {
    const page = await list(p, { ...q, limit: '1', ...(cursor ? { cursor } : {}) });
    paged.push(...page.items.map((x) => x.id));
    cursor = page.nextCursor;
    if (!cursor) break;
    cursors.push(cursor);
  }
  expect(cursor).toBeNull();
  expect(paged).toEqual(whole.items.map((x) => x.id));
  return { count: paged.length, cursors };
};

/** Every subset of the filters, as query objects. */
const subsets = (filters: Record<string, string>): Record<string, string>[] =>
  Object.entries(filters).reduce<Record<string, string>[]>(
    (acc, [k, v]) => acc.flatMap((q) => [q, { ...q, [k]: v }]),
    [{}],
  );

beforeAll(async () => {
  const t = await testTable();
  deps = t.deps({ clock: () => now });
  const submit = async (by: Principal, i: number) => {
    const res = await submitReport(
      deps,
      by,
      aReport({
        title: `Phản ánh số ${i}`,
        summary: 'Nội dung',
        category: i % 2 === 0 ? 'transport' : 'health',
        area: i % 3 === 0 ? 'district-1' : 'district-3',
        urgency: i % 2 === 1 ? 'high' : 'normal',
        observedAt: new Date(T0.getTime() - 3_600_000).toISOString(),
      }),
      undefined,
    );
    return (res.body as { id: string }).id;
  };
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    now = new Date(T0.getTime() + i * 60_000);
    ids.push(await submit(i % 2 === 0 ? alice : bob, i));
  }
  await actOnReport(deps, desk, { id: ids[7] }, { action: 'dismiss', reason: 'trùng lặp' });
  // cases: two assigned to transport (one soon overdue), one to health, one open
  const open = async (reportIds: string[]) => (await openCaseFor(deps, desk, { reportIds })).id;
  const assign = (id: string, agencyId: string, hours: number) =>
    actOnCase(deps, desk, { id }, '"1"', {
      action: 'assign',
      agencyId,
      dueAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
    });
  const c1 = await open([ids[0]!]);
  const c2 = await open([ids[1]!]);
  const c3 = await open([ids[2]!, ids[3]!]);
  await open([ids[4]!]);
  await assign(c1, 'transport-dept', 1);
  await assign(c2, 'transport-dept', 48);
  await assign(c3, 'health-dept', 2);
  for (let d = 1; d <= 3; d++) {
    await scheduleBriefing(deps, desk, {
      title: `Họp báo ${d}`,
      startsAt: new Date(now.getTime() + d * 86_400_000).toISOString(),
    });
  }
  now = new Date(now.getTime() + 3 * 3_600_000); // c1 and c3 are now overdue
});

describe('cursors round-trip on every list route and filter combination', () => {
  it('GET /reports, as the desk and as a reporter', async () => {
    const combos = subsets({
      date: '2026-11-26',
      status: 'new',
      category: 'transport',
      area: 'district-1',
      urgency: 'high',
    });
    let seen = 0;
    for (const p of [desk, alice, bob]) {
      for (const q of combos) seen += (await walk(reports, p, q)).count;
    }
    expect(seen).toBeGreaterThan(combos.length); // the filters select something
  });

  it('GET /cases, as the desk and as an agency', async () => {
    const combos = [
      ...subsets({
        status: 'verifying',
        agency: 'transport-dept',
        category: 'transport',
        area: 'district-1',
      }),
      ...subsets({ overdue: 'true', agency: 'transport-dept', status: 'verifying' }),
      ...subsets({ overdue: 'false', agency: 'health-dept', category: 'health' }),
    ];
    let seen = 0;
    for (const p of [desk, transport]) {
      for (const q of combos) seen += (await walk(cases, p, q)).count;
    }
    expect(seen).toBeGreaterThan(combos.length);
    expect((await walk(cases, desk, { overdue: 'true' })).count).toBe(2);
  });

  it('an overdue cursor stays valid as time passes', async () => {
    const first = await browseCases(deps, desk, { overdue: 'true', limit: '1' });
    expect(first.nextCursor).not.toBeNull();
    const later = now;
    now = new Date(now.getTime() + 60_000);
    try {
      const next = await browseCases(deps, desk, { overdue: 'true', limit: '1', cursor: first.nextCursor! });
      expect(next.items).toHaveLength(1);
    } finally {
      now = later;
    }
  });

  it('GET /briefings, with and without a range', async () => {
    const combos = subsets({ from: '2026-11-26', to: '2026-12-31' });
    let seen = 0;
    for (const q of combos) seen += (await walk(briefings, desk, q)).count;
    expect(seen).toBeGreaterThanOrEqual(combos.length * 3);
  });

  it('a cursor from one filter combination is refused by every other', async () => {
    const deskCombos = subsets({ status: 'new', category: 'transport', urgency: 'high' });
    const issued: [Record<string, string>, string][] = [];
    for (const q of deskCombos) {
      const page = await browseReports(deps, desk, { ...q, limit: '1' });
      if (page.nextCursor) issued.push([q, page.nextCursor]);
    }
    expect(issued.length).toBeGreaterThan(3);
    for (const [from, cursor] of issued) {
      for (const q of deskCombos) {
        if (JSON.stringify(q) === JSON.stringify(from)) continue;
        await expect(
          browseReports(deps, desk, { ...q, cursor }),
          `${JSON.stringify(from)} → ${JSON.stringify(q)}`,
        ).rejects.toThrow(BadRequest);
      }
    }
    // a reporter's cursor replayed by another reporter
    const mine = await browseReports(deps, alice, { limit: '1' });
    await expect(browseReports(deps, bob, { cursor: mine.nextCursor! })).rejects.toThrow(BadRequest);
    // an agency's cursor replayed by the desk for that agency is a different query, and vice versa
    const agency = await browseCases(deps, transport, { limit: '1' });
    await expect(browseCases(deps, desk, { cursor: agency.nextCursor! })).rejects.toThrow(BadRequest);
  });
});
