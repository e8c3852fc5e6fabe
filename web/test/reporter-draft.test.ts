// The report form's draft: the body is built once, in a fixed order, with the
// observed time read in the configured zone; a failed queued report comes back
// into the form as it was typed; field errors land on the row they name.
import { describe, expect, it } from 'vitest';
import {
  buildBody,
  checkDraft,
  type Draft,
  draftFromBody,
  emptyDraft,
  fieldId,
  isPristine,
} from '#web/src/pages/reporter/draft';

const ZONE = 'Asia/Ho_Chi_Minh';
const NOW = new Date('2026-12-05T02:30:00Z');

const typed = (): Draft => ({
  ...emptyDraft('key-1', NOW, ZONE),
  title: '  Tin đồn nước máy Thủ Đức  ',
  summary: 'Bài đăng nói nước máy nhiễm khuẩn.',
  category: 'health',
  area: 'thu-duc',
  sourceUrls: ['', ' https://example.com/post/1 ', 'not a url'],
  reach: '1200',
});

describe('report draft', () => {
  it('starts now in the configured zone, pristine', () => {
    const d = emptyDraft('k', NOW, ZONE);
    expect(d.observedAt).toBe('2026-12-05T09:30');
    expect(isPristine(d)).toBe(true);
    expect(isPristine({ ...d, title: 'x' })).toBe(false);
  });

  it('builds the body: trimmed, empty rows left out, the zone time as an instant, reach a number', () => {
    const body = buildBody(typed(), ZONE);
    expect(body).toEqual({
      title: 'Tin đồn nước máy Thủ Đức',
      summary: 'Bài đăng nói nước máy nhiễm khuẩn.',
      category: 'health',
      area: 'thu-duc',
      channel: 'social',
      sentiment: 'negative',
      urgency: 'normal',
      sourceUrls: ['https://example.com/post/1', 'not a url'],
      observedAt: '2026-12-05T02:30:00.000Z',
      reach: 1200,
    });
    expect(JSON.stringify(buildBody(typed(), ZONE))).toBe(JSON.stringify(body));
    expect(buildBody({ ...typed(), reach: '' }, ZONE)).not.toHaveProperty('reach');
    expect(buildBody({ ...typed(), reach: '-3' }, ZONE).reach).toBe('-3');
  });

  it('a body goes back into the form as it was, with a new key', () => {
    const d = draftFromBody(JSON.stringify(buildBody(typed(), ZONE)), 'key-2', ZONE);
    expect(d).toMatchObject({
      key: 'key-2',
      title: 'Tin đồn nước máy Thủ Đức',
      sourceUrls: ['https://example.com/post/1', 'not a url'],
      observedAt: '2026-12-05T09:30',
      reach: '1200',
    });
  });

  it("checks only the API's own simple rules before sending", () => {
    expect(checkDraft(typed())).toEqual([]);
    expect(checkDraft(emptyDraft('k', NOW, ZONE)).map((p) => p.path)).toEqual([
      '/title',
      '/summary',
      '/category',
      '/area',
    ]);
    expect(checkDraft({ ...typed(), title: 'ab' })).toEqual([{ path: '/title', rule: 'titleLength' }]);
  });

  it('puts an error at the row it names: /sourceUrls/1 is the second row that is not empty', () => {
    const d = typed();
    expect(fieldId('/sourceUrls/1', d)).toBe('report-url-2');
    expect(fieldId('/sourceUrls/0', d)).toBe('report-url-1');
    expect(fieldId('/sourceUrls', d)).toBe('report-url-1');
    expect(fieldId('/title', d)).toBe('report-title');
    expect(fieldId('/observedAt', d)).toBe('report-observedAt');
  });
});
