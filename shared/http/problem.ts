// RFC 9457 problem+json responses, and the mapping from any thrown error to one.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { BadRequest, DomainError, ServiceUnavailable } from '#domain/errors';

/** A known path with a method it does not have: 405, with the methods it has in `Allow`. */
export class MethodNotAllowed extends DomainError {
  readonly status = 405;
  readonly title = 'Method not allowed';
  constructor(method: string, path: string, allow: readonly string[]) {
    super(`${path} does not take ${method}; it takes ${allow.join(', ')}.`, {}, { allow: allow.join(', ') });
  }
}

// Transport errors: about the request's bytes, not the domain's rules.
export class PayloadTooLarge extends DomainError {
  readonly status = 413;
  readonly title = 'Payload too large';
}
export class UnsupportedMediaType extends DomainError {
  readonly status = 415;
  readonly title = 'Unsupported media type';
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

const typeFor = (status: number): string => `https://opinion-desk.example.org/problems/${status}`;

export const problemResponse = (
  problem: Problem,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: problem.status,
  headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  body: JSON.stringify(problem),
});

/** Errors from the AWS SDK that mean "our store is not answering", not "the client sent something bad". */
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ResourceNotFoundException',
]);
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

export const isUnavailable = (err: unknown): boolean => {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return UNAVAILABLE_NAMES.has(err.name) || (typeof code === 'string' && UNAVAILABLE_CODES.has(code));
};

/** Maps an error to its problem; `unknown` is true when it is a bug (logged, answered 500 without internals). */
export const toProblem = (
  err: unknown,
): { problem: Problem; headers: Record<string, string>; unknown: boolean } => {
  const domain =
    err instanceof DomainError
      ? err
      : isUnavailable(err)
        ? new ServiceUnavailable('The store is not answering; retry shortly.')
        : undefined;
  if (domain) {
    const problem: Problem = {
      ...domain.extensions,
      type: typeFor(domain.status),
      title: domain.title,
      status: domain.status,
      detail: domain.message,
    };
    if (domain instanceof BadRequest && domain.errors.length > 0) problem.errors = domain.errors;
    return { problem, headers: domain.headers, unknown: false };
  }
  return {
    problem: {
      type: typeFor(500),
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side.',
    },
    headers: {},
    unknown: true,
  };
};
