// How each topic is moving, in Chromium (issue 17): reports seeded through the
// service on the eight days before today (in the configured zone), so the
// summary's baseline comes from the day index (GET /summaries/daily rebuilds a
// day the job missed, in memory); the desk opens yesterday's summary and sees
// a rising topic and a new one first, with the 7-day average beside the day's
// reports, and the steady and cooling ones behind a fold. Checked against the
// API's own answer; axe on the page.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '#domain/principal';
import { localDay } from '#domain/time';
import { checkA11y, DESKTOP, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { distinctText } from '#test/support/similar-claims';
import { aSubmittedReport } from '#test/support/steps';
import { summary as vs } from '#web/src/i18n/vi/briefings';

let tc: TestConsole;

beforeAll(async () => {
  tc = await startTestConsole();
}, 180_000);

afterAll(async () => {
  await tc?.stop();
});

/** The day before a local day (calendar arithmetic). */
const dayBefore = (d: string): string => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, dd - 1)).toISOString().slice(0, 10);
};

const a11y = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

/** Noon of a local day in Ho Chi Minh City (UTC+7, no DST): 05:00 UTC. */
const noonOf = (day: string, minute = 0) => new Date(`${day}T05:${String(minute).padStart(2, '0')}:00Z`);

/** Texts of made-up words no other report shares, so no two reports are similar. */
const distinct = (n: number) => distinctText(7000 + n);

describe('topics on the summary page', () => {
  const zone = 'Asia/Ho_Chi_Minh';
  const day = dayBefore(localDay(new Date(), zone));
  let n = 0;
  const submit = async (on: string, category: string, area: string) => {
    const at = noonOf(on, n % 60);
    const by: Principal = { sub: `field-${n % 5}`, roles: ['reporter'] };
    await aSubmittedReport(
      { ...tc.api.deps, clock: () => at },
      { ...distinct(n++), category, area, reach: 100 },
      { by },
    );
  };

  beforeAll(async () => {
    let d = day;
    const before: string[] = [];
    for (let i = 0; i < 7; i++) {
      d = dayBefore(d);
      before.push(d);
    }
    for (const past of before) {
      // Transport in Binh Thanh: one a day before, four yesterday (rising).
      await submit(past, 'transport', 'binh-thanh');
      // Education in District 3: three a day before, one yesterday (cooling).
      for (let i = 0; i < 3; i++) await submit(past, 'education', 'district-3');
    }
    for (let i = 0; i < 4; i++) await submit(day, 'transport', 'binh-thanh');
    await submit(day, 'education', 'district-3');
    // Environment in Go Vap: two yesterday, none before (new).
    for (let i = 0; i < 2; i++) await submit(day, 'environment', 'go-vap');
  }, 120_000);

  it('shows the rising and the new topic first, against the 7-day average; steady and cooling folded', async () => {
    const api = await tc.api.call('GET', `/summaries/daily?date=${day}`, 'desk');
    expect(api.status, JSON.stringify(api.json)).toBe(200);
    const marks = Object.fromEntries(
      (api.json.topics as { kind: string; key: string; mark: string }[]).map((t) => [
        `${t.kind}:${t.key}`,
        t.mark,
      ]),
    );
    expect(marks).toMatchObject({
      'area:transport/binh-thanh': 'rising',
      'area:environment/go-vap': 'new',
      'area:education/district-3': 'cooling',
    });

    for (const [viewport, name] of [
      [DESKTOP, 'desk-summary-topics'],
      [PHONE, 'desk-summary-topics-phone'],
    ] as const) {
      const page = await tc.newPage(viewport);
      try {
        await signIn(page, tc, { role: 'desk', returnTo: `/summary?date=${day}` });
        const section = page.getByRole('region', { name: vs.topicsTitle });
        await section.waitFor();
        const moving = section.getByRole('list', { name: vs.topicsMoving });
        const inbox = (category: string, area: string) =>
          `/inbox?${new URLSearchParams({ date: day, category, area })}`;
        const hrefs = await moving
          .locator('.topic-head a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        // New first, then rising, as the email has them.
        expect(hrefs).toEqual([inbox('environment', 'go-vap'), inbox('transport', 'binh-thanh')]);
        const rising = moving.locator('li', {
          has: page.locator(`a[href="${inbox('transport', 'binh-thanh')}"]`),
        });
        // The mark is a word (and a sign), not colour alone; the day against the average.
        expect(await rising.locator('.mark').textContent()).toContain(vs.mark.rising);
        expect(await rising.textContent()).toContain(vs.topicReports('4', '1'));
        const newTopic = moving.locator('li').first();
        expect(await newTopic.locator('.mark').textContent()).toContain(vs.mark.new);
        expect(await newTopic.textContent()).toContain(vs.topicReports('2', '0'));

        // Steady and cooling wait behind a fold; opened, the cooling topic is there.
        const fold = section.locator('details.topic-rest');
        expect(await fold.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
        await fold.locator('summary').click();
        const cooling = fold.locator('li', {
          has: page.locator(`a[href="${inbox('education', 'district-3')}"]`),
        });
        expect(await cooling.locator('.mark').textContent()).toContain(vs.mark.cooling);
        expect(await cooling.textContent()).toContain(vs.topicReports('1', '3'));
        await a11y(page);
        await screenshots(page, name);

        // A topic opens the inbox on its category, area and day.
        if (viewport === DESKTOP) {
          await rising.locator('.topic-head a').click();
          await page.waitForURL((u) => u.pathname === '/inbox');
          await expect.poll(() => page.locator('.inbox-row').count()).toBe(4);
        }
      } finally {
        await page.context().close();
      }
    }
  }, 120_000);
});
