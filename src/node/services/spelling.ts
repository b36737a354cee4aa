// Spelling and the newsroom word list as services: check words (newsroom list first, then Hunspell), suggest,
// and list / add / remove the desk's words. The list lives in the database; Hunspell in the speller's worker.
import type Database from 'better-sqlite3';
import type { ChannelResult } from '../../core/ipc/contract';
import type { ServiceTable } from '../../core/ipc/dispatch';
import { sharedSpeller, type Speller } from '../spelling';
import { inNewsroomList } from '../spelling/provider';
import { isCheckable, spellingKey } from '../spelling/words';
import {
  addDictionaryWord,
  dictionaryKeys,
  listDictionaryWords,
  removeDictionaryWord,
} from '../store/dictionary';
import { nowIso } from './content';
import { resolveAuthor } from './user';

type Db = Database.Database;
type CheckResult = ChannelResult<'spelling:check'>['results'][number];

/** One answer per word, in order: skipped (not Arabic), in the newsroom list, or Hunspell's verdict. */
export async function checkWords(
  db: Db,
  speller: Speller,
  words: readonly string[],
  withSuggestions = true,
): Promise<CheckResult[]> {
  const newsroom = dictionaryKeys(db);
  const keys = words.map(spellingKey);
  const ask = [...new Set(keys.filter((k) => isCheckable(k) && !inNewsroomList(k, newsroom)))];
  const verdict = new Map<string, boolean>();
  if (ask.length) (await speller.check(ask)).forEach((r) => verdict.set(r.word, r.correct));
  const suggestions = new Map<string, string[]>();
  if (withSuggestions) {
    for (const [k, ok] of verdict) if (!ok) suggestions.set(k, await speller.suggest(k));
  }
  return words.map((word, i): CheckResult => {
    const key = keys[i]!;
    if (!isCheckable(key)) return { word, correct: true, source: 'skipped', suggestions: [] };
    const known = verdict.get(key);
    if (known === undefined) return { word, correct: true, source: 'newsroom', suggestions: [] };
    return { word, correct: known, source: 'dictionary', suggestions: suggestions.get(key) ?? [] };
  });
}

/** Replacements for one word; none for a word that is correct, listed, or not Arabic. */
export async function suggestWord(db: Db, speller: Speller, word: string): Promise<string[]> {
  const key = spellingKey(word);
  if (!isCheckable(key) || inNewsroomList(key, dictionaryKeys(db))) return [];
  return speller.suggest(key);
}

export function addWord(db: Db, word: string): { word: string; added: boolean } {
  return addDictionaryWord(db, word, resolveAuthor(db), nowIso());
}

type SpellingChannels =
  'spelling:check' | 'spelling:suggest' | 'dictionary:list' | 'dictionary:add' | 'dictionary:remove';

/** The spelling channels, spread into createServices' table. */
export function createSpellingServices(
  db: Db,
  speller: () => Speller = sharedSpeller,
): Pick<ServiceTable, SpellingChannels> {
  return {
    'spelling:check': async ({ words, suggestions }) => ({
      results: await checkWords(db, speller(), words, suggestions),
    }),
    'spelling:suggest': async ({ word }) => ({ suggestions: await suggestWord(db, speller(), word) }),
    'dictionary:list': () => ({ words: listDictionaryWords(db) }),
    'dictionary:add': ({ word }) => addWord(db, word),
    'dictionary:remove': ({ word }) => ({ removed: removeDictionaryWord(db, word) }),
  };
}
