// The API client: openapi-fetch over the types generated from the OpenAPI
// document (./schema.d.ts), so every path, parameter and body is checked by
// the compiler. This file adds the bearer token and turns answers that are not
// 2xx into ApiProblem (the API's problem+json) and failed fetches into
// NetworkError. No per-route wrappers.
import createClient, { type Middleware } from 'openapi-fetch';
import { dropSession, signIn } from '../auth/session';
import { config } from '../config';
import type { paths } from './schema';

export type { components, paths } from './schema';

export interface FieldProblem {
  /** A JSON Pointer into the request body or query, e.g. `/sourceUrls/0`. */
  path: string;
  message: string;
}

/** An answer that is not 2xx: the problem+json the API sent (RFC 9457). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  /** The whole problem body: its extension members (`limit`, `currentStatus`, …) too. */
  readonly body: Readonly<Record<string, unknown>>;
  constructor(status: number, body: unknown) {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const title = typeof b.title === 'string' ? b.title : `HTTP ${status}`;
    super(title);
    this.name = 'ApiProblem';
    this.status = status;
    this.title = title;
    this.detail = typeof b.detail === 'string' ? b.detail : undefined;
    this.body = b;
    this.errors = Array.isArray(b.errors)
      ? b.errors.filter(
          (e): e is FieldProblem =>
            typeof e === 'object' &&
            e !== null &&
            typeof e.path === 'string' &&
            typeof e.message === 'string',
        )
      : [];
  }
  /** The message for a field, by its JSON Pointer (`/title`) or a prefix of it (`/sourceUrls`). */
  fieldError(pointer: string): string | undefined {
    return this.errors.find((e) => e.path === pointer || e.path.startsWith(`${pointer}/`))?.message;
  }
}

/** The request never got an answer (offline, DNS, the server unreachable). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

let token: () => string | undefined = () => undefined;
/** Where the bearer token comes from (boot and the app shell set it once a session exists; not a hook). */
export const setTokenSource = (source: () => string | undefined): void => {
  token = source;
};

const auth: Middleware = {
  onRequest({ request }) {
    const t = token();
    if (t) request.headers.set('authorization', `Bearer ${t}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) {
      // Expired or revoked: sign in again and come back here.
      dropSession();
      void signIn(location.pathname + location.search);
    }
    return response;
  },
};

let client: ReturnType<typeof createClient<paths>> | undefined;

export const api = () => {
  if (!client) {
    client = createClient<paths>({ baseUrl: config().apiUrl });
    client.use(auth);
  }
  return client;
};

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call: the data and the response, or throws ApiProblem / NetworkError. */
export const call = async <T>(request: Promise<FetchResult<T>>): Promise<{ data: T; response: Response }> => {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (err) {
    throw new NetworkError(err);
  }
  if (!result.response.ok || result.data === undefined) {
    throw new ApiProblem(result.response.status, result.error);
  }
  return { data: result.data, response: result.response };
};

/** The strong version an ETag carries (`"3"` → 3). */
export const versionOf = (response: Response): number | undefined => {
  const m = /^(?:W\/)?"(\d+)"$/.exec(response.headers.get('etag') ?? '');
  return m ? Number(m[1]) : undefined;
};
