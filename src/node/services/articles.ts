// One article's life: opening it, saving revisions (manual, autosave, scripted revise), history and restore.
// History is append-only: restore adds a revision; only an autosave directly after an autosave by the same
// author is folded into it, so a long editing session does not flood the history.
import type Database from 'better-sqlite3';
import { ArticleContent } from '../../core/article/model';
import {
  AppError,
  type OpenArticle,
  type Revision,
  type RevisionReason,
  type RevisionSummary,
} from '../../core/ipc/contract';
import { readDocument } from '../files/readDocument';
import { touchArticle } from '../store/articles';
import {
  getRevisionRecord,
  insertRevision,
  latestRevision,
  listRevisionHeads,
  replaceRevision,
  type RevisionHead,
  type RevisionRecord,
} from '../store/revisions';
import { indexArticleContent } from '../store/search';
import { isApprovedRevision } from '../store/workflow';
import { contentStats, nowIso, sameContent } from './content';
import { requireArticle, toArticle } from './library';
import { suggestedTagLabels } from './tags';
import { resolveAuthor } from './user';
import { noteContentSaved } from './workflow';

type Db = Database.Database;

export type SaveOutcome = { saved: boolean; revision: RevisionSummary };

export function summary(r: RevisionHead): RevisionSummary {
  return {
    seq: r.seq,
    createdAt: r.createdAt,
    author: r.author,
    reason: r.reason,
    note: r.note,
    chars: r.chars,
    words: r.words,
  };
}

function requireLatest(db: Db, id: string): RevisionRecord {
  const r = latestRevision(db, id);
  if (!r) throw new AppError('database', `Article ${id} has no revisions; the database is inconsistent.`);
  return r;
}

export function showArticle(db: Db, id: string): OpenArticle {
  return db.transaction(() => {
    const row = requireArticle(db, id);
    const head = requireLatest(db, id);
    const article = toArticle(head.content, id, row.status, row.importWarnings);
    return {
      article: { ...article, suggestedTags: suggestedTagLabels(db, head.content) },
      revision: summary(head),
    };
  })();
}

export type SaveInput = {
  id: string;
  content: ArticleContent;
  reason: RevisionReason;
  note?: string | null;
  author?: string | null;
  /** Optimistic concurrency: the revision the caller's text is based on (see 'article:save'). */
  baseSeq?: number;
  baseCreatedAt?: string;
};

/**
 * Stores content as the article's newest revision. Content equal to the newest revision stores nothing
 * (saved: false), except that a manual save promotes the same author's autosave of that content.
 * An autosave right after an autosave by the same author replaces it (same seq).
 */
export function saveRevision(db: Db, input: SaveInput): SaveOutcome {
  const content = ArticleContent.parse(input.content);
  const author = resolveAuthor(db, input.author);
  const run = db.transaction((): SaveOutcome => {
    const row = requireArticle(db, input.id);
    if (row.deletedAt !== null) {
      throw new AppError('conflict', `Article ${input.id} is in the trash; restore it from the trash first.`);
    }
    const latest = requireLatest(db, input.id);
    if (sameContent(latest.content, content)) {
      // Ctrl+S right after an autosave: the editor asked for a revision it can name, so the autosave that
      // already holds this content becomes that manual revision (with its note) instead of nothing.
      if (input.reason === 'manual' && latest.reason === 'autosave' && latest.author === author) {
        const promoted: RevisionRecord = { ...latest, reason: 'manual', note: input.note ?? null };
        replaceRevision(db, promoted);
        return { saved: true, revision: summary(promoted) };
      }
      return { saved: false, revision: summary(latest) };
    }
    // Two windows (or a window and a script) on one article: the later save must not bury the other's text.
    const stale =
      input.baseSeq !== undefined &&
      (latest.seq !== input.baseSeq ||
        (input.baseCreatedAt !== undefined && latest.createdAt !== input.baseCreatedAt));
    if (stale) {
      throw new AppError(
        'conflict',
        `Article ${input.id} was changed elsewhere: revision ${latest.seq} (${latest.author}, ${latest.createdAt}) ` +
          `is newer than the revision ${input.baseSeq} this text is based on. Nothing was saved; reload the ` +
          `article to see the newer text, or save this text again as a new revision.`,
      );
    }
    const at = nowIso();
    // An approval names its revision: that row is never rewritten, so the next autosave starts a new one.
    const coalesce =
      input.reason === 'autosave' &&
      latest.reason === 'autosave' &&
      latest.author === author &&
      !isApprovedRevision(db, input.id, latest.seq);
    const rec: RevisionRecord = {
      articleId: input.id,
      seq: coalesce ? latest.seq : latest.seq + 1,
      createdAt: at,
      author,
      reason: input.reason,
      note: input.note ?? null,
      content,
      ...contentStats(content),
    };
    if (coalesce) replaceRevision(db, rec);
    else insertRevision(db, rec);
    touchArticle(db, input.id, at);
    indexArticleContent(db, input.id, content);
    noteContentSaved(db, input.id, content, author, at);
    return { saved: true, revision: summary(rec) };
  });
  return run.immediate();
}

/**
 * A scripted edit or wire update: the file's text becomes the next revision (reason 'revise', the given
 * reason as its note). Tags are app data a text file does not carry, so the current ones are kept when the
 * file has none.
 */
export async function reviseArticle(
  db: Db,
  input: { id: string; bytes: Uint8Array; fileName: string; note?: string | null; author?: string | null },
): Promise<SaveOutcome> {
  requireArticle(db, input.id);
  const doc = await readDocument(input.bytes, input.fileName);
  const current = requireLatest(db, input.id);
  const content: ArticleContent = {
    ...doc.content,
    tags: doc.content.tags.length > 0 ? doc.content.tags : current.content.tags,
  };
  return saveRevision(db, {
    id: input.id,
    content,
    reason: 'revise',
    note: input.note ?? null,
    author: input.author,
  });
}

export function listRevisions(db: Db, id: string): RevisionSummary[] {
  return db.transaction(() => {
    requireArticle(db, id);
    return listRevisionHeads(db, id).map(summary);
  })();
}

export function getRevision(db: Db, id: string, seq: number): Revision {
  const r = getRevisionRecord(db, id, seq);
  if (!r) {
    requireArticle(db, id);
    throw new AppError('not_found', `Article ${id} has no revision ${seq}.`);
  }
  return { ...summary(r), articleId: r.articleId, content: r.content };
}

/**
 * Brings back an earlier revision's content as a new revision (reason 'restore', the note names the
 * restored seq). When it already equals the newest revision nothing is stored and that one is returned.
 */
export function restoreRevision(
  db: Db,
  input: { id: string; seq: number; author?: string | null },
): RevisionSummary {
  return db
    .transaction(() => {
      const target = getRevision(db, input.id, input.seq);
      return saveRevision(db, {
        id: input.id,
        content: target.content,
        reason: 'restore',
        note: `استعادة المراجعة ${input.seq}`,
        author: input.author,
      }).revision;
    })
    .immediate();
}
