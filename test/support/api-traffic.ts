// Every request an e2e test makes to a test API (test/support/local-api.ts)
// goes through global fetch. While an API is watched, fetch is wrapped: each
// exchange with it is checked against the OpenAPI document on the spot, and a
// response the document does not declare makes that fetch throw, so the test
// that made the call fails and says why. Every exchange is also appended to a
// recording, one JSON line each, in one file per test file under
// API_TRAFFIC_DIR (default: <tmp>/opinion-desk-api-traffic), for the record.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { type CheckResult, createOpenApiChecker, type OpenApiDocument } from './openapi-check';

export const trafficDir = (): string =>
  process.env.API_TRAFFIC_DIR ?? join(tmpdir(), 'opinion-desk-api-traffic');

const watched = new Map<string, ReturnType<typeof createOpenApiChecker>>();
let originalFetch: typeof fetch | undefined;
let recording: string | undefined;

const REDACTED = new Set(['authorization', 'cookie']);

const record = (line: Record<string, unknown>) => {
  if (!recording) {
    const dir = trafficDir();
    mkdirSync(dir, { recursive: true });
    const testPath = expect.getState().testPath ?? `pid-${process.pid}`;
    recording = join(dir, `${basename(testPath)}.jsonl`);
    writeFileSync(recording, '');
  }
  appendFileSync(recording, `${JSON.stringify(line)}\n`);
};

const requestOf = (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  return { url, method, headers };
};

/** Thrown by fetch when a watched API answers what its document does not declare. */
export class UndeclaredResponse extends Error {
  constructor(
    readonly exchange: string,
    readonly result: CheckResult,
  ) {
    super(`${exchange} is not what /openapi.json declares:\n  - ${result.violations.join('\n  - ')}`);
    this.name = 'UndeclaredResponse';
  }
}

const checkedFetch: typeof fetch = async (input, init) => {
  const res = await originalFetch!(input, init);
  const req = requestOf(input, init);
  const check = watched.get(req.url.origin);
  if (!check) return res;
  const body = await res.clone().text();
  const headers = Object.fromEntries(res.headers);
  const result = check({ method: req.method, path: req.url.pathname, status: res.status, headers, body });
  record({
    test: expect.getState().currentTestName ?? null,
    operation: result.operation,
    method: req.method,
    path: req.url.pathname,
    query: req.url.search,
    requestHeaders: Object.fromEntries(
      [...req.headers].map(([k, v]) => [k, REDACTED.has(k) ? '<redacted>' : v.slice(0, 200)]),
    ),
    status: res.status,
    headers,
    body: body.length > 4000 ? `${body.slice(0, 4000)}…` : body,
    violations: result.violations,
  });
  if (result.violations.length > 0)
    throw new UndeclaredResponse(`${req.method} ${req.url.pathname} → ${res.status}`, result);
  return res;
};

/** Checks every fetch to `url` against `doc` until the returned function is called. */
export const watchApiTraffic = (url: string, doc: OpenApiDocument): (() => void) => {
  const origin = new URL(url).origin;
  watched.set(origin, createOpenApiChecker(doc));
  if (!originalFetch) {
    originalFetch = globalThis.fetch;
    globalThis.fetch = checkedFetch;
  }
  return () => {
    watched.delete(origin);
    if (watched.size === 0 && originalFetch) {
      globalThis.fetch = originalFetch;
      originalFetch = undefined;
    }
  };
};
