// Queries on revisions: the append-only history of each article's content. Only the autosave coalescing in
// the services replaces a row, and only an autosave that is the newest revision.
//
// Storage (revisionCodec.ts): the newest revision of an article is a whole row (content JSON and plain text),
// so SQL that reads the latest content (library list, search index, tag counts) works on it as it is. Older
// revisions keep their head columns (author, reason, counts …) but hold their content in `packed`: a
// compressed keyframe every KEYFRAME_INTERVAL seqs, else a small reverse delta from the next revision; their
// `content` is the JSON null and their plain text is derived on reading.
import type Database from 'better-sqlite3';
import { ArticleContent, contentToPlainText } from '../../core/article/model';
import { AppError } from '../../core/ipc/contract';
import type { RevisionReason } from '../../core/ipc/contract';
import { isKeyframe, packRevision, plainTextDerived, unpackDelta, unpackKeyframe } from './revisionCodec';

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

type RawRow = Omit<RevisionRecord, 'content'> & { content: string | null; packed: Buffer | null };

const HEAD = `article_id AS articleId, seq, created_at AS createdAt, author, reason, note, chars, words`;
/** The whole row's content, or NULL for a packed row (whose content column holds only the JSON null). */
const BODY = `CASE WHEN packed IS NULL THEN content END AS content, plain_text AS plainText, packed`;
/** What a packed row's content column holds. */
const PACKED_CONTENT = 'null';

export function insertRevision(db: Db, r: RevisionRecord): void {
  db.transaction(() => {
    const prev = neighbourBelow(db, r.articleId, r.seq);
    const prevText = prev && needsRepack(prev) ? storedText(db, r.articleId, prev.seq) : undefined;
    const text = JSON.stringify(r.content);
    db.prepare(
      `INSERT INTO revisions (article_id, seq, created_at, author, reason, note, content, plain_text, chars, words)
       VALUES (@articleId, @seq, @createdAt, @author, @reason, @note, @content, @plainText, @chars, @words)`,
    ).run({ ...r, content: text });
    settle(db, r, text, prev, prevText);
  })();
}

/** Overwrites a revision in place (same seq): used only to coalesce consecutive autosaves. */
export function replaceRevision(db: Db, r: RevisionRecord): void {
  db.transaction(() => {
    const exists = db
      .prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM revisions WHERE article_id = ? AND seq = ?',
      )
      .get(r.articleId, r.seq)!.n;
    if (exists === 0) return;
    // The revision below may be stored as a delta from this row's old content: read it before that changes.
    const prev = neighbourBelow(db, r.articleId, r.seq);
    const prevText = prev && needsRepack(prev) ? storedText(db, r.articleId, prev.seq) : undefined;
    const text = JSON.stringify(r.content);
    db.prepare(
      `UPDATE revisions SET created_at = @createdAt, author = @author, reason = @reason, note = @note,
         content = @content, plain_text = @plainText, chars = @chars, words = @words, packed = NULL
       WHERE article_id = @articleId AND seq = @seq`,
    ).run({ ...r, content: text });
    settle(db, r, text, prev, prevText);
  })();
}

export function latestRevision(db: Db, articleId: string): RevisionRecord | undefined {
  const row = db
    .prepare<[string], RawRow>(
      `SELECT ${HEAD}, ${BODY} FROM revisions WHERE article_id = ? ORDER BY seq DESC LIMIT 1`,
    )
    .get(articleId);
  return row && decode(db, row);
}

export function getRevisionRecord(db: Db, articleId: string, seq: number): RevisionRecord | undefined {
  const row = db
    .prepare<[string, number], RawRow>(
      `SELECT ${HEAD}, ${BODY} FROM revisions WHERE article_id = ? AND seq = ?`,
    )
    .get(articleId, seq);
  return row && decode(db, row);
}

/** Newest first, as a history panel shows them. */
export function listRevisionHeads(db: Db, articleId: string): RevisionHead[] {
  return db
    .prepare<[string], RevisionHead>(`SELECT ${HEAD} FROM revisions WHERE article_id = ? ORDER BY seq DESC`)
    .all(articleId);
}

/**
 * Packs every revision but the newest of each article (migration 8, over rows that were all whole). Each row
 * is packed against the one after it, walking down from the newest, so every content is read once.
 */
export function compactHistory(db: Db): void {
  const articles = db
    .prepare<[], { id: string }>('SELECT DISTINCT article_id AS id FROM revisions')
    .all()
    .map((r) => r.id);
  const seqsOf = db.prepare<[string], { seq: number }>(
    'SELECT seq FROM revisions WHERE article_id = ? AND packed IS NULL ORDER BY seq DESC',
  );
  const rowOf = db.prepare<[string, number], { content: string; plainText: string }>(
    'SELECT content, plain_text AS plainText FROM revisions WHERE article_id = ? AND seq = ?',
  );
  for (const id of articles) {
    const seqs = seqsOf.all(id).map((r) => r.seq);
    let successor: string | undefined;
    for (const seq of seqs) {
      const row = rowOf.get(id, seq)!;
      if (successor !== undefined)
        packRow(db, id, seq, row.content, plainToKeep(row.content, row.plainText), successor);
      successor = row.content;
    }
  }
}

type Neighbour = { seq: number; plainText: string; packed: Buffer | null };

function neighbourBelow(db: Db, articleId: string, seq: number): Neighbour | undefined {
  return db
    .prepare<[string, number], Neighbour>(
      `SELECT seq, plain_text AS plainText, packed FROM revisions
       WHERE article_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1`,
    )
    .get(articleId, seq);
}

/** A whole row (it was the newest) or a delta from the row being written must be packed again. */
function needsRepack(n: Neighbour): boolean {
  return n.packed === null || !isKeyframe(n.packed);
}

/**
 * After row `r` was written whole: packs it when a later revision exists, and packs the revision below it
 * against its new content.
 */
function settle(
  db: Db,
  r: RevisionRecord,
  text: string,
  prev: Neighbour | undefined,
  prevText: string | undefined,
): void {
  const next = db
    .prepare<[string, number], { seq: number }>(
      'SELECT seq FROM revisions WHERE article_id = ? AND seq > ? ORDER BY seq LIMIT 1',
    )
    .get(r.articleId, r.seq);
  if (next) {
    const successor = storedText(db, r.articleId, next.seq)!;
    packRow(db, r.articleId, r.seq, text, plainToKeep(text, r.plainText), successor);
  }
  if (prev && prevText !== undefined) {
    const keep =
      prev.packed === null
        ? plainToKeep(prevText, prev.plainText)
        : plainTextDerived(prev.packed)
          ? null
          : prev.plainText;
    packRow(db, r.articleId, prev.seq, prevText, keep, text);
  }
}

/** The plain text to keep in the column of a packed row, or null when it is derived from the content. */
function plainToKeep(text: string, plainText: string): string | null {
  return contentToPlainText(parseContent(text)) === plainText ? null : plainText;
}

function packRow(
  db: Db,
  articleId: string,
  seq: number,
  text: string,
  plainKept: string | null,
  successor: string,
): void {
  const packed = packRevision(seq, text, successor, plainKept === null);
  db.prepare(
    `UPDATE revisions SET content = ?, plain_text = ?, packed = ? WHERE article_id = ? AND seq = ?`,
  ).run(PACKED_CONTENT, plainKept ?? '', packed, articleId, seq);
}

/**
 * The content JSON of a revision as it was saved: from its own row when whole, else from the nearest
 * keyframe or whole row above it, applying the deltas on the way down.
 */
function storedText(db: Db, articleId: string, seq: number): string | undefined {
  const chain: Buffer[] = [];
  let text: string | undefined;
  const rows = db
    .prepare<[string, number], { seq: number; content: string | null; packed: Buffer | null }>(
      `SELECT seq, CASE WHEN packed IS NULL THEN content END AS content, packed FROM revisions
       WHERE article_id = ? AND seq >= ? ORDER BY seq`,
    )
    .iterate(articleId, seq);
  let first = true;
  for (const row of rows) {
    if (first && row.seq !== seq) break;
    first = false;
    if (row.packed === null) {
      text = row.content!;
      break;
    }
    if (isKeyframe(row.packed)) {
      text = unpackKeyframe(row.packed);
      break;
    }
    chain.push(row.packed);
  }
  if (text === undefined) {
    if (chain.length === 0) return undefined;
    throw new AppError(
      'database',
      `Revision ${seq} of article ${articleId} has no stored base to be read from.`,
    );
  }
  for (let i = chain.length - 1; i >= 0; i--) text = unpackDelta(chain[i]!, text);
  return text;
}

function parseContent(text: string): ArticleContent {
  return ArticleContent.parse(JSON.parse(text));
}

function decode(db: Db, row: RawRow): RevisionRecord {
  const { packed, content: whole, ...head } = row;
  if (packed === null) return { ...head, content: parseContent(whole!) };
  const content = parseContent(storedText(db, row.articleId, row.seq)!);
  return {
    ...head,
    content,
    plainText: plainTextDerived(packed) ? contentToPlainText(content) : row.plainText,
  };
}
