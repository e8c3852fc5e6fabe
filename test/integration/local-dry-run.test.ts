// `--dry-run` tells the truth: it writes what a real run would send, reading the
// sent-markers without writing them, so a dry run after a real run has nothing
// to write, and a dry run before it leaves the real run everything to send.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import { run } from '#functions/jobs/briefing-reminders';
import type { Principal } from '#http/principal';
import { scheduleBriefing } from '#service/briefings';
import type { Deps } from '#shared/deps';
import { testTable } from '#test/support/aws';
import { emailsTo } from '#test/support/then';

const tag = randomUUID().slice(0, 8);
const pressBox = `press-${tag}@example.org`;
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };
const T0 = new Date('2026-12-01T03:00:00.000Z');

let t: Awaited<ReturnType<typeof testTable>>;
let config: AppConfig;
const deps = (now: Date): Deps => t.deps({ clock: () => now, config });

/** Every file under `dir`, relative to it. */
const filesUnder = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

beforeAll(async () => {
  t = await testTable('dryrun');
  const base = t.deps().config;
  config = { ...base, deskList: [{ email: `desk-${tag}@example.org`, locale: 'vi' }] };
});

describe('briefing-reminders --dry-run', () => {
  it('writes what a real run would send, sets no marker, and writes nothing once the real run has sent it', async () => {
    await scheduleBriefing(deps(T0), desk, {
      title: 'Họp báo về sự cố ngập',
      startsAt: '2026-12-04T07:00:00Z',
      invitees: [pressBox],
    });

    // Before any real run: the invitation to the press is written, not sent.
    const before = await mkdtemp(join(tmpdir(), 'dry-before-'));
    const dry = await run(deps(T0), { now: T0, dryRun: true, outboxDir: before });
    expect(dry.written).toBeGreaterThanOrEqual(1);
    expect(dry.sent).toBe(0);
    const files = await filesUnder(before);
    const invitation = files.find((f) => f.endsWith(`${pressBox}.txt`));
    expect(invitation, files.join('\n')).toBeDefined();
    expect(await readFile(join(before, invitation!), 'utf8')).toContain(`To: ${pressBox}`);
    expect(await emailsTo(pressBox)).toHaveLength(0);

    // The dry run claimed nothing: the real run sends what it wrote.
    const real = await run(deps(T0), { now: T0 });
    expect(real.failed).toBe(0);
    expect(real.sent).toBe(dry.written);
    expect(await emailsTo(pressBox)).toHaveLength(1);

    // After the real run: a dry run has nothing to send, and writes nothing.
    const after = await mkdtemp(join(tmpdir(), 'dry-after-'));
    const again = await run(deps(T0), { now: T0, dryRun: true, outboxDir: after });
    expect(again).toMatchObject({ written: 0, sent: 0 });
    expect(again.skipped).toBe(real.sent);
    expect(await filesUnder(after)).toEqual([]);
  });
});
