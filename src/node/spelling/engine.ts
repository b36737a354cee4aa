// Hunspell itself (hunspell-asm: the C++ engine compiled to WebAssembly) loaded with the Arabic dictionary,
// plus the one thing we add on top: an order of suggestions that puts the orthographic fix first. Runs inside
// the spelling worker; nothing here is asked from the main thread directly.
import { readFileSync } from 'node:fs';
import { loadModule, type Hunspell } from 'hunspell-asm';
import { normalizeArabic } from '../../core/arabic/normalize';
import { MAX_SUGGEST_LENGTH } from './words';

export type HunspellEngine = {
  spell(key: string): boolean;
  suggest(key: string): string[];
  dispose(): void;
};

export type DictionaryFiles = { aff: string; dic: string };

/**
 * Appended to the affix file. Hunspell's n-gram suggestions scan the whole word list for every unknown word:
 * measured on 150 words the corpus flags, they made suggesting 8 times slower (median 81 ms against 10 ms)
 * and only added far-fetched words for unknown names; the edits that fix real slips (hamza, taa marbuta,
 * a missing or swapped letter) do not come from them.
 */
const AFFIX_OVERRIDES = '\nMAXNGRAMSUGS 0\n';

/** Loads the WebAssembly engine and the dictionary; the .dic is kept for ranking suggestions. */
export async function loadHunspell(files: DictionaryFiles): Promise<HunspellEngine> {
  const affBytes = Buffer.concat([readFileSync(files.aff), Buffer.from(AFFIX_OVERRIDES)]);
  const dicBytes = readFileSync(files.dic);
  const factory = await loadModule();
  const aff = factory.mountBuffer(affBytes, 'ar.aff');
  const dic = factory.mountBuffer(dicBytes, 'ar.dic');
  let hunspell: Hunspell;
  try {
    hunspell = factory.create(aff, dic);
  } finally {
    // Hunspell has parsed both files into its own tables; the mounted copies are no longer needed.
    factory.unmount(aff);
    factory.unmount(dic);
  }
  let stems: Set<string> | null = null;
  const isStem = (w: string): boolean => {
    stems ??= dictionaryStems(dicBytes.toString('utf8'));
    return stems.has(w);
  };
  return {
    spell: (key) => hunspell.spell(key),
    suggest: (key) =>
      key.length > MAX_SUGGEST_LENGTH ? [] : rankSuggestions(key, hunspell.suggest(key), isStem),
    dispose: () => hunspell.dispose(),
  };
}

/** The words a .dic file lists (its stems, before any /flags or morphological fields). */
export function dictionaryStems(dicText: string): Set<string> {
  const stems = new Set<string>();
  for (const line of dicText.split('\n')) {
    const end = line.search(/[/\t ]/);
    const stem = (end === -1 ? line : line.slice(0, end)).trim();
    if (stem) stems.add(stem);
  }
  return stems;
}

/**
 * Hunspell orders suggestions by edit distance, so for انشاء it offers أنشاء (a derived form: question hamza +
 * نشاء) before إنشاء. A misspelling that differs from a suggestion only in hamza, alef maqsura or taa marbuta
 * is the usual Arabic slip, so those suggestions come first, and among them the ones the dictionary lists as
 * words in their own right before forms Hunspell builds with an affix. The dictionary also builds the article
 * with a hamza (ألحكومة, آلاقتصاد), which no one writes: for a word that starts with ال those go last. Other
 * suggestions keep Hunspell's order.
 */
export function rankSuggestions(
  word: string,
  suggestions: readonly string[],
  isStem: (w: string) => boolean,
): string[] {
  const folded = normalizeArabic(word);
  const article = word.startsWith('ال');
  const rank = (s: string): number => {
    if (article && /^[أإآ]ل/u.test(s)) return 3;
    if (normalizeArabic(s) !== folded) return 2;
    return isStem(s) ? 0 : 1;
  };
  return suggestions
    .map((s, i) => ({ s, r: rank(s), i }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.s);
}
