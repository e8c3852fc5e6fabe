// Per-caller write limits: which counter a write uses and the fixed hour
// window it falls in. Pure rules; the counter itself is in shared/store/rate-limit.ts.
import type { AppConfig } from '#config/schema';

/** `reports`: POST /reports. `writes`: every other write route. Reads have no limit. */
export const RATE_LIMIT_KINDS = ['reports', 'writes'] as const;
export type RateLimitKind = (typeof RATE_LIMIT_KINDS)[number];

const HOUR_MS = 3_600_000;
/** How long a window's counter outlives the window before TTL may delete it. */
export const RATE_COUNTER_GRACE_SECONDS = 300;

export interface RateWindow {
  /** Start of the UTC hour, e.g. `2026-11-26T03`: part of the counter's key. */
  id: string;
  start: Date;
  end: Date;
}

/** The fixed (clock-hour, UTC) window that contains `now`. */
export const rateWindowOf = (now: Date): RateWindow => {
  const start = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  return { id: start.toISOString().slice(0, 13), start, end: new Date(start.getTime() + HOUR_MS) };
};

/** Whole seconds until the window ends (at least 1): what `Retry-After` says. */
export const secondsUntilEnd = (window: RateWindow, now: Date): number =>
  Math.max(1, Math.ceil((window.end.getTime() - now.getTime()) / 1000));

/** The configured number of writes of `kind` one caller may make per window. */
export const rateLimitOf = (config: AppConfig, kind: RateLimitKind): number =>
  kind === 'reports' ? config.api.rateLimits.reportsPerHour : config.api.rateLimits.writesPerHour;
