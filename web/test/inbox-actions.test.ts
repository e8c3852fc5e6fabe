// Acting on several reports at once through the API (a fake one here): opening
// a case or linking is all-or-nothing in the API, so a 409 is narrowed down to
// the reports that changed meanwhile, and the rest go ahead; a 412 on linking
// re-reads the case's version and tries again; dismissing goes report by report.
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

describe('linking reports to an open case', () => {
  it('sends If-Match with the version read, and re-reads it once the case moved on (412)', async () => {
    let version = 3;
    let refusedOnce = false;
    handler = (method, path) => {
      if (method === 'GET' && path === '/cases/K1')
        return json(200, { id: 'K1', version }, { etag: `"${version}"` });
      if (method === 'POST' && path === '/cases/K1/actions') {
        if (!refusedOnce) {
          refusedOnce = true;
          version = 4;
          return problem(412, 'The case has changed');
        }
        return json(200, { id: 'K1', version: 5 }, { etag: '"5"' });
      }
      return problem(404, 'no');
    };
    const { results } = await linkToCase('K1', ['a', 'b']);
    expect(results.every((r) => r.ok)).toBe(true);
    const posts = seen.filter((s) => s.method === 'POST');
    expect(posts.map((s) => s.ifMatch)).toEqual(['"3"', '"4"']);
    expect(posts[1]?.body).toEqual({ action: 'link-reports', reportIds: ['a', 'b'] });
  });

  it('refuses every report with the same words when the case itself refuses (closed)', async () => {
    handler = (method, path) => {
      if (method === 'GET' && path === '/cases/K2')
        return json(200, { id: 'K2', version: 1 }, { etag: '"1"' });
      if (method === 'POST') return problem(409, 'The case is closed.');
      return report(path.split('/')[2] as string, 'new');
    };
    const { results } = await linkToCase('K2', ['a', 'b']);
    expect(results.map((r) => !r.ok && (r.error as ApiProblem).detail)).toEqual([
      'The case is closed.',
      'The case is closed.',
    ]);
  });
});

describe('dismissing several reports', () => {
  it('dismisses each with the reason; one refusal does not stop the others', async () => {
    handler = (_method, path) =>
      path === '/reports/b/actions'
        ? problem(409, 'The report is linked to a case.')
        : json(200, { id: 'x', status: 'dismissed' });
    const results = await dismissAll(['a', 'b', 'c'], 'Trùng lặp');
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(seen.map((s) => s.body)).toEqual([
      { action: 'dismiss', reason: 'Trùng lặp' },
      { action: 'dismiss', reason: 'Trùng lặp' },
      { action: 'dismiss', reason: 'Trùng lặp' },
    ]);
  });
});
