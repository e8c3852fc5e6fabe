// The reference data a client needs to fill in forms: the configured lists and
// the fixed enumerations, in both locales.
import type { AppConfig } from '../config/schema';
import { CHANNELS, REPORT_STATUSES, SENTIMENTS, URGENCIES } from './report';

/** How a case ends (SPEC §4 "Case"). */
export const OUTCOMES = ['clarified', 'corrected', 'resolved', 'unfounded', 'no-action'] as const;
export type Outcome = (typeof OUTCOMES)[number];

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
});
