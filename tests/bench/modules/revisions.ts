// Saving a revision of a 10,000-word article after a small edit, through the services' saveRevision (parse,
// change check, history row, statistics, search index), beside a plain INSERT of the same JSON into a bare
// table of the same kind of database: the floor any save has to pay.
import path from 'node:path';
import type { ArticleContent } from '../../../src/core/article/model';
import { contentToPlainText, countWords } from '../../../src/core/article/model';
import { contentHash, listRevisions, saveRevision, storeImport } from '../../../src/node/services';
import { openDatabase } from '../../../src/node/store/db';
import { plain, vs, type BenchModule, type Result } from '../benchmark';
import { longArticle } from '../support/corpus';
import { BENCH_AUTHOR } from '../support/library';
import { percentile, seededRandom } from '../support/stats';

const WARMUP = 20;
const SAVES = 200;
const WORDS = ['جديد', 'الرسمي', 'أمس', 'كذلك', 'المحلية', 'السابق', 'ذلك', 'اليوم'];

/** A stream of contents, each one small edit (a word inserted, replaced or removed) away from the last. */
function editedVersions(start: ArticleContent, count: number): ArticleContent[] {
  const random = seededRandom(20150723);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: ArticleContent[] = [];
  let current = start;
  for (let i = 0; i < count; i++) {
    const body = [...current.body];
    const at = Math.floor(random() * body.length);
    const block = body[at]!;
    const words = block.text.split(' ');
    const w = Math.floor(random() * words.length);
    const op = random();
    if (op < 0.4) words.splice(w, 0, pick(WORDS));
    else if (op < 0.8) words[w] = pick(WORDS);
    else if (words.length > 3) words.splice(w, 1);
    else words.push(pick(WORDS));
    // Marks are offsets into the text; the edited block drops them (corpus text carries none anyway).
    body[at] = { type: block.type, text: words.join(' ') };
    current = { ...current, body };
    out.push(current);
  }
  return out;
}

export const revisionSave: BenchModule = {
  name: 'revisions',
  async run(ctx) {
    const article = await longArticle(ctx);
    const versions = editedVersions(article, WARMUP + SAVES);
    const words = countWords(contentToPlainText(article));

    const db = openDatabase(path.join(ctx.tmpDir, 'revisions.db'));
    ctx.defer(() => db.close());
    db.exec('CREATE TABLE bare_revisions (id INTEGER PRIMARY KEY, content TEXT NOT NULL)');
    const bare = db.prepare('INSERT INTO bare_revisions (content) VALUES (?)');
    const imported = storeImport(
      db,
      { content: article, warnings: [], hash: contentHash(article) },
      { author: BENCH_AUTHOR },
    );
    if (imported.kind !== 'imported') throw new Error('The long article was not imported.');
    const id = imported.id;

    const samples = { manual: [] as number[], autosave: [] as number[], bare: [] as number[] };
    ctx.log(`${SAVES} saves of a ${words}-word article, manual then autosave, each beside a bare insert …`);
    // Each save alternates with a bare insert of the same JSON, so drift and cache effects hit both alike.
    // Manual saves append a revision; consecutive autosaves by one author replace the previous autosave,
    // which is what the editor does while someone types.
    for (const reason of ['manual', 'autosave'] as const) {
      for (const [i, content] of versions.entries()) {
        const t0 = performance.now();
        const outcome = saveRevision(db, { id, content, reason, author: BENCH_AUTHOR });
        const t1 = performance.now();
        bare.run(JSON.stringify(content));
        const t2 = performance.now();
        if (!outcome.saved) throw new Error(`The ${reason} save ${i} stored nothing.`);
        if (i < WARMUP) continue;
        samples[reason].push(t1 - t0);
        samples.bare.push(t2 - t1);
      }
    }
    const revisions = listRevisions(db, id).length;
    if (revisions !== 1 + versions.length + 1) {
      throw new Error(
        `Expected ${versions.length + 2} revisions (autosaves folded into one), found ${revisions}.`,
      );
    }
    const results: Result[] = [plain('revisions.articleWords', words, 'words')];
    for (const p of [50, 95]) {
      const base = `revisions.bareInsert.p${p}`;
      results.push(
        plain(base, percentile(samples.bare, p), 'ms'),
        vs(`revisions.saveManual.p${p}`, percentile(samples.manual, p), 'ms', base),
        vs(`revisions.saveAutosave.p${p}`, percentile(samples.autosave, p), 'ms', base),
      );
    }
    return results;
  },
};
