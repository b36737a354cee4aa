// Arabic spelling: Hunspell with the hunspell-ar dictionary in a worker thread, the newsroom word list on
// top, and the checker's spelling provider. One speller per process, started on first use.
import { createSpeller, type Speller } from './speller';

export * from './dictionaryLocation';
export * from './provider';
export * from './speller';
export * from './words';

let shared: Speller | null = null;

/** The process's speller (the dictionary found by locateDictionary, i.e. TADQIQ_DICTIONARY_DIR first). */
export function sharedSpeller(): Speller {
  shared ??= createSpeller();
  return shared;
}
