// Quote reviews: one row per quote (or claim marked by hand) of an article, keyed by the quote's stable id,
// holding the status, a person's corrections and the evidence of the latest verification.
import type Database from 'better-sqlite3';
import { ReviewEvidence, type ReviewStatus } from '../../core/factcheck/model';

type Db = Database.Database;

export type ReviewRecord = {
  articleId: string;
  quoteKey: string;
  status: ReviewStatus;
  /** A person's correction of the speaker; null keeps the extracted one. */
  speaker: string | null;
  /** Why the quote was waived. */
  reason: string | null;
  sourceId: string | null;
  score: number | null;
  evidence: ReviewEvidence;
  note: string | null;
  checkedBy: string;
  checkedAt: string;
};

type Row = Omit<ReviewRecord, 'evidence' | 'status'> & { status: string; evidence: string | null };

const COLUMNS = `article_id AS articleId, quote_key AS quoteKey, status, speaker, reason, source_id AS sourceId,
  score, evidence, note, checked_by AS checkedBy, checked_at AS checkedAt`;

function toRecord(r: Row): ReviewRecord {
  const parsed = ReviewEvidence.safeParse(r.evidence === null ? null : JSON.parse(r.evidence));
  // Evidence written by a newer version that this one cannot read is treated as a person's decision without
  // a verification: nothing a person did is ever overwritten because it could not be understood.
  const evidence: ReviewEvidence = parsed.success ? parsed.data : { decidedBy: 'manual', verification: null };
  return { ...r, status: r.status as ReviewStatus, evidence };
}

export function listReviews(db: Db, articleId: string): ReviewRecord[] {
  return db
    .prepare<[string], Row>(`SELECT ${COLUMNS} FROM quote_reviews WHERE article_id = ? ORDER BY quote_key`)
    .all(articleId)
    .map(toRecord);
}

export function getReview(db: Db, articleId: string, quoteKey: string): ReviewRecord | undefined {
  const row = db
    .prepare<[string, string], Row>(
      `SELECT ${COLUMNS} FROM quote_reviews WHERE article_id = ? AND quote_key = ?`,
    )
    .get(articleId, quoteKey);
  return row ? toRecord(row) : undefined;
}

/** Inserts or replaces the review of one quote. */
export function putReview(db: Db, r: ReviewRecord): void {
  db.prepare(
    `INSERT INTO quote_reviews (article_id, quote_key, status, speaker, reason, source_id, score, evidence, note,
       checked_by, checked_at)
     VALUES (@articleId, @quoteKey, @status, @speaker, @reason, @sourceId, @score, @evidence, @note, @checkedBy,
       @checkedAt)
     ON CONFLICT (article_id, quote_key) DO UPDATE SET status = excluded.status, speaker = excluded.speaker,
       reason = excluded.reason, source_id = excluded.source_id, score = excluded.score,
       evidence = excluded.evidence, note = excluded.note, checked_by = excluded.checked_by,
       checked_at = excluded.checked_at`,
  ).run({ ...r, evidence: JSON.stringify(r.evidence) });
}

/** Removes the review of one quote (a hand-marked quote that was undone). */
export function deleteReview(db: Db, articleId: string, quoteKey: string): void {
  db.prepare('DELETE FROM quote_reviews WHERE article_id = ? AND quote_key = ?').run(articleId, quoteKey);
}
