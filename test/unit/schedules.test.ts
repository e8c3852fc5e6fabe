// The schedule manifest and what reads it: the 5-field cron of each row, its
// EventBridge form (CDK), croner's reading of it in the configured zone (the
// local scheduler), and the `job` command's flags. The local scheduler itself,
// on real timers, is test/integration/local-scheduler.test.ts.
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '#config/schema';
import {
  dailyAt,
  eventBridgeCron,
  everyMinutes,
  findSchedule,
  type ScheduleDef,
  schedules,
  timeZoneOf,
} from '#functions/schedules';
import { loadAppConfig } from '#infra/config/index';
import { JobFlagError, jobOptionsFromFlags, localJobs, outboxDir } from '#infra/local/jobs';
import { formatInZone, nextRunAfter } from '#infra/local/scheduler';

const HCM = 'Asia/Ho_Chi_Minh';

describe('eventBridgeCron', () => {
  it.each([
    ['0 7 * * *', 'cron(0 7 * * ? *)'],
    ['30 6 * * *', 'cron(30 6 * * ? *)'],
    ['*/15 * * * *', 'cron(0/15 * * * ? *)'],
    ['* * * * *', 'cron(* * * * ? *)'],
    ['0 */2 * * *', 'cron(0 0/2 * * ? *)'],
    ['0 9 1 * *', 'cron(0 9 1 * ? *)'],
    ['0 9 */5 * *', 'cron(0 9 1/5 * ? *)'],
    ['0 9 L * *', 'cron(0 9 L * ? *)'],
    // Day of week: standard 0/7 = Sunday, EventBridge 1 = Sunday.
    ['0 8 * * 1-5', 'cron(0 8 ? * 2-6 *)'],
    ['0 8 * * 0', 'cron(0 8 ? * 1 *)'],
    ['0 8 * * 7', 'cron(0 8 ? * 1 *)'],
    ['0 8 * * 6,0', 'cron(0 8 ? * 7,1 *)'],
    ['0 8 * * MON-FRI', 'cron(0 8 ? * 2-6 *)'],
    ['0 8 * * 5-7', 'cron(0 8 ? * 6-7,1 *)'],
    ['0 14 * * 4#2', 'cron(0 14 ? * 5#2 *)'],
    ['0 14 * * 5L', 'cron(0 14 ? * 6L *)'],
  ])('%s → %s', (cron5, expected) => {
    expect(eventBridgeCron(cron5)).toBe(expected);
  });

  it('refuses what EventBridge cannot express or what is not a 5-field cron', () => {
    expect(() => eventBridgeCron('0 9 1 * 1')).toThrow(/both day of month and day of week/);
    expect(() => eventBridgeCron('0 7 * *')).toThrow(/5-field/);
    expect(() => eventBridgeCron('0 0 7 * * *')).toThrow(/5-field/);
    expect(() => eventBridgeCron('0 7 * * 8')).toThrow(/day of week "8"/);
    expect(() => eventBridgeCron('0 7 * * $')).toThrow(/Unsupported cron field/);
  });
});

describe('the cron helpers', () => {
  it('turns HH:mm into a daily cron', () => {
    expect(dailyAt('07:00')).toBe('0 7 * * *');
    expect(dailyAt('18:05')).toBe('5 18 * * *');
    expect(() => dailyAt('7:00')).toThrow(/HH:mm/);
    expect(() => dailyAt('24:00')).toThrow(/HH:mm/);
  });

  it('turns a minute interval into a cron from the top of the hour', () => {
    expect(everyMinutes(15)).toBe('*/15 * * * *');
    expect(everyMinutes(1)).toBe('* * * * *');
    expect(eventBridgeCron(everyMinutes(15))).toBe('cron(0/15 * * * ? *)');
    expect(() => everyMinutes(0)).toThrow();
    expect(() => everyMinutes(2.5)).toThrow();
  });
});

describe('croner in the configured zone', () => {
  it('runs 07:00 Asia/Ho_Chi_Minh at 00:00 UTC, the next day once 07:00 has passed', () => {
    expect(nextRunAfter('0 7 * * *', HCM, new Date('2026-11-26T00:30:00Z'))).toEqual(
      new Date('2026-11-27T00:00:00Z'),
    );
    // And the same with croner directly, as the scheduler constructs it.
    const cron = new Cron('0 7 * * *', { timezone: HCM });
    expect(cron.nextRun(new Date('2026-11-26T00:30:00Z'))).toEqual(new Date('2026-11-27T00:00:00Z'));
    expect(cron.nextRun(new Date('2026-11-25T23:59:00Z'))).toEqual(new Date('2026-11-26T00:00:00Z'));
  });

  it('runs every 15 minutes from the top of the hour', () => {
    const cron = new Cron(everyMinutes(15), { timezone: HCM });
    expect(cron.nextRuns(3, new Date('2026-11-26T00:07:00Z'))).toEqual([
      new Date('2026-11-26T00:15:00Z'),
      new Date('2026-11-26T00:30:00Z'),
      new Date('2026-11-26T00:45:00Z'),
    ]);
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
    expect(row.cron(config)).toBe(dailyAt(config.schedules.dailySummary.at));
    expect(timeZoneOf(config)).toBe(config.timeZone);
  });

  it('has rows EventBridge and croner can both read, with unique slug names', () => {
    const names = schedules.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of schedules as readonly ScheduleDef[]) {
      expect(s.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(s.entry).toBe(`functions/jobs/${s.name}.ts`);
      expect(eventBridgeCron(s.cron(config))).toMatch(/^cron\(.+ \*\)$/);
      expect(nextRunAfter(s.cron(config), config.timeZone, new Date())).toBeInstanceOf(Date);
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

  it('takes only the flags the manifest row names, besides --now and --dry-run', () => {
    expect(() => jobOptionsFromFlags(minimal, { date: '2026-03-12' }, { dataDir })).toThrow(
      /Unknown option --date for reminders/,
    );
  });
});
