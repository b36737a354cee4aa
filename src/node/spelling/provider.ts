// The checker's SpellingProvider backed by Hunspell. The checker asks synchronously, one word at a time; the
// engine answers from its worker thread. So the words of the text are asked first, in one batch, and the
// provider answers from those results: prepare (async) once per check, then check (sync).
import type { SpellingProvider } from '../../core/checker/types';
import { DictionaryMissingError } from './dictionaryLocation';
import type { Speller } from './speller';
import { isCheckable, procliticForms, spellingKey, spellingTokens } from './words';

/** True when the newsroom list holds the word, alone or behind its proclitics (و ف ب ك ل ال). */
export function inNewsroomList(key: string, newsroom: ReadonlySet<string>): boolean {
  return newsroom.size > 0 && procliticForms(key).some((f) => newsroom.has(f));
}

/**
 * Asks the speller about every Arabic word of the texts (those in the newsroom list excepted) and returns a
 * provider answering from the results. A word the provider was not prepared for (Latin, digits, inside a web
 * address) counts as correct: spelling findings are only made for words that were checked.
 */
export async function prepareSpellingProvider(
  speller: Speller,
  texts: readonly string[],
  newsroom: ReadonlySet<string> = new Set(),
): Promise<SpellingProvider> {
  const keys = new Set<string>();
  for (const t of texts) for (const tok of spellingTokens(t)) keys.add(tok.key);
  const asked = [...keys].filter((k) => !inNewsroomList(k, newsroom));
  const wrong = new Map<string, string[]>();
  for (let i = 0; i < asked.length; i += 5000) {
    const batch = asked.slice(i, i + 5000);
    for (const r of await speller.check(batch)) if (!r.correct) wrong.set(r.word, []);
  }
  for (const k of wrong.keys()) wrong.set(k, await speller.suggest(k));
  return {
    isCorrect(word) {
      const key = spellingKey(word);
      return !isCheckable(key) || !wrong.has(key);
    },
    suggest(word) {
      return [...(wrong.get(spellingKey(word)) ?? [])];
    },
  };
}

export type SpellingSetup = { provider: SpellingProvider | null; warning: string | null };

/**
 * The provider for a check, or none with a warning when the dictionary is missing: the rest of the checker
 * runs without spelling findings rather than failing.
 */
export async function spellingForCheck(
  speller: Speller,
  texts: readonly string[],
  newsroom: ReadonlySet<string>,
): Promise<SpellingSetup> {
  try {
    return { provider: await prepareSpellingProvider(speller, texts, newsroom), warning: null };
  } catch (e) {
    if (e instanceof DictionaryMissingError) return { provider: null, warning: e.message };
    throw e;
  }
}
