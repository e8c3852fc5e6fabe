// The access matrix, generated from the route manifest: every route × every
// kind of caller → the status docs/roles.md says. The expected roles are written
// here again from docs/roles.md, so a route added to the manifest without a row
// here fails, and a manifest that drifts from it fails.
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '#functions/routes';
import { startTestApi, type TestApi } from '#test/support/local-api';
import { aReport } from '#test/support/steps';

type Caller =
  | 'none'
  | 'expired'
  | 'other-key'
  | 'tampered-role'
  | 'access-token'
  | 'reporter'
  | 'reporter-other'
  | 'desk'
  | 'agency'
  | 'agency-other';

interface Row {
  /** `public`, `signed-in` (any role), or the roles allowed. */
  who: 'public' | 'signed-in' | ('reporter' | 'desk' | 'agency')[];
  /** Roles that are allowed only for their own resource (others get 404, not 403). */
  ownOnly?: ('reporter' | 'agency')[];
}

// docs/roles.md, "The access matrix".
const CONTRACT: Record<string, Row> = {
  'GET /': { who: 'public' },
  'GET /health': { who: 'public' },
  'GET /openapi.json': { who: 'public' },
  'GET /docs': { who: 'public' },
  'GET /reference': { who: 'signed-in' },
  'POST /reports': { who: ['reporter', 'desk'] },
  'GET /reports': { who: ['desk', 'reporter'] },
  'GET /reports.csv': { who: ['desk'] },
  'GET /reports/{id}': { who: ['desk', 'reporter'], ownOnly: ['reporter'] },
  'GET /reports/{id}/similar': { who: ['desk'] },
  // Evidence files (issue 19): whoever may read the report or case, and for a
  // case the agency it is assigned to; another reporter or agency gets 404.
  'POST /reports/{id}/files': { who: ['reporter', 'desk'], ownOnly: ['reporter'] },
  'POST /reports/{id}/files/{fileId}/confirm': { who: ['reporter', 'desk'], ownOnly: ['reporter'] },
  'GET /reports/{id}/files': { who: ['reporter', 'desk'], ownOnly: ['reporter'] },
  'POST /cases/{id}/files': { who: ['desk', 'agency'], ownOnly: ['agency'] },
  'POST /cases/{id}/files/{fileId}/confirm': { who: ['desk', 'agency'], ownOnly: ['agency'] },
  'GET /cases/{id}/files': { who: ['desk', 'agency'], ownOnly: ['agency'] },
  'POST /reports/{id}/actions': { who: ['desk'] },
  'POST /reports/actions': { who: ['desk'] },
  'POST /cases': { who: ['desk'] },
  'GET /cases': { who: ['desk', 'agency'] },
  'GET /cases.csv': { who: ['desk'] },
  'GET /cases/{id}': { who: ['desk', 'agency'], ownOnly: ['agency'] },
  'POST /cases/{id}/actions': { who: ['desk', 'agency'], ownOnly: ['agency'] },
  'GET /briefings': { who: ['desk', 'agency'] },
  'POST /briefings': { who: ['desk'] },
  'GET /briefings/{id}': { who: ['desk', 'agency'] },
  'POST /briefings/{id}/actions': { who: ['desk'] },
  'GET /summaries/daily': { who: ['desk'] },
  'GET /summaries/weekly': { who: ['desk'] },
  'GET /summaries/monthly': { who: ['desk'] },
  'GET /templates': { who: ['desk', 'agency'] },
  'POST /templates': { who: ['desk'] },
  'GET /templates/{id}': { who: ['desk', 'agency'] },
  'POST /templates/{id}/actions': { who: ['desk'] },
  'GET /webhooks': { who: ['desk'] },
};

const CALLERS: Caller[] = [
  'none',
  'expired',
  'other-key',
  'tampered-role',
  'access-token',
  'reporter',
  'reporter-other',
  'desk',
  'agency',
  'agency-other',
];

let api: TestApi;
const tokens: Partial<Record<Caller, string>> = {};
const ids: Record<string, string> = {};

const roleOf = (c: Caller) =>
  c.startsWith('reporter') ? 'reporter' : c.startsWith('agency') ? 'agency' : c === 'desk' ? 'desk' : null;

/** What docs/roles.md says this caller gets: an exact status, or `passes` (past authentication and authorization). */
const expected = (row: Row, caller: Caller): number | 'passes' => {
  if (row.who === 'public') return 'passes';
  const role = roleOf(caller);
  if (!role) return 401;
  if (row.who !== 'signed-in' && !row.who.includes(role)) return 403;
  const isOther = caller === 'reporter-other' || caller === 'agency-other';
  if (isOther && row.ownOnly?.includes(role as 'reporter' | 'agency')) return 404;
  return 'passes';
};

const forgeTampered = (token: string) => {
  const [h, p, s] = token.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  payload['cognito:groups'] = ['desk'];
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
};

beforeAll(async () => {
  api = await startTestApi();
  tokens.reporter = await api.token('reporter', { user: 'rep-own' });
  tokens['reporter-other'] = await api.token('reporter', { user: 'rep-other' });
  tokens.desk = await api.token('desk', { user: 'desk-m' });
  tokens.agency = await api.token('agency', { user: 'ag-own', agency: 'police' });
  tokens['agency-other'] = await api.token('agency', { user: 'ag-other', agency: 'health-dept' });
  tokens.expired = await api.token('desk', {
    user: 'desk-m',
    now: new Date(Date.now() - 86400_000),
    expiresIn: '1h',
  });
  tokens['tampered-role'] = forgeTampered(tokens.reporter);
  // A desk user's Cognito access token: validly signed, but not the ID token the API reads.
  tokens['access-token'] = await api.token('desk', { user: 'desk-m', tokenUse: 'access' });
  const { privateKey } = await generateKeyPair('ES256');
  tokens['other-key'] = await new SignJWT({ 'cognito:groups': ['desk'], token_use: 'id' })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('desk-m')
    .setIssuer('opinion-desk-local')
    .setAudience('opinion-desk-local')
    .setExpirationTime('1h')
    .sign(privateKey);

  const post = async (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
    (await (
      await fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      })
    ).json()) as { id: string };
  const reportBody = aReport({
    title: 'Phản ánh kiểm thử quyền truy cập',
    summary: 'Nội dung.',
    category: 'public-order',
    channel: 'other',
    sentiment: 'neutral',
  });
  ids.report = (await post('/reports', tokens.reporter, reportBody)).id;
  const forCase = (await post('/reports', tokens.reporter, reportBody)).id;
  ids.case = (await post('/cases', tokens.desk, { reportIds: [forCase] })).id;
  await post(
    `/cases/${ids.case}/actions`,
    tokens.desk,
    { action: 'assign', agencyId: 'police', dueAt: new Date(Date.now() + 86400_000).toISOString() },
    { 'if-match': '"1"' },
  );
  // A pending upload on the report (its reporter's) and one on the case (the
  // desk's), never uploaded: a confirm past access answers 409 upload-missing
  // and changes nothing, whoever calls it.
  const form = { name: 'anh-chup.jpg', type: 'image/jpeg', size: 2048 };
  const fileIdOf = (answer: unknown) => (answer as { fileId: string }).fileId;
  ids.reportUpload = fileIdOf(await post(`/reports/${ids.report}/files`, tokens.reporter, form));
  ids.caseUpload = fileIdOf(await post(`/cases/${ids.case}/files`, tokens.desk, form));
  ids.briefing = (
    await post('/briefings', tokens.desk, {
      title: 'Họp báo kiểm thử',
      startsAt: new Date(Date.now() + 5 * 86400_000).toISOString(),
    })
  ).id;
  ids.template = (
    await post('/templates', tokens.desk, {
      category: 'public-order',
      title: 'Mẫu kiểm thử quyền',
      text: { vi: 'Nội dung mẫu.', en: 'Template text.' },
    })
  ).id;
});
afterAll(async () => api?.stop());

/** A request for the route that is well-formed, so only access decides the status. */
const requestFor = async (
  route: (typeof routes)[number],
): Promise<{ path: string; body?: unknown; headers?: Record<string, string> }> => {
  const path = route.path
    .replace('/reports/{id}/files/{fileId}', `/reports/${ids.report}/files/${ids.reportUpload}`)
    .replace('/cases/{id}/files/{fileId}', `/cases/${ids.case}/files/${ids.caseUpload}`)
    .replace('/reports/{id}', `/reports/${ids.report}`)
    .replace('/cases/{id}', `/cases/${ids.case}`)
    .replace('/briefings/{id}', `/briefings/${ids.briefing}`)
    .replace('/templates/{id}', `/templates/${ids.template}`);
  switch (routeKey(route)) {
    case 'POST /reports':
      return { path, body: { title: 'x', summary: 'y' } }; // 400 once past access: nothing stored
    case 'POST /reports/{id}/actions':
      return { path, body: { action: 'restore' } }; // 409 once past access
    case 'POST /reports/actions':
      return { path, body: { action: 'restore', ids: [ids.report] } }; // 200, the report refused on its own
    case 'POST /cases':
      return { path, body: { reportIds: ['01JZ0000000000000000000009'] } };
    case 'POST /cases/{id}/actions': {
      const v = (await (
        await fetch(`${api.url}/cases/${ids.case}`, { headers: { authorization: `Bearer ${tokens.desk}` } })
      ).json()) as { version: number };
      return {
        path,
        body: { action: 'comment', note: 'kiểm thử' },
        headers: { 'if-match': `"${v.version}"` },
      };
    }
    case 'POST /reports/{id}/files':
    case 'POST /cases/{id}/files':
      return { path, body: { name: 'anh-chup.jpg', type: 'image/jpeg', size: 2048 } }; // 201: a pending upload
    case 'POST /briefings':
      return { path, body: { title: 'x' } };
    case 'POST /templates':
      return { path, body: { title: 'x' } }; // 400 once past access: nothing stored
    case 'POST /templates/{id}/actions':
      return { path, body: { action: 'restore' }, headers: { 'if-match': '"1"' } }; // 409: it is active
    case 'POST /briefings/{id}/actions':
      return { path, body: { action: 'invite', emails: ['press@example.org'] } };
    default:
      return { path };
  }
};

describe('the access matrix', () => {
  it('covers every route of the manifest, and only those', () => {
    expect(routes.map(routeKey).sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  const cells = routes.flatMap((route) => CALLERS.map((caller) => [routeKey(route), caller, route] as const));
  it.each(cells)('%s as %s', async (key, caller, route) => {
    const row = CONTRACT[key]!;
    const want = expected(row, caller);
    const req = await requestFor(route);
    const token = tokens[caller];
    const res = await fetch(`${api.url}${req.path}`, {
      method: route.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...req.headers,
      },
      ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
    });
    expect(res.status, `${key} as ${caller}`).toBeLessThan(500);
    if (want === 'passes') expect([401, 403, 404]).not.toContain(res.status);
    else {
      expect(res.status).toBe(want);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      if (caller === 'access-token') {
        expect(((await res.json()) as { detail: string }).detail).toMatch(
          /use the ID token, not the access token/,
        );
      }
    }
  });
});

// Search words (issue 18, §5) on the two lists are the desk's (docs/roles.md, docs/api.md): a
// reporter or an agency that may list gets 403 with `q`, not an unfiltered list.
const SEARCH: Record<string, Row> = {
  'GET /reports?q': { who: ['desk'] },
  'GET /cases?q': { who: ['desk'] },
};

describe('the access matrix of q (search)', () => {
  const cells = Object.keys(SEARCH).flatMap((key) => CALLERS.map((caller) => [key, caller] as const));
  it.each(cells)('%s as %s', async (key, caller) => {
    const want = expected(SEARCH[key]!, caller);
    const path = `${key.slice('GET '.length)}=${encodeURIComponent('quyền truy cập')}`;
    const token = tokens[caller];
    const res = await fetch(`${api.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    expect(res.status, `${key} as ${caller}`).toBeLessThan(500);
    if (want === 'passes') expect(res.status).toBe(200);
    else {
      expect(res.status).toBe(want);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

// A file id is found only under the owner it was issued for: the report's
// upload confirmed through the case (or the reverse) is 404 even for the desk,
// so the owner's access check is never bypassed by naming another owner's file.
describe('the access matrix of file ids under another owner', () => {
  it.each([
    ['the case', () => `/cases/${ids.case}/files/${ids.reportUpload}/confirm`],
    ['the report', () => `/reports/${ids.report}/files/${ids.caseUpload}/confirm`],
  ])("another owner's upload confirmed through %s → 404", async (_what, path) => {
    for (const caller of ['desk', 'reporter', 'agency'] as const) {
      const res = await fetch(`${api.url}${path()}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[caller]}` },
      });
      const want = path().startsWith('/cases')
        ? caller === 'reporter'
          ? 403
          : 404
        : caller === 'agency'
          ? 403
          : 404;
      expect(res.status, `${caller}: ${path()}`).toBe(want);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
