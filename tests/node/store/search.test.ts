// Full-text search with Arabic folding on both sides: hamza forms, taa marbuta, diacritics and tatweel are
// ignored, proclitics are stripped, user input cannot inject FTS5 syntax, and snippets quote the author's
// original words. Checked on hand-made cases and against a brute-force scan of real published articles.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/core/article/model';
import { normalizeArabic, procliticForms, wordTokens } from '../../../src/core/arabic/normalize';
import { contentHash, saveRevision, search, storeImport, trashArticle } from '../../../src/node/services';
import { openDatabase } from '../../../src/node/store/db';
import { ensureSearchIndex, searchArticleIds, searchableOriginal } from '../../../src/node/store/search';
import { contentOf, loadCorpus, tempDir } from './testFiles';

const tmp = tempDir();
let db: Database.Database;

function add(content: ArticleContent): string {
  const outcome = storeImport(db, { content, warnings: [], hash: contentHash(content) }, { author: 'test' });
  if (outcome.kind !== 'imported') throw new Error('expected a new article');
  return outcome.id;
}

const ids: Record<string, string> = {};

beforeAll(() => {
  db = openDatabase(tmp.file('search.db'));
  ids.hamza = add(contentOf('ملف', ['تعزيز الشراكة الإستراتيجية بين البلدين']));
  ids.taa = add(contentOf('توقيع', ['وقّع الطرفان اتفاقية تعاون']));
  ids.waw = add(contentOf('سوق', ['تراجعت أسعار الذهب والنفط اليوم']));
  ids.baa = add(contentOf('صادرات', ['تتعلق الصادرات بالنفط الخام']));
  ids.lam = add(contentOf('طلب', ['ارتفع الطلب العالمي للنفط']));
  ids.harakat = add(contentOf('مشكول', ['ارتفعت أسعارُ النِّفْطِ الخامِ']));
  ids.tatweel = add(contentOf('ممدود', ['النـــفط سلعة استراتيجية']));
  ids.adjective = add(contentOf('صناعة', ['الصناعات النفطية في المنطقة']));
  ids.caption = add(
    contentOf('صورة', ['نص لا علاقة له'], {
      figures: [
        {
          image: null,
          caption: 'ناقلة تعبر مضيق هرمز',
          credit: 'Reuters',
          photographer: '',
          date: '',
          altText: '',
        },
      ],
    }),
  );
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

const found = (q: string): string[] =>
  search(db, q)
    .map((h) => h.id)
    .sort();

describe('search', () => {
  it('folds hamza forms: الاستراتيجية finds الإستراتيجية', () => {
    expect(found('الاستراتيجية')).toContain(ids.hamza);
    expect(found('الإستراتيجية')).toContain(ids.hamza);
  });

  it('folds taa marbuta: اتفاقيه finds اتفاقية', () => {
    expect(found('اتفاقيه')).toEqual([ids.taa]);
  });

  it('finds النفط in والنفط, بالنفط, للنفط, with diacritics and with tatweel, but not in النفطية', () => {
    const hits = found('النفط');
    expect(hits).toEqual([ids.waw, ids.baa, ids.lam, ids.harakat, ids.tatweel].sort());
    expect(hits).not.toContain(ids.adjective);
  });

  it('ignores diacritics and tatweel in the query too', () => {
    expect(found('النِّفْطِ')).toEqual(found('النفط'));
    expect(found('النــفط')).toEqual(found('النفط'));
  });

  it('requires every word of the query and returns nothing for an unknown word', () => {
    expect(found('أسعار النفط')).toEqual([ids.waw, ids.harakat].sort());
    expect(found('النفط كهرباء')).toEqual([]);
    expect(found('كهرباء')).toEqual([]);
    expect(found('   ')).toEqual([]);
  });

  it('searches captions', () => {
    expect(found('هرمز')).toEqual([ids.caption]);
  });

  it('treats FTS5 syntax in the query as plain words', () => {
    for (const q of [
      '"',
      'النفط"',
      'NEAR(النفط الذهب)',
      'النفط OR كهرباء',
      'body:النفط',
      'النفط*',
      '^النفط',
      '-النفط',
      '(',
    ]) {
      expect(() => search(db, q)).not.toThrow();
    }
    // OR is a word to look for, not an operator: no article contains it.
    expect(found('النفط OR الذهب')).toEqual([]);
    expect(found('النفط"')).toEqual(found('النفط'));
    expect(found('NEAR(النفط الذهب)')).toEqual([]);
  });

  it('cuts snippets from the original text, diacritics and all', () => {
    const hit = search(db, 'النفط').find((h) => h.id === ids.harakat)!;
    expect(hit.snippet).toContain('النِّفْطِ');
    const lam = search(db, 'النفط').find((h) => h.id === ids.lam)!;
    expect(lam.snippet).toContain('للنفط');
  });

  it('cuts a window around a match deep in a long paragraph, marked with ellipses', () => {
    const filler = Array.from({ length: 80 }, (_, i) => `كلمة${i}`).join(' ');
    const id = add(contentOf('طويل', [`${filler} وارتفعت صادراتُ الفوسفات ${filler}`]));
    const hit = search(db, 'الفوسفات').find((h) => h.id === id)!;
    expect(hit.snippet).toContain('صادراتُ الفوسفات');
    expect(hit.snippet.startsWith('… ')).toBe(true);
    expect(hit.snippet.endsWith(' …')).toBe(true);
    expect(hit.snippet.length).toBeLessThan(200);
  });

  it('follows the newest revision and leaves trashed articles out', () => {
    const id = add(contentOf('تحديث', ['خبر عن القمح']));
    expect(found('القمح')).toContain(id);
    saveRevision(db, { id, content: contentOf('تحديث', ['خبر عن الشعير']), reason: 'manual', author: 't' });
    expect(found('القمح')).not.toContain(id);
    expect(found('الشعير')).toContain(id);
    trashArticle(db, id);
    expect(found('الشعير')).not.toContain(id);
  });
});

describe('search over real articles', () => {
  let corpusDb: Database.Database;
  const texts = new Map<string, string>();

  beforeAll(() => {
    corpusDb = openDatabase(tmp.file('corpus.db'));
    const articles = loadCorpus('2015-07-23').slice(0, 600);
    corpusDb.transaction(() => {
      for (const a of articles) {
        const content = contentOf(
          a.title,
          a.content.split('\n').filter((l) => l.trim()),
        );
        const o = storeImport(
          corpusDb,
          { content, warnings: [], hash: contentHash(content) },
          {
            allowDuplicate: true,
            author: a.author || a.source,
          },
        );
        if (o.kind === 'imported') texts.set(o.id, searchableOriginal(content));
      }
    })();
  });
  afterAll(() => corpusDb.close());

  /** The oracle: articles with some original word whose folded, clitic-stripped forms include the term. */
  function scan(term: string): string[] {
    const t = normalizeArabic(term);
    const out: string[] = [];
    for (const [id, text] of texts) {
      if (wordTokens(normalizeArabic(text)).some((w) => procliticForms(w).includes(t))) out.push(id);
    }
    return out.sort();
  }

  it('finds exactly the articles a word-by-word scan finds', () => {
    expect(texts.size).toBeGreaterThan(500);
    for (const term of ['النفط', 'السعودية', 'الإرهاب', 'وزير', 'اتفاقية', 'الرياض']) {
      const expected = scan(term);
      expect(expected.length, term).toBeGreaterThan(0);
      const got = searchArticleIds(corpusDb, term, 10_000)
        .map((r) => r.articleId)
        .sort();
      expect(got, term).toEqual(expected);
    }
  });

  it('finds what a substring search misses: a word typed without hamza, and clitic forms', () => {
    // Typed on a keyboard without hamza, the way a hurried search is typed.
    const amir = searchArticleIds(corpusDb, 'الامير', 10_000).map((r) => r.articleId);
    const amirByLike = [...texts].filter(([, t]) => t.includes('الامير')).map(([id]) => id);
    expect(amir.length).toBeGreaterThan(amirByLike.length);
    for (const id of amir) expect(texts.get(id)!).toMatch(/[اأإآ]لأمير|الامير|لأمير|لامير/);
    // Clitics: an article with للX but no ALX anywhere is still found by a search for ALX.
    let checked = 0;
    for (const [id, text] of texts) {
      const lam = text.match(/(?<![\p{L}])لل(\p{L}{3,})/u);
      if (!lam || text.includes(`ال${lam[1]}`)) continue;
      const hits = searchArticleIds(corpusDb, `ال${lam[1]}`, 10_000).map((r) => r.articleId);
      expect(hits, `ال${lam[1]}`).toContain(id);
      if (++checked === 20) break;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('search index upkeep', () => {
  it('is rebuilt on open when it was built by other folding rules, and left alone when current', () => {
    const file = tmp.file('upkeep.db');
    let d = openDatabase(file);
    const content = contentOf('خبر', ['ارتفعت أسعار النفط']);
    const o = storeImport(d, { content, warnings: [], hash: contentHash(content) }, { author: 't' });
    if (o.kind !== 'imported') throw new Error('expected an import');
    expect(ensureSearchIndex(d)).toBe(0);
    // An index written by an older version's rules: different fingerprint, different tokens.
    d.exec(
      "DELETE FROM article_fts; UPDATE settings SET value = '\"older rules\"' WHERE key = 'searchIndex';",
    );
    expect(searchArticleIds(d, 'النفط')).toEqual([]);
    d.close();
    d = openDatabase(file);
    try {
      expect(searchArticleIds(d, 'النفط').map((r) => r.articleId)).toEqual([o.id]);
      expect(ensureSearchIndex(d)).toBe(0);
    } finally {
      d.close();
    }
  });
});
