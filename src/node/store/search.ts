// Full-text search over the library. SQLite's unicode61 tokenizer knows nothing of Arabic orthography, so
// both the indexed text and the query are folded here first (hamza forms, taa marbuta, alef maqsura,
// diacritics, tatweel) and every word is also indexed without its proclitics (و ف ب ك ل ال), so a search
// for النفط finds والنفط, بالنفط and للنفط. Snippets are cut from the author's original text.
import type Database from 'better-sqlite3';
import { ArticleContent } from '../../core/article/model';
import { normalizeArabic, procliticForms, wordTokens } from '../../core/arabic/normalize';

export type SearchColumns = { headline: string; captions: string; body: string };

/** The index text of a piece of original text: every normalised word with its clitic-stripped forms. */
export function indexText(text: string): string {
  const out: string[] = [];
  for (const w of wordTokens(normalizeArabic(text))) out.push(...procliticForms(w));
  return out.join(' ');
}

export function searchColumns(c: ArticleContent): SearchColumns {
  return {
    headline: indexText([c.headline, c.standfirst ?? ''].join('\n')),
    captions: indexText(
      c.figures.flatMap((f) => [f.caption, f.altText, f.credit, f.photographer]).join('\n'),
    ),
    body: indexText(
      [[c.dateline.place, ...c.dateline.sources].join(' '), ...c.body.map((b) => b.text)].join('\n'),
    ),
  };
}

/**
 * The original text the index was built from, in the same order (headline, captions, dateline, body):
 * snippets are cut from this, never from the folded index text.
 */
export function searchableOriginal(c: ArticleContent): string {
  return [
    c.headline,
    c.standfirst ?? '',
    // Scraped pages repeat the caption as alt text; once is enough for a snippet.
    ...c.figures.flatMap((f) => [
      f.caption,
      f.altText === f.caption ? '' : f.altText,
      f.credit,
      f.photographer,
    ]),
    [c.dateline.place, ...c.dateline.sources].join(' '),
    ...c.body.map((b) => b.text),
  ]
    .filter((t) => t.trim() !== '')
    .join('\n');
}

/** Replaces an article's entry in the index; call inside the transaction that stores its new revision. */
export function indexArticleContent(db: Database.Database, articleId: string, c: ArticleContent): void {
  const cols = searchColumns(c);
  const existing = db
    .prepare<[string], { rowid: number }>('SELECT rowid FROM search_docs WHERE article_id = ?')
    .get(articleId);
  let rowid: number | bigint;
  if (existing) {
    rowid = existing.rowid;
    db.prepare('DELETE FROM article_fts WHERE rowid = ?').run(rowid);
  } else {
    rowid = db.prepare('INSERT INTO search_docs (article_id) VALUES (?)').run(articleId).lastInsertRowid;
  }
  db.prepare('INSERT INTO article_fts (rowid, headline, captions, body) VALUES (?, ?, ?, ?)').run(
    rowid,
    cols.headline,
    cols.captions,
    cols.body,
  );
}

// Words that exercise every folding the index relies on. If normalizeArabic or procliticForms change what
// they make of these, the index on disk was built by other rules and is rebuilt on the next open.
const FINGERPRINT_PROBE =
  'الإستراتيجية الأمير آخر اتفاقية مستشفى مسؤول رئيس والنفط بالنفط للنفط كالنفط فالنفط النِّفْطُ النـــفط ٢٠٢٤ ۱۲ ﻻ Ünïcode';

export function indexFingerprint(): string {
  return indexText(FINGERPRINT_PROBE);
}

/**
 * Rebuilds the whole index, in one transaction, when it was built by other folding rules than this
 * version's (or never built): search must never silently miss articles indexed the old way.
 * Returns how many articles were indexed (0 when the index was current).
 */
export function ensureSearchIndex(db: Database.Database): number {
  const fingerprint = indexFingerprint();
  const stored = db
    .prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'searchIndex'")
    .get();
  if (stored && JSON.parse(stored.value) === fingerprint) return 0;
  const rebuild = db.transaction(() => {
    db.exec('DELETE FROM article_fts; DELETE FROM search_docs;');
    const latest = db.prepare<[], { article_id: string; content: string }>(`
      SELECT r.article_id, r.content FROM revisions r
      WHERE r.seq = (SELECT max(seq) FROM revisions WHERE article_id = r.article_id)`);
    let n = 0;
    for (const row of latest.all()) {
      indexArticleContent(db, row.article_id, ArticleContent.parse(JSON.parse(row.content)));
      n++;
    }
    db.prepare(
      "INSERT INTO settings (key, value) VALUES ('searchIndex', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(JSON.stringify(fingerprint));
    return n;
  });
  return rebuild.immediate();
}

/** The normalised query terms; empty when the query holds no word at all. */
export function queryTerms(query: string): string[] {
  return [...new Set(wordTokens(normalizeArabic(query)))];
}

/**
 * An FTS5 MATCH expression for the terms: each term double-quoted (so nothing the user types can be read as
 * FTS5 syntax: AND, NEAR, column filters, *), all terms required.
 */
export function matchExpression(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

export type SearchRow = { articleId: string; rank: number };

/** Ranked article ids for a query (headline weighs most, then captions, then body); trashed ones excluded. */
export function searchArticleIds(db: Database.Database, query: string, limit = 50): SearchRow[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  return db
    .prepare<[string, number], SearchRow>(
      `SELECT d.article_id AS articleId, bm25(article_fts, 5.0, 2.0, 1.0) AS rank
       FROM article_fts
       JOIN search_docs d ON d.rowid = article_fts.rowid
       JOIN articles a ON a.id = d.article_id
       WHERE article_fts MATCH ? AND a.deleted_at IS NULL
       ORDER BY rank
       LIMIT ?`,
    )
    .all(matchExpression(terms), limit);
}

const ORIGINAL_WORD = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+/gu;

/**
 * A short excerpt of the original text around the first word that matches a term (the same folding and
 * clitic stripping as the index), with an ellipsis where it was cut. Falls back to the opening of the text.
 */
export function snippet(original: string, terms: readonly string[], width = 160): string {
  const wanted = new Set(terms);
  let at = -1;
  let len = 0;
  for (const m of original.matchAll(ORIGINAL_WORD)) {
    const forms = wordTokens(normalizeArabic(m[0])).flatMap((w) => procliticForms(w));
    if (forms.some((f) => wanted.has(f))) {
      at = m.index;
      len = m[0].length;
      break;
    }
  }
  const text = flatten(original);
  if (at < 0) return cut(text, 0, width);
  // Flattening can shift the offset; find it again in the flattened text.
  const before = flatten(original.slice(0, at));
  const start = Math.max(0, before.length - Math.floor((width - len) / 3));
  return cut(text, start, width);
}

/** One line: fields and paragraphs separated by a middle dot, other whitespace runs as one space. */
function flatten(s: string): string {
  return s.replace(/\s*\n\s*/g, ' · ').replace(/\s+/g, ' ');
}

function cut(text: string, start: number, width: number): string {
  let s = start;
  if (s > 0) {
    const space = text.indexOf(' ', s);
    s = space >= 0 && space - s < 20 ? space + 1 : s;
  }
  let e = Math.min(text.length, s + width);
  if (e < text.length) {
    const space = text.lastIndexOf(' ', e);
    if (space > s + width / 2) e = space;
  }
  return (s > 0 ? '… ' : '') + text.slice(s, e).trim() + (e < text.length ? ' …' : '');
}
