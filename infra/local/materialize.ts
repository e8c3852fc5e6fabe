// On start, the local stack writes the regular briefings of the next 60 days
// (as the reminders job also does every run), so they are there to plan with.
import { materializeBriefings } from '#service/materialize';
import type { StackExtension } from './stack';

export const materializeBriefingsExtension =
  (o: { log?: (line: string) => void } = {}): StackExtension =>
  async (stack) => {
    const created = await materializeBriefings(stack.deps, stack.deps.clock());
    o.log?.(JSON.stringify({ job: 'materialize-briefings', created }));
    return undefined;
  };
