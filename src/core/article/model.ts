// The article model shared by every layer: the stored document, the CLI's JSON and the editor's source.
// Inline spans (speech quotes, comments, suggestions) are kept as UTF-16 offsets into a block's text so that
// checker, quote and diff logic in src/core can work on plain strings.
import { z } from 'zod';

export const BLOCK_TYPES = ['paragraph', 'subheading', 'blockquote'] as const;
export const BlockType = z.enum(BLOCK_TYPES);
export type BlockType = z.infer<typeof BlockType>;

/** An inline span over a block's text. `attrs` is free-form per mark type (speaker, comment id …). */
export const Span = z.object({
  type: z.string().min(1).max(64),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  attrs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type Span = z.infer<typeof Span>;

export const Block = z.object({
  type: BlockType,
  text: z.string(),
  marks: z.array(Span).optional(),
});
export type Block = z.infer<typeof Block>;

export const Figure = z.object({
  /** Content hash of the stored image, or null when the figure carries only text (e.g. imported captions). */
  image: z.string().nullable().default(null),
  caption: z.string(),
  credit: z.string(),
  photographer: z.string(),
  date: z.string(),
  altText: z.string(),
});
export type Figure = z.infer<typeof Figure>;

export const Dateline = z.object({
  place: z.string(),
  sources: z.array(z.string()),
});
export type Dateline = z.infer<typeof Dateline>;

export const RelatedStory = z.object({
  title: z.string(),
  url: z.string().nullable(),
});
export type RelatedStory = z.infer<typeof RelatedStory>;

/** What a revision stores: everything the author edits. */
export const ArticleContent = z.object({
  headline: z.string(),
  /** Tracked changes in the headline (insertion and deletion spans only); absent when there are none. */
  headlineMarks: z.array(Span).optional(),
  standfirst: z.string().nullable(),
  dateline: Dateline,
  figures: z.array(Figure),
  body: z.array(Block),
  tags: z.array(z.string()),
  related: z.array(RelatedStory),
});
export type ArticleContent = z.infer<typeof ArticleContent>;

export const ARTICLE_STATUSES = [
  'draft',
  'copy-editing',
  'fact-checking',
  'ready',
  'approved',
  'changed-after-approval',
  'exported',
] as const;
export const ArticleStatus = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

export const ImportWarning = z.object({
  code: z.string(),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

/** The article as the command line prints it (PRODUCT.md): content plus identity, status and warnings. */
export const Article = ArticleContent.extend({
  id: z.string(),
  status: ArticleStatus,
  suggestedTags: z.array(z.string()),
  warnings: z.array(ImportWarning),
});
export type Article = z.infer<typeof Article>;

export function emptyContent(): ArticleContent {
  return {
    headline: '',
    standfirst: null,
    dateline: { place: '', sources: [] },
    figures: [],
    body: [],
    tags: [],
    related: [],
  };
}

/**
 * The plain text of an article, in reading order: what the full-text index, word counts and the
 * `revise` command see. Stable: the same content always gives the same text (used for content hashes).
 */
export function contentToPlainText(c: ArticleContent): string {
  const parts: string[] = [];
  if (c.headline) parts.push(c.headline);
  if (c.standfirst) parts.push(c.standfirst);
  for (const f of c.figures) {
    const tail = [f.date, f.credit].filter(Boolean).join(' - ');
    parts.push([f.caption, tail].filter(Boolean).join(' '));
  }
  const dl = [c.dateline.place, ...c.dateline.sources].filter(Boolean);
  if (dl.length) parts.push(dl.join(' - '));
  for (const b of c.body) parts.push(b.text);
  return parts.join('\n\n');
}

/** Words as a reader counts them: runs of letters/digits, with Arabic clitics kept on their word. */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}\p{M}\u0640]+/gu);
  return m ? m.length : 0;
}
