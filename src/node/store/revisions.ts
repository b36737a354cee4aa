// Queries on revisions: the append-only history of each article's content. Only the autosave coalescing in
// the services replaces a row, and only an autosave that is the newest revision.
import type Database from 'better-sqlite3';
import { ArticleContent } from '../../core/article/model';
import type { RevisionReason } from '../../core/ipc/contract';

type Db = Database.Database;

export type RevisionRecord = {
  articleId: string;
  seq: number;
  createdAt: string;
  author: string;
  reason: RevisionReason;
  note: string | null;
  content: ArticleContent;
  plainText: string;
  chars: number;
  words: number;
};

export type RevisionHead = Omit<RevisionRecord, 'content' | 'plainText'>;

type RawRow = Omit<RevisionRecord, 'content'> & { content: string };

const HEAD = `article_id AS articleId, seq, created_at AS createdAt, author, reason, note, chars, words`;

export function insertRevision(db: Db, r: RevisionRecord): void {
  db.prepare(
    `INSERT INTO revisions (article_id, seq, created_at, author, reason, note, content, plain_text, chars, words)
     VALUES (@articleId, @seq, @createdAt, @author, @reason, @note, @content, @plainText, @chars, @words)`,
  ).run({ ...r, content: JSON.stringify(r.content) });
}

/** Overwrites a revision in place (same seq): used only to coalesce consecutive autosaves. */
export function replaceRevision(db: Db, r: RevisionRecord): void {
  db.prepare(
    `UPDATE revisions SET created_at = @createdAt, author = @author, reason = @reason, note = @note,
       content = @content, plain_text = @plainText, chars = @chars, words = @words
     WHERE article_id = @articleId AND seq = @seq`,
  ).run({ ...r, content: JSON.stringify(r.content) });
}

export function latestRevision(db: Db, articleId: string): RevisionRecord | undefined {
  const row = db
    .prepare<[string], RawRow>(
      `SELECT ${HEAD}, content, plain_text AS plainText FROM revisions
       WHERE article_id = ? ORDER BY seq DESC LIMIT 1`,
    )
    .get(articleId);
  return row && decode(row);
}

export function getRevisionRecord(db: Db, articleId: string, seq: number): RevisionRecord | undefined {
  const row = db
    .prepare<[string, number], RawRow>(
      `SELECT ${HEAD}, content, plain_text AS plainText FROM revisions WHERE article_id = ? AND seq = ?`,
    )
    .get(articleId, seq);
  return row && decode(row);
}

/** Newest first, as a history panel shows them. */
export function listRevisionHeads(db: Db, articleId: string): RevisionHead[] {
  return db
    .prepare<[string], RevisionHead>(`SELECT ${HEAD} FROM revisions WHERE article_id = ? ORDER BY seq DESC`)
    .all(articleId);
}

function decode(row: RawRow): RevisionRecord {
  return { ...row, content: ArticleContent.parse(JSON.parse(row.content)) };
}
