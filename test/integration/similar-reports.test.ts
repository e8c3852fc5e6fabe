// Similar reports by their text against DynamoDB Local (issue 17, §1): the
// band items a submission writes, the hints it answers with (sameUrl,
// similarText with a score), the similarity group it joins, the window, the
// Idempotency-Key paths and concurrent submissions; and GET /reports/{id}/similar.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFound } from '#domain/errors';
import type { DuplicateHint } from '#domain/report';
import { MAX_HINTS } from '#domain/similar-report';
import { bandKeys, fingerprint, reportText } from '#domain/similarity';
import { addDays, epochSeconds } from '#domain/time';
import type { Principal } from '#http/principal';
import { similarReports, submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import type { StoredResponse } from '#store/idempotency';
import { BAND_MARGIN_DAYS, BAND_QUERY_LIMIT } from '#store/similar';
import { testTable } from '#test/support/aws';
import { CLAIMS, UNRELATED } from '#test/support/similar-claims';

const NOW = new Date('2026-11-26T03:00:00.000Z');
const desk: Principal = { sub: 'desk-s', roles: ['desk'] };
let n = 0;
const reporter = (): Principal => ({ sub: `sim-${n++}`, roles: ['reporter'] });

const body = (text: { title: string; summary: string }, over: Record<string, unknown> = {}) => ({
  ...text,
  category: 'transport',
  area: 'binh-thanh',
  channel: 'social',
  sentiment: 'negative',
  urgency: 'high',
  sourceUrls: [],
  observedAt: '2026-11-26T01:00:00Z',
  ...over,
});

const { claim, paraphrase } = {
  claim: (k: keyof typeof CLAIMS) => CLAIMS[k].claim,
  paraphrase: (k: keyof typeof CLAIMS) => CLAIMS[k].paraphrase,
};
const unrelated = UNRELATED;

let t: Awaited<ReturnType<typeof testTable>>;
let deps: Deps;
const at = (ms: number): Deps => t.deps({ clock: () => new Date(NOW.getTime() + ms) });

beforeAll(async () => {
  t = await testTable('similar');
  deps = t.deps({ clock: () => NOW });
});

const idOf = (r: StoredResponse) => (r.body as { id: string }).id;
const hintsOf = (r: StoredResponse) => (r.body as { possibleDuplicates: DuplicateHint[] }).possibleDuplicates;
const stored = async (id: string) =>
  (await t.db.send(new GetCommand({ TableName: t.tableName, Key: { pk: `REPORT#${id}`, sk: 'REPORT' } })))
    .Item;
/** The report ids of every band item of this text. */
const bandItemIds = async (text: { title: string; summary: string }) => {
  const keys = bandKeys(fingerprint(reportText(text)), deps.config.similarity);
  const ids: string[] = [];
  for (const k of keys) {
    const out = await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `SIM#${k}` },
      }),
    );
    ids.push(...(out.Items ?? []).map((i) => String(i.reportId)));
  }
  return ids;
};

describe('hints at submission', () => {
  it('finds a paraphrase typed without diacritics as similarText with its score, and not an unrelated report', async () => {
    const a = await submitReport(at(0), reporter(), body(claim('bridge')), undefined);
    const other = await submitReport(at(1000), reporter(), body(unrelated), undefined);
    const b = await submitReport(at(2000), reporter(), body(paraphrase('bridge')), undefined);
    const hints = hintsOf(b);
    expect(hints.map((h) => h.id)).toEqual([idOf(a)]);
    expect(hints[0]).toMatchObject({ id: idOf(a), status: 'new', caseId: null, reason: 'similarText' });
    expect(hints[0]!.score).toBeGreaterThanOrEqual(deps.config.similarity.threshold);
    expect(hints[0]!.score).toBeLessThan(1);
    // two decimals, as the API shows it
    expect(Math.round(hints[0]!.score! * 100) / 100).toBe(hints[0]!.score);
    expect(hintsOf(other)).toEqual([]);
    // b joins a's group; a and the unrelated report are each their own
    expect((await stored(idOf(b)))?.similarityGroup).toBe(idOf(a));
    expect((await stored(idOf(a)))?.similarityGroup).toBe(idOf(a));
    expect((await stored(idOf(other)))?.similarityGroup).toBe(idOf(other));
  });

  it('writes one band item per band key, expiring a day after the window', async () => {
    const text = claim('water');
    const r = await submitReport(deps, reporter(), body(text), undefined);
    const keys = bandKeys(fingerprint(reportText(text)), deps.config.similarity);
    expect(keys.length).toBe(deps.config.similarity.bands);
    for (const k of keys) {
      const { Item } = await t.db.send(
        new GetCommand({
          TableName: t.tableName,
          Key: { pk: `SIM#${k}`, sk: `${NOW.toISOString()}#${idOf(r)}` },
        }),
      );
      expect(Item).toEqual({
        pk: `SIM#${k}`,
        sk: `${NOW.toISOString()}#${idOf(r)}`,
        entity: 'report-band',
        reportId: idOf(r),
        expiresAt: epochSeconds(addDays(NOW, deps.config.similarity.windowDays + BAND_MARGIN_DAYS)),
      });
    }
  });

  it('does not hint at a report submitted before the window', async () => {
    const days = deps.config.similarity.windowDays;
    const observed = (ms: number) => ({ observedAt: new Date(NOW.getTime() + ms - 60_000).toISOString() });
    const old = await submitReport(
      at(-(days * 86_400_000 + 60_000)),
      reporter(),
      body(claim('school'), observed(-(days * 86_400_000 + 60_000))),
      undefined,
    );
    const inside = await submitReport(
      at(-(days * 86_400_000 - 60_000)),
      reporter(),
      body(claim('school'), observed(-(days * 86_400_000 - 60_000))),
      undefined,
    );
    const now = await submitReport(deps, reporter(), body(paraphrase('school')), undefined);
    expect(hintsOf(now).map((h) => h.id)).toEqual([idOf(inside)]);
    // the route, around the old report, does not reach today's either
    const around = await similarReports(deps, desk, { id: idOf(old) });
    expect(around.items.map((i) => i.id)).toEqual([idOf(inside)]);
  });

  it('a report sharing a URL and the text is sameUrl (no score), listed before text matches', async () => {
    const url = 'https://social.example.com/post/cau-rach-chiec';
    const viaText = await submitReport(at(0), reporter(), body(claim('fire')), undefined);
    const viaBoth = await submitReport(
      at(1000),
      reporter(),
      body(claim('fire'), { sourceUrls: [url] }),
      undefined,
    );
    const viaUrl = await submitReport(
      at(2000),
      reporter(),
      body(unrelated, { sourceUrls: [`${url}?utm_source=x`] }),
      undefined,
    );
    const r = await submitReport(
      at(3000),
      reporter(),
      body(paraphrase('fire'), { sourceUrls: [url] }),
      undefined,
    );
    const hints = hintsOf(r);
    // sameUrl first (newest first among them), then by score
    expect(hints.map((h) => [h.id, h.reason])).toEqual([
      [idOf(viaUrl), 'sameUrl'],
      [idOf(viaBoth), 'sameUrl'],
      [idOf(viaText), 'similarText'],
    ]);
    expect(hints[0]).not.toHaveProperty('score');
    expect(hints[1]).not.toHaveProperty('score');
    // the group: a shared URL wins over text; between the two URL matches the earliest (viaBoth),
    // whose own group is viaText's (it was similar to it)
    expect((await stored(idOf(viaBoth)))?.similarityGroup).toBe(idOf(viaText));
    expect((await stored(idOf(r)))?.similarityGroup).toBe(idOf(viaText));
  });

  it('chains groups: C similar to B, which was similar to A, joins A’s group', async () => {
    const a = await submitReport(at(0), reporter(), body(claim('vaccine')), undefined);
    const b = await submitReport(
      at(1000),
      reporter(),
      body(paraphrase('vaccine'), { sourceUrls: ['https://news.example.com/kenh-te'] }),
      undefined,
    );
    // C shares only B's URL, with other words: its one hint is B
    const c = await submitReport(
      at(2000),
      reporter(),
      body(
        { title: 'Bài báo về cây cầu', summary: 'Một tờ báo đưa tin, kèm đường dẫn.' },
        { sourceUrls: ['https://news.example.com/kenh-te'] },
      ),
      undefined,
    );
    expect(hintsOf(c).map((h) => h.id)).toEqual([idOf(b)]);
    expect((await stored(idOf(b)))?.similarityGroup).toBe(idOf(a));
    expect((await stored(idOf(c)))?.similarityGroup).toBe(idOf(a));
  });

  it('answers at most MAX_HINTS hints when a claim is everywhere, the best first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_HINTS + 3; i++)
      ids.push(idOf(await submitReport(at(i * 1000), reporter(), body(claim('tree')), undefined)));
    const r = await submitReport(at(60_000), reporter(), body(claim('tree')), undefined);
    const hints = hintsOf(r);
    expect(hints).toHaveLength(MAX_HINTS);
    // identical texts: all score 1, newest first
    expect(hints.map((h) => h.id)).toEqual([...ids].reverse().slice(0, MAX_HINTS));
    expect(hints.every((h) => h.score === 1)).toBe(true);
    expect(BAND_QUERY_LIMIT).toBeGreaterThanOrEqual(MAX_HINTS);
    // the group is the earliest of the equals
    expect((await stored(idOf(r)))?.similarityGroup).toBe(ids[0]);
  });

  it('shows a reporter the hint’s id, status, case, reason and score, never the other report’s text', async () => {
    const a = await submitReport(at(0), reporter(), body(claim('power')), undefined);
    const b = await submitReport(
      at(1000),
      { ...reporter(), email: 'r@example.org' },
      body(paraphrase('power')),
      undefined,
    );
    const hints = hintsOf(b);
    expect(hints).toHaveLength(1);
    expect(Object.keys(hints[0]!).sort()).toEqual(['caseId', 'id', 'reason', 'score', 'status']);
    expect(hints[0]!.id).toBe(idOf(a));
    expect(b.body).not.toHaveProperty('similarityGroup');
    expect(JSON.stringify(b.body)).not.toContain('power');
  });
});

describe('Idempotency-Key', () => {
  it('a replay answers the first response’s hints, even after another similar report arrived', async () => {
    const p = reporter();
    const a = await submitReport(at(0), reporter(), body(claim('scam')), undefined);
    const first = await submitReport(at(1000), p, body(paraphrase('scam')), 'sim-replay');
    await submitReport(at(2000), reporter(), body(claim('scam')), undefined);
    const again = await submitReport(at(3000), p, body(paraphrase('scam')), 'sim-replay');
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(hintsOf(again).map((h) => h.id)).toEqual([idOf(a)]);
    // the retry's own band items were deleted: every band item of its text names a stored report
    const ids = await bandItemIds(paraphrase('scam'));
    expect(ids.filter((id) => id === idOf(first))).toHaveLength(deps.config.similarity.bands);
    for (const id of new Set(ids)) expect((await stored(id))?.entity, id).toBe('report');
  });

  it('callers racing with one key leave band items naming the stored report only', async () => {
    const p = reporter();
    const text = claim('landslide');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => submitReport(deps, p, body(text), 'sim-race-key')),
    );
    const ok = results.filter((r): r is PromiseFulfilledResult<StoredResponse> => r.status === 'fulfilled');
    const ids = new Set(ok.map((r) => idOf(r.value)));
    expect(ids.size).toBe(1);
    const [winner] = [...ids];
    // Its band partitions are shared with other reports on common words (one MinHash row per
    // band): each names the winner once, and every report they name is stored.
    const named = await bandItemIds(text);
    expect(named.filter((id) => id === winner)).toHaveLength(deps.config.similarity.bands);
    for (const id of new Set(named)) expect(await stored(id), id).toMatchObject({ entity: 'report' });
  }, 60_000);
});

describe('concurrent submissions of similar reports', () => {
  it('are all stored; each sees what committed before it, and none sees a report that was never stored', async () => {
    const first = await submitReport(at(0), reporter(), body(claim('bus')), undefined);
    const racers = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        submitReport(at(1000 + i), reporter(), body(i % 2 ? paraphrase('bus') : claim('bus')), undefined),
      ),
    );
    expect(racers.every((r) => r.status === 'fulfilled')).toBe(true);
    const responses = racers.map((r) => (r as PromiseFulfilledResult<StoredResponse>).value);
    const all = new Set([idOf(first), ...responses.map(idOf)]);
    for (const r of responses) {
      const hinted = hintsOf(r).map((h) => h.id);
      expect(hinted).toContain(idOf(first));
      for (const id of hinted) expect(all.has(id)).toBe(true);
      expect(await stored(idOf(r))).toMatchObject({ entity: 'report', similarityGroup: idOf(first) });
    }
    const after = await submitReport(at(60_000), reporter(), body(claim('bus')), undefined);
    expect(new Set(hintsOf(after).map((h) => h.id))).toEqual(all);
  }, 60_000);
});

describe('GET /reports/{id}/similar', () => {
  it('lists the reports around it, best first, with their title, group and reason; not itself', async () => {
    const url = 'https://social.example.com/post/cau-calmette-2';
    const a = await submitReport(at(0), reporter(), body(claim('dog')), undefined);
    const b = await submitReport(at(1000), reporter(), body(paraphrase('dog')), undefined);
    const c = await submitReport(
      at(2000),
      reporter(),
      body(claim('noise'), { sourceUrls: [url] }),
      undefined,
    );
    const d = await submitReport(at(3000), reporter(), body(claim('dog'), { sourceUrls: [url] }), undefined);
    // read from a's point of view, later: the reports submitted after it are there too
    const { items } = await similarReports(at(86_400_000), desk, { id: idOf(a) });
    expect(items.map((i) => [i.id, i.reason])).toEqual([
      [idOf(d), 'similarText'],
      [idOf(b), 'similarText'],
    ]);
    expect(items[0]).toMatchObject({
      title: claim('dog').title,
      status: 'new',
      caseId: null,
      // d shares c's URL: a URL wins over text for its group
      similarityGroup: idOf(c),
      submittedAt: new Date(NOW.getTime() + 3000).toISOString(),
      score: 1,
    });
    expect(items[1]!.score).toBeLessThan(1);
    // from d: c by its URL first, then a and b by text
    const fromD = await similarReports(deps, desk, { id: idOf(d) });
    expect(fromD.items.map((i) => [i.id, i.reason])).toEqual([
      [idOf(c), 'sameUrl'],
      [idOf(a), 'similarText'],
      [idOf(b), 'similarText'],
    ]);
    expect(fromD.items[0]).not.toHaveProperty('score');
  });

  it('answers not found for an unknown or invalid id', async () => {
    await expect(similarReports(deps, desk, { id: '01JZ0000000000000000000000' })).rejects.toThrow(NotFound);
    await expect(similarReports(deps, desk, { id: 'not-a-ulid' })).rejects.toThrow(NotFound);
    await expect(similarReports(deps, desk, {})).rejects.toThrow(NotFound);
  });
});
