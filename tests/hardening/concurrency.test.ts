// Optimistic concurrency of 'article:save': two sessions (two connections to one database file, as two
// windows or a window and the command line) edit the same article. A save based on a revision that another
// save has since superseded is refused with 'conflict' and stores nothing; callers without baseSeq behave as
// before. A random interleaving of two editors that reload on conflict loses no acknowledged word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyContent, type ArticleContent } from '../../src/core/article/model';
import { AppError } from '../../src/core/ipc/contract';
import { createDispatch, type Dispatch } from '../../src/core/ipc/dispatch';
import {
  createServices,
  importText,
  listRevisions,
  saveRevision,
  showArticle,
  type SaveOutcome,
} from '../../src/node/services';
import { openDatabase, type Database } from '../../src/node/store/db';
import { tempDir } from '../node/store/testFiles';
import { count, recordFigure } from './figures';

const STEPS = count('TADQIQ_CONCURRENCY_STEPS', 1000, 150);
const tmp = tempDir('tadqiq-concurrency-');
let one: Database.Database;
let two: Database.Database;

beforeAll(() => {
  const file = tmp.file('shared.db');
  one = openDatabase(file);
  two = openDatabase(file);
});
afterAll(() => {
  one.close();
  two.close();
  tmp.cleanup();
});

function content(words: string[]): ArticleContent {
  return {
    ...emptyContent(),
    headline: 'خبر تحرره نافذتان',
    body: [{ type: 'paragraph', text: words.join(' ') }],
  };
}

function newArticle(): string {
  const r = importText(one, 'خبر تحرره نافذتان\nالنص الأول', 'text', {
    author: 'desk',
    allowDuplicate: true,
  });
  if (r.kind !== 'imported') throw new Error('not imported');
  return r.id;
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('optimistic concurrency of article:save', () => {
  it('refuses a save based on a revision another window has superseded, and stores nothing', () => {
    const id = newArticle();
    const a = showArticle(one, id).revision;
    const b = showArticle(two, id).revision;
    expect(b.seq).toBe(a.seq);
    const saved = saveRevision(one, {
      id,
      content: content(['نص', 'النافذة', 'الأولى']),
      reason: 'manual',
      baseSeq: a.seq,
      baseCreatedAt: a.createdAt,
    });
    expect(saved.revision.seq).toBe(a.seq + 1);
    const before = listRevisions(two, id);
    const e = refusal(() =>
      saveRevision(two, {
        id,
        content: content(['نص', 'النافذة', 'الثانية']),
        reason: 'autosave',
        baseSeq: b.seq,
        baseCreatedAt: b.createdAt,
      }),
    );
    expect(e.code).toBe('conflict');
    expect(e.message).toContain(`revision ${a.seq + 1}`);
    expect(e.message).toContain('Nothing was saved');
    expect(listRevisions(two, id)).toEqual(before);
    expect(showArticle(two, id).article.body[0]!.text).toBe('نص النافذة الأولى');
    // Reloaded, the second window saves on top; both texts are in the history.
    const again = showArticle(two, id).revision;
    const ok = saveRevision(two, {
      id,
      content: content(['نص', 'النافذة', 'الأولى', 'والثانية']),
      reason: 'manual',
      baseSeq: again.seq,
      baseCreatedAt: again.createdAt,
    });
    expect(ok.revision.seq).toBe(a.seq + 2);
  });

  it('sees an autosave folded into the same revision number by the same author elsewhere', () => {
    const id = newArticle();
    const start = showArticle(one, id).revision;
    const first = saveRevision(one, {
      id,
      content: content(['أول']),
      reason: 'autosave',
      author: 'same',
      baseSeq: start.seq,
    });
    // The other window loads now: it sees the first autosave.
    const seen = showArticle(two, id).revision;
    const folded = saveRevision(one, {
      id,
      content: content(['أول', 'ثان']),
      reason: 'autosave',
      author: 'same',
      baseSeq: first.revision.seq,
      baseCreatedAt: first.revision.createdAt,
    });
    expect(folded.revision.seq).toBe(seen.seq); // coalesced: same number, newer text
    const e = refusal(() =>
      saveRevision(two, {
        id,
        content: content(['أول', 'من', 'الثانية']),
        reason: 'autosave',
        author: 'same',
        baseSeq: seen.seq,
        baseCreatedAt: seen.createdAt,
      }),
    );
    expect(e.code).toBe('conflict');
    expect(showArticle(one, id).article.body[0]!.text).toBe('أول ثان');
  });

  it('leaves callers without baseSeq as they were, and a stale save of the same text is no conflict', () => {
    const id = newArticle();
    const start = showArticle(one, id).revision;
    saveRevision(one, { id, content: content(['جديد']), reason: 'manual' });
    // Same text as the newest revision: nothing to lose, nothing stored.
    const same = saveRevision(two, { id, content: content(['جديد']), reason: 'manual', baseSeq: start.seq });
    expect(same.saved).toBe(false);
    const old = saveRevision(two, { id, content: content(['قديم', 'بلا', 'أساس']), reason: 'manual' });
    expect(old.saved).toBe(true);
  });

  it('goes through the dispatch: baseSeq is optional, typed, and the conflict is a typed error', async () => {
    const id = newArticle();
    const d1: Dispatch = createDispatch(createServices(one), () => {});
    const d2: Dispatch = createDispatch(createServices(two), () => {});
    const open = await d1('article:open', { id });
    if (!open.ok) throw new Error(open.error.message);
    const seq = (open.value as { revision: { seq: number } }).revision.seq;
    expect(
      (await d1('article:save', { id, content: content(['أ']), reason: 'manual', baseSeq: seq })).ok,
    ).toBe(true);
    const r = await d2('article:save', { id, content: content(['ب']), reason: 'manual', baseSeq: seq });
    expect(r.ok ? null : r.error.code).toBe('conflict');
    const bad = await d2('article:save', { id, content: content(['ب']), reason: 'manual', baseSeq: 'x' });
    expect(bad.ok ? null : bad.error.code).toBe('bad_request');
  });

  it(`two editors interleaving ${STEPS} saves, reloading on conflict, lose no acknowledged word`, () => {
    const id = newArticle();
    type Editor = {
      db: Database.Database;
      name: string;
      base: { seq: number; createdAt: string };
      words: string[];
      pending: string[];
    };
    const mk = (db: Database.Database, name: string): Editor => {
      const o = showArticle(db, id);
      return { db, name, base: o.revision, words: [], pending: [] };
    };
    const editors = [mk(one, 'desk'), mk(two, 'desk')];
    let s = 12345;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s / 0x100000000);
    const acknowledged: string[] = [];
    let conflicts = 0;
    let saves = 0;
    for (let step = 0; step < STEPS; step++) {
      const ed = editors[Math.floor(rnd() * 2)]!;
      const word = `${ed === editors[0] ? 'أ' : 'ب'}${step}`;
      ed.pending.push(word);
      let outcome: SaveOutcome | null = null;
      try {
        outcome = saveRevision(ed.db, {
          id,
          content: content([...ed.words, ...ed.pending]),
          reason: rnd() < 0.6 ? 'autosave' : 'manual',
          author: ed.name,
          baseSeq: ed.base.seq,
          baseCreatedAt: ed.base.createdAt,
        });
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
        conflicts++;
        // The renderer's way: reload the newer text; the author's own words are applied again on top.
        const now = showArticle(ed.db, id);
        ed.base = now.revision;
        ed.words = now.article.body[0]!.text.split(' ').filter((w) => w && w !== 'النص' && w !== 'الأول');
        continue;
      }
      saves++;
      acknowledged.push(...ed.pending);
      ed.words = [...ed.words, ...ed.pending];
      ed.pending = [];
      ed.base = outcome.revision;
    }
    const final = new Set(showArticle(one, id).article.body[0]!.text.split(' '));
    const lost = acknowledged.filter((w) => !final.has(w));
    recordFigure({
      area: 'concurrency',
      name: 'two editors, interleaved saves',
      value: STEPS,
      detail: `saved ${saves}, conflicts shown ${conflicts}, acknowledged words ${acknowledged.length}, lost ${lost.length}`,
    });
    expect(lost).toEqual([]);
    expect(conflicts).toBeGreaterThan(0);
    expect(saves).toBeGreaterThan(0);
  });
});
