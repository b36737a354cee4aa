// Queries for the workflow: user roles, article status, approvals (exact revision and content hash), the
// export log, and the reads the approval gates need (stored quote reviews, open comment threads).
import type Database from 'better-sqlite3';
import type { ArticleStatus } from '../../core/article/model';
import { DEFAULT_ROLE, Role, type GateOverride } from '../../core/workflow';

type Db = Database.Database;

export function getUserRole(db: Db, name: string): Role {
  const row = db.prepare<[string], { role: string }>('SELECT role FROM users WHERE name = ?').get(name);
  const parsed = Role.safeParse(row?.role);
  // A role written by a newer version (or none yet) gives the least privileged role.
  return parsed.success ? parsed.data : DEFAULT_ROLE;
}

/** Sets a user's role, creating the user row on first use. */
export function setUserRole(db: Db, name: string, role: Role, at: string): void {
  db.prepare(
    `INSERT INTO users (name, created_at, role) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET role = excluded.role`,
  ).run(name, at, role);
}

export function setArticleStatus(db: Db, id: string, status: ArticleStatus): void {
  db.prepare('UPDATE articles SET status = ? WHERE id = ?').run(status, id);
}

export type ApprovalRecord = {
  id: number;
  articleId: string;
  revisionSeq: number;
  contentHash: string;
  approvedAt: string;
  approvedBy: string;
  overrides: GateOverride[];
};

type ApprovalRow = Omit<ApprovalRecord, 'overrides'> & { overrides: string };

const APPROVAL_COLUMNS = `id, article_id AS articleId, revision_seq AS revisionSeq, content_hash AS contentHash,
  approved_at AS approvedAt, approved_by AS approvedBy, overrides`;

export function insertApproval(db: Db, a: Omit<ApprovalRecord, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO approvals (article_id, revision_seq, content_hash, approved_at, approved_by, overrides)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(a.articleId, a.revisionSeq, a.contentHash, a.approvedAt, a.approvedBy, JSON.stringify(a.overrides))
      .lastInsertRowid,
  );
}

export function latestApproval(db: Db, articleId: string): ApprovalRecord | undefined {
  const row = db
    .prepare<[string], ApprovalRow>(
      `SELECT ${APPROVAL_COLUMNS} FROM approvals WHERE article_id = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(articleId);
  return row && { ...row, overrides: JSON.parse(row.overrides) as GateOverride[] };
}

/** True when any approval names this revision: such a revision is never rewritten in place. */
export function isApprovedRevision(db: Db, articleId: string, seq: number): boolean {
  return (
    db
      .prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM approvals WHERE article_id = ? AND revision_seq = ?',
      )
      .get(articleId, seq)!.n > 0
  );
}

export type ExportRecord = {
  articleId: string;
  revisionSeq: number;
  format: string;
  path: string | null;
  exportedAt: string;
  exportedBy: string;
  overrideReason: string | null;
};

export function insertExport(db: Db, e: ExportRecord): number {
  return Number(
    db
      .prepare(
        `INSERT INTO exports (article_id, revision_seq, format, path, exported_at, exported_by, override_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.articleId, e.revisionSeq, e.format, e.path, e.exportedAt, e.exportedBy, e.overrideReason)
      .lastInsertRowid,
  );
}

export function listExports(db: Db, articleId: string): (ExportRecord & { id: number })[] {
  return db
    .prepare<[string], ExportRecord & { id: number }>(
      `SELECT id, article_id AS articleId, revision_seq AS revisionSeq, format, path, exported_at AS exportedAt,
         exported_by AS exportedBy, override_reason AS overrideReason
       FROM exports WHERE article_id = ? ORDER BY id`,
    )
    .all(articleId);
}

/** Appends one row to the audit trail (version 4's table for every recorded act). */
export function recordAudit(
  db: Db,
  e: { articleId: string; at: string; actor: string; action: string; detail: Record<string, unknown> },
): number {
  return Number(
    db
      .prepare('INSERT INTO audit (article_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)')
      .run(e.articleId, e.at, e.actor, e.action, JSON.stringify(e.detail)).lastInsertRowid,
  );
}

export function auditEntries(
  db: Db,
  articleId: string,
): { id: number; at: string; actor: string; action: string; detail: Record<string, unknown> }[] {
  return db
    .prepare<[string], { id: number; at: string; actor: string; action: string; detail: string }>(
      'SELECT id, at, actor, action, detail FROM audit WHERE article_id = ? ORDER BY id',
    )
    .all(articleId)
    .map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/** Stored quote reviews as the quotes gate reads them. */
export function quoteReviewStates(
  db: Db,
  articleId: string,
): { quoteKey: string; status: string; reason: string | null }[] {
  return db
    .prepare<[string], { quoteKey: string; status: string; reason: string | null }>(
      'SELECT quote_key AS quoteKey, status, reason FROM quote_reviews WHERE article_id = ? ORDER BY quote_key',
    )
    .all(articleId);
}

/** Unresolved comment threads (a thread is open while any of its comments is unresolved), oldest first. */
export function openCommentThreads(db: Db, articleId: string): { id: string; excerpt: string }[] {
  return db
    .prepare<[string], { id: string; excerpt: string }>(
      `SELECT c.thread_id AS id,
         (SELECT body FROM comments f WHERE f.article_id = c.article_id AND f.thread_id = c.thread_id
          ORDER BY f.created_at, f.id LIMIT 1) AS excerpt
       FROM comments c WHERE c.article_id = ? AND c.resolved_at IS NULL
       GROUP BY c.thread_id ORDER BY min(c.created_at), c.thread_id`,
    )
    .all(articleId);
}
