// Fact checking on an article: its quotes (and claims marked by hand) merged with their stored reviews,
// verification against the attached sources, a person's decisions (which verification never overwrites),
// comment threads, the audit trail and the fact-check report. Every status change is written to the audit.
import type Database from 'better-sqlite3';
import type { ArticleContent } from '../../core/article/model';
import {
  buildFactcheckReport,
  claimId,
  COMMENT_MARK,
  handQuoteId,
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
import { deleteReview, getReview, listReviews, putReview, type ReviewRecord } from '../store/quoteReviews';
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
    ...(r?.evidence.kind === 'speech' ? { replaces: r.evidence.replaces ?? [] } : {}),
  };
}

/** The spans of something marked by hand, in reading order (one for a claim or a split half). */
function handSpans(r: ReviewRecord): ClaimAnchor[] | null {
  const first = r.evidence.claim;
  return first ? [first, ...(r.evidence.parts ?? [])] : null;
}

/** A claim, or a speech quote made by a split or a merge, as a quote over its (relocated) spans. */
function handQuote(key: string, r: ReviewRecord, spans: readonly ClaimAnchor[]): Quote {
  const first = spans[0]!;
  const speech = r.evidence.kind === 'speech';
  return {
    id: key,
    text: spans.map((a) => a.text).join('\n'),
    kind: speech ? 'speech' : 'claim',
    speaker: speech ? (r.evidence.markedSpeaker ?? null) : null,
    block: first.block,
    from: first.from,
    to: first.to,
    parts: spans.map((a) => ({ block: a.block, from: a.from, to: a.to })),
    parent: null,
    attribution: 'none',
    unclosed: false,
    verification: null,
  };
}

/** A hand-marked review's anchor and provenance, carried over unchanged whenever its review is rewritten. */
function handFields(r: ReviewRecord | undefined): Partial<ReviewEvidence> {
  if (!r?.evidence.claim) return {};
  const { claim, kind, parts, replaces, markedSpeaker } = r.evidence;
  return {
    claim,
    ...(kind ? { kind } : {}),
    ...(parts ? { parts } : {}),
    ...(replaces ? { replaces } : {}),
    ...(markedSpeaker !== undefined ? { markedSpeaker } : {}),
  };
}

/** Automatic quotes replaced by hand-marked speech quotes (a split or a merge) that still exist. */
function supersededKeys(reviews: Iterable<ReviewRecord>): Set<string> {
  const out = new Set<string>();
  for (const r of reviews)
    if (r.evidence.kind === 'speech') for (const k of r.evidence.replaces ?? []) out.add(k);
  return out;
}

/**
 * The quotes of the latest revision with their reviews (less those a split or merge superseded), then the
 * claims and speech quotes marked by hand, in reading order.
 */
function mergedQuotes(db: Db, id: string, content: ArticleContent): QuoteReviewItem[] {
  const reviews = new Map(listReviews(db, id).map((r) => [r.quoteKey, r]));
  const titles = sourceTitles(
    db,
    [...reviews.values()].map((r) => r.sourceId),
  );
  const superseded = supersededKeys(reviews.values());
  const items = extractQuotes(content.body)
    .filter((q) => !superseded.has(q.id))
    .map((q) => mergeItem(q, reviews.get(q.id), titles));
  const seen = new Set(items.map((i) => i.id));
  for (const r of reviews.values()) {
    const spans = handSpans(r);
    if (!spans || seen.has(r.quoteKey)) continue;
    const now = spans.map((a) => locateClaim(content.body, a));
    const anchored = now.every((a) => a !== null);
    items.push(
      mergeItem(handQuote(r.quoteKey, r, anchored ? (now as ClaimAnchor[]) : spans), r, titles, anchored),
    );
  }
  return items.sort((a, b) => a.block - b.block || a.from - b.from || a.to - b.to);
}

/** The quotes the approval gate weighs: what quotes:list shows, less hand-marked ones edited out of the text. */
export function gateQuotes(db: Db, id: string, content: ArticleContent): QuoteReviewItem[] {
  return mergedQuotes(db, id, content).filter((q) => q.anchored);
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
  // Hand-marked speech quotes (splits, merges) are verified like extracted ones; superseded quotes are not.
  const targets = db.transaction(() => mergedQuotes(db, id, content))();
  const results = targets
    .filter((q) => q.kind === 'speech' && q.anchored)
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
          ...handFields(old),
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
          ...handFields(old),
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

// ---- splitting and merging quotes ---------------------------------------------------------------------
//
// A split or a merge replaces automatic quotes by speech quotes marked by hand: review rows anchored like
// claims (relocated by their words as the text moves) whose evidence names the automatic quotes they
// replace. While such a row exists those quotes are superseded: out of quotes:list, verification and the
// approval gate. Their own review rows are kept untouched, so restoring brings them back as they were.
// Hand-marked quotes that share a replaced quote form one group (a half of a split merged with the next
// quote joins that split's group): restoring any of them drops the whole group.

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** The spans of a quote as they read in the content, trimmed of surrounding spaces; empty ones dropped. */
function trimmedSpans(body: ArticleContent['body'], spans: readonly ClaimAnchor[]): ClaimAnchor[] {
  const out: ClaimAnchor[] = [];
  for (const a of spans) {
    const text = body[a.block]?.text ?? '';
    let from = a.from;
    let to = Math.min(a.to, text.length);
    while (from < to && /\s/u.test(text[from]!)) from++;
    while (to > from && /\s/u.test(text[to - 1]!)) to--;
    if (to > from) out.push({ block: a.block, from, to, text: text.slice(from, to) });
  }
  return out;
}

function spansOfItem(body: ArticleContent['body'], q: QuoteReviewItem): ClaimAnchor[] {
  return q.parts.map((p) => ({ ...p, text: body[p.block]?.text.slice(p.from, p.to) ?? '' }));
}

function findItem(items: readonly QuoteReviewItem[], quoteId: string): QuoteReviewItem {
  const q = items.find((i) => i.id === quoteId);
  if (!q) throw new AppError('not_found', `The article has no quote ${quoteId} (it may have been edited).`);
  return q;
}

function requireSpeech(q: QuoteReviewItem, verb: string): void {
  if (q.kind !== 'speech') {
    throw new AppError('bad_request', `Only speech quotes can be ${verb}; ${q.id} is a ${q.kind}.`);
  }
  if (!q.anchored) {
    throw new AppError('bad_request', `The words of quote ${q.id} are no longer in the text.`);
  }
}

/** The automatic quotes behind a quote: itself, or what a hand-marked one replaces. */
function replacedBy(q: QuoteReviewItem): string[] {
  return q.replaces ?? [q.id];
}

/**
 * Drops the hand-marked rows in `drop` and widens every other hand-marked quote sharing a replaced quote with
 * `replaces` to the whole group. Returns the group's replaced quotes.
 */
function regroup(db: Db, id: string, replaces: Iterable<string>, drop: ReadonlySet<string>): string[] {
  const group = new Set(replaces);
  const hand = listReviews(db, id).filter((r) => r.evidence.kind === 'speech');
  const members = new Set<ReviewRecord>();
  for (let grew = true; grew;) {
    grew = false;
    for (const r of hand) {
      if (members.has(r) || !(r.evidence.replaces ?? []).some((k) => group.has(k))) continue;
      members.add(r);
      for (const k of r.evidence.replaces ?? []) group.add(k);
      grew = true;
    }
  }
  const all = [...group].sort();
  for (const r of members) {
    if (drop.has(r.quoteKey)) deleteReview(db, id, r.quoteKey);
    else putReview(db, { ...r, evidence: { ...r.evidence, replaces: all } });
  }
  for (const k of drop) deleteReview(db, id, k);
  return all;
}

function putHandQuote(
  db: Db,
  articleId: string,
  spans: readonly ClaimAnchor[],
  speaker: string | null,
  replaces: string[],
  actor: string,
  at: string,
): string {
  const [first, ...rest] = spans;
  const key = handQuoteId(first!.block, first!.from, spans.map((a) => a.text).join('\n'));
  putReview(db, {
    articleId,
    quoteKey: key,
    status: 'pending',
    speaker: null,
    reason: null,
    sourceId: null,
    score: null,
    evidence: {
      decidedBy: 'manual',
      verification: null,
      claim: first!,
      kind: 'speech',
      ...(rest.length ? { parts: rest } : {}),
      replaces,
      markedSpeaker: speaker,
    },
    note: null,
    checkedBy: actor,
    checkedAt: at,
  });
  return key;
}

/**
 * Splits a speech quote at `at`, a UTF-16 offset into its text (the paragraphs of a quote joined with '\n')
 * that lies between two words: the quote is replaced by two hand-marked speech quotes with its speaker.
 */
export function splitQuote(
  db: Db,
  input: { id: string; quoteId: string; at: number; author?: string | null },
): QuoteReviewItem[] {
  const actor = resolveAuthor(db, input.author);
  return db
    .transaction((): QuoteReviewItem[] => {
      const { content } = latest(db, input.id);
      const q = findItem(mergedQuotes(db, input.id, content), input.quoteId);
      requireSpeech(q, 'split');
      const spans = spansOfItem(content.body, q);
      const text = spans.map((a) => a.text).join('\n');
      const at = input.at;
      if (at <= 0 || at >= text.length || (WORD.test(text[at - 1]!) && WORD.test(text[at]!))) {
        throw new AppError('bad_request', `Offset ${at} is not a word boundary inside the quote.`);
      }
      const before: ClaimAnchor[] = [];
      const after: ClaimAnchor[] = [];
      let start = 0;
      for (const a of spans) {
        const end = start + a.text.length;
        if (end <= at) before.push(a);
        else if (start >= at) after.push(a);
        else {
          const cut = a.from + (at - start);
          before.push({ ...a, to: cut });
          after.push({ ...a, from: cut });
        }
        start = end + 1;
      }
      const halves = [trimmedSpans(content.body, before), trimmedSpans(content.body, after)];
      if (halves.some((h) => !h.some((a) => WORD.test(a.text)))) {
        throw new AppError('bad_request', 'Both parts of a split need words of the quote.');
      }
      const now = nowIso();
      const group = regroup(db, input.id, replacedBy(q), new Set(q.replaces ? [q.id] : []));
      const keys = halves.map((h) => putHandQuote(db, input.id, h, q.speaker, group, actor, now));
      appendAudit(db, {
        articleId: input.id,
        at: now,
        actor,
        action: 'quote.split',
        detail: {
          quoteId: q.id,
          text: q.text,
          at,
          speaker: q.speaker,
          into: keys,
          texts: halves.map((h) => h.map((a) => a.text).join('\n')),
          replaces: group,
        },
      });
      const items = mergedQuotes(db, input.id, content);
      return keys.map((k) => findItem(items, k));
    })
    .immediate();
}

/**
 * Merges speech quotes (two or more, taken in reading order) into one hand-marked speech quote covering
 * their words; the speaker is the first quote's unless one is given.
 */
export function mergeQuotes(
  db: Db,
  input: { id: string; quoteIds: string[]; speaker?: string | null; author?: string | null },
): QuoteReviewItem {
  const actor = resolveAuthor(db, input.author);
  if (new Set(input.quoteIds).size !== input.quoteIds.length || input.quoteIds.length < 2) {
    throw new AppError('bad_request', 'A merge needs two or more different quotes.');
  }
  return db
    .transaction((): QuoteReviewItem => {
      const { content } = latest(db, input.id);
      const all = mergedQuotes(db, input.id, content);
      const picked = input.quoteIds.map((k) => findItem(all, k));
      for (const q of picked) requireSpeech(q, 'merged');
      picked.sort((a, b) => a.block - b.block || a.from - b.from);
      const spans = picked.flatMap((q) => spansOfItem(content.body, q));
      for (let i = 1; i < spans.length; i++) {
        const p = spans[i - 1]!;
        const s = spans[i]!;
        if (s.block === p.block && s.from < p.to) {
          throw new AppError(
            'bad_request',
            'The quotes to merge overlap; merge quotes that follow each other.',
          );
        }
      }
      const speaker = blankToNull(input.speaker) ?? picked[0]!.speaker;
      const now = nowIso();
      const drop = new Set(picked.filter((q) => q.replaces).map((q) => q.id));
      const group = regroup(db, input.id, picked.flatMap(replacedBy), drop);
      const trimmed = trimmedSpans(content.body, spans);
      const key = putHandQuote(db, input.id, trimmed, speaker, group, actor, now);
      appendAudit(db, {
        articleId: input.id,
        at: now,
        actor,
        action: 'quote.merge',
        detail: {
          quoteIds: picked.map((q) => q.id),
          texts: picked.map((q) => q.text),
          speaker,
          into: key,
          text: trimmed.map((a) => a.text).join('\n'),
          replaces: group,
        },
      });
      return findItem(mergedQuotes(db, input.id, content), key);
    })
    .immediate();
}

/**
 * Undoes splits and merges: drops the hand-marked speech quote `quoteId` with every hand-marked quote of its
 * group and brings back the automatic quotes they replaced (with the reviews those had). Returns them.
 */
export function restoreAutoQuotes(
  db: Db,
  input: { id: string; quoteId: string; author?: string | null },
): QuoteReviewItem[] {
  const actor = resolveAuthor(db, input.author);
  return db
    .transaction((): QuoteReviewItem[] => {
      const { content } = latest(db, input.id);
      const q = findItem(mergedQuotes(db, input.id, content), input.quoteId);
      if (!q.replaces) {
        throw new AppError('bad_request', `Quote ${q.id} was not made by a split or a merge.`);
      }
      const group = new Set(q.replaces);
      const dropped = listReviews(db, input.id).filter(
        (r) => r.evidence.kind === 'speech' && (r.evidence.replaces ?? []).some((k) => group.has(k)),
      );
      for (const r of dropped) deleteReview(db, input.id, r.quoteKey);
      const items = mergedQuotes(db, input.id, content);
      const restored = items.filter((i) => group.has(i.id));
      appendAudit(db, {
        articleId: input.id,
        at: nowIso(),
        actor,
        action: 'quote.restore',
        detail: {
          quoteId: q.id,
          dropped: dropped.map((r) => r.quoteKey),
          restored: [...group],
          texts: restored.map((i) => i.text),
        },
      });
      return restored;
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
    'quotes:split': (a) => splitQuote(db, a),
    'quotes:merge': (a) => mergeQuotes(db, a),
    'quotes:restoreAuto': (a) => restoreAutoQuotes(db, a),
    'comments:list': ({ id }) => listThreads(db, id),
    'comments:add': (a) => addComment(db, a),
    'comments:resolve': (a) => resolveThread(db, a),
    'comments:reopen': (a) => reopenThread(db, a),
    'audit:list': ({ id }) => listAuditEntries(db, id),
    'factcheck:report': ({ id, format }) => factcheckReport(db, id, format),
  };
}
