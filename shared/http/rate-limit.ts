// The per-caller write limit, as a step of the shared handler stack. On routes
// the manifest marks with `rateLimit`, the route gets a store client whose
// first write first takes a slot of the caller's hourly counter; with no slot
// left that write is never sent and the request answers 429 problem+json with
// Retry-After. So a request refused before it writes (bad input, not found, a
// missing If-Match) costs no counter call, and the counter counts writes, not
// requests. A slot is given back when the answer shows nothing was written:
// any non-2xx answer (a conditional write that lost) or an idempotent replay.
import { TooManyRequests } from '#domain/errors';
import { type RateLimitKind, rateLimitOf } from '#domain/rate-limit';
import type { Deps } from '#shared/deps';
import { logger } from '#shared/observability';
import { getIdempotencyRecord, idempotencyItemKey } from '#store/idempotency';
import { type RateCounterKey, returnRateSlot, takeRateSlot } from '#store/rate-limit';
import { gateWrites } from '#store/write-gate';
import type { HttpRequest, HttpResult } from './handler';

/** Set by the report use case on a response replayed for a retried Idempotency-Key. */
const REPLAY_HEADER = 'idempotent-replayed';

/** A retry of a request that was already answered: replaying its stored response writes nothing new. */
const isStoredReplay = async (req: HttpRequest, deps: Deps, now: Date): Promise<boolean> => {
  const key = req.headers['idempotency-key'];
  if (!req.route.idempotencyKey || key === undefined || !req.principal) return false;
  return (await getIdempotencyRecord(deps, idempotencyItemKey(req.principal.sub, key), now)) !== undefined;
};

const giveBack = async (deps: Deps, key: RateCounterKey, req: HttpRequest): Promise<void> => {
  try {
    await returnRateSlot(deps, key);
  } catch (error) {
    // The answer stands; the caller only loses one slot of this hour.
    logger.warn('rate-limit slot not returned', { route: req.route.path, error: error as Error });
  }
};

const limitDetail = (kind: RateLimitKind, limit: number, retryAfterSeconds: number) =>
  `This account may make ${limit} ${kind === 'reports' ? 'report submissions' : 'writes'} per hour; ` +
  `retry in ${retryAfterSeconds} s.`;

/** Runs a route under the caller's hourly write limit (routes without `rateLimit` run as they are). */
export const withRateLimit = async (
  req: HttpRequest,
  deps: Deps,
  run: (deps: Deps) => Promise<HttpResult>,
): Promise<HttpResult> => {
  const kind = req.route.rateLimit;
  const principal = req.principal;
  if (!kind || !principal) return run(deps);

  let taken: RateCounterKey | undefined;
  let gate: Promise<void> | undefined;
  const takeSlot = async (): Promise<void> => {
    const now = deps.clock();
    const limit = rateLimitOf(deps.config, kind);
    const slot = await takeRateSlot(deps, { sub: principal.sub, kind, limit, now });
    if (slot.taken) {
      taken = slot.key;
      return;
    }
    // A retry storm must not lock a reporter out of the answer it is owed.
    if (await isStoredReplay(req, deps, now)) return;
    logger.info('rate limit reached', { route: req.route.path, kind });
    throw new TooManyRequests(limitDetail(kind, limit, slot.retryAfterSeconds), slot.retryAfterSeconds);
  };
  const db = gateWrites(deps.db, () => {
    gate ??= takeSlot();
    return gate;
  });

  let result: HttpResult;
  try {
    result = await run({ ...deps, db });
  } catch (err) {
    if (taken) await giveBack(deps, taken, req);
    throw err;
  }
  if (taken && (result.status < 200 || result.status >= 300 || result.headers?.[REPLAY_HEADER] === 'true')) {
    await giveBack(deps, taken, req);
  }
  return result;
};
