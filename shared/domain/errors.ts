// Typed domain errors. Domain code throws these; the HTTP layer maps each to
// its problem+json status in one place (shared/http/problem.ts).
export interface FieldError {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  /** Extra members for the problem body (RFC 9457 extension members). */
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(
    detail: string,
    extensions: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = new.target.name;
    this.extensions = extensions;
    this.headers = headers;
  }
}

export class BadRequest extends DomainError {
  readonly status = 400;
  readonly title = 'Bad request';
  constructor(
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}
export class Unauthorized extends DomainError {
  readonly status = 401;
  readonly title = 'Unauthorized';
}
export class Forbidden extends DomainError {
  readonly status = 403;
  readonly title = 'Forbidden';
}
export class NotFound extends DomainError {
  readonly status = 404;
  readonly title = 'Not found';
}
export class Conflict extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
}
export class PreconditionFailed extends DomainError {
  readonly status = 412;
  readonly title = 'Precondition failed';
}
export class UnprocessableContent extends DomainError {
  readonly status = 422;
  readonly title = 'Unprocessable content';
}
export class PreconditionRequired extends DomainError {
  readonly status = 428;
  readonly title = 'Precondition required';
}
/** A caller over its per-hour write limit; `retryAfterSeconds` is the time left in the window. */
export class TooManyRequests extends DomainError {
  readonly status = 429;
  readonly title = 'Too many requests';
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail, {}, { 'retry-after': String(retryAfterSeconds) });
  }
}
export class ServiceUnavailable extends DomainError {
  readonly status = 503;
  readonly title = 'Service unavailable';
  constructor(detail: string, retryAfterSeconds = 2) {
    super(detail, {}, { 'retry-after': String(retryAfterSeconds) });
  }
}
