// Fact checking on an article: its quotes (and claims marked by hand) merged with their stored reviews,
// verification against the attached sources, a person's decisions (which verification never overwrites),
// comment threads, the audit trail and the fact-check report. Every status change is written to the audit.
import type Database from 'better-sqlite3';
import type { ArticleContent } from '../../core/article/model';
import {
  buildFactcheckReport,
  claimId,
  COMMENT_MARK,
  renderReport,
  type AuditEntry,
  type ClaimAnchor,
  type CommentThread,
  type FactcheckReport,
  type QuoteReviewItem,
  type ReportFormat,
  type ReviewEvidence,
  type ReviewStatus,
} from '../../core/factcheck';
import { AppError, type ServiceChannel } from '../../core/ipc/contract';
import type { ServiceTable } from '../../core/ipc/dispatch';
import { extractQuotes, prepareSource, verifyText, type Quote, type Verification } from '../../core/quotes';
import { appendAudit, listAudit } from '../store/audit';
import {
  countOpenThreads as countOpenThreadRows,
  insertComment,
  listComments,
  setThreadResolved,
  threadComments,
  type CommentRecord,
} from '../store/comments';
import { getReview, listReviews, putReview, type ReviewRecord } from '../store/quoteReviews';
import { latestRevision } from '../store/revisions';
import { articleSourceTexts, getSourceSummary, listArticleSourceSummaries } from '../store/sources';
import { newArticleId, nowIso } from './content';
import {
  addSourceFile,
  addSourceText,
  attachSourceToArticle,
  detachSourceFromArticle,
  getSource,
  listSources,
  removeSource,
  searchSources,
} from './factcheckSources';
import { decodeBase64 } from './index';
import { requireArticle } from './library';
import { resolveAuthor } from './user';

type Db = Database.Database;

type Latest = { content: ArticleContent; seq: number };

function latest(db: Db, id: string): Latest {
  requireArticle(db, id);
  const r = latestRevision(db, id);
  if (!r) throw new AppError('database', `Article ${id} has no revisions; the database is inconsistent.`);
  return { content: r.content, seq: r.seq };
}

// ---- quotes and their reviews -------------------------------------------------------------------------

/** Where a claim marked by hand is now: at its offsets when the words are still there, else where they moved. */
function locateClaim(body: ArticleContent['body'], a: ClaimAnchor): ClaimAnchor | null {
  if (body[a.block]?.text.slice(a.from, a.to) === a.text) return a;
  const order = [a.block, ...body.keys()].filter((b, i, all) => body[b] && all.indexOf(b) === i);
  for (const b of order) {
    const at = body[b]!.text.indexOf(a.text);
    if (at >= 0) return { block: b, from: at, to: at + a.text.length, text: a.text };
  }
  return null;
}

function sourceTitles(db: Db, ids: Iterable<string | null>): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of ids) {
    if (id === null || out.has(id)) continue;
    const s = getSourceSummary(db, id);
    if (s) out.set(id, s.title);
  }
  return out;
}

function mergeItem(
  q: Quote,
  r: ReviewRecord | undefined,
  titles: Map<string, string>,
  anchored = true,
): QuoteReviewItem {
  const sourceId = r?.sourceId ?? null;
  return {
    ...q,
    speaker: r?.speaker ?? q.speaker,
    verification: r?.evidence.verification ?? null,
    status: r?.status ?? 'pending',
    detectedSpeaker: q.speaker,
    speakerCorrected: (r?.speaker ?? null) !== null,
    note: r?.note ?? null,
    waivedReason: r?.status === 'waived' ? (r.reason ?? null) : null,
    decidedBy: r ? r.evidence.decidedBy : null,
    checkedBy: r?.checkedBy ?? null,
    checkedAt: r?.checkedAt ?? null,
    sourceId,
    sourceTitle: sourceId === null ? null : (titles.get(sourceId) ?? null),
    anchored,
  };
}

function claimQuote(key: string, a: ClaimAnchor): Quote {
  return {
    id: key,
    text: a.text,
    kind: 'claim',
    speaker: null,
    block: a.block,
    from: a.from,
    to: a.to,
    parts: [{ block: a.block, from: a.from, to: a.to }],
    parent: null,
    attribution: 'none',
    unclosed: false,
    verification: null,
  };
}

/** The quotes of the latest revision with their reviews, then the claims marked by hand, in reading order. */
function mergedQuotes(db: Db, id: string, content: ArticleContent): QuoteReviewItem[] {
  const reviews = new Map(listReviews(db, id).map((r) => [r.quoteKey, r]));
  const titles = sourceTitles(
    db,
    [...reviews.values()].map((r) => r.sourceId),
  );
  const items = extractQuotes(content.body).map((q) => mergeItem(q, reviews.get(q.id), titles));
  const seen = new Set(items.map((i) => i.id));
  for (const r of reviews.values()) {
    const anchor = r.evidence.claim;
    if (!anchor || seen.has(r.quoteKey)) continue;
    const now = locateClaim(content.body, anchor);
    items.push(mergeItem(claimQuote(r.quoteKey, now ?? anchor), r, titles, now !== null));
  }
  return items.sort((a, b) => a.block - b.block || a.from - b.from || a.to - b.to);
}

export function listQuoteReviews(db: Db, id: string): QuoteReviewItem[] {
  return db.transaction(() => mergedQuotes(db, id, latest(db, id).content))();
}

/** A verification's gist for the audit trail: where it matched and what differs. */
function evidenceDetail(v: Verification | null, titles: Map<string, string>): Record<string, unknown> | null {
  if (!v) return null;
  return {
    sourceId: v.source,
    sourceTitle: v.source === null ? null : (titles.get(v.source) ?? null),
    score: v.score,
    passage: v.sourceText,
    changes: v.diff.filter((d) => d.op !== 'equal'),
  };
}

/** A person's decision stands: verification only ever sets the status of quotes nobody has decided on. */
function humanDecided(r: ReviewRecord | undefined): boolean {
  return r !== undefined && r.evidence.decidedBy === 'manual' && r.status !== 'pending';
}

/**
 * Verifies every speech quote of the latest revision against the article's attached sources and stores the
 * result. A person's decision (status set by hand, waiver), a corrected speaker and notes are kept; only the
 * evidence of such a quote is refreshed.
 */
export function verifyArticleQuotes(
  db: Db,
  id: string,
  options: { author?: string | null } = {},
): QuoteReviewItem[] {
  const actor = resolveAuthor(db, options.author);
  const { content, sources } = db.transaction(() => ({
    content: latest(db, id).content,
    sources: articleSourceTexts(db, id),
  }))();
  const prepared = sources.map((s) => prepareSource({ id: s.id, text: s.text }));
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  const results = extractQuotes(content.body)
    .filter((q) => q.kind === 'speech')
    .map((q) => ({ q, v: verifyText(q.text, prepared) }));
  return db
    .transaction(() => {
      const at = nowIso();
      for (const { q, v } of results) {
        const old = getReview(db, id, q.id);
        const human = humanDecided(old);
        const status: ReviewStatus = human ? old!.status : v.status;
        const evidence: ReviewEvidence = {
          decidedBy: human ? 'manual' : 'auto',
          verification: v,
          ...(old?.evidence.claim ? { claim: old.evidence.claim } : {}),
        };
        putReview(db, {
          articleId: id,
          quoteKey: q.id,
          status,
          speaker: old?.speaker ?? null,
          reason: old?.reason ?? null,
          sourceId: v.source,
          score: v.score,
          evidence,
          note: old?.note ?? null,
          checkedBy: human ? old!.checkedBy : actor,
          checkedAt: human ? old!.checkedAt : at,
        });
        const before = old?.status ?? 'pending';
        if (!human && before !== status) {
          appendAudit(db, {
            articleId: id,
            at,
            actor,
            action: 'quote.status',
            detail: {
              quoteId: q.id,
              text: q.text,
              from: before,
              to: status,
              by: 'verification',
              evidence: evidenceDetail(v, titles),
            },
          });
        }
      }
      return mergedQuotes(db, id, latest(db, id).content);
    })
    .immediate();
}

export type QuoteUpdate = {
  id: string;
  quoteId: string;
  status?: ReviewStatus;
  /** A corrected speaker; null or '' brings back the extracted one. */
  speaker?: string | null;
  note?: string | null;
  waivedReason?: string;
  author?: string | null;
};

function blankToNull(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

/** A person's review of one quote or claim: status (waiving needs a reason), speaker correction, note. */
export function updateQuoteReview(db: Db, u: QuoteUpdate): QuoteReviewItem {
  if (
    u.status === undefined &&
    u.speaker === undefined &&
    u.note === undefined &&
    u.waivedReason === undefined
  ) {
    throw new AppError(
      'bad_request',
      'Nothing to change: give a status, a speaker, a note or a waiver reason.',
    );
  }
  const actor = resolveAuthor(db, u.author);
  return db
    .transaction((): QuoteReviewItem => {
      const item = mergedQuotes(db, u.id, latest(db, u.id).content).find((q) => q.id === u.quoteId);
      if (!item)
        throw new AppError('not_found', `The article has no quote ${u.quoteId} (it may have been edited).`);
      const old = getReview(db, u.id, u.quoteId);
      const before: ReviewStatus = old?.status ?? 'pending';
      const status: ReviewStatus = u.status ?? before;
      const givenReason = blankToNull(u.waivedReason);
      if (givenReason && status !== 'waived') {
        throw new AppError('bad_request', 'A waiver reason goes with the status "waived".');
      }
      const reason =
        status === 'waived' ? (givenReason ?? (before === 'waived' ? (old?.reason ?? null) : null)) : null;
      if (status === 'waived' && !reason) {
        throw new AppError('bad_request', 'Waiving a quote needs a reason (waivedReason).');
      }
      const speaker = u.speaker === undefined ? (old?.speaker ?? null) : blankToNull(u.speaker);
      const corrected = speaker !== null && speaker !== item.detectedSpeaker ? speaker : null;
      const decidedBy = u.status !== undefined ? 'manual' : (old?.evidence.decidedBy ?? 'manual');
      const at = nowIso();
      putReview(db, {
        articleId: u.id,
        quoteKey: u.quoteId,
        status,
        speaker: corrected,
        reason,
        sourceId: old?.sourceId ?? null,
        score: old?.score ?? null,
        evidence: {
          decidedBy,
          verification: old?.evidence.verification ?? null,
          ...(old?.evidence.claim ? { claim: old.evidence.claim } : {}),
        },
        note: u.note === undefined ? (old?.note ?? null) : blankToNull(u.note),
        checkedBy: actor,
        checkedAt: at,
      });
      const titles = sourceTitles(db, [old?.sourceId ?? null]);
      if (u.status !== undefined && (before !== status || old?.evidence.decidedBy !== 'manual')) {
        appendAudit(db, {
          articleId: u.id,
          at,
          actor,
          action: 'quote.status',
          detail: {
            quoteId: u.quoteId,
            text: item.text,
            from: before,
            to: status,
            by: 'person',
            ...(reason ? { reason } : {}),
            evidence: evidenceDetail(old?.evidence.verification ?? null, titles),
          },
        });
      }
      if ((old?.speaker ?? null) !== corrected) {
        appendAudit(db, {
          articleId: u.id,
          at,
          actor,
          action: 'quote.speaker',
          detail: { quoteId: u.quoteId, from: item.speaker, to: corrected ?? item.detectedSpeaker },
        });
      }
      return mergedQuotes(db, u.id, latest(db, u.id).content).find((q) => q.id === u.quoteId)!;
    })
    .immediate();
}

/** Turns a selection of one body block into a claim to check (kept as a review row of kind claim). */
export function addClaim(
  db: Db,
  input: {
    id: string;
    block: number;
    from: number;
    to: number;
    speaker?: string | null;
    author?: string | null;
  },
): QuoteReviewItem {
  const actor = resolveAuthor(db, input.author);
  return db
    .transaction((): QuoteReviewItem => {
      const { content } = latest(db, input.id);
      const block = content.body[input.block];
      if (!block) throw new AppError('bad_request', `The article has no body block ${input.block}.`);
      if (input.from >= input.to || input.to > block.text.length) {
        throw new AppError(
          'bad_request',
          `The selection ${input.from}–${input.to} is not inside block ${input.block}.`,
        );
      }
      let from = input.from;
      let to = input.to;
      while (from < to && /\s/u.test(block.text[from]!)) from++;
      while (to > from && /\s/u.test(block.text[to - 1]!)) to--;
      const text = block.text.slice(from, to);
      if (!/[\p{L}\p{N}]/u.test(text)) throw new AppError('bad_request', 'The selection holds no words.');
      const key = claimId(input.block, from, text);
      if (!getReview(db, input.id, key)) {
        const at = nowIso();
        putReview(db, {
          articleId: input.id,
          quoteKey: key,
          status: 'pending',
          speaker: blankToNull(input.speaker),
          reason: null,
          sourceId: null,
          score: null,
          evidence: {
            decidedBy: 'manual',
            verification: null,
            claim: { block: input.block, from, to, text },
          },
          note: null,
          checkedBy: actor,
          checkedAt: at,
        });
        appendAudit(db, {
          articleId: input.id,
          at,
          actor,
          action: 'quote.claim',
          detail: { quoteId: key, text, block: input.block, from, to },
        });
      }
      return mergedQuotes(db, input.id, content).find((q) => q.id === key)!;
    })
    .immediate();
}

// ---- comments ---------------------------------------------------------------------------------------

/** Where each thread's comment mark sits in the content (the first span when edits split it). */
function commentAnchors(content: ArticleContent): Map<string, ClaimAnchor> {
  const out = new Map<string, ClaimAnchor>();
  content.body.forEach((b, i) => {
    for (const m of b.marks ?? []) {
      const thread = m.attrs?.thread;
      if (m.type !== COMMENT_MARK || typeof thread !== 'string' || out.has(thread)) continue;
      out.set(thread, { block: i, from: m.from, to: m.to, text: b.text.slice(m.from, m.to) });
    }
  });
  return out;
}

function threadsOf(rows: readonly CommentRecord[], anchors: Map<string, ClaimAnchor>): CommentThread[] {
  const threads = new Map<string, CommentThread>();
  for (const r of rows) {
    let t = threads.get(r.threadId);
    if (!t) {
      t = {
        threadId: r.threadId,
        resolved: r.resolvedAt !== null,
        resolvedAt: r.resolvedAt,
        resolvedBy: r.resolvedBy,
        anchor: anchors.get(r.threadId) ?? null,
        comments: [],
      };
      threads.set(r.threadId, t);
    }
    t.comments.push({ id: r.id, author: r.author, createdAt: r.createdAt, body: r.body });
  }
  return [...threads.values()];
}

export function listThreads(db: Db, id: string): CommentThread[] {
  return db.transaction(() => threadsOf(listComments(db, id), commentAnchors(latest(db, id).content)))();
}

function getThread(db: Db, id: string, threadId: string): CommentThread {
  const rows = threadComments(db, id, threadId);
  if (!rows.length) throw new AppError('not_found', `The article has no comment thread ${threadId}.`);
  return threadsOf(rows, commentAnchors(latest(db, id).content))[0]!;
}

/** Comment bodies are plain text: control characters other than line breaks and tabs are dropped. */
function cleanBody(body: string): string {
  const t = body
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim();
  if (!t) throw new AppError('bad_request', 'A comment needs some text.');
  return t;
}

/** Adds a comment: to a new thread (its id goes in the document's comment mark) or as a reply to one. */
export function addComment(
  db: Db,
  input: { id: string; threadId?: string | null; body: string; author?: string | null },
): CommentThread {
  const body = cleanBody(input.body);
  const author = resolveAuthor(db, input.author);
  return db
    .transaction((): CommentThread => {
      requireArticle(db, input.id);
      const at = nowIso();
      let threadId = input.threadId ?? null;
      if (threadId !== null) {
        const thread = getThread(db, input.id, threadId);
        // A reply to a resolved thread reopens it: the conversation is evidently not over.
        if (thread.resolved) {
          setThreadResolved(db, input.id, threadId, null, null);
          appendAudit(db, {
            articleId: input.id,
            at,
            actor: author,
            action: 'comment.reopen',
            detail: { threadId },
          });
        }
      } else {
        threadId = newArticleId();
        while (threadComments(db, input.id, threadId).length) threadId = newArticleId();
      }
      insertComment(db, {
        id: newArticleId(),
        articleId: input.id,
        threadId,
        author,
        createdAt: at,
        body,
        resolvedAt: null,
        resolvedBy: null,
      });
      return getThread(db, input.id, threadId);
    })
    .immediate();
}

function setResolved(
  db: Db,
  input: { id: string; threadId: string; author?: string | null },
  resolve: boolean,
): CommentThread {
  const actor = resolveAuthor(db, input.author);
  return db
    .transaction((): CommentThread => {
      const thread = getThread(db, input.id, input.threadId);
      if (thread.resolved === resolve) return thread;
      const at = nowIso();
      setThreadResolved(db, input.id, input.threadId, resolve ? at : null, resolve ? actor : null);
      appendAudit(db, {
        articleId: input.id,
        at,
        actor,
        action: resolve ? 'comment.resolve' : 'comment.reopen',
        detail: { threadId: input.threadId },
      });
      return getThread(db, input.id, input.threadId);
    })
    .immediate();
}

export function resolveThread(
  db: Db,
  input: { id: string; threadId: string; author?: string | null },
): CommentThread {
  return setResolved(db, input, true);
}

export function reopenThread(
  db: Db,
  input: { id: string; threadId: string; author?: string | null },
): CommentThread {
  return setResolved(db, input, false);
}

/** Unresolved comment threads of an article (the approval gate's count). */
export function countOpenThreads(db: Db, id: string): number {
  return countOpenThreadRows(db, id);
}

// ---- audit and report ---------------------------------------------------------------------------------

export function listAuditEntries(db: Db, id: string): AuditEntry[] {
  return db.transaction(() => {
    requireArticle(db, id);
    return listAudit(db, id);
  })();
}

/** The fact-check report's data for the latest revision (the export of `--format factcheck` renders it). */
export function factcheckReportData(db: Db, id: string, generatedAt = nowIso()): FactcheckReport {
  return db.transaction(() => {
    const row = requireArticle(db, id);
    const { content, seq } = latest(db, id);
    const quotes = mergedQuotes(db, id, content);
    const sources = listArticleSourceSummaries(db, id);
    const known = new Set(sources.map((s) => s.id));
    for (const q of quotes) {
      if (q.sourceId && !known.has(q.sourceId)) {
        const s = getSourceSummary(db, q.sourceId);
        if (s) {
          sources.push(s);
          known.add(s.id);
        }
      }
    }
    return buildFactcheckReport({
      article: { id, headline: content.headline, revision: seq, status: row.status },
      quotes,
      sources,
      generatedAt,
    });
  })();
}

export function factcheckReport(db: Db, id: string, format: ReportFormat): string {
  return renderReport(factcheckReportData(db, id), format);
}

// ---- the channels ---------------------------------------------------------------------------------------

type FactcheckChannel = Extract<
  ServiceChannel,
  `sources:${string}` | `quotes:${string}` | `comments:${string}` | 'audit:list' | 'factcheck:report'
>;

export function factcheckServices(db: Db): Pick<ServiceTable, FactcheckChannel> {
  return {
    'sources:add': (a) => addSourceText(db, a),
    'sources:addFile': ({ dataBase64, ...rest }) =>
      addSourceFile(db, { ...rest, bytes: decodeBase64(dataBase64) }),
    'sources:list': ({ articleId }) => listSources(db, { articleId }),
    'sources:get': ({ id }) => getSource(db, id),
    'sources:attach': (a) => attachSourceToArticle(db, a),
    'sources:detach': (a) => detachSourceFromArticle(db, a),
    'sources:search': ({ query }) => searchSources(db, query),
    'sources:delete': ({ id }) => removeSource(db, id),
    'quotes:list': ({ id }) => listQuoteReviews(db, id),
    'quotes:verify': ({ id }) => verifyArticleQuotes(db, id),
    'quotes:update': (a) => updateQuoteReview(db, a),
    'quotes:claim': (a) => addClaim(db, a),
    'comments:list': ({ id }) => listThreads(db, id),
    'comments:add': (a) => addComment(db, a),
    'comments:resolve': (a) => resolveThread(db, a),
    'comments:reopen': (a) => reopenThread(db, a),
    'audit:list': ({ id }) => listAuditEntries(db, id),
    'factcheck:report': ({ id, format }) => factcheckReport(db, id, format),
  };
}
