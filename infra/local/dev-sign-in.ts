// The development sign-in page of the local stack's console server, at
// `/dev/sign-in?return=<path>`: the local stand-in for Cognito's managed login.
// A plain server-rendered page (no script; its stylesheet is a file, as the
// console's CSP allows no inline style) with one button per role and agency,
// and a form for any other user. Its POST signs the same ID token
// `npm run token` does, with the stack's own key, and answers 303 to
// `/auth/callback#id_token=…&return=…`, where the console takes it
// (web/src/auth/session.ts completeSignIn). It exists only in the local stack:
// CDK never deploys it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { ROLES, type Role } from '#functions/routes';
import type { IssueTokenOptions } from './token';

export const DEV_SIGN_IN_PATH = '/dev/sign-in';
export const DEV_SIGN_IN_CSS_PATH = '/dev/sign-in.css';
/** The largest form body read; a sign-in form is a few hundred bytes. */
const MAX_FORM_BYTES = 8 * 1024;

export interface DevSignInOptions {
  /** Signs the token (TokenKeys of the stack, or of the test API). */
  signer: { issueToken(options: IssueTokenOptions): Promise<string> };
  /** The agencies of the app config: an agency user acts for one of them. */
  agencies: readonly { id: string; name: string }[];
}

/** The users the sample data (`npm run seed`) writes as, first of each role the one its button signs in. */
export const DEV_USERS: Readonly<Record<Role, readonly string[]>> = {
  reporter: ['reporter-lan', 'reporter-minh', 'reporter-thao'],
  desk: ['desk-hoa'],
  agency: ['agency-officer'],
};

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/;

/**
 * A path inside the console to come back to, or '/' for anything else
 * (another site, a protocol-relative `//host`, a backslash trick, the callback
 * itself): the same rule as the console's own safeReturn().
 */
export const safeReturnPath = (value: unknown): string => {
  if (typeof value !== 'string' || value.length > 2048) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\s\p{Cc}]/u.test(value)) return '/';
  let parsed: URL;
  try {
    parsed = new URL(value, 'http://console.invalid');
  } catch {
    return '/';
  }
  if (parsed.origin !== 'http://console.invalid' || parsed.pathname.startsWith('/auth/')) return '/';
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
};

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The form: a preset button (`role:agency`) or the role, agency and user typed in. */
export const signInFormSchema = (agencies: readonly { id: string }[]) =>
  z
    .object({
      role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` }),
      agency: z.preprocess(emptyToUndefined, z.string().trim().optional()),
      user: z.preprocess(
        emptyToUndefined,
        z.string().trim().regex(USER_ID, 'user must be letters, digits, . _ @ + - (at most 128)').optional(),
      ),
    })
    .superRefine((form, ctx) => {
      if (form.role === 'agency') {
        if (!form.agency)
          ctx.addIssue({ code: 'custom', path: ['agency'], message: 'an agency user needs an agency' });
        else if (!agencies.some((a) => a.id === form.agency))
          ctx.addIssue({ code: 'custom', path: ['agency'], message: `unknown agency "${form.agency}"` });
      } else if (form.agency) {
        ctx.addIssue({ code: 'custom', path: ['agency'], message: `a ${form.role} user has no agency` });
      }
    });

export type SignInForm = z.infer<ReturnType<typeof signInFormSchema>>;

/** Reads the posted fields; `preset=role:agency` stands for role and agency. */
export const formFields = (body: string): Record<string, string> => {
  const params = new URLSearchParams(body);
  const fields: Record<string, string> = {};
  for (const key of ['role', 'agency', 'user', 'return']) {
    const v = params.get(key);
    if (v !== null) fields[key] = v;
  }
  const preset = params.get('preset');
  if (preset !== null) {
    const [role = '', agency = ''] = preset.split(':');
    fields.role = role;
    fields.agency = agency;
  }
  return fields;
};

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const ROLE_LABEL: Record<Role, string> = {
  reporter: 'Collaborator (reporter)',
  desk: 'Desk',
  agency: 'Agency',
};

/** Agency names are Vietnamese (the config's): marked so, for screen readers, on this English page. */
const presetButton = (role: Role, agency: string, label: string, user: string) =>
  `<li><button type="submit" class="preset" name="preset" value="${escapeHtml(`${role}:${agency}`)}" ` +
  `data-dev-sign-in="${escapeHtml(`${role}:${agency}`)}"><span class="label"${agency ? ' lang="vi"' : ''}>${escapeHtml(label)}</span> ` +
  `<span class="user">${escapeHtml(user)}</span></button></li>`;

export const renderSignInPage = (o: {
  agencies: readonly { id: string; name: string }[];
  returnTo: string;
  errors?: readonly string[];
  values?: Partial<Record<'role' | 'agency' | 'user', string>>;
}): string => {
  const ret = escapeHtml(o.returnTo);
  const values = o.values ?? {};
  const errors = o.errors ?? [];
  const selected = (a: string | undefined, b: string) => (a === b ? ' selected' : '');
  const knownUsers = [...new Set(Object.values(DEV_USERS).flat())];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Development sign-in · opinion desk (local)</title>
<link rel="stylesheet" href="${DEV_SIGN_IN_CSS_PATH}">
</head>
<body>
<main>
<h1>Development sign-in</h1>
<p class="note">Local stack only: this page signs an ID token with this stack's own key, as <code>npm run token</code> does. It is never deployed; on AWS the console signs in through Cognito.</p>
${
  errors.length > 0
    ? `<div class="error" role="alert"><h2>Nothing was signed</h2><ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></div>`
    : ''
}
<form method="post" action="${DEV_SIGN_IN_PATH}" aria-labelledby="presets-title">
<input type="hidden" name="return" value="${ret}">
<h2 id="presets-title">Sign in as</h2>
<h3>${ROLE_LABEL.reporter}</h3>
<ul>${presetButton('reporter', '', ROLE_LABEL.reporter, DEV_USERS.reporter[0]!)}</ul>
<h3>${ROLE_LABEL.desk}</h3>
<ul>${presetButton('desk', '', ROLE_LABEL.desk, DEV_USERS.desk[0]!)}</ul>
<h3>${ROLE_LABEL.agency}</h3>
<ul>${o.agencies.map((a) => presetButton('agency', a.id, a.name, `${DEV_USERS.agency[0]!} · ${a.id}`)).join('')}</ul>
</form>
<form method="post" action="${DEV_SIGN_IN_PATH}" class="custom" aria-labelledby="custom-title">
<input type="hidden" name="return" value="${ret}">
<h2 id="custom-title">Another user</h2>
<p><label for="role">Role</label>
<select id="role" name="role" required>
${ROLES.map((r) => `<option value="${r}"${selected(values.role, r)}>${escapeHtml(ROLE_LABEL[r])}</option>`).join('\n')}
</select></p>
<p><label for="agency">Agency <span class="hint">(agency users only)</span></label>
<select id="agency" name="agency">
<option value="">—</option>
${o.agencies.map((a) => `<option value="${escapeHtml(a.id)}"${selected(values.agency, a.id)}>${escapeHtml(a.name)} (${escapeHtml(a.id)})</option>`).join('\n')}
</select></p>
<p><label for="user">User id <span class="hint">(empty: ${DEV_USERS.reporter[0]}, ${DEV_USERS.desk[0]} or ${DEV_USERS.agency[0]})</span></label>
<input id="user" name="user" list="known-users" autocomplete="off" value="${escapeHtml(values.user ?? '')}">
<datalist id="known-users">${knownUsers.map((u) => `<option value="${escapeHtml(u)}"></option>`).join('')}</datalist></p>
<p><button type="submit" class="primary" data-dev-sign-in-custom>Sign in</button></p>
</form>
<p class="note">Afterwards you return to <code>${ret}</code>.</p>
</main>
</body>
</html>
`;
};

export const SIGN_IN_CSS = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1d23;background:#f4f6f9}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:1.25rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .25rem;color:#3b4250}
form{background:#fff;border:1px solid #d5dae1;border-radius:8px;padding:1rem;margin:1rem 0}
ul{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
button{font:inherit;min-height:44px;padding:.5rem .9rem;border-radius:6px;border:1px solid #1c4f9c;background:#fff;color:#1c4f9c;cursor:pointer;width:100%;text-align:left}
button.primary{background:#1c4f9c;color:#fff;width:auto;text-align:center}
button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
.user{display:block;font-size:.875rem;color:#4a5260}
label{display:block;font-weight:600}
.hint{font-weight:400;color:#4a5260}
select,input{font:inherit;width:100%;min-height:44px;padding:.4rem;border:1px solid #8a93a3;border-radius:6px;background:#fff;color:#1a1d23}
.note{color:#3b4250}
.error{background:#fdecea;border:1px solid #b3261e;color:#7a1712;border-radius:8px;padding:.75rem 1rem}
.error h2{margin-top:0}
code{background:#e8ecf1;padding:0 .25rem;border-radius:4px}
`;

const readForm = (req: IncomingMessage): Promise<string | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });

const sendHtml = (res: ServerResponse, status: number, html: string) => {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(html);
};

/** Whether the request came from a page of this server (a browser says so in Origin); none: a script, fine. */
const sameOrigin = (req: IncomingMessage): boolean => {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
};

/**
 * Answers the development sign-in's requests (the page, its stylesheet, the
 * POST); returns false for any other path. The caller has set the security headers.
 */
export const devSignInHandler = (options: DevSignInOptions) => {
  const schema = signInFormSchema(options.agencies);
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname === DEV_SIGN_IN_CSS_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
      res.statusCode = 200;
      res.setHeader('content-type', 'text/css; charset=utf-8');
      res.setHeader('cache-control', 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : SIGN_IN_CSS);
      return true;
    }
    if (url.pathname !== DEV_SIGN_IN_PATH) return false;
    if (req.method === 'GET' || req.method === 'HEAD') {
      const html = renderSignInPage({
        agencies: options.agencies,
        returnTo: safeReturnPath(url.searchParams.get('return') ?? '/'),
      });
      sendHtml(res, 200, req.method === 'HEAD' ? '' : html);
      return true;
    }
    if (req.method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');

    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const body = await readForm(req);
    const fail = (status: number, errors: string[], values: SignInForm | Record<string, string> = {}) => {
      const fields = formFields(body ?? '');
      sendHtml(
        res,
        status,
        renderSignInPage({
          agencies: options.agencies,
          returnTo: safeReturnPath(fields.return ?? '/'),
          errors,
          values: values as Record<string, string>,
        }),
      );
      return true;
    };
    if (!sameOrigin(req)) return fail(403, ['The form was posted from another site.']);
    if (body === undefined) return fail(413, ['The form is too large.']);
    if (type !== 'application/x-www-form-urlencoded')
      return fail(415, ['Post the form as application/x-www-form-urlencoded.']);

    const fields = formFields(body);
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      return fail(
        400,
        parsed.error.issues.map((i) => i.message),
        fields,
      );
    }
    const form = parsed.data;
    const user = form.user ?? (form.role === 'agency' ? DEV_USERS.agency[0] : DEV_USERS[form.role][0]);
    const token = await options.signer.issueToken({
      role: form.role,
      ...(user ? { user } : {}),
      ...(form.role === 'agency' && form.agency ? { agency: form.agency } : {}),
    });
    const fragment = new URLSearchParams({ id_token: token, return: safeReturnPath(fields.return ?? '/') });
    res.statusCode = 303;
    res.setHeader('location', `/auth/callback#${fragment.toString()}`);
    res.setHeader('cache-control', 'no-store');
    res.end();
    return true;
  };
};

const methodNotAllowed = (res: ServerResponse, allow: string): true => {
  res.statusCode = 405;
  res.setHeader('allow', allow);
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end('Method not allowed');
  return true;
};
