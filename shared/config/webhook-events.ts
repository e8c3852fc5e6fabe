// The case events a webhook endpoint may take (docs/webhooks.md). A module of
// its own: the config schema and the domain (shared/domain/webhooks.ts) both
// need the list, and the functions bundle the domain without the schema.
export const WEBHOOK_EVENT_TYPES = [
  'case.opened',
  'case.assigned',
  'case.responded',
  'case.closed',
  'case.overdue',
] as const;
