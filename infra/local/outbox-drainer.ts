// The local stand-in for the DynamoDB stream: shortly after each write, the
// same sender delivers pending outbox items (polled every second).

import { drainOutbox } from '#service/notifications';
import type { Deps } from '#shared/deps';
import type { StackExtension } from './stack';

export interface OutboxDrainer {
  stop(): Promise<void>;
}

export const startOutboxDrainer = (
  deps: Deps,
  o: { intervalMs?: number; log?: (line: string) => void } = {},
): OutboxDrainer => {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const now = deps.clock();
        const result = await drainOutbox(deps, new Date(now.getTime() + 1), now);
        if (result.items > 0) o.log?.(JSON.stringify({ job: 'outbox', ...result }));
      } catch (err) {
        o.log?.(JSON.stringify({ job: 'outbox', error: (err as Error).message }));
      } finally {
        running = undefined;
      }
    })();
  };
  const timer = setInterval(tick, o.intervalMs ?? 1000);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
};

export const outboxDrainerExtension =
  (o: { log?: (line: string) => void } = {}): StackExtension =>
  async (stack) => {
    const drainer = startOutboxDrainer(stack.deps, o);
    return () => drainer.stop();
  };
