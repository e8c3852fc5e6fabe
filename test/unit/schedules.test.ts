// The schedule manifest and what reads it: the two shapes a schedule takes
// (`{ daily }`, `{ everyMinutes }`), their EventBridge form (CDK), the local
// scheduler's reading of them in the configured zone, and the `job` command's
// flags. The local scheduler itself, on real timers, is
// test/integration/local-scheduler.test.ts.
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '#config/schema';
import {
  describeSchedule,
  findSchedule,
  type ScheduleDef,
  scheduleExpression,
  schedules,
  timeZoneOf,
} from '#functions/schedules';
import { loadAppConfig } from '#infra/config/index';
import { JobFlagError, jobOptionsFromFlags, localJobs, outboxDir } from '#infra/local/jobs';
import { formatInZone, nextRunAfter } from '#infra/local/scheduler';

const HCM = 'Asia/Ho_Chi_Minh';

describe('scheduleExpression (EventBridge Scheduler, as the manifest had it with 5-field crons)', () => {
  it.each([
    [{ daily: '07:00' }, 'cron(0 7 * * ? *)'],
    [{ daily: '06:30' }, 'cron(30 6 * * ? *)'],
    [{ daily: '23:59' }, 'cron(59 23 * * ? *)'],
    [{ everyMinutes: 15 }, 'cron(0/15 * * * ? *)'],
    [{ everyMinutes: 5 }, 'cron(0/5 * * * ? *)'],
    [{ everyMinutes: 1 }, 'cron(* * * * ? *)'],
  ])('%j → %s', (schedule, expected) => {
    expect(scheduleExpression(schedule)).toBe(expected);
  });

  it('refuses what is not a time of day or a minute interval', () => {
    expect(() => scheduleExpression({ daily: '7:00' })).toThrow(/HH:mm/);
    expect(() => scheduleExpression({ daily: '24:00' })).toThrow(/HH:mm/);
    expect(() => scheduleExpression({ everyMinutes: 0 })).toThrow(/1\.\.59/);
    expect(() => scheduleExpression({ everyMinutes: 2.5 })).toThrow(/1\.\.59/);
    expect(() => scheduleExpression({ everyMinutes: 60 })).toThrow(/1\.\.59/);
  });

  it('names a schedule for people', () => {
    expect(describeSchedule({ daily: '07:00' })).toBe('daily at 07:00');
    expect(describeSchedule({ everyMinutes: 15 })).toBe('every 15 minutes');
    expect(describeSchedule({ everyMinutes: 1 })).toBe('every minute');
  });
});

describe('the next run in the configured zone (the local scheduler)', () => {
  it('runs 07:00 Asia/Ho_Chi_Minh at 00:00 UTC, the next day once 07:00 has passed', () => {
    const daily = { daily: '07:00' };
    expect(nextRunAfter(daily, HCM, new Date('2026-11-26T00:30:00Z'))).toEqual(
      new Date('2026-11-27T00:00:00Z'),
    );
    expect(nextRunAfter(daily, HCM, new Date('2026-11-25T23:59:00Z'))).toEqual(
      new Date('2026-11-26T00:00:00Z'),
    );
    // Strictly after: a run at exactly 07:00 is followed by tomorrow's.
    expect(nextRunAfter(daily, HCM, new Date('2026-11-26T00:00:00Z'))).toEqual(
      new Date('2026-11-27T00:00:00Z'),
    );
  });

  it('runs every 15 minutes from the top of the hour', () => {
    const every = { everyMinutes: 15 };
    const runs = [new Date('2026-11-26T00:07:00Z')];
    for (let i = 0; i < 4; i++) runs.push(nextRunAfter(every, HCM, runs.at(-1)!));
    expect(runs.slice(1)).toEqual([
      new Date('2026-11-26T00:15:00Z'),
      new Date('2026-11-26T00:30:00Z'),
      new Date('2026-11-26T00:45:00Z'),
      new Date('2026-11-26T01:00:00Z'),
    ]);
    // An interval that does not divide the hour starts again at the top of it, as `*/25` does.
    expect(nextRunAfter({ everyMinutes: 25 }, HCM, new Date('2026-11-26T00:51:00Z'))).toEqual(
      new Date('2026-11-26T01:00:00Z'),
    );
  });

  it('reads the hour in the zone, also where the offset is not whole hours or changes (DST)', () => {
    // India is UTC+05:30: its top of the hour is :30 UTC.
    expect(nextRunAfter({ everyMinutes: 30 }, 'Asia/Kolkata', new Date('2026-11-26T00:10:00Z'))).toEqual(
      new Date('2026-11-26T00:30:00Z'),
    );
    // New York: 07:00 is 12:00 UTC in winter, 11:00 UTC after the 2026-03-08 change.
    const daily = { daily: '07:00' };
    expect(nextRunAfter(daily, 'America/New_York', new Date('2026-03-07T13:00:00Z'))).toEqual(
      new Date('2026-03-08T11:00:00Z'),
    );
    expect(nextRunAfter(daily, 'America/New_York', new Date('2026-03-06T13:00:00Z'))).toEqual(
      new Date('2026-03-07T12:00:00Z'),
    );
  });

  it('fires periodic-summary at 07:00 local each day; the Monday and the 1st runs are the ones that report', () => {
    const row = findSchedule('periodic-summary')!;
    const config = loadAppConfig('dev');
    // Sunday 6 Dec 12:00 local → Monday 7 Dec 07:00 local = 00:00Z, whose run reports week 2026-W49.
    const monday = nextRunAfter(row.schedule(config), HCM, new Date('2026-12-06T05:00:00Z'));
    expect(monday.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    // 30 Nov 08:00 local → 1 Dec 07:00 local.
    expect(nextRunAfter(row.schedule(config), HCM, new Date('2026-11-30T01:00:00Z')).toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });

  it('prints a time as someone in the zone reads it', () => {
    expect(formatInZone(new Date('2026-11-27T00:00:00Z'), HCM)).toBe('2026-11-27 07:00 Asia/Ho_Chi_Minh');
  });
});

describe.each(ENVIRONMENTS)('the schedule manifest in %s', (envName) => {
  const config = loadAppConfig(envName);

  it('has daily-summary at the configured time, in the configured zone', () => {
    const row = findSchedule('daily-summary')!;
    expect(row.entry).toBe('functions/jobs/daily-summary.ts');
    expect(row.schedule(config)).toEqual({ daily: config.schedules.dailySummary.at });
    expect(timeZoneOf(config)).toBe(config.timeZone);
  });

  it('has periodic-summary as one daily row at the configured time (the run picks Monday / the 1st)', () => {
    const row = findSchedule('periodic-summary')!;
    expect(row.schedule(config)).toEqual({ daily: config.schedules.periodicSummary.at });
    expect(row.flags).toEqual(['period', 'date', 'force']);
  });

  it('runs the sweeps at the configured intervals', () => {
    expect(findSchedule('case-notifications')!.schedule(config)).toEqual({
      everyMinutes: config.schedules.caseNotifications.everyMinutes,
    });
    expect(findSchedule('briefing-reminders')!.schedule(config)).toEqual({
      everyMinutes: config.schedules.briefingReminders.everyMinutes,
    });
  });

  it('has rows EventBridge and the local scheduler can both read, with unique slug names', () => {
    const names = schedules.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of schedules as readonly ScheduleDef[]) {
      expect(s.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(s.entry).toBe(`functions/jobs/${s.name}.ts`);
      expect(scheduleExpression(s.schedule(config))).toMatch(/^cron\(.+ \*\)$/);
      expect(nextRunAfter(s.schedule(config), config.timeZone, new Date())).toBeInstanceOf(Date);
    }
  });
});

describe('the job command flags', () => {
  const daily = findSchedule('daily-summary')!;
  const minimal: ScheduleDef = { ...daily, name: 'reminders', flags: [] };
  const dataDir = '/tmp/od-data';

  it('registers every manifest row as a local job', () => {
    expect(Object.keys(localJobs).sort()).toEqual(schedules.map((s) => s.name).sort());
  });

  it('turns valid flags into job options; --dry-run writes to <DATA_DIR>/outbox', () => {
    expect(jobOptionsFromFlags(daily, {}, { dataDir })).toEqual({});
    expect(
      jobOptionsFromFlags(
        daily,
        { date: '2026-02-28', force: true, 'dry-run': true, now: '2026-03-01T07:00:00+07:00' },
        { dataDir },
      ),
    ).toEqual({
      date: '2026-02-28',
      force: true,
      dryRun: true,
      outboxDir: outboxDir(dataDir),
      now: new Date('2026-03-01T00:00:00Z'),
    });
    expect(outboxDir(dataDir)).toBe('/tmp/od-data/outbox');
    expect(jobOptionsFromFlags(minimal, { now: '2026-03-12T07:00:00Z' }, { dataDir })).toEqual({
      now: new Date('2026-03-12T07:00:00Z'),
    });
  });

  it.each([
    [{ date: '2026-02-30' }, /--date must be a day as YYYY-MM-DD/],
    [{ date: '12/03/2026' }, /--date must be a day as YYYY-MM-DD/],
    [{ date: true }, /--date needs a value/],
    [{ now: 'tomorrow' }, /--now must be an RFC 3339 time/],
    [{ now: '2026-03-12T07:00:00' }, /--now must be an RFC 3339 time/],
    [{ force: 'yes' }, /--force takes no value/],
    [{ bogus: true }, /Unknown option --bogus for daily-summary/],
  ])('refuses %j', (flags, message) => {
    expect(() => jobOptionsFromFlags(daily, flags, { dataDir })).toThrow(JobFlagError);
    expect(() => jobOptionsFromFlags(daily, flags, { dataDir })).toThrow(message);
  });

  it('periodic-summary takes --period week|month, and --date only with it', () => {
    const periodic = findSchedule('periodic-summary')!;
    expect(jobOptionsFromFlags(periodic, { period: 'week' }, { dataDir })).toEqual({ period: 'week' });
    expect(
      jobOptionsFromFlags(periodic, { period: 'month', date: '2026-11-15', 'dry-run': true }, { dataDir }),
    ).toEqual({ period: 'month', date: '2026-11-15', dryRun: true, outboxDir: outboxDir(dataDir) });
    expect(() => jobOptionsFromFlags(periodic, { period: 'year' }, { dataDir })).toThrow(
      /--period must be week or month/,
    );
    expect(() => jobOptionsFromFlags(periodic, { period: true }, { dataDir })).toThrow(
      /--period needs a value/,
    );
    expect(() => jobOptionsFromFlags(periodic, { date: '2026-11-15' }, { dataDir })).toThrow(
      /--date needs --period/,
    );
    expect(() => jobOptionsFromFlags(daily, { period: 'week' }, { dataDir })).toThrow(
      /Unknown option --period for daily-summary/,
    );
  });

  it('takes only the flags the manifest row names, besides --now and --dry-run', () => {
    expect(() => jobOptionsFromFlags(minimal, { date: '2026-03-12' }, { dataDir })).toThrow(
      /Unknown option --date for reminders/,
    );
  });
});
