// Similar reports by their text: pure functions, no I/O. A report's title and
// summary (links dropped, abbreviations expanded, English stop words dropped)
// become two sets of single syllables/words: one with Vietnamese marks kept
// (tone placement made canonical), one folded (marks removed, đ → d) for text
// typed without them. MinHash over the folded set gives the locality-sensitive
// band keys that find candidates (shared/store/similar.ts); the exact score on
// the candidates decides the hint. docs/similarity.md explains the choices and
// the figures measured on test/fixtures/similarity (test/bench/similarity.bench.ts).

export interface SimilarityParams {
  /** How many band keys a report gets (one stored item each). */
  bands: number;
  /** MinHash values per band. */
  rows: number;
  /** The score from which a candidate is a hint. */
  threshold: number;
}

/** NFC, lower-cased as Vietnamese is, every run of non-letters/digits a single space. */
export const normalizeText = (s: string): string =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Marks removed (NFD, combining marks dropped), đ → d: how text typed without diacritics reads. */
export const foldMarks = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');

/** How a text is cut and compared: the chosen variant is `DEFAULT_VARIANT`; the bench measures others. */
export interface SimilarityVariant {
  /** Syllables (words) per shingle. */
  shingle: 1 | 2 | 3;
  /**
   * How marks count. `marked`: marked shingles only; `folded`: folded only;
   * `max`: max(marked, foldedWeight × folded); `trusted`: marks count when both
   * texts carry them (marked score), folded when either is typed without
   * them (foldedWeight × folded).
   */
  marks: 'marked' | 'folded' | 'max' | 'trusted';
  foldedWeight: number;
  /** Drop English stop words (the, of, a…) before shingling. */
  stopWords: boolean;
  /** Expand collaborators' abbreviations (tp, hcm, q1, hs, bv, ko…). */
  abbreviations: boolean;
  /** Drop links from the text (a shared link is the `sameUrl` hint's business). */
  dropLinks: boolean;
  /**
   * When both texts carry marks, each word of one that the other has only
   * with other marks (tặng / tăng) multiplies the score by 1 − this (0: off).
   */
  markConflict: number;
}

export const DEFAULT_VARIANT: SimilarityVariant = {
  shingle: 1,
  marks: 'max',
  foldedWeight: 0.85,
  stopWords: true,
  abbreviations: true,
  dropLinks: true,
  markConflict: 0.3,
};

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;

const STOP_WORDS = new Set(
  'a an the of to in on at for from by with and or but is are was were be been being it its this that these those as has have had do does did not no so than then there their they them we our you your he she his her i me my will would can could should about into over after before up out if'.split(
    ' ',
  ),
);

/** Abbreviations Vietnamese collaborators type, to the words they stand for (marked: folding finds the bare forms). */
const ABBREVIATIONS: Record<string, string> = {
  tp: 'thành phố',
  tphcm: 'thành phố hồ chí minh',
  hcm: 'hồ chí minh',
  sg: 'sài gòn',
  hs: 'học sinh',
  sv: 'sinh viên',
  bv: 'bệnh viện',
  ubnd: 'ủy ban nhân dân',
  csgt: 'cảnh sát giao thông',
  ko: 'không',
  k: 'không',
  kg: 'không',
  dc: 'được',
  đc: 'được',
  ng: 'người',
  tsn: 'tân sơn nhất',
  sdt: 'số điện thoại',
  đt: 'điện thoại',
  tk: 'tài khoản',
  tr: 'triệu',
  trieu: 'triệu',
};

/** `q1` → `quận 1`, `p12` → `phường 12`, `q.1` (after normalizing: `q 1`) likewise. */
const expandWord = (w: string, next: string | undefined): { words: string[]; skip: number } => {
  const district = /^([qp])(\d{1,2})$/u.exec(w);
  if (district) return { words: [district[1] === 'q' ? 'quận' : 'phường', district[2]!], skip: 0 };
  if ((w === 'q' || w === 'p') && next && /^\d{1,2}$/u.test(next))
    return { words: [w === 'q' ? 'quận' : 'phường', next], skip: 1 };
  const full = ABBREVIATIONS[w];
  return { words: full ? full.split(' ') : [w], skip: 0 };
};

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * One spelling per syllable: the tone mark moved to the end, so the old and
 * new placements (hòa / hoà, thủy / thuỷ, khỏe / khoẻ) are the same word.
 * Internal only: the result is not meant to be read.
 */
const canonicalSyllable = (w: string): string => {
  const d = w.normalize('NFD');
  const tone = TONES.exec(d);
  if (!tone) return w;
  return `${d.replace(TONES, '').normalize('NFC')}${tone[0]}`;
};

const tokens = (normalized: string): string[] => (normalized ? normalized.split(' ') : []);

const wordsOf = (text: string, v: SimilarityVariant): string[] => {
  const raw = tokens(normalizeText(v.dropLinks ? text.replace(LINK, ' ') : text));
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    if (v.stopWords && STOP_WORDS.has(w)) continue;
    if (v.abbreviations) {
      const { words, skip } = expandWord(w, raw[i + 1]);
      out.push(...words);
      i += skip;
    } else out.push(w);
  }
  return out;
};

/** Runs of `k` words (and the whole text when it has fewer). */
const shingles = (words: string[], k: number): Set<string> => {
  const out = new Set<string>();
  if (words.length > 0 && words.length < k) out.add(words.join(' '));
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(' '));
  return out;
};

export interface TextFingerprint {
  /** Shingles with marks kept: the strong signal. */
  marked: Set<string>;
  /** Shingles with marks folded: finds text typed without diacritics. */
  folded: Set<string>;
  /** Whether the text carries Vietnamese marks (under 1 word in 20 marked: typed without them, or English). */
  hasMarks?: boolean;
  /** Its marked words by their folded form (tang → tặng, tăng): finds words that differ only by marks. */
  markedWords?: Map<string, Set<string>>;
}

/** The text a report is compared by: its title and summary. */
export const reportText = (r: { title: string; summary: string }): string => `${r.title}\n${r.summary}`;

export const fingerprint = (text: string, variant: SimilarityVariant = DEFAULT_VARIANT): TextFingerprint => {
  const words = wordsOf(text, variant);
  // Each distinct word is folded and made canonical once (a long text repeats its words).
  const seen = new Map<string, { canonical: string; folded: string }>();
  const canonical: string[] = [];
  const folded: string[] = [];
  const markedWords = new Map<string, Set<string>>();
  let markedCount = 0;
  for (const w of words) {
    let forms = seen.get(w);
    if (!forms) {
      forms = { canonical: canonicalSyllable(w), folded: foldMarks(w) };
      seen.set(w, forms);
      if (forms.folded !== w) {
        const set = markedWords.get(forms.folded) ?? new Set<string>();
        set.add(forms.canonical);
        markedWords.set(forms.folded, set);
      }
    }
    if (forms.folded !== w) markedCount++;
    canonical.push(forms.canonical);
    folded.push(forms.folded);
  }
  return {
    marked: shingles(canonical, variant.shingle),
    folded: shingles(folded, variant.shingle),
    hasMarks: words.length > 0 && markedCount * 20 >= words.length,
    markedWords,
  };
};

const jaccard = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
};

/** The folded weight of the first variant (kept for callers of the first version). */
export const FOLDED_WEIGHT = 0.85;

/**
 * How much of the same thing two texts say, 0…1, by the variant's use of
 * marks (docs/similarity.md has the figures behind the default, `trusted`):
 * when both texts carry marks, words that differ only by them are different
 * words (tặng ≠ tăng); when either was typed without them, the folded forms
 * are compared.
 */
export const similarityScore = (
  a: TextFingerprint,
  b: TextFingerprint,
  variant: SimilarityVariant = DEFAULT_VARIANT,
): number => {
  const base = baseScore(a, b, variant);
  if (variant.markConflict <= 0 || a.hasMarks === false || b.hasMarks === false) return base;
  return base * (1 - variant.markConflict) ** markConflicts(a, b);
};

/** Words of `a` that `b` has only with other marks (both sides marked): tặng in one, tăng in the other. */
export const markConflicts = (a: TextFingerprint, b: TextFingerprint): number => {
  if (!a.markedWords || !b.markedWords) return 0;
  let n = 0;
  for (const [f, forms] of a.markedWords) {
    const other = b.markedWords.get(f);
    if (!other) continue;
    let shared = false;
    for (const w of forms) if (other.has(w)) shared = true;
    if (!shared) n++;
  }
  return n;
};

const baseScore = (a: TextFingerprint, b: TextFingerprint, variant: SimilarityVariant): number => {
  switch (variant.marks) {
    case 'marked':
      return jaccard(a.marked, b.marked);
    case 'folded':
      return variant.foldedWeight * jaccard(a.folded, b.folded);
    case 'max':
      return Math.max(jaccard(a.marked, b.marked), variant.foldedWeight * jaccard(a.folded, b.folded));
    case 'trusted':
      return a.hasMarks !== false && b.hasMarks !== false
        ? jaccard(a.marked, b.marked)
        : variant.foldedWeight * jaccard(a.folded, b.folded);
  }
};

/** FNV-1a, 32 bits. */
const hash32 = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** A fixed xorshift-multiply mix per permutation: `h` hashed again with seed `i`. */
const mix = (h: number, seed: number): number => {
  let x = (h ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

/** `n` MinHash values of a shingle set (empty set: all 0xffffffff). */
export const minhash = (set: Set<string>, n: number): number[] => {
  const sig = new Array<number>(n).fill(0xffffffff);
  for (const s of set) {
    const h = hash32(s);
    for (let i = 0; i < n; i++) {
      const v = mix(h, i);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
};

/**
 * The band keys of a text: `bands` keys, each `<band>.<hash of its rows>` (hex).
 * Two texts share a key with probability 1 − (1 − s^rows)^bands, s their
 * folded Jaccard similarity. A text with no shingle has no key.
 */
export const bandKeys = (fp: TextFingerprint, p: Pick<SimilarityParams, 'bands' | 'rows'>): string[] => {
  if (fp.folded.size === 0) return [];
  const sig = minhash(fp.folded, p.bands * p.rows);
  return Array.from({ length: p.bands }, (_, b) => {
    const rows = sig.slice(b * p.rows, (b + 1) * p.rows).join(',');
    return `${b}.${hash32(rows).toString(16).padStart(8, '0')}`;
  });
};

/** A score as the API shows it: two decimals. */
export const roundScore = (s: number): number => Math.round(s * 100) / 100;

/** The words of a text as similarity reads them (links dropped, stop words dropped, abbreviations expanded): search indexes these. */
export const textWords = (text: string): string[] => wordsOf(text, DEFAULT_VARIANT);
