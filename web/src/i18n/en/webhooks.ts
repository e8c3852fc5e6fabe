// English strings of the desk's Webhooks page.
import type { webhooks as vi } from '../vi/webhooks';

export const webhooks: typeof vi = {
  title: 'Webhooks',
  intro: (n: number) =>
    `The endpoints that receive this environment's case events (set in config; the secret is never shown). Each event is tried up to ${n} times.`,
  none: 'No webhook endpoint is configured in this environment.',
  events: 'Events',
  recent: 'Recent deliveries',
  noDeliveries: 'No deliveries yet.',
  colEvent: 'Event',
  colCase: 'Case',
  colState: 'Status',
  colAttempts: 'Attempts',
  colLastError: 'Last error',
  colAt: 'At',
  state: { pending: 'Sending', delivered: 'Delivered', failed: 'Failed, will retry', 'given-up': 'Given up' },
  nextAttempt: (when: string) => `retry at ${when}`,
  reload: 'Reload',
};
