// What fact checking stores and shows, shared by the services, the IPC contract, the Quotes panel and the
// fact-check report: sources of the library, the review of each quote or claim, comment threads and the
// audit trail.
import { z } from 'zod';
import { Quote, Verification } from '../quotes/model';
import { tokenize } from '../quotes/tokens';

export const REVIEW_STATUSES = ['pending', 'verified', 'discrepancy', 'not_found', 'waived'] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** Who set a review's status: verification against the sources, or a person (who always wins). */
export const Decision = z.enum(['auto', 'manual']);
export type Decision = z.infer<typeof Decision>;

/** Where a claim marked by hand sits in the article: a span of one body block and the words it covered. */
export const ClaimAnchor = z.object({
  block: z.number().int().nonnegative(),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  text: z.string(),
});
export type ClaimAnchor = z.infer<typeof ClaimAnchor>;

/** The evidence column of a review: the latest verification (source passage and word diff) and provenance. */
export const ReviewEvidence = z.object({
  decidedBy: Decision,
  verification: Verification.nullable().default(null),
  /** Present for anything marked by hand: a claim, or a speech quote made by splitting or merging quotes. */
  claim: ClaimAnchor.optional(),
  /** What was marked by hand: a claim (the default) or a speech quote replacing automatic ones. */
  kind: z.enum(['claim', 'speech']).optional(),
  /** A hand-marked span over several places (a merge): the spans after `claim`, in reading order. */
  parts: z.array(ClaimAnchor).optional(),
  /** Ids of the automatic quotes a hand-marked speech quote replaces (superseded while it exists). */
  replaces: z.array(z.string()).optional(),
  /** The speaker the hand-marked speech quote was given when it was made (a person may correct it later). */
  markedSpeaker: z.string().nullable().optional(),
});
export type ReviewEvidence = z.infer<typeof ReviewEvidence>;

/** A quote of the latest revision (or a claim marked by hand) with its stored review merged in. */
export const QuoteReviewItem = Quote.extend({
  status: ReviewStatus,
  /** The speaker extraction found; `speaker` is the corrected one when a person corrected it. */
  detectedSpeaker: z.string().nullable(),
  speakerCorrected: z.boolean(),
  note: z.string().nullable(),
  waivedReason: z.string().nullable(),
  decidedBy: Decision.nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** Library id and title of the source the verification matched. */
  sourceId: z.string().nullable(),
  sourceTitle: z.string().nullable(),
  /** False for a claim marked by hand whose words are no longer in the article (edited away). */
  anchored: z.boolean(),
  /** For a speech quote marked by hand (a split or a merge): the automatic quotes it replaces. */
  replaces: z.array(z.string()).optional(),
});
export type QuoteReviewItem = z.infer<typeof QuoteReviewItem>;

export const SOURCE_KINDS = ['pasted', 'text', 'html', 'pdf', 'docx'] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

export const SourceSummary = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  language: z.string(),
  publishedAt: z.string().nullable(),
  kind: SourceKind,
  chars: z.number().int(),
  createdAt: z.string(),
  author: z.string(),
  /** How many articles the source is attached to. */
  articles: z.number().int(),
});
export type SourceSummary = z.infer<typeof SourceSummary>;

export const SourceDetail = SourceSummary.extend({
  text: z.string(),
  articleIds: z.array(z.string()),
});
export type SourceDetail = z.infer<typeof SourceDetail>;

export const SourceHit = SourceSummary.extend({ snippet: z.string() });
export type SourceHit = z.infer<typeof SourceHit>;

export const AddedSource = z.object({
  source: SourceSummary,
  /** True when the same text was already in the library: that source was reused, nothing was duplicated. */
  reused: z.boolean(),
});
export type AddedSource = z.infer<typeof AddedSource>;

export const Comment = z.object({
  id: z.string(),
  author: z.string(),
  createdAt: z.string(),
  /** Plain text, shown as text (never parsed as HTML). */
  body: z.string(),
});
export type Comment = z.infer<typeof Comment>;

export const CommentThread = z.object({
  threadId: z.string(),
  resolved: z.boolean(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  /** Where the thread's comment mark sits in the latest revision; null when the marked text was deleted. */
  anchor: ClaimAnchor.nullable(),
  comments: z.array(Comment),
});
export type CommentThread = z.infer<typeof CommentThread>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const REPORT_FORMATS = ['json', 'html'] as const;
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** The mark type the editor puts on a commented span; `attrs.thread` names the thread. */
export const COMMENT_MARK = 'comment';

/** FNV-1a over the folded words: the same scheme as quote ids, so a claim's id is stable like a quote's. */
function wordsFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (const t of tokenize(text)) {
    for (let i = 0; i < t.key.length; i++) {
      h ^= t.key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x20;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The id of a claim marked by hand over `text` at `from` in body block `block`. */
export function claimId(block: number, from: number, text: string): string {
  return `c${block}-${from}-${wordsFingerprint(text)}`;
}

/** The id of a speech quote marked by hand (a split or merge) starting at `from` in block `block`. */
export function handQuoteId(block: number, from: number, text: string): string {
  return `h${block}-${from}-${wordsFingerprint(text)}`;
}
