// Materializing the regular briefings (the reminders job, and the local stack
// at start): kept apart from the briefing routes so they do not bundle rrule.

import { regularBriefingsAhead } from '#domain/briefing-cycle';
import type { Deps } from '#shared/deps';
import { putBriefingIfAbsent } from '#store/briefings';

/** Writes the regular briefings of the next `materializeDays` days that do not exist yet. */
export const materializeBriefings = async (deps: Deps, now: Date): Promise<number> => {
  let created = 0;
  for (const b of regularBriefingsAhead(deps.config, now)) if (await putBriefingIfAbsent(deps, b)) created++;
  return created;
};
