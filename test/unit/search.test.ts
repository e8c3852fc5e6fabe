// Search terms (issue 18, §5): how a text and a query are cut, pure.
import { describe, expect, it } from 'vitest';
import {
  documentTerms,
  MAX_QUERY_TERMS,
  MAX_TERMS_PER_DOCUMENT,
  matchesAll,
  queryTerms,
  searchQuerySchema,
  searchTerms,
} from '#domain/search';

describe('search terms', () => {
  it('fold marks and case, đ → d, one term per syllable, each once', () => {
    expect(searchTerms('Tin đồn VỠ ĐÊ, vỡ đê!')).toEqual(['tin', 'don', 'vo', 'de']);
    expect(searchTerms('vo de')).toEqual(searchTerms('vỡ đê'));
    // Old and new tone placement are one word.
    expect(searchTerms('hòa hoà thủy thuỷ')).toEqual(['hoa', 'thuy']);
  });

  it('drop links, English stop words and marked Vietnamese function words; expand abbreviations', () => {
    expect(searchTerms('the flood of https://example.org/x và của nước')).toEqual(['flood', 'nuoc']);
    // Typed without marks, `va` may be `vá`: it stays.
    expect(searchTerms('va')).toEqual(['va']);
    expect(searchTerms('UBND q1')).toEqual(['uy', 'ban', 'nhan', 'dan', 'quan', '1']);
  });

  it('cap a document at MAX_TERMS_PER_DOCUMENT, title first', () => {
    const long = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    const terms = documentTerms(['Tiêu đề', long]);
    expect(terms).toHaveLength(MAX_TERMS_PER_DOCUMENT);
    expect(terms.slice(0, 3)).toEqual(['tieu', 'de', 'w0']);
  });

  it('a query uses its first MAX_QUERY_TERMS terms; a match needs every one, anywhere in the text', () => {
    expect(queryTerms('a1 a2 a3 a4 a5 a6 a7 a8 a9 a10')).toHaveLength(MAX_QUERY_TERMS);
    expect(matchesAll(['Đê vỡ', 'ở Bình Thạnh'], queryTerms('binh thanh vo de'))).toBe(true);
    expect(matchesAll(['Đê vỡ'], queryTerms('de vo nuoc'))).toBe(false);
    // The whole text counts, not only its capped postings.
    const long = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    expect(matchesAll(['x', long], ['w250'])).toBe(true);
  });

  it('q: one line of 1–200 characters with a word that is not a stop word', () => {
    expect(searchQuerySchema.parse('  vỡ đê  ')).toBe('vỡ đê');
    for (const bad of ['', '  ', 'x'.repeat(201), 'a\nb', 'a\u0000b', '\u202Eđê'])
      expect(searchQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    const onlyStop = searchQuerySchema.safeParse('và của the');
    expect(onlyStop.success).toBe(false);
    expect(onlyStop.error?.issues[0]?.message).toMatch(/only stop words/);
  });
});
