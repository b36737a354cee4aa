// Full-text search over the imported corpus: the services' search (Arabic-normalised FTS5, 50 best hits with
// snippets) and the store's all-matches query, each beside a LIKE '%…%' scan of the revisions' plain text for
// the same queries. Recall on the spelling-variant queries shows what folding buys: LIKE misses every article
// that spells the word the other way (hamza, taa marbuta, alef maqsura) or hides its article behind لل.
import type Database from 'better-sqlite3';
import { search } from '../../../src/node/services';
import { searchArticleIds } from '../../../src/node/store/search';
import { plain, vs, type BenchModule, type Result } from '../benchmark';
import { corpusLibrary } from '../support/library';
import { percentile } from '../support/stats';

type Variant = 'hamza' | 'taMarbuta' | 'alefMaqsura' | 'clitic';

/** Words and phrases as the corpus spells them. */
const PLAIN_QUERIES = [
  'السعودية',
  'النفط',
  'الرياض',
  'وزير',
  'الحرم',
  'الحج',
  'المملكة',
  'الإرهاب',
  'اليمن',
  'الحوثيين',
  'داعش',
  'إيران',
  'الهلال',
  'النصر',
  'الصحة',
  'الشرطة',
  'رمضان',
  'الاقتصاد',
  'الأسهم',
  'المدارس',
  'جدة',
  'مكة',
  'مجلس الشورى',
  'ولي العهد',
  'خادم الحرمين الشريفين',
  'الدفاع المدني',
  'الأمن العام',
];

/**
 * The same kind of words typed the way a hurried search is typed: without hamza, with ه for ة, with ي for ى;
 * and ال-words the corpus often writes only with the preposition لل (للمملكة), which a substring cannot find.
 */
const VARIANT_QUERIES: Record<Variant, string[]> = {
  hamza: ['الامير', 'اسرائيل', 'الامن', 'ايران', 'الاسلامية', 'الارهاب', 'اكد', 'الانسان', 'الاولى', 'اعلن'],
  taMarbuta: ['السعوديه', 'المملكه', 'الحكومه', 'الشرطه', 'وزاره', 'الصحه'],
  alefMaqsura: ['مستشفي', 'الاولي', 'مبني'],
  clitic: ['المواطنين', 'الشباب', 'التعليم', 'الطلاب'],
};

const ALL_VARIANTS = Object.values(VARIANT_QUERIES).flat();
const QUERIES = [...PLAIN_QUERIES, ...ALL_VARIANTS];
const ROUNDS = 5;
const NO_LIMIT = 1_000_000;

/** Articles whose plain text contains every word of the query as a substring (the search a LIKE gives). */
function likeScanner(db: Database.Database): (query: string) => string[] {
  const statements = new Map<number, Database.Statement<string[], { id: string }>>();
  return (query) => {
    const words = query.split(/\s+/).filter(Boolean);
    let stmt = statements.get(words.length);
    if (!stmt) {
      const where = words.map(() => `plain_text LIKE ? ESCAPE '\\'`).join(' AND ');
      stmt = db.prepare<string[], { id: string }>(
        `SELECT DISTINCT article_id AS id FROM revisions WHERE ${where}`,
      );
      statements.set(words.length, stmt);
    }
    return stmt.all(...words.map((w) => `%${w.replace(/[\\%_]/g, (c) => '\\' + c)}%`)).map((r) => r.id);
  };
}

export const searchCorpus: BenchModule = {
  name: 'search',
  async run(ctx) {
    const { db, counts } = await corpusLibrary(ctx);
    const revisions = (db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n;
    if (revisions !== counts.imported) {
      throw new Error(`The library holds ${revisions} revisions for ${counts.imported} articles.`);
    }
    const like = likeScanner(db);
    const runs = {
      like: (q: string) => like(q).length,
      service: (q: string) => search(db, q).length,
      ftsAll: (q: string) => searchArticleIds(db, q, NO_LIMIT).length,
    };
    const samples: Record<keyof typeof runs, number[]> = { like: [], service: [], ftsAll: [] };
    ctx.log(`${QUERIES.length} queries × ${ROUNDS} rounds, three ways …`);
    // Round 0 warms caches and the JIT; the three ways take turns on each query so drift hits them alike.
    for (let round = 0; round <= ROUNDS; round++) {
      for (const q of QUERIES) {
        for (const [way, fn] of Object.entries(runs) as [keyof typeof runs, (q: string) => number][]) {
          const t0 = performance.now();
          const n = fn(q);
          const ms = performance.now() - t0;
          if (round > 0) samples[way].push(ms);
          if (round === 0 && n === 0 && way !== 'like')
            throw new Error(`No article found for ${q} (${way}).`);
        }
      }
    }

    const results: Result[] = [
      plain('search.articles', counts.imported, 'articles'),
      plain('search.queries', QUERIES.length, 'queries'),
    ];
    for (const p of [50, 95]) {
      const base = `search.like.p${p}`;
      results.push(
        plain(base, percentile(samples.like, p), 'ms'),
        vs(`search.service.p${p}`, percentile(samples.service, p), 'ms', base),
        vs(`search.ftsAllMatches.p${p}`, percentile(samples.ftsAll, p), 'ms', base),
      );
    }
    // Recall: articles found, summed over each group's queries (all matches, no limit).
    for (const [variant, queries] of Object.entries(VARIANT_QUERIES)) {
      const base = `search.recall.${variant}.like`;
      const likeFound = queries.reduce((n, q) => n + like(q).length, 0);
      const ftsFound = queries.reduce((n, q) => n + searchArticleIds(db, q, NO_LIMIT).length, 0);
      results.push(
        plain(base, likeFound, 'articles'),
        vs(`search.recall.${variant}.fts`, ftsFound, 'articles', base),
      );
    }
    return results;
  },
};
