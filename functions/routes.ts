// The route manifest: the one list of HTTP routes. CDK makes one API route per
// row (and one function per handler group); the local server mounts the same
// rows. A route added here exists on both targets, or on neither.
import type { RateLimitKind } from '#domain/rate-limit';
import { ROLES, type Role } from '#domain/roles';

// The roles are the domain's; the manifest and its readers take them from here too.
export { ROLES, type Role };

/** One Lambda function per group; `entry` is relative to the project root. */
export const handlerGroups = {
  meta: { entry: 'functions/http/meta.ts' },
  reports: { entry: 'functions/http/reports.ts' },
  cases: { entry: 'functions/http/cases.ts' },
  summaries: { entry: 'functions/http/summaries.ts' },
  briefings: { entry: 'functions/http/briefings.ts' },
  files: { entry: 'functions/http/files.ts' },
} as const;
export type HandlerGroup = keyof typeof handlerGroups;

export type HttpMethod = 'GET' | 'POST';

export interface RouteDef {
  method: HttpMethod;
  /** API Gateway path syntax: `/reports/{id}`. */
  path: string;
  group: HandlerGroup;
  /** `public`: no token. Otherwise the roles that may call it (any of the caller's groups). */
  access: 'public' | readonly Role[];
  /** Whether the route takes a JSON body (content type, size and depth checks). */
  body: boolean;
  summary: string;
  /** Writes: the per-caller hourly limit the route counts against. Reads have none. */
  rateLimit?: RateLimitKind;
  /** The route honours an Idempotency-Key: a replay of its stored response takes no rate-limit slot. */
  idempotencyKey?: true;
}

export const routes = [
  {
    method: 'GET',
    path: '/',
    group: 'meta',
    access: 'public',
    body: false,
    summary: 'Where to start: links to the API reference page, the OpenAPI document and the health check',
  },
  {
    method: 'GET',
    path: '/health',
    group: 'meta',
    access: 'public',
    body: false,
    summary: 'Liveness: the table answers',
  },
  {
    method: 'GET',
    path: '/openapi.json',
    group: 'meta',
    access: 'public',
    body: false,
    summary: 'This API as OpenAPI 3.1',
  },
  {
    method: 'GET',
    path: '/docs',
    group: 'meta',
    access: 'public',
    body: false,
    summary: 'This API as a readable reference page (HTML rendered from the OpenAPI document)',
  },
  {
    method: 'GET',
    path: '/reference',
    group: 'meta',
    access: ROLES,
    body: false,
    summary: 'Categories, areas, agencies and the enumerations',
  },
  {
    method: 'POST',
    path: '/reports',
    group: 'reports',
    access: ['reporter', 'desk'],
    body: true,
    summary: 'Submit a report',
    rateLimit: 'reports',
    idempotencyKey: true,
  },
  {
    method: 'GET',
    path: '/reports',
    group: 'reports',
    access: ['reporter', 'desk'],
    body: false,
    summary: 'List reports (desk: all; reporter: own)',
  },
  {
    method: 'GET',
    path: '/reports.csv',
    group: 'reports',
    access: ['desk'],
    body: false,
    summary:
      'The reports list as CSV (its filters, plus lang), one part of at most export.maxRowsPerPart rows; Link rel="next" to the next part',
  },
  {
    method: 'GET',
    path: '/reports/{id}',
    group: 'reports',
    access: ['reporter', 'desk'],
    body: false,
    summary: 'One report (reporter: own only)',
  },
  {
    method: 'GET',
    path: '/reports/{id}/similar',
    group: 'reports',
    access: ['desk'],
    body: false,
    summary:
      'The reports sharing a source URL with it or saying nearly the same within the similarity window',
  },
  {
    method: 'POST',
    path: '/reports/actions',
    group: 'reports',
    access: ['desk'],
    body: true,
    summary: 'Dismiss, restore or link up to 100 reports, each done or refused on its own',
    rateLimit: 'writes',
  },
  {
    method: 'POST',
    path: '/reports/{id}/actions',
    group: 'reports',
    access: ['desk'],
    body: true,
    summary: 'Dismiss or restore a report',
    rateLimit: 'writes',
  },
  {
    method: 'POST',
    path: '/cases',
    group: 'cases',
    access: ['desk'],
    body: true,
    summary: 'Open a case from 1–50 new reports',
    rateLimit: 'writes',
  },
  {
    method: 'GET',
    path: '/cases',
    group: 'cases',
    access: ['desk', 'agency'],
    body: false,
    summary: 'List cases (desk: all; agency: its own agency’s)',
  },
  {
    method: 'GET',
    path: '/cases.csv',
    group: 'cases',
    access: ['desk'],
    body: false,
    summary:
      'The cases list as CSV (its filters, plus lang), one part of at most export.maxRowsPerPart rows; Link rel="next" to the next part',
  },
  {
    method: 'GET',
    path: '/cases/{id}',
    group: 'cases',
    access: ['desk', 'agency'],
    body: false,
    summary: 'One case with its history and report ids; ETag is its version',
  },
  {
    method: 'POST',
    path: '/cases/{id}/actions',
    group: 'cases',
    access: ['desk', 'agency'],
    body: true,
    summary: 'One action on a case; If-Match required',
    rateLimit: 'writes',
  },
  {
    method: 'GET',
    path: '/templates',
    group: 'cases',
    access: ['desk', 'agency'],
    body: false,
    summary: 'Response templates by category (desk: all; agency: active ones)',
  },
  {
    method: 'POST',
    path: '/templates',
    group: 'cases',
    access: ['desk'],
    body: true,
    summary: 'Create a response template (category, title, text in vi and en)',
    rateLimit: 'writes',
  },
  {
    method: 'GET',
    path: '/templates/{id}',
    group: 'cases',
    access: ['desk', 'agency'],
    body: false,
    summary:
      'One response template with its history (agency: an active one, no history); ETag is its version',
  },
  {
    method: 'POST',
    path: '/templates/{id}/actions',
    group: 'cases',
    access: ['desk'],
    body: true,
    summary: 'edit {title?, text?, category?}, retire {reason}, restore; If-Match required',
    rateLimit: 'writes',
  },
  {
    method: 'GET',
    path: '/summaries/daily',
    group: 'summaries',
    access: ['desk'],
    body: false,
    summary: 'The daily summary of a local day (default: yesterday), as the email is built from it',
  },
  {
    method: 'GET',
    path: '/summaries/weekly',
    group: 'summaries',
    access: ['desk'],
    body: false,
    summary:
      'The weekly report of an ISO week (default: the last complete one), as its email is built from it',
  },
  {
    method: 'GET',
    path: '/summaries/monthly',
    group: 'summaries',
    access: ['desk'],
    body: false,
    summary: 'The monthly report of a month (default: the last complete one), as its email is built from it',
  },
  {
    method: 'GET',
    path: '/webhooks',
    group: 'summaries',
    access: ['desk'],
    body: false,
    summary:
      'The webhook endpoints (id, host, events; never the secret) and their latest deliveries (event, case, status, attempts, last error)',
  },
  {
    method: 'GET',
    path: '/briefings',
    group: 'briefings',
    access: ['desk', 'agency'],
    body: false,
    summary: 'Briefings between two local dates (default: the next 60 days)',
  },
  {
    method: 'POST',
    path: '/briefings',
    group: 'briefings',
    access: ['desk'],
    body: true,
    summary: 'Schedule an ad-hoc briefing',
    rateLimit: 'writes',
  },
  {
    method: 'GET',
    path: '/briefings/{id}',
    group: 'briefings',
    access: ['desk', 'agency'],
    body: false,
    summary: 'One briefing with its agenda (agency: its own cases on it)',
  },
  {
    method: 'POST',
    path: '/briefings/{id}/actions',
    group: 'briefings',
    access: ['desk'],
    body: true,
    summary: 'cancel {reason}, reschedule {startsAt}, invite {emails}',
    rateLimit: 'writes',
  },
  {
    method: 'POST',
    path: '/reports/{id}/files',
    group: 'files',
    access: ['reporter', 'desk'],
    body: true,
    summary: 'Ask for a form to upload one evidence file (name, type, size) to a report',
    rateLimit: 'writes',
  },
  {
    method: 'POST',
    path: '/reports/{id}/files/{fileId}/confirm',
    group: 'files',
    access: ['reporter', 'desk'],
    body: false,
    summary: 'Check, clean and attach an uploaded file to the report',
    rateLimit: 'writes',
  },
  {
    method: 'GET',
    path: '/reports/{id}/files',
    group: 'files',
    access: ['reporter', 'desk'],
    body: false,
    summary: 'The report’s files with short-lived signed links',
  },
  {
    method: 'POST',
    path: '/cases/{id}/files',
    group: 'files',
    access: ['desk', 'agency'],
    body: true,
    summary: 'Ask for a form to upload one evidence file (name, type, size) to a case',
    rateLimit: 'writes',
  },
  {
    method: 'POST',
    path: '/cases/{id}/files/{fileId}/confirm',
    group: 'files',
    access: ['desk', 'agency'],
    body: false,
    summary: 'Check, clean and attach an uploaded file to the case',
    rateLimit: 'writes',
  },
  {
    method: 'GET',
    path: '/cases/{id}/files',
    group: 'files',
    access: ['desk', 'agency'],
    body: false,
    summary: 'The case’s files, then its reports’ files, with short-lived signed links',
  },
] as const satisfies readonly RouteDef[];

export type RouteKey = `${(typeof routes)[number]['method']} ${(typeof routes)[number]['path']}`;
export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method} ${r.path}`;

export const routesOfGroup = (group: HandlerGroup): RouteDef[] => routes.filter((r) => r.group === group);
export const findRoute = (key: string): RouteDef | undefined => routes.find((r) => routeKey(r) === key);

/**
 * Each path of the manifest once. Both targets answer a known path with a
 * method it lacks with 405 and `Allow` (unknown paths stay 404): API Gateway
 * has one `ANY <path>` route per path (explicit methods win over ANY) to the
 * `METHOD_FALLBACK_GROUP` function, and the local server does the same.
 */
export const routePaths = (): string[] => [...new Set(routes.map((r) => r.path))];
/** The handler group behind the `ANY <path>` routes: it answers 405 without reading the store. */
export const METHOD_FALLBACK_GROUP: HandlerGroup = 'meta';
/** The methods the manifest has for one path, for a 405's `Allow`; empty for an unknown path. */
export const methodsOfPath = (path: string): HttpMethod[] =>
  [...new Set((routes as readonly RouteDef[]).filter((r) => r.path === path).map((r) => r.method))].sort();
