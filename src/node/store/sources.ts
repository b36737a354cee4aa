// The sources library: source texts shared across articles, their links to articles, and full-text search
// over them with the same Arabic folding and clitic stripping as the article index (store/search.ts).
import type Database from 'better-sqlite3';
import type { SourceKind, SourceSummary } from '../../core/factcheck/model';
import { indexFingerprint, indexText, matchExpression, queryTerms } from './search';

type Db = Database.Database;

export type SourceRecord = {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  language: string;
  publishedAt: string | null;
  kind: SourceKind;
  text: string;
  contentHash: string;
  createdAt: string;
  author: string;
};

const SUMMARY_COLUMNS = `s.id, s.title, s.url, s.publisher, s.language, s.published_at AS publishedAt, s.kind,
  length(s.text) AS chars, s.created_at AS createdAt, s.author,
  (SELECT count(*) FROM article_sources x WHERE x.source_id = s.id) AS articles`;

/** Stores a source and indexes it; call inside the caller's transaction. */
export function insertSource(db: Db, r: SourceRecord): void {
  db.prepare(
    `INSERT INTO sources (id, title, url, publisher, language, published_at, kind, text, content_hash,
       created_at, author)
     VALUES (@id, @title, @url, @publisher, @language, @publishedAt, @kind, @text, @contentHash, @createdAt,
       @author)`,
  ).run(r);
  indexSource(db, r.id, r.title, r.text);
}

function indexSource(db: Db, sourceId: string, title: string, text: string): void {
  const existing = db
    .prepare<[string], { rowid: number }>('SELECT rowid FROM source_docs WHERE source_id = ?')
    .get(sourceId);
  let rowid: number | bigint;
  if (existing) {
    rowid = existing.rowid;
    db.prepare('DELETE FROM source_fts WHERE rowid = ?').run(rowid);
  } else {
    rowid = db.prepare('INSERT INTO source_docs (source_id) VALUES (?)').run(sourceId).lastInsertRowid;
  }
  db.prepare('INSERT INTO source_fts (rowid, title, body) VALUES (?, ?, ?)').run(
    rowid,
    indexText(title),
    indexText(text),
  );
}

/**
 * Rebuilds the source index when it was built by other folding rules than this version's (the same
 * fingerprint as the article index); returns how many sources were indexed (0 when current).
 */
export function ensureSourceIndex(db: Db): number {
  const fingerprint = indexFingerprint();
  const stored = db
    .prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'sourceIndex'")
    .get();
  if (stored && JSON.parse(stored.value) === fingerprint) return 0;
  return db
    .transaction(() => {
      db.exec('DELETE FROM source_fts; DELETE FROM source_docs;');
      let n = 0;
      for (const s of db
        .prepare<[], { id: string; title: string; text: string }>('SELECT id, title, text FROM sources')
        .all()) {
        indexSource(db, s.id, s.title, s.text);
        n++;
      }
      db.prepare(
        "INSERT INTO settings (key, value) VALUES ('sourceIndex', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(JSON.stringify(fingerprint));
      return n;
    })
    .immediate();
}

export function getSourceSummary(db: Db, id: string): SourceSummary | undefined {
  return db
    .prepare<[string], SourceSummary>(`SELECT ${SUMMARY_COLUMNS} FROM sources s WHERE s.id = ?`)
    .get(id);
}

export function getSourceText(db: Db, id: string): string | undefined {
  return db.prepare<[string], { text: string }>('SELECT text FROM sources WHERE id = ?').get(id)?.text;
}

export function findSourceByHash(db: Db, hash: string): string | undefined {
  return db
    .prepare<[string], { id: string }>(
      'SELECT id FROM sources WHERE content_hash = ? ORDER BY created_at LIMIT 1',
    )
    .get(hash)?.id;
}

/** Every source of the library, newest first. */
export function listSourceSummaries(db: Db): SourceSummary[] {
  return db
    .prepare<[], SourceSummary>(`SELECT ${SUMMARY_COLUMNS} FROM sources s ORDER BY s.created_at DESC, s.id`)
    .all();
}

/** The sources attached to an article, in the order they were attached. */
export function listArticleSourceSummaries(db: Db, articleId: string): SourceSummary[] {
  return db
    .prepare<[string], SourceSummary>(
      `SELECT ${SUMMARY_COLUMNS} FROM article_sources a JOIN sources s ON s.id = a.source_id
       WHERE a.article_id = ? ORDER BY a.attached_at, s.id`,
    )
    .all(articleId);
}

/** Id, title and full text of the sources attached to an article (what verification reads). */
export function articleSourceTexts(db: Db, articleId: string): { id: string; title: string; text: string }[] {
  return db
    .prepare<[string], { id: string; title: string; text: string }>(
      `SELECT s.id, s.title, s.text FROM article_sources a JOIN sources s ON s.id = a.source_id
       WHERE a.article_id = ? ORDER BY a.attached_at, s.id`,
    )
    .all(articleId);
}

export function sourceArticleIds(db: Db, sourceId: string): string[] {
  return db
    .prepare<[string], { article_id: string }>(
      'SELECT article_id FROM article_sources WHERE source_id = ? ORDER BY attached_at, article_id',
    )
    .all(sourceId)
    .map((r) => r.article_id);
}

/** Links a source to an article; false when it already was. */
export function attachSource(db: Db, articleId: string, sourceId: string, at: string, by: string): boolean {
  return (
    db
      .prepare(
        `INSERT INTO article_sources (article_id, source_id, attached_at, attached_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (article_id, source_id) DO NOTHING`,
      )
      .run(articleId, sourceId, at, by).changes > 0
  );
}

/** Unlinks a source from an article; false when it was not attached. */
export function detachSource(db: Db, articleId: string, sourceId: string): boolean {
  return (
    db.prepare('DELETE FROM article_sources WHERE article_id = ? AND source_id = ?').run(articleId, sourceId)
      .changes > 0
  );
}

/** Removes a source no article uses any more (the caller checks; the foreign key refuses otherwise). */
export function deleteSource(db: Db, id: string): boolean {
  const doc = db
    .prepare<[string], { rowid: number }>('SELECT rowid FROM source_docs WHERE source_id = ?')
    .get(id);
  if (doc) db.prepare('DELETE FROM source_fts WHERE rowid = ?').run(doc.rowid);
  return db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
}

/** Ranked source ids for a query (title weighs more than the body); empty for a query without words. */
export function searchSourceIds(db: Db, query: string, limit = 50): string[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  return db
    .prepare<[string, number], { id: string }>(
      `SELECT d.source_id AS id FROM source_fts
       JOIN source_docs d ON d.rowid = source_fts.rowid
       WHERE source_fts MATCH ?
       ORDER BY bm25(source_fts, 4.0, 1.0)
       LIMIT ?`,
    )
    .all(matchExpression(terms), limit)
    .map((r) => r.id);
}
