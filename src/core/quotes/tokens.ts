// Word tokens of a text with their UTF-16 offsets and their folded matching key: the shared ground of quote
// extraction (which reads the words around quotation marks) and verification (which aligns words).
import { normalizeArabic } from '../arabic/normalize';

export type Token = {
  /** The word as written. */
  text: string;
  /** UTF-16 offsets of the word in the text it came from. */
  from: number;
  to: number;
  /** Folded form (hamza, taa marbuta, alef maqsura, diacritics, tatweel, digits): what matching compares. */
  key: string;
};

// Letters, combining marks (harakat), digits and tatweel make a word; anything else separates words.
const WORD = /[\p{L}\p{M}\p{N}\u0640]+/gu;
const KEY_CHARS = /[^\p{L}\p{N}]/gu;

/** A word's matching key; empty when the word is only marks or tatweel. */
export function wordKey(word: string): string {
  return normalizeArabic(word).replace(KEY_CHARS, '');
}

/** Tokenises `text` from `from` to `to` (default: all of it). Words with an empty key are dropped. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const m of slice.matchAll(WORD)) {
    const key = wordKey(m[0]);
    if (!key) continue;
    const start = from + m.index;
    out.push({ text: m[0], from: start, to: start + m[0].length, key });
  }
  return out;
}

/** Strips one leading conjunction و or ف when the rest is still a word of two letters or more. */
export function withoutConjunction(key: string): string {
  return (key[0] === 'و' || key[0] === 'ف') && key.length > 2 ? key.slice(1) : key;
}

/** Strips the article ال (and a preceding و/ف/ب/ل/ك, or لل) from a folded word, for list lookups. */
export function bareNoun(key: string): string {
  let k = key;
  if ((k[0] === 'و' || k[0] === 'ف') && k.length > 3) {
    const rest = k.slice(1);
    if (rest.startsWith('ال') || rest.startsWith('لل') || /^[بلك]ال/.test(rest)) k = rest;
  }
  if (k.startsWith('لل') && k.length > 3) return k.slice(2);
  if (/^[بك]ال/.test(k) && k.length > 4) return k.slice(3);
  if (k.startsWith('ال') && k.length > 3) return k.slice(2);
  return k;
}

/** True when the folded word carries the definite article (with or without a proclitic). */
export function isDefinite(key: string): boolean {
  return /^([وف]?)(ال|لل|[بك]ال)/.test(key) && key.length > 3;
}
