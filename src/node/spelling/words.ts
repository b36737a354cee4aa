// Arabic words as the spelling checker sees them: which tokens of a text are asked about (Arabic letters and
// marks only — Latin words, numbers and web addresses are skipped), the key a word is looked up by (marks,
// tatweel and invisible characters removed) and the forms of a word without its proclitics, so a newsroom
// entry such as لافروف also covers ولافروف and بلافروف.

/** Longest word the engine is asked about; longer runs of letters are glued words, not a word. */
export const MAX_WORD_LENGTH = 100;
/** Suggestions for longer words cost Hunspell hundreds of milliseconds and are never useful. */
export const MAX_SUGGEST_LENGTH = 30;

const MARKS_RE = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const INVISIBLES_RE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/g;
/** Arabic letters proper, after NFKC has turned presentation forms into them. */
const ARABIC_WORD_RE = /^[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FC]+$/u;
/** A word continues through letters, marks, digits, tatweel and the invisibles that sneak into pasted text. */
const TOKEN_RE = /[\p{L}\p{M}\p{N}\u0640\u200B-\u200F\u00AD]+/gu;
/** Web and mail addresses: their letters are not words of the text. */
const ADDRESS_RE = /(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

export type SpellingToken = {
  /** The word as written (marks included). */
  word: string;
  /** What the dictionary is asked: marks, tatweel and invisibles removed, NFKC. */
  key: string;
  /** UTF-16 offsets of `word` in the text. */
  from: number;
  to: number;
};

/** The lookup key of a word: NFKC, without marks, tatweel or invisible characters. */
export function spellingKey(word: string): string {
  return word.normalize('NFKC').replace(INVISIBLES_RE, '').replace(MARKS_RE, '');
}

/** True when a key is an Arabic word the dictionary can judge (letters only, not too long). */
export function isCheckable(key: string): boolean {
  return key.length > 0 && key.length <= MAX_WORD_LENGTH && ARABIC_WORD_RE.test(key);
}

/** The Arabic words of a text worth asking the dictionary about, with their offsets. */
export function spellingTokens(text: string): SpellingToken[] {
  const masked = text.replace(ADDRESS_RE, (m) => ' '.repeat(m.length));
  const out: SpellingToken[] = [];
  for (const m of masked.matchAll(TOKEN_RE)) {
    const key = spellingKey(m[0]);
    if (!isCheckable(key)) continue;
    out.push({ word: m[0], key, from: m.index, to: m.index + m[0].length });
  }
  return out;
}

/**
 * The forms of a key with its proclitics taken off, the key itself first: conjunction و/ف, then a preposition
 * ب/ك/ل, then the article ال (لل = ل + ال). `ولافروف` → [ولافروف, لافروف, افروف]; `وللحوثيين` →
 * [وللحوثيين, للحوثيين, الحوثيين, حوثيين]. At least two letters always remain. Used to find newsroom entries
 * inside prefixed words; a form is only a candidate, accepted when the list holds it.
 */
export function procliticForms(key: string): string[] {
  const out = [key];
  const add = (w: string): void => {
    if (w.length >= 2 && !out.includes(w)) out.push(w);
  };
  let rest = key;
  if ((rest[0] === 'و' || rest[0] === 'ف') && rest.length > 2) {
    rest = rest.slice(1);
    add(rest);
  }
  if (rest.startsWith('لل') && rest.length > 3) {
    add('ال' + rest.slice(2));
    add(rest.slice(2));
  }
  if ((rest[0] === 'ب' || rest[0] === 'ك' || rest[0] === 'ل') && rest.length > 2) {
    rest = rest.slice(1);
    add(rest);
  }
  if (rest.startsWith('ال') && rest.length > 3) add(rest.slice(2));
  return out;
}
