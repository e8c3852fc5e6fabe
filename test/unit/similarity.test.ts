// Similar reports by their text (shared/domain/similarity.ts,
// docs/similarity.md): a fixed part of the labelled set as a regression check
// of the hint decision as submission makes it (an LSH candidate AND a score
// at the configured threshold), and the properties the store relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  fingerprint,
  foldMarks,
  reportText,
  similarityScore,
  type TextFingerprint,
} from '#domain/similarity';
import { common } from '#infra/config/common';
import { loadPairs, validatePairs } from '#test/fixtures/similarity/pairs';

const config = common.similarity;

const isHint = (a: TextFingerprint, b: TextFingerprint): boolean => {
  const keys = new Set(bandKeys(a, config));
  return bandKeys(b, config).some((k) => keys.has(k)) && similarityScore(a, b) >= config.threshold;
};

/** Each kind, both languages; the hard ones the tuned variant knowingly gets wrong are listed below. */
const REGRESSION_IDS = [
  'vi-ngap-nhc/para-1',
  'vi-ngap-nhc/topic-1',
  'vi-gia-mao-nghi-hoc/para-1',
  'vi-gia-mao-nghi-hoc/links-1',
  'vi-gia-mao-nghi-hoc/topic-3',
  'vi-lua-evn/para-1',
  'vi-lua-evn/links-1',
  'vi-lua-evn/topic-1',
  'vi-cam-xe-may/para-1',
  'vi-cam-xe-may/topic-2',
  'vi-cam-xe-may/unrelated-1',
  'vi-xe-buyt-gia-ve/para-1',
  'vi-xe-buyt-gia-ve/topic-4',
  'vi-nuoc-nhiem-khuan/links-1',
  'vi-nuoc-nhiem-khuan/unrelated-1',
  'vi-marks-01',
  'vi-marks-07',
  'vi-marks-13',
  'vi-marks-03',
  'en-flood-thao-dien/para-1',
  'en-flood-thao-dien/topic-1',
  'en-qr-parking-scam/para-2',
  'en-qr-parking-scam/links-1',
  'en-qr-parking-scam/topic-4',
  'en-visa-fake/para-1',
  'en-visa-fake/unrelated-1',
  'en-power-cut-binh-thanh/links-1',
  'en-power-cut-binh-thanh/topic-2',
  'en-haze-schools/para-2',
  'en-haze-schools/topic-1',
  'en-dengue-children/para-1',
];

/**
 * Known misses: giá cá / giá cà at the same market share every other word (a
 * marks-only negative the penalty does not push under the threshold), and an
 * English paraphrase that the 8 single-row bands happen not to make a candidate.
 */
const KNOWN_MISSES = new Set(['vi-marks-03', 'en-dengue-children/para-1']);

describe('similar reports on the labelled set', () => {
  const pairs = new Map(loadPairs().map((p) => [p.id, p]));
  const subset = REGRESSION_IDS.map((id) => {
    const p = pairs.get(id);
    if (!p) throw new Error(`no pair ${id} in test/fixtures/similarity/pairs.json`);
    return p;
  });

  it('covers each kind and both languages', () => {
    expect(new Set(subset.map((p) => p.kind)).size).toBe(5);
    expect(new Set(subset.map((p) => p.lang))).toEqual(new Set(['vi', 'en']));
  });

  it.each(subset.filter((p) => !KNOWN_MISSES.has(p.id)).map((p) => [p.id, p] as const))(
    '%s: the hint matches the label',
    (_, p) => {
      expect(isHint(fingerprint(reportText(p.a)), fingerprint(reportText(p.b)))).toBe(p.same);
    },
  );

  it(`gets at least ${REGRESSION_IDS.length - KNOWN_MISSES.size} of ${REGRESSION_IDS.length} right`, () => {
    const right = subset.filter(
      (p) => isHint(fingerprint(reportText(p.a)), fingerprint(reportText(p.b))) === p.same,
    );
    expect(right.length).toBeGreaterThanOrEqual(REGRESSION_IDS.length - KNOWN_MISSES.size);
  });

  it('the loader refuses a broken set', () => {
    const [first] = loadPairs();
    expect(() => validatePairs([first, first])).toThrow(/duplicate id/);
    expect(() => validatePairs([{ ...first, same: !first!.same }])).toThrow(/must have same/);
  });
});

// Words as collaborators type them: Vietnamese syllables with and without marks, English, numbers.
const word = fc.constantFrom(
  'ngập',
  'nước',
  'đường',
  'Nguyễn',
  'Hữu',
  'Cảnh',
  'tăng',
  'tặng',
  'giá',
  'vé',
  'xe',
  'buýt',
  'học',
  'sinh',
  'hòa',
  'hoà',
  'thủy',
  'tp',
  'q1',
  'hcm',
  'flood',
  'street',
  'the',
  'scam',
  '50.000',
  'https://x.com/a',
);
const text = fc.array(word, { minLength: 0, maxLength: 40 }).map((ws) => ws.join(' '));
const nonEmpty = fc
  .array(
    word.filter((w) => w !== 'the' && !w.startsWith('https')),
    { minLength: 1, maxLength: 40 },
  )
  .map((ws) => ws.join(' '));

describe('similarity properties', () => {
  it('the score is symmetric and in [0, 1]', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [fa, fb] = [fingerprint(a), fingerprint(b)];
        const s = similarityScore(fa, fb);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarityScore(fb, fa)).toBe(s);
      }),
    );
  });

  it('a text and itself score 1', () => {
    fc.assert(
      fc.property(nonEmpty, (a) => {
        expect(similarityScore(fingerprint(a), fingerprint(a))).toBe(1);
      }),
    );
  });

  it('a text and the same typed without diacritics are a hint', () => {
    fc.assert(
      fc.property(nonEmpty, (a) => {
        const [fa, fb] = [fingerprint(a), fingerprint(foldMarks(a))];
        expect(similarityScore(fa, fb)).toBeGreaterThanOrEqual(config.threshold);
        expect(isHint(fa, fb)).toBe(true);
      }),
    );
  });

  it('band keys are deterministic, one per band', () => {
    fc.assert(
      fc.property(nonEmpty, (a) => {
        const keys = bandKeys(fingerprint(a), config);
        expect(keys).toEqual(bandKeys(fingerprint(`${a}`), config));
        expect(keys).toHaveLength(config.bands);
        expect(new Set(keys.map((k) => k.split('.')[0]))).toHaveLength(config.bands);
      }),
    );
  });

  it('an empty text, or one of only links and stop words, has no band key and scores 0', () => {
    for (const t of ['', '   ', '!!! …', 'https://example.com/x the of']) {
      expect(bandKeys(fingerprint(t), config)).toEqual([]);
      expect(similarityScore(fingerprint(t), fingerprint('ngập nước'))).toBe(0);
    }
  });

  it('the old and new places of the tone mark are the same word', () => {
    expect(similarityScore(fingerprint('hòa bình thủy lợi'), fingerprint('hoà bình thuỷ lợi'))).toBe(1);
  });

  it('a word that differs only by its marks lowers the score of two marked texts', () => {
    const a = fingerprint('Tin đồn EVN tặng tiền điện tháng 12 cho hộ nghèo ở Bình Tân');
    const b = fingerprint('Tin đồn EVN tăng tiền điện tháng 12 cho hộ nghèo ở Bình Tân');
    const bare = fingerprint('Tin don EVN tang tien dien thang 12 cho ho ngheo o Binh Tan');
    expect(similarityScore(a, b)).toBeLessThan(similarityScore(a, bare));
  });
});
