// Splits Arabic text into the tokens a word diff works on, and gives each token the key it is compared by.
// A word keeps its clitics (و ف ب ك ل ال and attached pronouns are letters of the same run), its diacritics
// and tatweel; every run of spaces and every punctuation mark (a tatweel dash too) is a token of its own. Tokens concatenate back
// to the exact input, so a diff over them loses nothing.
import { normalizeArabic } from '../arabic/normalize';

export type TokenKind = 'word' | 'space' | 'punct';
export type Token = { kind: TokenKind; text: string };

export type CompareOptions = {
  /** Harakat, shadda, sukun, dagger alef and Quranic marks do not make two words different. */
  ignoreDiacritics?: boolean;
  /** Tatweel (kashida, U+0640) does not make two words different. */
  ignoreTatweel?: boolean;
  /**
   * Compare words as normalizeArabic folds them: hamza carriers (أ إ آ → ا), ى → ي, ة → ه, digits, and
   * diacritics and tatweel too. Such a change then counts as no change at all.
   */
  foldLetters?: boolean;
};

// Letters, combining marks, digits, tatweel and the zero-width (non-)joiners that sit inside words.
const WORD = /[\p{L}\p{M}\p{N}\u0640\u200C\u200D]+/uy;
const SPACE = /\s+/uy;
// The same set normalizeArabic removes: harakat, shadda, sukun, superscript alef, Quranic annotation marks.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;

/** The tokens of `text`, in order; their texts concatenate to `text` exactly. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    WORD.lastIndex = i;
    const w = WORD.exec(text);
    if (w) {
      // A run of tatweel alone is a dash ("11 ــ 15"), not a word.
      out.push({ kind: /^[\u0640\p{M}]+$/u.test(w[0]) ? 'punct' : 'word', text: w[0] });
      i += w[0].length;
      continue;
    }
    SPACE.lastIndex = i;
    const s = SPACE.exec(text);
    if (s) {
      out.push({ kind: 'space', text: s[0] });
      i += s[0].length;
      continue;
    }
    // One punctuation mark or symbol per token; a surrogate pair (emoji, rare symbols) stays whole.
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    out.push({ kind: 'punct', text: text.slice(i, i + len) });
    i += len;
  }
  return out;
}

/** The key a token is compared by under the given options; equal keys mean "the same token". */
export function tokenKey(t: Token, opts: CompareOptions): string {
  if (t.kind === 'space') return t.text;
  if (opts.foldLetters && t.kind === 'word') return normalizeArabic(t.text);
  let k = t.text;
  // A tatweel dash can carry harakat too, so these apply to every token that is not a space.
  if (opts.ignoreDiacritics || opts.foldLetters) k = k.replace(DIACRITICS, '');
  if (opts.ignoreTatweel || opts.foldLetters) k = k.replace(TATWEEL, '');
  return k;
}

/** The key a whole text is compared by (the keys of its tokens, concatenated). */
export function textKey(text: string, opts: CompareOptions): string {
  if (!opts.foldLetters && !opts.ignoreDiacritics && !opts.ignoreTatweel) return text;
  return tokenize(text)
    .map((t) => tokenKey(t, opts))
    .join('');
}

/** Letters a reader sees as one: a base character with the combining marks (harakat, shadda) on it. */
export function graphemes(word: string): string[] {
  return word.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
}

/** Assigns small integer ids to string keys so that sequence comparison is integer comparison. */
export class Interner {
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}
