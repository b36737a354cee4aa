// Import throughput: every corpus article through the real import path (structure detection, duplicate check,
// first revision, Arabic search index) against the same articles stored as raw rows (a naive paragraph split
// as JSON) in a plain table of the same kind of database. The ratio is what structure and search cost.
import path from 'node:path';
import { openDatabase } from '../../../src/node/store/db';
import { prepareText } from '../../../src/node/services';
import { AppError } from '../../../src/core/ipc/contract';
import { plain, vs, type BenchModule } from '../benchmark';
import { corpus, corpusText, type CorpusArticle } from '../support/corpus';
import { corpusLibrary } from '../support/library';

function naiveRow(a: CorpusArticle): string {
  return JSON.stringify({
    title: a.title,
    paragraphs: a.content.split('\n').filter((l) => l.trim() !== ''),
  });
}

/** Raw rows, one autocommitted INSERT each (the services commit one transaction per article too). */
function insertRaw(file: string, articles: readonly CorpusArticle[]): number {
  const db = openDatabase(file);
  try {
    db.exec('CREATE TABLE raw_articles (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO raw_articles (body) VALUES (?)');
    const t0 = performance.now();
    for (const a of articles) insert.run(naiveRow(a));
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

/** Structure detection alone (no database): shows how the import's time splits between parsing and storing. */
function structureOnly(articles: readonly CorpusArticle[]): number {
  const t0 = performance.now();
  for (const a of articles) {
    try {
      prepareText(corpusText(a));
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'empty_file')) throw e;
    }
  }
  return performance.now() - t0;
}

export const importCorpus: BenchModule = {
  name: 'import',
  async run(ctx) {
    const articles = await corpus(ctx);
    const lib = await corpusLibrary(ctx);
    insertRaw(path.join(ctx.tmpDir, 'import-raw-warmup.db'), articles.slice(0, 100));
    const rawMs = insertRaw(path.join(ctx.tmpDir, 'import-raw.db'), articles);
    structureOnly(articles.slice(0, 100));
    const parseMs = structureOnly(articles);
    const perSecond = (ms: number) => (articles.length * 1000) / ms;
    return [
      plain('import.articles', articles.length, 'articles'),
      plain('import.stored', lib.counts.imported, 'articles'),
      plain('import.duplicates', lib.counts.duplicate, 'articles'),
      plain('import.refusedEmpty', lib.counts.refused, 'articles'),
      plain('import.rawRows', perSecond(rawMs), 'articles/s'),
      vs('import.services', perSecond(lib.ms), 'articles/s', 'import.rawRows'),
      vs('import.structureOnly', perSecond(parseMs), 'articles/s', 'import.rawRows'),
    ];
  },
};
