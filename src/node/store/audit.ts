// The audit trail: one row per recorded act on an article (quote status, speaker correction, claim, source
// attached, comment thread resolved …), with who, when and a JSON detail. Rows are only ever appended.
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../core/factcheck/model';

type Db = Database.Database;

export type AuditInput = {
  articleId: string | null;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
};

export function appendAudit(db: Db, e: AuditInput): number {
  return Number(
    db
      .prepare('INSERT INTO audit (article_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)')
      .run(e.articleId, e.at, e.actor, e.action, JSON.stringify(e.detail)).lastInsertRowid,
  );
}

/** An article's audit rows in the order they were written. */
export function listAudit(db: Db, articleId: string): AuditEntry[] {
  return db
    .prepare<[string], { id: number; at: string; actor: string; action: string; detail: string }>(
      'SELECT id, at, actor, action, detail FROM audit WHERE article_id = ? ORDER BY id',
    )
    .all(articleId)
    .map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
