// The reference data a client needs to fill in forms: the configured lists and
// the fixed enumerations, in both locales.
import type { AppConfig } from '#config/schema';
import { CASE_ACTIONS, CASE_RULES, CASE_STATUSES, OUTCOMES, PRIORITIES } from './case';
import { CHANNELS, REPORT_STATUSES, SENTIMENTS, URGENCIES } from './report';

export const referenceData = (config: AppConfig) => ({
  timeZone: config.timeZone,
  defaultLocale: config.defaultLocale,
  categories: config.categories,
  areas: config.areas,
  agencies: config.agencies.map(({ id, name }) => ({ id, name })),
  channels: CHANNELS,
  sentiments: SENTIMENTS,
  urgencies: URGENCIES,
  reportStatuses: REPORT_STATUSES,
  outcomes: OUTCOMES,
  caseStatuses: CASE_STATUSES,
  priorities: PRIORITIES,
  /** The case state machine, as data: who may take each action, from which states, to which. */
  caseActions: CASE_ACTIONS.map((action) => ({ action, ...CASE_RULES[action] })),
  /** The working-day calendar, so the console shows a deadline given in working days before it is sent. */
  calendar: config.calendar,
  /** The escalation ladder's steps (whom they go to by role, never an address), for the case page. */
  escalation: {
    steps: config.escalation.steps.map((s) => ({
      id: s.id,
      at: { workingDays: s.at.workingDays },
      to: s.to,
    })),
  },
  /** Evidence files: the limits the console shows before a file is chosen (docs/files.md). */
  files: {
    maxPerReport: config.files.maxPerReport,
    maxPerCase: config.files.maxPerCase,
    maxBytes: config.files.maxBytes,
    types: config.files.types,
  },
});
