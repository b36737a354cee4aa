// Arabic-aware text primitives for the rules: what counts as a word character (JS \b knows only ASCII), marks
// and tatweel inside words, and word tokens with their UTF-16 offsets.

/** Harakat, shadda, sukun, superscript alef and Quranic marks: they sit inside words. */
export const MARKS = '\\u0610-\\u061A\\u064B-\\u065F\\u0670\\u06D6-\\u06DC\\u06DF-\\u06E8\\u06EA-\\u06ED';
const MARKS_RE = new RegExp(`[${MARKS}]`, 'gu');

/** Arabic letters proper (no digits, punctuation or marks). */
export const ARABIC_LETTER = '[\\u0621-\\u063A\\u0641-\\u064A\\u0671-\\u06D3\\u06FA-\\u06FC]';
const ARABIC_LETTER_RE = new RegExp(ARABIC_LETTER, 'u');

/** A character that continues a word: any letter, mark or digit, or tatweel. */
export const WORD_CHAR = `[\\p{L}\\p{M}\\p{N}\\u0640]`;
export const START_BOUNDARY = `(?<!${WORD_CHAR})`;
export const END_BOUNDARY = `(?!${WORD_CHAR})`;

export function stripMarks(s: string): string {
  return s.replace(MARKS_RE, '').replace(/\u0640/g, '');
}

export function isArabicLetter(ch: string | undefined): boolean {
  return ch !== undefined && ARABIC_LETTER_RE.test(ch);
}

export function hasArabic(s: string): boolean {
  return ARABIC_LETTER_RE.test(s);
}

export type Token = { word: string; bare: string; from: number; to: number };
export type Piece = (Token & { kind: 'word' }) | { kind: 'punct'; text: string; from: number; to: number };

const WORD_RE = /[\p{L}\p{M}\p{N}\u0640]+/gu;

/** Word tokens with offsets; `bare` is the word without marks and tatweel, for comparisons. */
export function words(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    out.push({ word: m[0], bare: stripMarks(m[0]), from: m.index, to: m.index + m[0].length });
  }
  return out;
}

/** Words and the punctuation between them (whitespace dropped), in order. */
export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  const pushPunct = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const ch = text[i]!;
      if (!/\s/u.test(ch)) out.push({ kind: 'punct', text: ch, from: i, to: i + 1 });
    }
  };
  for (const t of words(text)) {
    pushPunct(last, t.from);
    out.push({ kind: 'word', ...t });
    last = t.to;
  }
  pushPunct(last, text.length);
  return out;
}

/** Escapes a literal for use inside a RegExp source. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A literal Arabic word as a pattern that also matches it with diacritics between its letters. */
export function literalWithMarks(s: string): string {
  return [...s].map((ch) => (/\s/u.test(ch) ? '\\s+' : `${escapeRegExp(ch)}[${MARKS}]*`)).join('');
}
