// The compare view's model, built from an ArticleDiff (src/core/diff): the rows a reader sees (every block, the
// unchanged ones as context), the numbered changes to step through, and where one change sits in the current
// content so that it can be reverted. Pure: no React, no ProseMirror.
import type { ArticleContent, BlockType } from '../../../core/article/model';
import {
  diffArticles,
  mapOffset,
  type ArticleDiff,
  type BlockDiff,
  type CharOp,
  type DiffField,
} from '../../../core/diff';

/** One stretch of a row's text: unchanged, removed, added, or a word whose letters changed. */
export type Piece =
  | { kind: 'equal'; text: string }
  | { kind: 'delete'; text: string; change: number }
  | { kind: 'insert'; text: string; change: number }
  | { kind: 'word'; oldText: string; newText: string; chars: CharOp[]; change: number };

export type Row = {
  key: string;
  field: DiffField;
  type?: BlockType;
  oldType?: BlockType;
  op: BlockDiff['op'];
  /** The block's index in the older (a) and newer (b) revision's list of its field. */
  a: number | null;
  b: number | null;
  pieces: Piece[];
};

/**
 * One change an editor can step to and revert. Offsets are UTF-16 offsets into the newer revision's block
 * text (`b`); `oldText` is what reverting puts back there.
 */
export type Change =
  | {
      kind: 'text';
      index: number;
      row: number;
      field: DiffField;
      b: number;
      from: number;
      to: number;
      oldText: string;
      newText: string;
    }
  | { kind: 'insertBlock'; index: number; row: number; field: DiffField; b: number; text: string }
  | {
      kind: 'deleteBlock';
      index: number;
      row: number;
      field: DiffField;
      type: BlockType;
      text: string;
      /** The newer revision's body block the deleted one followed (null: it was the first). */
      after: number | null;
    }
  | { kind: 'retype'; index: number; row: number; field: DiffField; b: number; oldType: BlockType }
  | { kind: 'other'; index: number; row: number; field: DiffField };

export type CompareModel = { diff: ArticleDiff; rows: Row[]; changes: Change[] };

/** Fields whose text is the text of an editor node, so a change in them can be reverted in place. */
export const TEXT_FIELDS: ReadonlySet<DiffField> = new Set([
  'headline',
  'standfirst',
  'figure.caption',
  'body',
]);

export function isRevertible(c: Change): boolean {
  if (c.kind === 'other') return false;
  if (c.kind === 'text') return TEXT_FIELDS.has(c.field);
  // Whole blocks come and go only in the body: the other parts of an article are fixed slots.
  return c.field === 'body';
}

export function buildCompareModel(older: ArticleContent, newer: ArticleContent): CompareModel {
  const diff = diffArticles(older, newer);
  const rows: Row[] = [];
  const changes: Change[] = [];
  let lastBody: number | null = null;
  diff.blocks.forEach((d, ri) => {
    const base = { key: `${ri}`, field: d.field, ...(d.type ? { type: d.type } : {}), op: d.op };
    switch (d.op) {
      case 'equal':
        rows.push({ ...base, a: d.a, b: d.b, pieces: [{ kind: 'equal', text: d.text }] });
        break;
      case 'insert': {
        const index = changes.length;
        changes.push({ kind: 'insertBlock', index, row: ri, field: d.field, b: d.b, text: d.text });
        rows.push({ ...base, a: null, b: d.b, pieces: [{ kind: 'insert', text: d.text, change: index }] });
        break;
      }
      case 'delete': {
        const index = changes.length;
        changes.push({
          kind: 'deleteBlock',
          index,
          row: ri,
          field: d.field,
          type: d.type ?? 'paragraph',
          text: d.text,
          after: lastBody,
        });
        rows.push({ ...base, a: d.a, b: null, pieces: [{ kind: 'delete', text: d.text, change: index }] });
        break;
      }
      case 'changed': {
        const row: Row = { ...base, a: d.a, b: d.b, pieces: [] };
        if (d.oldType) {
          row.oldType = d.oldType;
          changes.push({
            kind: 'retype',
            index: changes.length,
            row: ri,
            field: d.field,
            b: d.b,
            oldType: d.oldType,
          });
        }
        row.pieces = wordPieces(d.words, ri, d.field, d.b, changes);
        rows.push(row);
        break;
      }
    }
    if (d.field === 'body' && d.op !== 'delete') lastBody = d.b;
  });
  // Changes outside the editor's text (tags, dateline sources, photo details …) are shown, not reverted here.
  return {
    diff,
    rows,
    changes: changes.map((c) =>
      isRevertible(c) ? c : { kind: 'other', index: c.index, row: c.row, field: c.field },
    ),
  };
}

/** Splits a changed block's word ops into pieces; each run of non-equal ops is one change. */
function wordPieces(
  words: Extract<BlockDiff, { op: 'changed' }>['words'],
  row: number,
  field: DiffField,
  b: number,
  changes: Change[],
): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (w.op === 'equal') {
      pieces.push({ kind: 'equal', text: w.text });
      at += w.text.length;
      i++;
      continue;
    }
    const index = changes.length;
    const from = at;
    let oldText = '';
    let newText = '';
    while (i < words.length && words[i]!.op !== 'equal') {
      const x = words[i]!;
      const next = words[i + 1];
      if (x.op === 'delete' && next?.op === 'insert' && next.chars) {
        pieces.push({ kind: 'word', oldText: x.text, newText: next.text, chars: next.chars, change: index });
        oldText += x.text;
        newText += next.text;
        i += 2;
        continue;
      }
      if (x.op === 'delete') {
        pieces.push({ kind: 'delete', text: x.text, change: index });
        oldText += x.text;
      } else if (x.op === 'insert') {
        pieces.push({ kind: 'insert', text: x.text, change: index });
        newText += x.text;
      }
      i++;
    }
    at += newText.length;
    changes.push({ kind: 'text', index, row, field, b, from, to: at, oldText, newText });
  }
  return pieces;
}

/** Where a change's target sits in the current content (which may have moved on since the newer revision). */
export type RevertPlan =
  | { kind: 'text'; field: DiffField; index: number; from: number; to: number; text: string }
  | { kind: 'deleteBlock'; index: number }
  | { kind: 'insertBlock'; at: number; type: BlockType; text: string }
  | { kind: 'retype'; index: number; type: BlockType };

/** A unit of `field` at index `b` of the newer revision, followed into the current content. */
function follow(
  diff: ArticleDiff,
  field: DiffField,
  b: number,
): { index: number; words: Extract<BlockDiff, { op: 'changed' }>['words'] | null } | null {
  for (const d of diff.blocks) {
    if (d.field !== field || d.op === 'insert' || d.a !== b) continue;
    if (d.op === 'equal') return d.oldText === undefined ? { index: d.b, words: null } : null;
    if (d.op === 'changed') return { index: d.b, words: d.words };
    return null;
  }
  return null;
}

const textOf = (c: ArticleContent, field: DiffField, index: number): string | null => {
  switch (field) {
    case 'headline':
      return c.headline;
    case 'standfirst':
      return c.standfirst;
    case 'figure.caption':
      return c.figures[index]?.caption ?? null;
    case 'body':
      return c.body[index]?.text ?? null;
    default:
      return null;
  }
};

/**
 * How to undo `change` (made from the older revision to `newer`) in `current`: null when the text it touched
 * has been edited since, so reverting would overwrite someone's later work.
 */
export function planRevert(
  change: Change,
  newer: ArticleContent,
  current: ArticleContent,
): RevertPlan | null {
  if (!isRevertible(change)) return null;
  const diff = diffArticles(newer, current);
  switch (change.kind) {
    case 'text': {
      const f = follow(diff, change.field, change.b);
      if (!f) return null;
      const from = f.words
        ? mapOffset(f.words, change.from, change.from === change.to ? -1 : 1)
        : change.from;
      const to = f.words ? mapOffset(f.words, change.to, -1) : change.to;
      const now = textOf(current, change.field, f.index);
      if (now === null || to < from || now.slice(from, to) !== change.newText) return null;
      return { kind: 'text', field: change.field, index: f.index, from, to, text: change.oldText };
    }
    case 'insertBlock': {
      const f = follow(diff, 'body', change.b);
      if (!f || f.words) return null;
      return { kind: 'deleteBlock', index: f.index };
    }
    case 'deleteBlock': {
      if (change.after === null) return { kind: 'insertBlock', at: 0, type: change.type, text: change.text };
      const f = follow(diff, 'body', change.after);
      if (!f) return null;
      return { kind: 'insertBlock', at: f.index + 1, type: change.type, text: change.text };
    }
    case 'retype': {
      const f = follow(diff, 'body', change.b);
      if (!f) return null;
      return { kind: 'retype', index: f.index, type: change.oldType };
    }
    default:
      return null;
  }
}
