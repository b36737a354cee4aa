// Queries on the articles table: identity, status, trash state and the import's content hash.
import type Database from 'better-sqlite3';
import type { ArticleStatus, ImportWarning } from '../../core/article/model';

type Db = Database.Database;

export type ArticleRow = {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: ArticleStatus;
  deletedAt: string | null;
  contentHash: string;
  author: string;
  /** What the importer noticed (a repeated caption, a glued dateline …), shown with the article. */
  importWarnings: ImportWarning[];
};

type StoredRow = Omit<ArticleRow, 'importWarnings'> & { importWarnings: string };

const fromStored = (r: StoredRow | undefined): ArticleRow | undefined =>
  r && { ...r, importWarnings: JSON.parse(r.importWarnings) as ImportWarning[] };

const COLUMNS = `id, created_at AS createdAt, updated_at AS updatedAt, status, deleted_at AS deletedAt,
  content_hash AS contentHash, author, import_warnings AS importWarnings`;

export function insertArticle(db: Db, row: ArticleRow): void {
  db.prepare(
    `INSERT INTO articles (id, created_at, updated_at, status, deleted_at, content_hash, author, import_warnings)
     VALUES (@id, @createdAt, @updatedAt, @status, @deletedAt, @contentHash, @author, @importWarnings)`,
  ).run({ ...row, importWarnings: JSON.stringify(row.importWarnings) });
}

export function getArticleRow(db: Db, id: string): ArticleRow | undefined {
  return fromStored(db.prepare<[string], StoredRow>(`SELECT ${COLUMNS} FROM articles WHERE id = ?`).get(id));
}

/** The live (not trashed) article imported with this content hash, oldest first. */
export function findLiveByContentHash(db: Db, hash: string): ArticleRow | undefined {
  return fromStored(
    db
      .prepare<[string], StoredRow>(
        `SELECT ${COLUMNS} FROM articles WHERE content_hash = ? AND deleted_at IS NULL
         ORDER BY created_at, id LIMIT 1`,
      )
      .get(hash),
  );
}

export function touchArticle(db: Db, id: string, at: string): void {
  db.prepare('UPDATE articles SET updated_at = ? WHERE id = ?').run(at, id);
}

export function setDeletedAt(db: Db, id: string, at: string | null): void {
  db.prepare('UPDATE articles SET deleted_at = ? WHERE id = ?').run(at, id);
}

export type ArticleListRow = {
  id: string;
  headline: string;
  status: ArticleStatus;
  updatedAt: string;
  author: string;
  words: number;
  deletedAt: string | null;
};

/** The library: live articles, or only the trashed ones; most recently changed first. */
export function listArticleRows(db: Db, trash: boolean): ArticleListRow[] {
  return db
    .prepare<[number], ArticleListRow>(
      `SELECT a.id, json_extract(r.content, '$.headline') AS headline, a.status, a.updated_at AS updatedAt,
              a.author, r.words, a.deleted_at AS deletedAt
       FROM articles a
       JOIN revisions r ON r.article_id = a.id
        AND r.seq = (SELECT max(seq) FROM revisions WHERE article_id = a.id)
       WHERE (a.deleted_at IS NOT NULL) = ?
       ORDER BY a.updated_at DESC, a.id`,
    )
    .all(trash ? 1 : 0);
}
