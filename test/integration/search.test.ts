// Search by words (issue 18, §5) against DynamoDB Local: the postings a report
// and a case write, words typed with or without marks, several words, the
// list filters on top, paging with the cursor, the 12-month window, stale
// postings, desk-only `q`, and concurrent submissions indexing at once.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { BadRequest, type DomainError, Forbidden } from '#domain/errors';
import type { Report } from '#domain/report';
import { MAX_TERMS_PER_DOCUMENT } from '#domain/search';
import type { Principal } from '#http/principal';
import { actOnCase, browseCases, openCaseFor } from '#service/cases';
import { browseReports, submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { putPostings } from '#store/search';
import { testTable } from '#test/support/aws';

const NOW = new Date('2026-11-26T03:00:00.000Z');
const desk: Principal = { sub: 'desk-s', roles: ['desk'] };
const reporter: Principal = { sub: 'rep-s', roles: ['reporter'] };
const police: Principal = { sub: 'officer-s', roles: ['agency'], agencyId: 'police' };

let t: Awaited<ReturnType<typeof testTable>>;
let deps: Deps;
const at = (iso: string): Deps => t.deps({ clock: () => new Date(iso) });

const body = (title: string, summary: string, over: Record<string, unknown> = {}) => ({
  title,
  summary,
  category: 'transport',
  area: 'binh-thanh',
  channel: 'social',
  sentiment: 'negative',
  urgency: 'high',
  sourceUrls: [],
  observedAt: '2026-11-26T01:00:00Z',
  ...over,
});

const submit = async (d: Deps, title: string, summary: string, over: Record<string, unknown> = {}) =>
  String(
    (
      (
        await submitReport(
          d,
          reporter,
          body(title, summary, {
            observedAt: new Date(d.clock().getTime() - 3_600_000).toISOString(),
            ...over,
          }),
          undefined,
        )
      ).body as { id: string }
    ).id,
  );

const search = async (q: Record<string, string>, d = deps) =>
  (await browseReports(d, desk, q)) as { items: Report[]; nextCursor: string | null };

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await testTable('search');
  deps = t.deps({ clock: () => NOW });
  ids.flood = await submit(
    deps,
    'Tin đồn vỡ đê ở Bình Thạnh',
    'Nhiều người chia sẻ rằng đê sẽ vỡ trong đêm nay.',
  );
  ids.water = await submit(
    at('2026-11-26T02:00:00Z'),
    'Cắt nước toàn quận 3 ngày',
    'Bài đăng nói nhà máy nước ngừng hoạt động.',
    { urgency: 'normal' },
  );
  ids.floodOld = await submit(
    at('2025-06-01T00:00:00Z'),
    'Đê sông Sài Gòn bị vỡ',
    'Tin cũ về đê, hơn một năm trước.',
  );
  ids.tang = await submit(
    at('2026-11-25T00:00:00Z'),
    'Giá điện tăng gấp đôi',
    'Tin đồn giá điện tăng từ tháng sau.',
  );
  ids.tangGift = await submit(
    at('2026-11-24T00:00:00Z'),
    'Phường tặng quà Tết',
    'Mỗi hộ được tặng một phần quà.',
  );
}, 60_000);

describe('search reports', () => {
  it('writes one posting per distinct term, then finds the report by a word with or without marks', async () => {
    const out = await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'TERM#de' },
      }),
    );
    const sks = (out.Items ?? []).map((i) => String(i.sk));
    expect(sks.some((sk) => sk.endsWith(ids.flood!))).toBe(true);
    expect(
      (out.Items ?? []).every((i) => i.entity === 'search-posting' && typeof i.expiresAt === 'number'),
    ).toBe(true);
    for (const q of ['đê', 'de', 'ĐÊ', 'Đe'])
      expect((await search({ q })).items.map((r) => r.id)).toContain(ids.flood);
  });

  it('finds only reports of the last 12 months, newest first', async () => {
    const found = (await search({ q: 'đê vỡ' })).items.map((r) => r.id);
    expect(found).toEqual([ids.flood]);
    expect(found).not.toContain(ids.floodOld);
  });

  it('matches marks folded: tăng and tặng are both found by tang, each by its own marked word too', async () => {
    expect((await search({ q: 'tang' })).items.map((r) => r.id)).toEqual([ids.tang, ids.tangGift]);
    // Mark-insensitive: a marked query finds the folded matches as well, never fewer.
    expect((await search({ q: 'tặng' })).items.map((r) => r.id)).toEqual([ids.tang, ids.tangGift]);
  });

  it('needs every word, and keeps the other filters on top', async () => {
    expect((await search({ q: 'nước quận' })).items.map((r) => r.id)).toEqual([ids.water]);
    expect((await search({ q: 'nước đê' })).items).toEqual([]);
    expect((await search({ q: 'nuoc', urgency: 'high' })).items).toEqual([]);
    expect((await search({ q: 'nuoc', urgency: 'normal' })).items.map((r) => r.id)).toEqual([ids.water]);
    expect((await search({ q: 'tin', date: '2026-11-25' })).items.map((r) => r.id)).toEqual([ids.tang]);
    expect((await search({ q: 'khongcotu' })).items).toEqual([]);
  });

  it('pages with the cursor, and refuses a cursor of another query', async () => {
    const first = await search({ q: 'tin', limit: '1' });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const seen = [...first.items.map((r) => r.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await search({ q: 'tin', limit: '1', cursor });
      seen.push(...next.items.map((r) => r.id));
      cursor = next.nextCursor;
    }
    expect(seen).toEqual([ids.flood, ids.tang]);
    await expect(
      search({ q: 'tin', limit: '1', cursor: first.nextCursor!, urgency: 'high' }),
    ).rejects.toBeInstanceOf(BadRequest);
    await expect(search({ q: 'đê', cursor: first.nextCursor! })).rejects.toBeInstanceOf(BadRequest);
    await expect(browseReports(deps, desk, { cursor: first.nextCursor! })).rejects.toBeInstanceOf(BadRequest);
  });

  it('ignores a posting whose report does not exist or no longer has the word', async () => {
    await putPostings(deps, 'R', { id: '01KBZZZZZZZZZZZZZZZZZZZZZZ', at: NOW.toISOString() }, ['de']);
    await putPostings(deps, 'R', { id: ids.water!, at: '2026-11-26T02:00:00Z' }, ['de']);
    expect((await search({ q: 'de' })).items.map((r) => r.id)).toEqual([ids.flood]);
  });

  it('q is the desk’s: a reporter or an agency is refused; bad q is a 400', async () => {
    await expect(browseReports(deps, reporter, { q: 'đê' })).rejects.toBeInstanceOf(Forbidden);
    await expect(browseCases(deps, police, { q: 'đê' })).rejects.toBeInstanceOf(Forbidden);
    for (const q of ['', '   ', 'và của the', 'x'.repeat(201), 'a\u0007b'])
      await expect(search({ q }), JSON.stringify(q)).rejects.toBeInstanceOf(BadRequest);
    const err = await search({ q: 'và của' }).catch((e: DomainError) => e);
    expect((err as BadRequest).errors[0]?.message).toMatch(/stop words/);
  });

  it('caps what one report indexes at MAX_TERMS_PER_DOCUMENT distinct terms', async () => {
    const words = Array.from({ length: MAX_TERMS_PER_DOCUMENT + 20 }, (_, i) => `tu${i}`).join(' ');
    const id = await submit(deps, 'Bài rất dài', words);
    expect((await search({ q: 'tu0' })).items.map((r) => r.id)).toEqual([id]);
    // Past the cap: not found (docs/api.md says so).
    expect((await search({ q: `tu${MAX_TERMS_PER_DOCUMENT + 10}` })).items).toEqual([]);
  });

  it('a query of 8 words over 80 reports having them all finds all 80', async () => {
    const words = 'phà Cát Lái ngừng chạy sương mù dày đặc';
    for (let i = 0; i < 80; i += 10)
      await Promise.all(
        Array.from({ length: 10 }, (_, k) => submit(deps, `${words} ${i + k}`, 'Tin nhắn lan truyền.')),
      );
    expect((await search({ q: words, limit: '100' })).items).toHaveLength(80);
  }, 60_000);

  it('concurrent submissions with the same words are each indexed', async () => {
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) => submit(deps, `Sạt lở bờ kè số ${i}`, 'Bờ kè sạt lở sau mưa lớn.')),
    );
    const found = (await search({ q: 'sat lo ke', limit: '100' })).items.map((r) => r.id);
    expect(new Set(found)).toEqual(new Set(made));
  });
});

describe('search cases', () => {
  it("with search.engine 'opensearch' no posting is written: the pipeline indexes the items themselves", async () => {
    const os: Deps = { ...deps, config: { ...deps.config, search: { engine: 'opensearch' } } };
    const postings = async (term: string) =>
      (
        await t.db.send(
          new QueryCommand({
            TableName: t.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `TERM#${term}` },
          }),
        )
      ).Items ?? [];
    const reportId = await submit(os, 'Tin đồn khủng long xuất hiện', 'Ảnh khủng long ở công viên.');
    const opened = await openCaseFor(os, desk, { reportIds: [reportId], title: 'Khủng long ở công viên' });
    expect(opened.id).toBeTruthy();
    expect(await postings('khung')).toEqual([]);
    expect(await postings('long')).toEqual([]);
    // The same report on the table's engine writes them (the control).
    await submit(deps, 'Tin đồn khủng long lần hai', 'Lại khủng long.');
    expect((await postings('khung')).length).toBeGreaterThan(0);
  });

  it('cases racing to open from one report: the refused ones leave no posting behind', async () => {
    const reportId = await submit(deps, 'Tin đồn hỏa hoạn chợ Bến Thành', 'Khói bốc lên từ mái chợ.');
    // All read the report as new; one transaction wins, the others are cancelled (409).
    const opened = await Promise.allSettled(
      Array.from({ length: 5 }, () => openCaseFor(deps, desk, { reportIds: [reportId] })),
    );
    const won = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id] : []));
    expect(won).toHaveLength(1);
    const out = await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
        ExpressionAttributeValues: { ':pk': 'TERM#hoa', ':c': 'C#' },
      }),
    );
    expect((out.Items ?? []).map((i) => String(i.sk).split('#').at(-1))).toEqual(won);
  });

  it('a tag filter applies on top of the words, matched without marks', async () => {
    const tagged = await openCaseFor(deps, desk, {
      reportIds: [await submit(deps, 'Tin đồn sập cầu Thủ Thiêm', 'Ảnh cầu nứt lan truyền.')],
    });
    const other = await openCaseFor(deps, desk, {
      reportIds: [await submit(deps, 'Tin đồn sập cầu Ánh Sao', 'Ảnh cầu nứt khác.')],
    });
    await actOnCase(deps, desk, { id: tagged.id }, '"1"', { action: 'tag', add: ['Cầu đường'] });
    const both = (await browseCases(deps, desk, { q: 'sap cau' })).items.map((x) => x.id);
    expect(new Set(both)).toEqual(new Set([tagged.id, other.id]));
    const onlyTagged = await browseCases(deps, desk, { q: 'sap cau', tag: 'cau duong' });
    expect(onlyTagged.items.map((x) => x.id)).toEqual([tagged.id]);
  });

  it('finds a case by its title, then by words of its finding and response once answered', async () => {
    const reportId = await submit(deps, 'Tin đồn dịch cúm gia cầm', 'Gà chết hàng loạt ở chợ.');
    const c = await openCaseFor(deps, desk, { reportIds: [reportId] });
    expect((await browseCases(deps, desk, { q: 'cum gia cam' })).items.map((x) => x.id)).toEqual([c.id]);
    expect((await browseCases(deps, desk, { q: 'xét nghiệm' })).items).toEqual([]);
    await actOnCase(deps, desk, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'police',
      dueAt: '2026-11-27T03:00:00Z',
    });
    await actOnCase(deps, police, { id: c.id }, '"2"', {
      action: 'respond',
      finding: 'Kết quả xét nghiệm âm tính.',
      response: 'Không có dịch; gà chết do nắng nóng.',
    });
    const found = await browseCases(deps, desk, { q: 'xet nghiem am tinh' });
    expect(found.items.map((x) => x.id)).toEqual([c.id]);
    expect((await browseCases(deps, desk, { q: 'xét nghiệm', status: 'responded' })).items).toHaveLength(1);
    expect((await browseCases(deps, desk, { q: 'xét nghiệm', status: 'open' })).items).toEqual([]);
    expect((await browseCases(deps, desk, { q: 'xét nghiệm', agency: 'police' })).items).toHaveLength(1);
    expect((await browseCases(deps, desk, { q: 'xét nghiệm', overdue: 'true' })).items).toEqual([]);
  });
});
