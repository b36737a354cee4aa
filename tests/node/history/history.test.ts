// The compact history through the real services on real SQLite files: random editing sessions on corpus
// articles (manual saves, coalesced autosaves, a second author, Ctrl+S promoting an autosave, restores of
// any earlier revision), after which every revision must read back exactly as it was saved.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleContent, contentToPlainText, countWords } from '../../../src/core/article/model';
import { importText, restoreRevision, saveRevision } from '../../../src/node/services';
import { openDatabase } from '../../../src/node/store/db';
import {
  getRevisionRecord,
  latestRevision,
  listRevisionHeads,
  replaceRevision,
} from '../../../src/node/store/revisions';
import { KEYFRAME_INTERVAL } from '../../../src/node/store/revisionCodec';
import { loadCorpus, tempDir } from '../store/testFiles';
import { randomEdit, seeded } from './edits';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const articles = loadCorpus().filter((a) => a.content.length > 1500);

type Db = ReturnType<typeof openDatabase>;

function newArticle(db: Db, index: number): { id: string; content: ArticleContent } {
  const a = articles[index % articles.length]!;
  const outcome = importText(db, `${a.title}\n\n${a.content}`, 'text', {
    author: 'سارة',
    allowDuplicate: true,
  });
  if (outcome.kind !== 'imported') throw new Error(`article ${index} was not imported`);
  return { id: outcome.id, content: latestRevision(db, outcome.id)!.content };
}

/** Every revision of the article reads back as expected, and only the newest is a whole row. */
function expectHistory(db: Db, id: string, expected: ReadonlyMap<number, ArticleContent>): void {
  const seqs = [...expected.keys()].sort((a, b) => b - a);
  expect(listRevisionHeads(db, id).map((h) => h.seq)).toEqual(seqs);
  for (const seq of seqs) {
    const want = expected.get(seq)!;
    const got = getRevisionRecord(db, id, seq);
    expect(got?.content, `revision ${seq}`).toEqual(want);
    const plainText = contentToPlainText(want);
    expect(got?.plainText).toBe(plainText);
    expect([got?.chars, got?.words]).toEqual([plainText.length, countWords(plainText)]);
  }
  expect(db.prepare('SELECT seq FROM revisions WHERE article_id = ? AND packed IS NULL').all(id)).toEqual([
    { seq: seqs[0] },
  ]);
}

type Step =
  | { kind: 'manual' | 'autosave'; seed: number; other: boolean }
  | { kind: 'promote' }
  | { kind: 'restore'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({ kind: fc.constant('autosave' as const), seed: fc.integer(), other: fc.boolean() }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('manual' as const),
      seed: fc.integer(),
      other: fc.constant(false),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'promote' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('restore' as const),
      pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    }),
  },
);

describe('compact history', () => {
  it('reads back every revision of random editing sessions, with coalescing and restores', () => {
    const db = openDatabase(tmp.file('sessions.db'));
    let run = 0;
    try {
      fc.assert(
        fc.property(
          fc.nat(),
          fc.array(step, { minLength: 60, maxLength: 2 * KEYFRAME_INTERVAL + 40 }),
          (index, steps) => {
            const { id, content: first } = newArticle(db, index + run++);
            const expected = new Map<number, ArticleContent>([[1, first]]);
            let current = first;
            for (const s of steps) {
              if (s.kind === 'restore') {
                const seqs = [...expected.keys()];
                const target = seqs[Math.floor(s.pick * seqs.length)]!;
                const r = restoreRevision(db, { id, seq: target, author: 'سارة' });
                current = expected.get(target)!;
                expected.set(r.seq, current);
                continue;
              }
              const content = s.kind === 'promote' ? current : randomEdit(current, seeded(s.seed));
              const reason = s.kind === 'promote' ? 'manual' : s.kind;
              const author = s.kind !== 'promote' && s.other ? 'علي' : 'سارة';
              const out = saveRevision(db, { id, content, reason, author });
              current = content;
              if (out.saved) expected.set(out.revision.seq, ArticleContent.parse(content));
            }
            expectHistory(db, id, expected);
          },
        ),
        { numRuns: 8, seed: 20150723 },
      );
      // The sessions went through every storage kind: keyframes, plain and deflated deltas.
      const kinds = db
        .prepare<[], { kind: number }>(
          `SELECT DISTINCT unicode(CAST(substr(packed, 1, 1) AS TEXT)) AS kind FROM revisions
           WHERE packed IS NOT NULL ORDER BY kind`,
        )
        .all();
      expect(kinds.map((k) => k.kind)).toEqual([1, 2, 3]);
    } finally {
      db.close();
    }
  });

  it('rewriting an older revision in place keeps the revisions around it intact', () => {
    const db = openDatabase(tmp.file('rewrite.db'));
    try {
      const { id, content: first } = newArticle(db, 3);
      const random = seeded(3);
      const expected = new Map<number, ArticleContent>([[1, first]]);
      let current = first;
      for (let i = 0; i < KEYFRAME_INTERVAL + 10; i++) {
        current = randomEdit(current, random);
        const out = saveRevision(db, { id, content: current, reason: 'manual', author: 'سارة' });
        expected.set(out.revision.seq, ArticleContent.parse(current));
      }
      // The store allows it though the services only ever replace the newest row: a middle row and a keyframe.
      for (const seq of [20, KEYFRAME_INTERVAL]) {
        const old = getRevisionRecord(db, id, seq)!;
        const content = randomEdit(old.content, random);
        const plainText = contentToPlainText(content);
        replaceRevision(db, {
          ...old,
          content,
          plainText,
          chars: plainText.length,
          words: countWords(plainText),
        });
        expected.set(seq, content);
        expectHistory(db, id, expected);
      }
    } finally {
      db.close();
    }
  });
});
