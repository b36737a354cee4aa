// The quote as every layer sees it (PRODUCT.md): what extraction finds, what verification adds, what the CLI
// prints and what the editor's quote marks and the Quotes panel will carry. Offsets are UTF-16 offsets into a
// body block's text, the same convention as the article model's spans.
import { z } from 'zod';

export const QUOTE_KINDS = ['speech', 'naming', 'claim'] as const;
export const QuoteKind = z.enum(QUOTE_KINDS);
export type QuoteKind = z.infer<typeof QuoteKind>;

export const VERIFICATION_STATUSES = ['verified', 'discrepancy', 'not_found'] as const;
export const VerificationStatus = z.enum(VERIFICATION_STATUSES);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

export const DiffOp = z.object({
  /** equal: in both; insert: only in the article's quote; delete: only in the source. */
  op: z.enum(['equal', 'insert', 'delete']),
  /** The words, in their original spelling (the article's for equal and insert, the source's for delete). */
  text: z.string(),
});
export type DiffOp = z.infer<typeof DiffOp>;

export const Verification = z.object({
  status: VerificationStatus,
  /** 0..1: how much of the quote and of the source passage are the same words (Dice over aligned words). */
  score: z.number().min(0).max(1),
  /** Id of the best source (file name, URL or library id as given), or null when there was none to search. */
  source: z.string().nullable(),
  /** The best matching passage, as written in the source ('' when nothing matched). */
  sourceText: z.string(),
  /** UTF-16 offsets of sourceText in the source string, so the UI can show it in context and jump to it. */
  sourceFrom: z.number().int().nonnegative(),
  sourceTo: z.number().int().nonnegative(),
  diff: z.array(DiffOp),
});
export type Verification = z.infer<typeof Verification>;

/** One paragraph of a quote that runs over several paragraphs. */
export const QuotePart = z.object({
  block: z.number().int().nonnegative(),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
});
export type QuotePart = z.infer<typeof QuotePart>;

export const Quote = z.object({
  /** Stable while the quote's block, start and words stay the same. */
  id: z.string(),
  /** The quoted words, marks excluded; the paragraphs of a multi-paragraph quote joined with '\n'. */
  text: z.string(),
  kind: QuoteKind,
  /** The full name when the article gives one earlier, else the speaker as written; null when unknown. */
  speaker: z.string().nullable(),
  /** Body block index and UTF-16 offsets of the (first paragraph of the) quoted text in that block's text. */
  block: z.number().int().nonnegative(),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  /** Every paragraph the quote covers, in order; one entry for an ordinary quote. */
  parts: z.array(QuotePart),
  /** Id of the quote this one is nested in, or null. */
  parent: z.string().nullable(),
  /** How the speaker was found: a reporting verb or attribution in the sentence, or carried over from the
   * previous speaker (`وأضاف:`), or none. */
  attribution: z.enum(['explicit', 'carried', 'none']),
  /** True when the closing mark is missing (the paragraph ends with the quote open and nothing continues it). */
  unclosed: z.boolean(),
  verification: Verification.nullable(),
});
export type Quote = z.infer<typeof Quote>;
