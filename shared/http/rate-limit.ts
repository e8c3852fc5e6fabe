// The per-caller write limit, as a step of the shared handler stack: on routes
// the manifest marks with `rateLimit`, a slot of the caller's hourly counter is
// taken before the route runs (429 problem+json with Retry-After when there is
// none, and the route does not run), and given back when the route's answer
// shows that nothing was written: any non-2xx answer, or an idempotent replay.
// So the counter counts writes that took effect, and a rejected request leaves
// nothing behind.
import type { Deps } from '../deps';
import { TooManyRequests } from '../domain/errors';
import { rateLimitOf } from '../domain/rate-limit';
import { logger } from '../observability';
import { getIdempotencyRecord, idempotencyItemKey } from '../store/idempotency';
import { type RateCounterKey, returnRateSlot, takeRateSlot } from '../store/rate-limit';
import type { HttpRequest, HttpResult } from './handler';

/** The answer to a retry with an Idempotency-Key whose first response is replayed. */
const REPLAY_HEADER = 'idempotent-replayed';

/** A retry of a request that was already answered: replaying its stored response writes nothing. */
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

export const withRateLimit = async (
  req: HttpRequest,
  deps: Deps,
  run: () => Promise<HttpResult>,
): Promise<HttpResult> => {
  const kind = req.route.rateLimit;
  if (!kind || !req.principal) return run();
  const now = deps.clock();
  const limit = rateLimitOf(deps.config, kind);
  const slot = await takeRateSlot(deps, { sub: req.principal.sub, kind, limit, now });
  if (!slot.taken) {
    // A retry storm must not lock a reporter out of the answer it is owed.
    if (await isStoredReplay(req, deps, now)) return run();
    logger.info('rate limit reached', { route: req.route.path, kind });
    throw new TooManyRequests(
      `This account may make ${limit} ${kind === 'reports' ? 'report submissions' : 'writes'} per hour; ` +
        `retry in ${slot.retryAfterSeconds} s.`,
      slot.retryAfterSeconds,
    );
  }
  let result: HttpResult;
  try {
    result = await run();
  } catch (err) {
    await giveBack(deps, slot.key, req);
    throw err;
  }
  if (result.status < 200 || result.status >= 300 || result.headers?.[REPLAY_HEADER] === 'true') {
    await giveBack(deps, slot.key, req);
  }
  return result;
};
