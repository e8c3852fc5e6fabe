// Checking input against a strict zod schema: every field that is wrong, named
// by its JSON Pointer (RFC 6901), in one BadRequest. The services call it on
// what the HTTP edge decoded; the edge maps the error to problem+json.
import type * as z from 'zod';
import { BadRequest, type FieldError } from './errors';

const pointer = (path: readonly PropertyKey[]): string =>
  path.length === 0
    ? '/'
    : `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

export const fieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => ({ path: pointer([...issue.path, k]), message: 'unknown field' }))
      : [{ path: pointer(issue.path), message: issue.message }],
  );

/** Validates with a strict schema; the error lists every field that is wrong, as JSON Pointers. */
export const validate = <S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (!result.success) throw new BadRequest(`The ${what} is not valid.`, fieldErrors(result.error));
  return result.data;
};
