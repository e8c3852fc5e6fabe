// A client for the HTTP API as tests call it: method, path, who (a role, a
// caller with its user/agency/email, or null for no token), a JSON body and
// extra headers. The answer has the status, headers, ETag and parsed JSON.
import type { IssueTokenOptions } from '#infra/local/token';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, read only in assertions
export type Json = Record<string, any>;

export interface Answer {
  status: number;
  headers: Headers;
  etag: string | null;
  /** The parsed body; `{}` when there is none. */
  json: Json;
}

/** Who calls: a role (its default user), a caller as a token names it, or null (no token). */
export type Who = IssueTokenOptions['role'] | IssueTokenOptions | null;

export type Call = (
  method: string,
  path: string,
  who: Who,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Answer>;

export const callerOf = (who: Exclude<Who, null>): IssueTokenOptions =>
  typeof who === 'string' ? { role: who } : who;

export const parseAnswer = (status: number, headers: Headers, text: string): Answer => ({
  status,
  headers,
  etag: headers.get('etag'),
  json: (text ? JSON.parse(text) : {}) as Json,
});

/** Calls `baseUrl` with a bearer token from `tokenOf` (cached per caller). */
export const apiClient = (baseUrl: string, tokenOf: (caller: IssueTokenOptions) => Promise<string>): Call => {
  const tokens = new Map<string, Promise<string>>();
  const token = (who: Exclude<Who, null>) => {
    const caller = callerOf(who);
    const key = JSON.stringify(caller);
    let t = tokens.get(key);
    if (!t) {
      t = tokenOf(caller);
      tokens.set(key, t);
    }
    return t;
  };
  return async (method, path, who, body, headers = {}) => {
    const res = await fetch(`${baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${await token(who)}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return parseAnswer(res.status, res.headers, await res.text());
  };
};
