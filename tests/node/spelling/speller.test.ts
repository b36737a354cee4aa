// The real Hunspell engine with the real hunspell-ar dictionary, through the worker thread the app uses.
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSpeller,
  DictionaryMissingError,
  locateDictionary,
  SpellingInputError,
  startSpellingWorker,
} from '../../../src/node/spelling';
import { MAX_BATCH, type WorkerReply } from '../../../src/node/spelling/protocol';
import { tempDir } from '../store/testFiles';

const speller = createSpeller();
const tmp = tempDir('tadqiq-spelling-');
afterAll(async () => {
  await speller.close();
  tmp.cleanup();
});

describe('speller (Hunspell in a worker)', () => {
  it('accepts standard words, both hamza spellings of الاستراتيجية, and words with proclitics', async () => {
    const words = ['الاستراتيجية', 'الإستراتيجية', 'والمعاهدة', 'الشراكة', 'وقال'];
    expect(await speller.check(words)).toEqual(words.map((word) => ({ word, correct: true })));
  });

  it('looks words up without their diacritics and tatweel', async () => {
    expect(await speller.check(['كَتَبَ', 'الشـــراكة', 'انشاءٌ'])).toEqual([
      { word: 'كَتَبَ', correct: true },
      { word: 'الشـــراكة', correct: true },
      { word: 'انشاءٌ', correct: false },
    ]);
  });

  it('rejects انشاء and اذا with the hamza spelling as first suggestion', async () => {
    expect(await speller.check(['انشاء', 'اذا'])).toEqual([
      { word: 'انشاء', correct: false },
      { word: 'اذا', correct: false },
    ]);
    expect((await speller.suggest('انشاء'))[0]).toBe('إنشاء');
    expect((await speller.suggest('اذا'))[0]).toBe('إذا');
    expect(await speller.suggest('الشراكة')).toEqual([]);
  });

  it('puts the article written with a hamza (ألرئيس), which no one writes, after the real fixes', async () => {
    const s = await speller.suggest('الرءيس');
    expect(s[0]).toBe('الرئيس');
    expect(s).toContain('ألرئيس');
    const firstHamzaArticle = s.findIndex((w) => /^[أإآ]ل/u.test(w));
    expect(s.slice(firstHamzaArticle).every((w) => /^[أإآ]ل/u.test(w))).toBe(true);
  });

  it('does not know the names of current news (the newsroom list covers them)', async () => {
    expect(await speller.check(['لافروف', 'بزشكيان'])).toEqual([
      { word: 'لافروف', correct: false },
      { word: 'بزشكيان', correct: false },
    ]);
  });

  it('refuses bad input with a clear error and keeps working afterwards', async () => {
    await expect(speller.check([''])).rejects.toThrow(/empty word/);
    await expect(speller.check(['ب'.repeat(100_000)])).rejects.toThrow(/100000 characters is too long/);
    await expect(speller.check(['hello'])).rejects.toThrow(/"hello" is not an Arabic word/);
    await expect(speller.suggest('😀')).rejects.toBeInstanceOf(SpellingInputError);
    await expect(speller.check(Array(MAX_BATCH + 1).fill('كتب'))).rejects.toThrow(/at most 5000 words/);
    await expect(speller.check(['كتب'])).resolves.toEqual([{ word: 'كتب', correct: true }]);
  });

  it('answers a full batch of words, repeated words included, in order', async () => {
    const words = Array.from({ length: MAX_BATCH }, (_, i) => (i % 2 ? 'انشاء' : 'الشراكة'));
    const results = await speller.check(words);
    expect(results).toHaveLength(MAX_BATCH);
    expect(results.every((r, i) => r.correct === (i % 2 === 0))).toBe(true);
  });

  it('starts a new worker after close', async () => {
    const own = createSpeller();
    expect(await own.check(['الشراكة'])).toEqual([{ word: 'الشراكة', correct: true }]);
    await own.close();
    expect(await own.check(['انشاء'])).toEqual([{ word: 'انشاء', correct: false }]);
    await own.close();
  });

  it('a missing dictionary gives a clear error naming the folder and the fix', async () => {
    const missing = createSpeller({ dictionaryDir: tmp.dir });
    const err = await missing.check(['كتب']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DictionaryMissingError);
    expect((err as Error).message).toContain(tmp.dir);
    expect((err as Error).message).toMatch(/ar\.aff and ar\.dic.*Spelling is not checked/);
    await missing.close();
  });
});

describe('the worker itself', () => {
  it('answers malformed messages with an error and goes on answering', async () => {
    const worker: Worker = startSpellingWorker(locateDictionary());
    try {
      const replies: WorkerReply[] = [];
      const next = (): Promise<WorkerReply> =>
        new Promise((resolve) => worker.once('message', (m: WorkerReply) => resolve(m)));
      const ask = async (msg: unknown): Promise<WorkerReply> => {
        const reply = next();
        worker.postMessage(msg);
        const r = await reply;
        replies.push(r);
        return r;
      };
      expect(await ask('garbage')).toMatchObject({ id: -1, ok: false, error: { code: 'bad_request' } });
      expect(await ask({ id: 1, op: 'check', words: 5 })).toMatchObject({
        id: 1,
        ok: false,
        error: { message: 'Spelling: check needs an array of words.' },
      });
      expect(await ask({ id: 2, op: 'check', words: ['', 'كتب'] })).toMatchObject({ id: 2, ok: false });
      expect(await ask({ id: 3, op: 'delete' })).toMatchObject({ id: 3, ok: false });
      expect(await ask({ id: 4, op: 'check', words: ['كتب', 'انشاء'] })).toEqual({
        id: 4,
        ok: true,
        value: [true, false],
      });
      expect(replies.filter((r) => r.ok)).toHaveLength(1);
    } finally {
      await worker.terminate();
    }
  });
});
