// The `{id}` path parameter of every resource (report, case, briefing): a ULID.
import * as z from 'zod';

export const idParamsSchema = z.strictObject({ id: z.ulid() });
