// The API reference as one self-contained HTML page, rendered on the server
// from the OpenAPI document: every operation with who may call it, its
// parameters, its request body's fields and each status it answers. No script,
// no external asset, no network access: the page's only style is inline, and
// its Content-Security-Policy allows exactly that style by its hash.
import { createHash } from 'node:crypto';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asObject = (v: unknown): Json => (isObject(v) ? v : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
/** Inline `code` spans of a description, everything else escaped. */
const prose = (s: string): string =>
  s
    .split(/`([^`]*)`/)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('');

const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];

/** A short text for a JSON Schema: its type with enum, const, format and bounds. */
export const describeSchema = (schema: unknown, depth = 0): string => {
  const s = asObject(schema);
  const ref = asString(s.$ref);
  if (ref) return ref.split('/').at(-1) ?? ref;
  if ('const' in s) return `= ${JSON.stringify(s.const)}`;
  const en = asArray(s.enum);
  if (en.length > 0) return `one of ${en.map((v) => JSON.stringify(v)).join(', ')}`;
  const union = asArray(s.anyOf ?? s.oneOf);
  if (union.length > 0) return union.map((u) => describeSchema(u, depth)).join(' or ');
  const types = Array.isArray(s.type) ? s.type.map(String) : [asString(s.type) ?? 'any'];
  const base = types
    .map((t) => {
      if (t === 'array') return `array of ${depth > 3 ? 'items' : describeSchema(s.items, depth + 1)}`;
      if (t === 'object' && depth > 0) return 'object';
      return t;
    })
    .join(' or ');
  const bounds: string[] = [];
  const fmt = asString(s.format);
  if (fmt) bounds.push(fmt);
  for (const [key, label] of [
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minimum', 'min'],
    ['maximum', 'max'],
    ['minItems', 'min items'],
    ['maxItems', 'max items'],
  ] as const) {
    // zod's int() bounds are the safe-integer range: not worth a word.
    const n = s[key];
    if (typeof n === 'number' && Math.abs(n) < Number.MAX_SAFE_INTEGER) bounds.push(`${label} ${n}`);
  }
  if ('default' in s) bounds.push(`default ${JSON.stringify(s.default)}`);
  // A format says it in a word; its generated pattern would only add noise.
  const pattern = asString(s.pattern);
  if (pattern && !fmt) bounds.push(`pattern ${pattern}`);
  return bounds.length > 0 ? `${base} (${bounds.join(', ')})` : base;
};

const table = (head: string[], rows: string[][]): string =>
  `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

/** The fields of an object schema, one row each; a union of objects gives one table per variant. */
const fieldTables = (schema: unknown): string => {
  const s = asObject(schema);
  const variants = asArray(s.anyOf ?? s.oneOf);
  if (variants.length > 0 && variants.every((v) => isObject(asObject(v).properties)))
    return variants
      .map((v, i) => {
        const tag = Object.entries(asObject(asObject(v).properties)).find(([, p]) => 'const' in asObject(p));
        const label = tag ? `${tag[0]} = ${JSON.stringify(asObject(tag[1]).const)}` : `variant ${i + 1}`;
        return `<p class="variant">${escapeHtml(label)}</p>${fieldTables(v)}`;
      })
      .join('');
  const props = asObject(s.properties);
  if (Object.keys(props).length === 0) return `<p>${escapeHtml(describeSchema(s))}</p>`;
  const required = new Set(asArray(s.required).map(String));
  return table(
    ['Field', 'Type', 'Required', 'Description'],
    Object.entries(props).map(([name, p]) => [
      `<code>${escapeHtml(name)}</code>`,
      escapeHtml(describeSchema(p)),
      required.has(name) ? 'yes' : 'no',
      prose(asString(asObject(p).description) ?? ''),
    ]),
  );
};

const slug = (method: string, path: string): string =>
  `${method}-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root'}`;

const whoMayCall = (op: Json): string => {
  if (Array.isArray(op.security) && op.security.length === 0) return 'Public: no token.';
  const roles = asArray(op['x-roles']).map(String);
  return `Bearer token (the Cognito ID token) of: ${roles.map((r) => `<code>${escapeHtml(r)}</code>`).join(', ')}.`;
};

const operationSection = (method: string, path: string, op: Json): string => {
  const params = asArray(op.parameters).map(asObject);
  const body = asObject(asObject(asObject(op.requestBody).content)['application/json']).schema;
  const responses = Object.entries(asObject(op.responses));
  return [
    `<section id="${slug(method, path)}">`,
    `<h2><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>`,
    `<p>${prose(asString(op.summary) ?? '')}</p>`,
    `<p class="who">${whoMayCall(op)}</p>`,
    params.length > 0
      ? `<h3>Parameters</h3>${table(
          ['Name', 'In', 'Type', 'Required', 'Description'],
          params.map((p) => [
            `<code>${escapeHtml(asString(p.name) ?? '')}</code>`,
            escapeHtml(asString(p.in) ?? ''),
            escapeHtml(describeSchema(p.schema)),
            p.required === true ? 'yes' : 'no',
            prose(asString(p.description) ?? ''),
          ]),
        )}`
      : '',
    body !== undefined ? `<h3>Request body (application/json)</h3>${fieldTables(body)}` : '',
    ...responses
      .filter(([status]) => /^2\d\d$/.test(status))
      .map(([status, r]) => {
        const schema = asObject(asObject(asObject(r).content)['application/json']).schema;
        return schema === undefined
          ? ''
          : `<h3>Response ${escapeHtml(status)} fields</h3>${fieldTables(schema)}`;
      }),
    `<h3>Responses</h3>${table(
      ['Status', 'Description', 'Content type'],
      responses.map(([status, r]) => [
        `<code>${escapeHtml(status)}</code>`,
        prose(asString(asObject(r).description) ?? ''),
        Object.keys(asObject(asObject(r).content))
          .map((t) => `<code>${escapeHtml(t)}</code>`)
          .join(' '),
      ]),
    )}`,
    '</section>',
  ].join('\n');
};

const STYLE = [
  'body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 2rem;color:#1b1f24}',
  'h1{margin-bottom:0}h2{border-top:1px solid #d0d7de;padding-top:1rem;margin-top:2rem}',
  'table{border-collapse:collapse;width:100%;margin:.5rem 0}',
  'th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#f6f8fa}code{font:13px ui-monospace,monospace;background:#f6f8fa;padding:0 .2rem}',
  '.method{font:bold 13px ui-monospace,monospace;padding:.1rem .4rem;border-radius:3px;color:#fff;background:#57606a}',
  '.get{background:#0969da}.post{background:#1a7f37}.who{color:#57606a}.variant{font-weight:600;margin-bottom:0}',
  'nav li{list-style:none}nav ul{padding-left:0}',
].join('');

/** The Content-Security-Policy that lets the page's inline style, and nothing else, apply. */
export const REFERENCE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'none'`;

/** The whole page for an OpenAPI document as buildOpenApi makes it. */
export const renderReferencePage = (doc: unknown): string => {
  const d = asObject(doc);
  const info = asObject(d.info);
  const title = asString(info.title) ?? 'API';
  const operations = Object.entries(asObject(d.paths)).flatMap(([path, item]) =>
    Object.entries(asObject(item))
      .filter(([method]) => METHOD_ORDER.includes(method))
      .sort(([a], [b]) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b))
      .map(([method, op]) => ({ method, path, op: asObject(op) })),
  );
  const servers = asArray(d.servers)
    .map(asObject)
    .map((s) => `<code>${escapeHtml(asString(s.url) ?? '')}</code> ${prose(asString(s.description) ?? '')}`);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} API reference</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)} API reference</h1>`,
    `<p>Version ${escapeHtml(asString(info.version) ?? '')}. ${prose(asString(info.description) ?? '')}</p>`,
    `<p>Servers: ${servers.join('; ')}. The machine-readable document: <a href="openapi.json">openapi.json</a>.</p>`,
    `<nav><h2>Operations</h2><ul>${operations
      .map(
        ({ method, path, op }) =>
          `<li><a href="#${slug(method, path)}"><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></a> ${prose(asString(op.summary) ?? '')}</li>`,
      )
      .join('')}</ul></nav>`,
    ...operations.map(({ method, path, op }) => operationSection(method, path, op)),
    '</body></html>',
  ].join('\n');
};
