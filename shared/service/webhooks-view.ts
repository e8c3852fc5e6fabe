// GET /webhooks (desk): the configured endpoints, as much as is safe to show
// (id, host, events; never the secret, nor the URL's path or query, which may
// hold a receiver's token), and each one's latest deliveries from its own
// partition (no Scan).
import { validate } from '#domain/validate';
import { type WebhooksView, webhooksQuerySchema } from '#domain/webhooks';
import type { Deps } from '#shared/deps';
import { recentWebhookDeliveries } from '#store/webhooks';

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

export const webhooksFor = async (deps: Deps, query: unknown): Promise<WebhooksView> => {
  const q = validate(webhooksQuerySchema, query, 'query');
  const endpoints = deps.config.webhooks.endpoints.filter(
    (e) => q.endpoint === undefined || e.id === q.endpoint,
  );
  return {
    maxAttempts: deps.config.webhooks.maxAttempts,
    endpoints: await Promise.all(
      endpoints.map(async (e) => ({
        id: e.id,
        host: hostOf(e.url),
        events: e.events,
        deliveries: (await recentWebhookDeliveries(deps, e.id, q.limit)).map(
          ({ event: _e, eventId: _i, ...d }) => d,
        ),
      })),
    ),
  };
};
