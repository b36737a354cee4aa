// Comment threads of an article. The anchor is a mark in the document (it moves with edits and survives new
// revisions); these rows hold the conversation and whether it is resolved. A thread is resolved when its rows
// carry resolved_at; resolving and reopening update every row of the thread together.
import type Database from 'better-sqlite3';

type Db = Database.Database;

export type CommentRecord = {
  id: string;
  articleId: string;
  threadId: string;
  author: string;
  createdAt: string;
  body: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
};

const COLUMNS = `id, article_id AS articleId, thread_id AS threadId, author, created_at AS createdAt, body,
  resolved_at AS resolvedAt, resolved_by AS resolvedBy`;

export function insertComment(db: Db, c: CommentRecord): void {
  db.prepare(
    `INSERT INTO comments (id, article_id, thread_id, author, created_at, body, resolved_at, resolved_by)
     VALUES (@id, @articleId, @threadId, @author, @createdAt, @body, @resolvedAt, @resolvedBy)`,
  ).run(c);
}

/** Every comment of an article, thread by thread, oldest first within a thread. */
export function listComments(db: Db, articleId: string): CommentRecord[] {
  return db
    .prepare<[string], CommentRecord>(
      `SELECT ${COLUMNS} FROM comments WHERE article_id = ?
       ORDER BY (SELECT min(created_at) FROM comments c2 WHERE c2.article_id = comments.article_id
                 AND c2.thread_id = comments.thread_id), thread_id, created_at, rowid`,
    )
    .all(articleId);
}

export function threadComments(db: Db, articleId: string, threadId: string): CommentRecord[] {
  return db
    .prepare<[string, string], CommentRecord>(
      `SELECT ${COLUMNS} FROM comments WHERE article_id = ? AND thread_id = ? ORDER BY created_at, rowid`,
    )
    .all(articleId, threadId);
}

/** Marks a thread resolved (at, by) or open (null, null). */
export function setThreadResolved(
  db: Db,
  articleId: string,
  threadId: string,
  at: string | null,
  by: string | null,
): void {
  db.prepare(
    'UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE article_id = ? AND thread_id = ?',
  ).run(at, by, articleId, threadId);
}

/** Unresolved threads of an article: what the approval gate counts. */
export function countOpenThreads(db: Db, articleId: string): number {
  return db
    .prepare<[string], { n: number }>(
      `SELECT count(DISTINCT thread_id) AS n FROM comments WHERE article_id = ? AND resolved_at IS NULL`,
    )
    .get(articleId)!.n;
}
