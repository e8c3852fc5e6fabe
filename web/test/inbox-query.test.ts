// The inbox's and the case list's filters round-trip through the URL query, so a
// reload or a shared link shows the same list; a mistyped link is never sent on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseSearch,
  casesApiQuery,
  parseCaseQuery,
  readsWhole,
  withCaseFilter,
} from '#web/src/pages/cases/list-query';
import {
  type InboxFilters,
  inboxSearch,
  parseInboxQuery,
  REPORT_STATUSES,
  reportsApiQuery,
  URGENCIES,
  withFilter,
} from '#web/src/pages/desk/inbox-query';

const query = (search: string) => Object.fromEntries(new URLSearchParams(search));

describe('inbox filters in the URL', () => {
  it('writes the filters in a fixed order and reads them back', () => {
    const f: InboxFilters = {
      urgency: 'critical',
      date: '2026-12-04',
      area: 'thu-duc',
      category: 'health',
      status: 'new',
    };
    const search = inboxSearch(f);
    expect(search).toBe('?date=2026-12-04&status=new&urgency=critical&category=health&area=thu-duc');
    expect(parseInboxQuery(query(search))).toEqual(f);
    expect(inboxSearch({})).toBe('');
  });

  it('round-trips any valid filters', () => {
    const filters = fc.record(
      {
        date: fc
          .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        status: fc.constantFrom(...REPORT_STATUSES),
        urgency: fc.constantFrom(...URGENCIES),
        category: fc.stringMatching(/^[a-z][a-z-]{0,20}$/),
        area: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filters, (f) => {
        expect(parseInboxQuery(query(inboxSearch(f)))).toEqual(f);
      }),
    );
  });

  it('drops what the API would refuse: a bad day, an unknown status or urgency, an id that is not one', () => {
    expect(
      parseInboxQuery({
        date: '04/12/2026',
        status: 'open',
        urgency: 'urgent',
        category: 'Health!',
        area: '',
      }),
    ).toEqual({});
    expect(parseInboxQuery({ date: '2026-13-01' })).toEqual({});
    expect(parseInboxQuery({ category: 'sports' }, { categories: ['health'] })).toEqual({});
    expect(parseInboxQuery({ category: 'health', extra: 'x' }, { categories: ['health'] })).toEqual({
      category: 'health',
    });
  });

  it('changes one filter, and an empty value removes it', () => {
    const f = withFilter({ status: 'new' }, 'urgency', 'high');
    expect(f).toEqual({ status: 'new', urgency: 'high' });
    expect(withFilter(f, 'status', '')).toEqual({ urgency: 'high' });
  });

  it("asks GET /reports with the API's own parameter names, a page at a time", () => {
    expect(reportsApiQuery({ date: '2026-12-04', urgency: 'critical' })).toEqual({
      date: '2026-12-04',
      urgency: 'critical',
      limit: 25,
    });
    expect(reportsApiQuery({ status: 'new' }, 'abc')).toEqual({ status: 'new', limit: 25, cursor: 'abc' });
  });
});

describe('case list filters in the URL', () => {
  it('reads back what it writes', () => {
    const f = {
      status: 'verifying',
      agency: 'health-dept',
      overdue: true,
      category: 'health',
      area: 'go-vap',
    } as const;
    expect(parseCaseQuery(query(caseSearch(f)))).toEqual(f);
    expect(caseSearch({ dueSoon: true })).toBe('?dueSoon=true');
  });

  it('carries a tag filter (trimmed, spaces collapsed) to the API; drops an unusable one', () => {
    expect(parseCaseQuery({ tag: '  Ngập   lụt ' })).toEqual({ tag: 'Ngập lụt' });
    expect(casesApiQuery({ tag: 'Ngập lụt' })).toMatchObject({ tag: 'Ngập lụt' });
    expect(parseCaseQuery({ tag: 'x'.repeat(41) })).toEqual({});
    expect(parseCaseQuery({ tag: 'a\u0001b' })).toEqual({});
    expect(parseCaseQuery(query(caseSearch({ tag: 'giá xăng', status: 'open' })))).toEqual({
      status: 'open',
      tag: 'giá xăng',
    });
  });

  it('keeps overdue and due soon apart: ticking one unticks the other', () => {
    expect(parseCaseQuery({ overdue: 'true', dueSoon: 'true' })).toEqual({ overdue: true });
    expect(withCaseFilter({ overdue: true }, 'dueSoon', true)).toEqual({ dueSoon: true });
    expect(withCaseFilter({ dueSoon: true }, 'overdue', true)).toEqual({ overdue: true });
    expect(withCaseFilter({ overdue: true, status: 'open' }, 'overdue', false)).toEqual({ status: 'open' });
  });

  it('asks the API for the cases being verified when the desk wants the ones due soon', () => {
    expect(casesApiQuery({ dueSoon: true, status: 'closed', area: 'district-1' })).toEqual({
      status: 'verifying',
      area: 'district-1',
      limit: 25,
    });
    expect(casesApiQuery({ overdue: true }, 'c1', 100)).toEqual({
      overdue: 'true',
      limit: 100,
      cursor: 'c1',
    });
  });

  it("reads the agency's list and the due-soon list whole, to order them by deadline", () => {
    expect(readsWhole({}, 'agency')).toBe(true);
    expect(readsWhole({ dueSoon: true }, 'desk')).toBe(true);
    expect(readsWhole({ overdue: true }, 'desk')).toBe(false);
  });
});

describe('the search words (q) in the URL', () => {
  it('are kept trimmed, sent to the API, and dropped when the API would refuse them', () => {
    const f = parseInboxQuery({ q: '  vỡ đê ', urgency: 'high' });
    expect(f).toEqual({ q: 'vỡ đê', urgency: 'high' });
    expect(inboxSearch(f)).toBe('?urgency=high&q=v%E1%BB%A1+%C4%91%C3%AA');
    expect(reportsApiQuery(f)).toMatchObject({ q: 'vỡ đê', urgency: 'high' });
    for (const bad of ['', '   ', 'x'.repeat(201), 'a\u0007b', '\u202Eđê'])
      expect(parseInboxQuery({ q: bad })).toEqual({});
    const c = parseCaseQuery({ q: 'cat nuoc', status: 'open' });
    expect(casesApiQuery(c)).toMatchObject({ q: 'cat nuoc', status: 'open' });
    expect(caseSearch(c)).toBe('?status=open&q=cat+nuoc');
  });
});
