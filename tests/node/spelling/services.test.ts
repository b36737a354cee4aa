// The spelling and word-list channels through the same dispatch Electron main and the e2e harness use, on a
// real database file and the real Hunspell engine.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../../src/core/ipc/dispatch';
import { createServices } from '../../../src/node/services';
import { createSpellingServices } from '../../../src/node/services/spelling';
import { createSpeller, sharedSpeller } from '../../../src/node/spelling';
import { openDatabase } from '../../../src/node/store/db';
import { STARTER_AUTHOR, STARTER_WORDS } from '../../../src/node/store/dictionary';
import { tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-spelling-services-');
let db: Database.Database;
let dispatch: Dispatch;
const internal: unknown[] = [];

beforeAll(() => {
  db = openDatabase(tmp.file('words.db'));
  dispatch = createDispatch(createServices(db), (_c, e) => internal.push(e));
});
afterAll(async () => {
  db.close();
  await sharedSpeller().close();
  tmp.cleanup();
});

async function ok<T>(channel: string, arg: unknown): Promise<T> {
  const r = await dispatch(channel, arg);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

type Checked = { results: { word: string; correct: boolean; source: string; suggestions: string[] }[] };

describe('spelling channels', () => {
  it('check: dictionary verdicts with suggestions, Latin and numbers skipped, starter names accepted', async () => {
    const { results } = await ok<Checked>('spelling:check', {
      words: ['الاستراتيجية', 'انشاء', 'Reuters', '2024', 'بزشكيان', 'وأوشاكوف'],
    });
    expect(results.map((r) => [r.word, r.correct, r.source])).toEqual([
      ['الاستراتيجية', true, 'dictionary'],
      ['انشاء', false, 'dictionary'],
      ['Reuters', true, 'skipped'],
      ['2024', true, 'skipped'],
      ['بزشكيان', true, 'newsroom'],
      ['وأوشاكوف', true, 'newsroom'],
    ]);
    expect(results[1]!.suggestions[0]).toBe('إنشاء');
    expect(results[0]!.suggestions).toEqual([]);
  });

  it('suggest: the hamza spelling first; nothing for a correct word', async () => {
    expect((await ok<{ suggestions: string[] }>('spelling:suggest', { word: 'اذا' })).suggestions[0]).toBe(
      'إذا',
    );
    expect(await ok('spelling:suggest', { word: 'والمعاهدة' })).toEqual({ suggestions: [] });
  });

  it('add to dictionary: لافروف is then accepted, alone and with proclitics; remove brings the flag back', async () => {
    // A database whose list lost the name (the desk removed it) behaves like Hunspell alone.
    expect(await ok('dictionary:remove', { word: 'لافروف' })).toEqual({ removed: true });
    const before = await ok<Checked>('spelling:check', { words: ['لافروف', 'ولافروف'], suggestions: false });
    expect(before.results.map((r) => r.correct)).toEqual([false, false]);

    expect(await ok('dictionary:add', { word: 'لافروف' })).toEqual({ word: 'لافروف', added: true });
    const after = await ok<Checked>('spelling:check', { words: ['لافروف', 'ولافروف', 'بلافروف', 'لافروفي'] });
    expect(after.results.map((r) => [r.correct, r.source])).toEqual([
      [true, 'newsroom'],
      [true, 'newsroom'],
      [true, 'newsroom'],
      [false, 'dictionary'],
    ]);
    expect(await ok('spelling:suggest', { word: 'ولافروف' })).toEqual({ suggestions: [] });
    // The same word with diacritics is the same entry.
    expect(await ok('dictionary:add', { word: 'لافْرُوف' })).toEqual({ word: 'لافروف', added: false });
  });

  it('the word list round-trips through the database file, with who added each word', async () => {
    await ok('user:set', { name: 'مها' });
    expect(await ok('dictionary:add', { word: 'ميلوني' })).toEqual({ word: 'ميلوني', added: true });
    expect(await ok('dictionary:remove', { word: 'غوغل' })).toEqual({ removed: true });
    expect(await ok('dictionary:remove', { word: 'غوغل' })).toEqual({ removed: false });

    const file = tmp.file('words.db');
    const again = openDatabase(file);
    try {
      const { words } = await createDispatch(createServices(again), () => undefined)(
        'dictionary:list',
        {},
      ).then((r) =>
        r.ok ? (r.value as { words: { word: string; addedBy: string; addedAt: string }[] }) : { words: [] },
      );
      const byWord = new Map(words.map((w) => [w.word, w]));
      expect(byWord.get('ميلوني')).toMatchObject({ addedBy: 'مها' });
      expect(Date.parse(byWord.get('ميلوني')!.addedAt)).not.toBeNaN();
      expect(byWord.get('بزشكيان')).toMatchObject({ addedBy: STARTER_AUTHOR });
      expect(byWord.has('غوغل')).toBe(false);
      expect(words).toHaveLength(new Set(STARTER_WORDS).size); // + ميلوني − غوغل
    } finally {
      again.close();
    }
  });

  it('refuses words that cannot be list entries, with the reason', async () => {
    for (const [word, why] of [
      ['دي ميستورا', /one word at a time/],
      ['Lavrov', /Only Arabic words/],
      ['كوفيد19', /Only Arabic words/],
    ] as const) {
      const r = await dispatch('dictionary:add', { word });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      if (!r.ok) expect(r.error.message).toMatch(why);
    }
  });

  it('every channel refuses a malformed argument as bad_request', async () => {
    const bad: [string, unknown][] = [
      ['spelling:check', {}],
      ['spelling:check', { words: 'كتب' }],
      ['spelling:check', { words: [''] }],
      ['spelling:check', { words: ['ب'.repeat(101)] }],
      ['spelling:check', { words: Array(5001).fill('كتب') }],
      ['spelling:check', { words: ['كتب'], extra: 1 }],
      ['spelling:suggest', { word: 7 }],
      ['spelling:suggest', { word: '' }],
      ['dictionary:list', { all: true }],
      ['dictionary:add', { word: '   ' }],
      ['dictionary:add', {}],
      ['dictionary:remove', { word: ['لافروف'] }],
      ['dictionary:remove', null],
    ];
    for (const [channel, arg] of bad) {
      const r = await dispatch(channel, arg);
      expect(r.ok ? 'accepted' : r.error.code, `${channel} ${JSON.stringify(arg)?.slice(0, 60)}`).toBe(
        'bad_request',
      );
    }
    expect(internal).toEqual([]);
  });

  it('without a dictionary, spelling channels answer not_found with the clear message; the word list still works', async () => {
    const missing = createSpeller({ env: { TADQIQ_DICTIONARY_DIR: tmp.dir } });
    const table = { ...createServices(db), ...createSpellingServices(db, () => missing) };
    const d = createDispatch(table, (_c, e) => internal.push(e));
    const r = await d('spelling:check', { words: ['انشاء'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!r.ok) expect(r.error.message).toMatch(/Arabic dictionary was not found.*Spelling is not checked/);
    expect(await d('dictionary:add', { word: 'زيلينسكي' })).toMatchObject({ ok: true });
    expect(internal).toEqual([]);
    await missing.close();
  });
});
