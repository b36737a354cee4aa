// The shapes a diff is made of: word operations inside a text, block operations over an article, the summary
// an editor reads first, and the options both accept. Field names may be added, never renamed (CLI JSON).
import type { BlockType } from '../article/model';
import type { CompareOptions } from './tokenize';

/** One step of a character-level sub-diff: which letters of a changed word were removed or added. */
export type CharOp = { op: 'equal' | 'insert' | 'delete'; text: string };

/**
 * One step of a word diff. `equal` and `delete` consume the old text, `equal` and `insert` produce the new one.
 * - `equal.text` is the new text; `oldText` is present when the old text differs in what the options ignore
 *   (diacritics, tatweel, folded letters).
 * - An `insert` that carries `chars` is the new form of the word deleted just before it (a changed word:
 *   `ان` → `إن`); `chars` spells out which letters changed.
 */
export type WordOp =
  | { op: 'equal'; text: string; oldText?: string }
  | { op: 'delete'; text: string }
  | { op: 'insert'; text: string; chars?: CharOp[] };

export type DiffSummary = {
  /** Words only in the new text (punctuation and spaces are not words). */
  wordsAdded: number;
  /** Words only in the old text. */
  wordsRemoved: number;
  /** Words replaced by a similar word (spelling, hamza, clitic or ending changed). */
  wordsChanged: number;
};

export type TextDiff = {
  words: WordOp[];
  summary: DiffSummary;
  /** True when the text was too different (or time ran out) to diff word by word: one replace, still exact. */
  coarse: boolean;
};

/**
 * The parts of an article a diff compares, in reading order. Figures, dateline sources, tags and related
 * stories are lists: `a` / `b` is the index of the item in the old / new revision's list.
 */
export const DIFF_FIELDS = [
  'headline',
  'standfirst',
  'figure.caption',
  'figure.credit',
  'figure.photographer',
  'figure.date',
  'figure.altText',
  'figure.image',
  'dateline.place',
  'dateline.source',
  'body',
  'tag',
  'related.title',
  'related.url',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

type BlockRef = { field: DiffField; type?: BlockType };

export type BlockDiff =
  | (BlockRef & { op: 'equal'; a: number; b: number; text: string; oldText?: string })
  | (BlockRef & { op: 'delete'; a: number; text: string })
  | (BlockRef & { op: 'insert'; b: number; text: string })
  | (BlockRef & {
      op: 'changed';
      a: number;
      b: number;
      /** The old block type when a body block changed type too (paragraph → subheading …). */
      oldType?: BlockType;
      words: WordOp[];
      /** See TextDiff.coarse. */
      coarse: boolean;
    });

export type ArticleDiff = {
  blocks: BlockDiff[];
  summary: DiffSummary;
  /** True when any block, or the block sequence itself, was diffed coarsely. */
  coarse: boolean;
};

export type DiffOptions = CompareOptions & {
  /**
   * Largest edit distance, in tokens, refined inside one block (and, separately, over the block sequence).
   * Beyond it the block becomes one replacement. Default 4000: every realistic paragraph edit fits.
   */
  maxEdits?: number;
  /** Stop refining after this many milliseconds; everything after is diffed coarsely (still exact). */
  timeoutMs?: number;
};

export const DEFAULT_MAX_EDITS = 4000;
