// One catalogue per language: English has every key Vietnamese has (the type
// checks that at build time; this checks the values too), nothing is left empty,
// and the status, outcome and priority words are the emails' words.
import { describe, expect, it } from 'vitest';
import { STRINGS as MAIL } from '#mail/strings';
import { vi } from '#web/src/i18n/catalogue';
import { en } from '#web/src/i18n/en/index';

const leaves = (o: unknown, prefix = ''): [string, unknown][] =>
  typeof o === 'object' && o !== null
    ? Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
    : [[prefix, o]];

describe('string catalogues', () => {
  it('has the same keys in both languages and no empty text', () => {
    const viKeys = leaves(vi).map(([k]) => k);
    expect(leaves(en).map(([k]) => k)).toEqual(viKeys);
    for (const [key, value] of [...leaves(vi), ...leaves(en)]) {
      if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      else expect(typeof value, key).toBe('function');
    }
  });

  it("uses the emails' words for case states, outcomes, priorities and sentiments", () => {
    for (const [lang, cat] of [
      ['vi', vi],
      ['en', en],
    ] as const) {
      expect(cat.common.caseStatus).toEqual(MAIL[lang].status);
      expect(cat.common.outcome).toEqual(MAIL[lang].outcome);
      expect(cat.common.priority).toEqual(MAIL[lang].priority);
      expect(cat.common.sentiment).toEqual(MAIL[lang].sentiment);
      expect({ high: cat.common.urgency.high, critical: cat.common.urgency.critical }).toEqual(
        MAIL[lang].urgency,
      );
    }
  });
});
