// Acting on several reports at once through the API (a fake one here): opening
// a case is all-or-nothing in the API, so a 409 is narrowed down to the
// reports that changed meanwhile, and the rest go ahead; linking and
// dismissing go through the bulk route, which answers a result per report.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiProblem } from '#web/src/api/client';
import { setConfig } from '#web/src/config';
import { dismissAll, linkToCase, NoLongerNew, openCase } from '#web/src/pages/desk/actions';

type Handler = (method: string, path: string, body: unknown, req: Request) => Response;
let handler: Handler;
const seen: { method: string; path: string; body: unknown; ifMatch: string | null }[] = [];

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json', ...headers },
  });
const problem = (status: number, detail: string) =>
  json(status, { type: 'about:blank', title: 'T', status, detail });

beforeAll(() => {
  setConfig({
    apiUrl: 'http://api.test',
    timeZone: 'Asia/Ho_Chi_Minh',
    environment: 'test',
    auth: { mode: 'local', signInUrl: '/x' },
  });
  vi.stubGlobal('fetch', async (input: Request) => {
    const url = new URL(input.url);
    const text = input.method === 'GET' ? '' : await input.text();
    const body = text ? JSON.parse(text) : undefined;
    seen.push({ method: input.method, path: url.pathname, body, ifMatch: input.headers.get('if-match') });
    return handler(input.method, url.pathname, body, input);
  });
});
// The unit project shares a worker between files: the fake API goes with this file.
afterAll(() => {
  vi.unstubAllGlobals();
});
beforeEach(() => {
  seen.length = 0;
});

const report = (id: string, status: string, caseId: string | null = null) =>
  json(200, { id, status, caseId, title: id });

describe('opening a case from several reports', () => {
  it('names the report someone else linked meanwhile and opens the case from the rest', async () => {
    handler = (method, path, body) => {
      if (method === 'POST' && path === '/cases') {
        const ids = (body as { reportIds: string[] }).reportIds;
        return ids.includes('b') ? problem(409, 'Some reports are not new') : json(201, { id: 'CASE1' });
      }
      if (path === '/reports/b') return report('b', 'linked', 'OTHER');
      return report(path.split('/')[2] as string, 'new');
    };
    const { caseId, results } = await openCase(['a', 'b', 'c']);
    expect(caseId).toBe('CASE1');
    expect(results.filter((r) => r.ok).map((r) => r.id)).toEqual(['a', 'c']);
    const refused = results.find((r) => !r.ok);
    expect(refused?.id).toBe('b');
    expect(refused && !refused.ok && refused.error).toEqual(new NoLongerNew('linked', 'OTHER'));
    expect((refused && !refused.ok && (refused.error as NoLongerNew).caseId) || null).toBe('OTHER');
    expect(seen.filter((s) => s.method === 'POST').map((s) => s.body)).toEqual([
      { reportIds: ['a', 'b', 'c'] },
      { reportIds: ['a', 'c'] },
    ]);
  });

  it('opens with all of them in one request when nothing changed', async () => {
    handler = () => json(201, { id: 'CASE2' });
    const { caseId, results } = await openCase(['a', 'b']);
    expect(caseId).toBe('CASE2');
    expect(results.every((r) => r.ok)).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('gives every report the refusal when it is not about one of them', async () => {
    handler = () => problem(429, 'Too many writes');
    const { caseId, results } = await openCase(['a', 'b']);
    expect(caseId).toBeUndefined();
    expect(results.map((r) => !r.ok && (r.error as ApiProblem).status)).toEqual([429, 429]);
  });
});

const bulkAnswer = (results: { id: string; status: number; problem?: Record<string, unknown> }[]) =>
  json(200, { results });

describe('linking reports to an open case', () => {
  it('sends one bulk request and names each report refused, the rest linked', async () => {
    handler = (method, path, body) => {
      if (method === 'POST' && path === '/reports/actions') {
        const ids = (body as { ids: string[] }).ids;
        return bulkAnswer(
          ids.map((id) =>
            id === 'b'
              ? {
                  id,
                  status: 409,
                  problem: {
                    title: 'Conflict',
                    status: 409,
                    detail: 'linked',
                    currentStatus: 'linked',
                    caseId: 'OTHER',
                  },
                }
              : id === 'c'
                ? { id, status: 404, problem: { title: 'Not found', status: 404, detail: 'No such report.' } }
                : { id, status: 200 },
          ),
        );
      }
      return problem(404, 'no');
    };
    const { results } = await linkToCase('K1', ['a', 'b', 'c']);
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    expect(results[1] && !results[1].ok && results[1].error).toEqual(new NoLongerNew('linked', 'OTHER'));
    expect(results[2] && !results[2].ok && (results[2].error as ApiProblem).detail).toBe('No such report.');
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ['POST', '/reports/actions', { action: 'link', caseId: 'K1', ids: ['a', 'b', 'c'] }],
    ]);
  });

  it('refuses every report with the same words when the case itself refuses (closed)', async () => {
    handler = () => problem(409, 'The case is closed.');
    const { results } = await linkToCase('K2', ['a', 'b']);
    expect(results.map((r) => !r.ok && (r.error as ApiProblem).detail)).toEqual([
      'The case is closed.',
      'The case is closed.',
    ]);
  });

  it('sends at most 100 reports a request', async () => {
    handler = (_m, _p, body) =>
      bulkAnswer((body as { ids: string[] }).ids.map((id) => ({ id, status: 200 })));
    const ids = Array.from({ length: 150 }, (_, i) => `r${i}`);
    const { results } = await linkToCase('K3', ids);
    expect(results.filter((r) => r.ok)).toHaveLength(150);
    expect(seen.map((s) => (s.body as { ids: string[] }).ids.length)).toEqual([100, 50]);
  });
});

describe('dismissing several reports', () => {
  it('dismisses them with the reason in one request; one refusal does not stop the others', async () => {
    handler = (_method, _path, body) =>
      bulkAnswer(
        (body as { ids: string[] }).ids.map((id) =>
          id === 'b'
            ? {
                id,
                status: 409,
                problem: { title: 'Conflict', status: 409, detail: 'x', currentStatus: 'linked' },
              }
            : { id, status: 200 },
        ),
      );
    const results = await dismissAll(['a', 'b', 'c'], 'Trùng lặp');
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1] && !results[1].ok && results[1].error).toEqual(new NoLongerNew('linked', null));
    expect(seen.map((s) => s.body)).toEqual([
      { action: 'dismiss', reason: 'Trùng lặp', ids: ['a', 'b', 'c'] },
    ]);
  });
});
