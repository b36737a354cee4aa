// The word lists quote extraction reads (resources/quotes/*.json), folded once into lookup sets so that a
// reporting verb or a title is recognised whatever its hamza, taa marbuta or proclitic.
import reporting from '../../../resources/quotes/reporting.json';
import titles from '../../../resources/quotes/titles.json';
import naming from '../../../resources/quotes/naming.json';
import { bareNoun, tokenize, withoutConjunction } from './tokens';

export type QuoteLexicon = {
  /** Folded finite reporting verbs (قال، أضافت …). */
  verbs: Set<string>;
  /** Folded circumstantial forms (قائلا، مضيفا …): the speaker is the sentence's subject. */
  participles: Set<string>;
  /** Folded attribution words (بحسب، وفقا …): the speaker follows them. */
  sources: Set<string>;
  /** Folded إن/أن/بأن and their pronoun forms. */
  complementizers: Set<string>;
  /** Folded phrases (as key sequences) that may stand between a verb and its subject or quote. */
  adverbs: string[][];
  /** Bare folded title nouns, and multi-word titles as key sequences. */
  titles: Set<string>;
  multiWordTitles: string[][];
  orgNouns: Set<string>;
  nameParticles: Set<string>;
  notNames: Set<string>;
  namingCues: Set<string>;
  multiWordNamingCues: string[][];
  namingMaxWords: number;
};

const keysOf = (phrase: string): string[] => tokenize(phrase).map((t) => t.key);

function keySet(words: readonly string[], fold: (k: string) => string = (k) => k): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const ks = keysOf(w);
    if (ks.length === 1) out.add(fold(ks[0]!));
  }
  return out;
}

function phrases(words: readonly string[], fold: (k: string) => string = (k) => k): string[][] {
  return words.map((w) => keysOf(w).map(fold)).filter((ks) => ks.length > 1);
}

function build(): QuoteLexicon {
  const verbForms = Object.values(reporting.verbs as Record<string, string[]>).flat();
  return {
    verbs: keySet(verbForms),
    participles: keySet(reporting.participles),
    sources: keySet(reporting.sources),
    complementizers: keySet(reporting.complementizers),
    adverbs: reporting.adverbs.map(keysOf).filter((ks) => ks.length > 0),
    titles: keySet(titles.titles, bareNoun),
    multiWordTitles: phrases(titles.titles, bareNoun),
    orgNouns: keySet(titles.orgNouns, bareNoun),
    nameParticles: keySet(titles.nameParticles),
    notNames: keySet(titles.notNames),
    namingCues: keySet(naming.cues, bareNoun),
    multiWordNamingCues: phrases(naming.cues, bareNoun),
    namingMaxWords: naming.maxWords,
  };
}

let cached: QuoteLexicon | undefined;

/** The lists shipped with the app, folded once. */
export function defaultLexicon(): QuoteLexicon {
  cached ??= build();
  return cached;
}

/** Is this folded word a reporting verb, with or without a leading و/ف? */
export function isVerb(lex: QuoteLexicon, key: string): boolean {
  return lex.verbs.has(key) || lex.verbs.has(withoutConjunction(key));
}

export function isParticiple(lex: QuoteLexicon, key: string): boolean {
  return lex.participles.has(key) || lex.participles.has(withoutConjunction(key));
}

export function isSourceWord(lex: QuoteLexicon, key: string): boolean {
  return lex.sources.has(key) || lex.sources.has(withoutConjunction(key));
}

export function isComplementizer(lex: QuoteLexicon, key: string): boolean {
  return lex.complementizers.has(key) || lex.complementizers.has(withoutConjunction(key));
}

export function isTitle(lex: QuoteLexicon, key: string): boolean {
  return lex.titles.has(bareNoun(key)) || lex.titles.has(withoutConjunction(key));
}
