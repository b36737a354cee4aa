// The corpus imported through the real import path (structure detection, duplicate check, first revision,
// Arabic search index) into a fresh database: timed here, so the import benchmark reports it and the search
// benchmark queries the very same library without importing it twice.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../src/core/ipc/contract';
import { openDatabase } from '../../../src/node/store/db';
import { importText } from '../../../src/node/services';
import type { BenchContext } from '../benchmark';
import { corpus, corpusText, type CorpusArticle } from './corpus';

export type ImportCounts = { imported: number; duplicate: number; refused: number };

export type CorpusLibrary = {
  db: Database.Database;
  /** Wall-clock milliseconds for importing every corpus article, one importText call each. */
  ms: number;
  articles: number;
  counts: ImportCounts;
};

/** The author the imports are recorded under (otherwise the OS user name is looked up for each article). */
export const BENCH_AUTHOR = 'bench';

/**
 * Imports each article as a newsroom would paste it (title line, blank line, text), through the services.
 * Articles without any text are refused by the import (AppError empty_file); any other error is a failure.
 */
export function importArticles(db: Database.Database, articles: readonly CorpusArticle[]): ImportCounts {
  const counts: ImportCounts = { imported: 0, duplicate: 0, refused: 0 };
  for (const a of articles) {
    try {
      const outcome = importText(db, corpusText(a), 'text', { author: BENCH_AUTHOR });
      counts[outcome.kind]++;
    } catch (e) {
      if (e instanceof AppError && e.code === 'empty_file') counts.refused++;
      else throw e;
    }
  }
  return counts;
}

export function corpusLibrary(ctx: BenchContext): Promise<CorpusLibrary> {
  return ctx.shared('corpusLibrary', async () => {
    const articles = await corpus(ctx);
    // Warm the JIT on a throw-away database so the timed import does not pay for compiling the import path.
    const warm = openDatabase(path.join(ctx.tmpDir, 'library-warmup.db'));
    importArticles(warm, articles.slice(0, 100));
    warm.close();

    const db = openDatabase(path.join(ctx.tmpDir, 'library.db'));
    ctx.defer(() => db.close());
    ctx.log(`importing ${articles.length} articles through the services …`);
    const t0 = performance.now();
    const counts = importArticles(db, articles);
    const ms = performance.now() - t0;
    return { db, ms, articles: articles.length, counts };
  });
}
