// The config's working-day calendar and escalation ladder (docs/configuration.md,
// docs/jobs.md). Kept apart from schema.ts so the rules on them read in one place;
// built lazily, with the rest of the schema.
import * as z from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Who a step of the ladder writes to: the case's agency, that agency's head, the desk lead list. */
export const ESCALATION_RECIPIENTS = ['agency', 'agencyHead', 'deskLead'] as const;
export type EscalationRecipient = (typeof ESCALATION_RECIPIENTS)[number];

const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isRealDay = (d: string) => {
  const m = DAY.exec(d);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.getUTCDate() === Number(m[3]);
};

export const calendarSchema = () => {
  const day = z.string().refine(isRealDay, 'must be a calendar date YYYY-MM-DD');
  const year = z
    .strictObject({
      /** Where the year's days off come from (the government's announcement), for the next operator. */
      source: z.string().min(1),
      /** Every public holiday and compensatory day off that falls in the year. */
      daysOff: z.array(z.strictObject({ date: day, name: z.string().min(1) })),
      /** Days that are worked although the rule says otherwise: make-up Saturdays, a holiday moved. */
      workingDays: z.array(z.strictObject({ date: day, reason: z.string().min(1) })).default([]),
    })
    .superRefine((y, ctx) => {
      const off = y.daysOff.map((d) => d.date);
      const on = y.workingDays.map((d) => d.date);
      if (new Set(off).size !== off.length)
        ctx.addIssue({ code: 'custom', path: ['daysOff'], message: 'repeats a date' });
      if (new Set(on).size !== on.length)
        ctx.addIssue({ code: 'custom', path: ['workingDays'], message: 'repeats a date' });
      for (const d of on.filter((x) => off.includes(x)))
        ctx.addIssue({ code: 'custom', path: ['workingDays'], message: `${d} is also a day off` });
    });
  return z
    .strictObject({
      /** The days of the week not worked. */
      weekend: z
        .array(z.enum(WEEKDAYS))
        .max(6)
        .refine((w) => new Set(w).size === w.length, 'repeats a day'),
      /** "End of a working day", local: a deadline given in working days falls at this time. */
      endOfWorkingDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (24 h)'),
      /** Days off per calendar year (`"2026"`); every date listed must fall in its year. */
      years: z.record(z.string().regex(/^\d{4}$/, 'must be a year such as 2026'), year),
    })
    .superRefine((c, ctx) => {
      for (const [y, entry] of Object.entries(c.years)) {
        for (const d of [...entry.daysOff, ...entry.workingDays])
          if (!d.date.startsWith(`${y}-`))
            ctx.addIssue({ code: 'custom', path: ['years', y], message: `${d.date} is not in ${y}` });
      }
    });
};

export const escalationSchema = <R extends z.ZodType>(recipient: R) =>
  z.strictObject({
    /**
     * The ladder, in order: each step's moment is `at.workingDays` working days from
     * the deadline (negative before, 0 the deadline itself), at the deadline's time of day.
     */
    steps: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lower-case slug (a-z, 0-9, -)'),
          at: z.strictObject({ workingDays: z.number().int().min(-10).max(30) }),
          to: z
            .array(z.enum(ESCALATION_RECIPIENTS))
            .min(1)
            .refine((r) => new Set(r).size === r.length, 'repeats a recipient'),
        }),
      )
      .min(1)
      .max(10),
    /** The `deskLead` recipients; required when a step writes to them. */
    deskLead: z.array(recipient).min(1).optional(),
  });

interface LadderShape {
  escalation: {
    steps: { id: string; at: { workingDays: number }; to: readonly EscalationRecipient[] }[];
    deskLead?: unknown[];
  };
}

/** The rules across steps: unique ids, strictly increasing moments, a desk lead list when one is used. */
export const escalationIssues = (cfg: LadderShape): { path: (string | number)[]; message: string }[] => {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const steps = cfg.escalation.steps;
  const ids = steps.map((s) => s.id);
  if (new Set(ids).size !== ids.length)
    issues.push({ path: ['escalation', 'steps'], message: 'ids must be unique' });
  steps.forEach((s, i) => {
    const prev = steps[i - 1];
    if (prev && s.at.workingDays <= prev.at.workingDays)
      issues.push({
        path: ['escalation', 'steps', i, 'at'],
        message: `must come after step ${prev.id} (steps are ordered by their moment)`,
      });
    if (s.to.includes('deskLead') && !cfg.escalation.deskLead)
      issues.push({ path: ['escalation', 'deskLead'], message: `required: step ${s.id} writes to deskLead` });
  });
  return issues;
};
