// The pure rules of tags and response templates (shared/domain/tags.ts, template.ts).
import { describe, expect, it } from 'vitest';
import { BadRequest, Conflict } from '#domain/errors';
import { applyTags, countTags, tagKey, tagSchema } from '#domain/tags';
import { applyTemplateAction, createTemplate, templateRefProblem } from '#domain/template';

describe('tags', () => {
  it('match by key: trimmed, spaces collapsed, lower case, Vietnamese marks folded, đ → d', () => {
    expect(tagKey('  Ngập   lụt ')).toBe('ngap lut');
    expect(tagKey('NGẬP LỤT')).toBe(tagKey('ngap lut'));
    expect(tagKey('Đường sá')).toBe('duong sa');
    // NFD input (a keyboard that composes late) is the same tag.
    expect(tagKey('Ngập lụt'.normalize('NFD'))).toBe('ngap lut');
  });

  it('refuses empty, over-long and control-character tags; stores the display form', () => {
    expect(tagSchema.safeParse('   ').success).toBe(false);
    expect(tagSchema.safeParse('x'.repeat(41)).success).toBe(false);
    expect(tagSchema.safeParse('a\u0000b').success).toBe(false);
    expect(tagSchema.safeParse('a\nb').success).toBe(false);
    expect(tagSchema.parse('  giá   xăng ')).toBe('giá xăng');
  });

  it('add keeps the first display form, remove goes by key, at most 20', () => {
    expect(applyTags(['Ngập lụt'], ['ngap lut', 'Cháy'], [])).toEqual({
      tags: ['Ngập lụt', 'Cháy'],
      added: ['Cháy'],
      removed: [],
    });
    expect(applyTags(['Ngập lụt', 'Cháy'], [], ['NGAP LUT', 'absent']).tags).toEqual(['Cháy']);
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(() => applyTags(twenty, ['one more'])).toThrow(BadRequest);
    // Swapping one out in the same action stays within the limit.
    expect(applyTags(twenty, ['one more'], ['t0']).tags).toHaveLength(20);
  });

  it('counts cases per tag key, most used first, with the display form met first', () => {
    expect(countTags([{ tags: ['Ngập lụt'] }, { tags: ['ngap lut', 'Cháy'] }, { tags: [] }, {}])).toEqual([
      { tag: 'Ngập lụt', key: 'ngap lut', cases: 2 },
      { tag: 'Cháy', key: 'chay', cases: 1 },
    ]);
  });
});

describe('templates', () => {
  const now = new Date('2026-12-05T03:00:00Z');
  const { created } = createTemplate(
    { category: 'health', title: 'Đã xác minh', text: { vi: 'Đúng', en: 'True' } },
    { id: '01JTEMPLATE000000000000000', by: 'desk-1', now },
  );

  it('an edit records only the fields that change, before and after', () => {
    const { next, entry } = applyTemplateAction(
      created,
      { action: 'edit', title: 'Đã xác minh', text: { vi: 'Đúng', en: 'Correct' } },
      { by: 'desk-2', now },
    );
    expect(next.version).toBe(2);
    expect(entry.changes).toEqual({
      text: { before: { vi: 'Đúng', en: 'True' }, after: { vi: 'Đúng', en: 'Correct' } },
    });
    expect(() =>
      applyTemplateAction(created, { action: 'edit', title: 'Đã xác minh' }, { by: 'd', now }),
    ).toThrow(/changes nothing/);
  });

  it('retire and restore alternate; anything else is a Conflict naming what is allowed', () => {
    const retired = applyTemplateAction(created, { action: 'retire', reason: 'cũ' }, { by: 'd', now }).next;
    expect(() => applyTemplateAction(retired, { action: 'retire', reason: 'x' }, { by: 'd', now })).toThrow(
      Conflict,
    );
    expect(applyTemplateAction(retired, { action: 'restore' }, { by: 'd', now }).next.status).toBe('active');
  });

  it('a citation needs the template active and at the cited version', () => {
    expect(templateRefProblem(created, { id: created.id, version: 1 })).toBeNull();
    expect(templateRefProblem(created, { id: created.id, version: 2 })).toMatch(/version 1/);
    expect(templateRefProblem(undefined, { id: created.id, version: 1 })).toMatch(/no such/);
    expect(templateRefProblem({ ...created, status: 'retired' }, { id: created.id, version: 1 })).toMatch(
      /retired/,
    );
  });
});
