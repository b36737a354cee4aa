// Queries on the newsroom word list (dictionary_words): words the desk accepts that the Arabic dictionary does
// not know — mostly names. Looked up by their key (marks and tatweel removed), shown as they were added.
import type Database from 'better-sqlite3';
import starter from '../../../resources/dictionaries/newsroom.json';
import { AppError } from '../../core/ipc/contract';
import { isCheckable, spellingKey } from '../spelling/words';

type Db = Database.Database;

export type DictionaryWord = { word: string; addedBy: string; addedAt: string };

/** Who the seeded words are by, as shown in the list. */
export const STARTER_AUTHOR = 'قائمة البداية';

type StarterGroups = { people: string[]; places: string[]; organisations: string[] };
const groups = (g: StarterGroups): string[] => [...g.people, ...g.places, ...g.organisations];

/** The starter list as schema step 7 seeds it into a new database: its groups, without later additions. */
export const FIRST_STARTER_WORDS: readonly string[] = groups(starter);

/** The names a later schema step adds to the starter list (existing databases get them too). */
export function starterAdditions(version: number): string[] {
  return starter.additions.filter((a) => a.version === version).flatMap(groups);
}

/** The whole starter list shipped in resources/dictionaries/newsroom.json, additions included. */
export const STARTER_WORDS: readonly string[] = [
  ...FIRST_STARTER_WORDS,
  ...starter.additions.flatMap(groups),
];

/** The word as it is stored (trimmed, NFC) and its lookup key; a clear error when it cannot be a list entry. */
export function dictionaryEntry(input: string): { word: string; key: string } {
  const word = input.trim().normalize('NFC');
  if (/\s/u.test(word)) {
    throw new AppError('bad_request', `Add one word at a time: "${word.slice(0, 40)}" has a space in it.`);
  }
  const key = spellingKey(word);
  if (!isCheckable(key)) {
    throw new AppError(
      'bad_request',
      `Only Arabic words go into the word list (letters and diacritics): "${word.slice(0, 40)}".`,
    );
  }
  return { word, key };
}

export function listDictionaryWords(db: Db): DictionaryWord[] {
  return db
    .prepare<[], DictionaryWord>(
      'SELECT word, added_by AS addedBy, added_at AS addedAt FROM dictionary_words ORDER BY normalized, word',
    )
    .all();
}

/** The lookup keys of every word in the list. */
export function dictionaryKeys(db: Db): Set<string> {
  return new Set(
    db
      .prepare<[], { normalized: string }>('SELECT normalized FROM dictionary_words')
      .all()
      .map((r) => r.normalized),
  );
}

/**
 * Adds a word; a word whose key is already listed (the same word, perhaps with other diacritics) is left as it
 * is. Returns the stored spelling and whether this call added it.
 */
export function addDictionaryWord(
  db: Db,
  input: string,
  addedBy: string,
  addedAt: string,
): { word: string; added: boolean } {
  const { word, key } = dictionaryEntry(input);
  const info = db
    .prepare(
      `INSERT INTO dictionary_words (word, normalized, added_by, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    )
    .run(word, key, addedBy, addedAt);
  if (info.changes === 1) return { word, added: true };
  const existing = db
    .prepare<[string], { word: string }>('SELECT word FROM dictionary_words WHERE normalized = ?')
    .get(key);
  return { word: existing?.word ?? word, added: false };
}

/** Removes a word (matched by its key, so diacritics do not matter); false when it was not listed. */
export function removeDictionaryWord(db: Db, input: string): boolean {
  const { key } = dictionaryEntry(input);
  return db.prepare('DELETE FROM dictionary_words WHERE normalized = ?').run(key).changes > 0;
}

/** Fills a new word list with the starter names (run by the migration that creates the table). */
export function seedStarterWords(db: Db, at: string, words: readonly string[]): number {
  let added = 0;
  for (const w of words) if (addDictionaryWord(db, w, STARTER_AUTHOR, at).added) added++;
  return added;
}
