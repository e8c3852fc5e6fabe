// Similar reports by their text: pure functions, no I/O. A report's title and
// summary become two sets of shingles (syllable pairs): one with Vietnamese
// marks kept, one folded (marks removed, đ → d) for text typed without them.
// MinHash over the folded set gives the locality-sensitive band keys that find
// candidates (shared/store/similar.ts); the exact score on the candidates
// decides the hint. docs/similarity.md explains the choices and their figures.

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

const tokens = (normalized: string): string[] => (normalized ? normalized.split(' ') : []);

/** Syllable pairs (and the lone syllable of a one-word text). */
const shingles = (words: string[]): Set<string> => {
  const out = new Set<string>();
  if (words.length === 1) out.add(words[0]!);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
};

export interface TextFingerprint {
  /** Shingles with marks kept: the strong signal. */
  marked: Set<string>;
  /** Shingles with marks folded: finds text typed without diacritics. */
  folded: Set<string>;
}

/** The text a report is compared by: its title and summary. */
export const reportText = (r: { title: string; summary: string }): string => `${r.title}\n${r.summary}`;

export const fingerprint = (text: string): TextFingerprint => {
  const words = tokens(normalizeText(text));
  return { marked: shingles(words), folded: shingles(words.map(foldMarks)) };
};

const jaccard = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
};

/**
 * How much of the same thing two texts say, 0…1: the Jaccard similarity of
 * their marked shingles, or of their folded ones discounted by `FOLDED_WEIGHT`
 * (a folded match may join words that differ only by their marks).
 */
export const FOLDED_WEIGHT = 0.85;

export const similarityScore = (a: TextFingerprint, b: TextFingerprint): number =>
  Math.max(jaccard(a.marked, b.marked), FOLDED_WEIGHT * jaccard(a.folded, b.folded));

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
