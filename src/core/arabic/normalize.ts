// Arabic normalisation for matching (search, quote verification): folds the orthographic variation that
// Arabic newsrooms treat as the same word. Never used to rewrite the author's text.

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
/** Zero-width and bidi control characters: invisible, never part of a word. */
export const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/g;

const LETTER_FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ئ: 'ء',
  ؤ: 'ء',
  ة: 'ه',
  ک: 'ك',
  ی: 'ي',
};
const LETTER_FOLD_RE = /[أإآٱىئؤةکی]/g;

/** Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) digits → Western digits. */
export function westernDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const cp = d.codePointAt(0)!;
    return String(cp >= 0x06f0 ? cp - 0x06f0 : cp - 0x0660);
  });
}

/**
 * Folds a string for matching: NFKC (presentation forms), invisibles, diacritics and tatweel removed,
 * hamza carriers / alef maqsura / taa marbuta folded, digits made Western, Latin lower-cased.
 * Hamza on waw and on yaa both fold to the bare hamza, so the house variants مسئول / مسؤول and
 * شئون / شؤون meet; hamza on alef folds to alef (أ إ آ ٱ → ا), the commonest hamza-less spelling.
 * Keeps the string's length-independent meaning only; offsets are NOT preserved.
 */
export function normalizeArabic(input: string): string {
  return westernDigits(
    input
      .normalize('NFKC')
      .replace(INVISIBLES, '')
      .replace(DIACRITICS, '')
      .replace(TATWEEL, '')
      .replace(LETTER_FOLD_RE, (ch) => LETTER_FOLD[ch] ?? ch),
  ).toLowerCase();
}

/** Splits normalised text into word tokens (letters and digits; punctuation and quotes dropped). */
export function wordTokens(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}

const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ك', 'ل'];

/**
 * The forms of a normalised word with its proclitics stripped, the word itself first:
 * `والنفط` → [`والنفط`, `النفط`, `نفط`]; `للنفط` → [`للنفط`, `النفط`, `نفط`]; `بالنفط` → [`بالنفط`, `النفط`, `نفط`].
 * A strip is kept only when at least two letters remain, so short words are not shredded.
 */
export function procliticForms(word: string): string[] {
  const out = new Set<string>([word]);
  const add = (w: string): void => {
    if (w.length >= 2) out.add(w);
  };
  let rest = word;
  if (CONJ.includes(rest[0] ?? '') && rest.length > 3) {
    rest = rest.slice(1);
    add(rest);
  }
  if (rest.startsWith('لل') && rest.length > 4) {
    // لل = ل + ال with the alef dropped
    add('ال' + rest.slice(2));
    add(rest.slice(2));
    return [...out];
  }
  if (PREP.includes(rest[0] ?? '') && rest.length > 3) {
    const r = rest.slice(1);
    if (r.startsWith('ال')) {
      add(r);
      rest = r;
    }
  }
  if (rest.startsWith('ال') && rest.length > 3) add(rest.slice(2));
  return [...out];
}
