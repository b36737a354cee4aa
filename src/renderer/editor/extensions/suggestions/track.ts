// Suggestion mode as a transform of what the user did: after a transaction that typed, deleted, pasted, cut
// or replaced body or headline text, one appended transaction (part of the same undo step) marks the new text as the
// author's insertion and puts the removed text back marked as the author's deletion. Text that is the
// author's own pending insertion (or was typed in the same batch) is simply removed. Working on
// transactions rather than on keys covers IME composition, beforeinput, paste, cut, drop and commands alike.
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Mapping, ReplaceStep, type StepMap } from '@tiptap/pm/transform';
import { isHistoryTransaction } from '@tiptap/pm/history';
import { DELETION, INSERTION } from '../../../../core/suggestions/suggestions';

export const BODY_BLOCKS = new Set(['paragraph', 'subheading', 'blockquote']);
/** Where typing becomes a suggestion while the mode is on: the body and the headline. */
export const TRACKED_BLOCKS = new Set([...BODY_BLOCKS, 'headline']);

/** Set on a transaction (any truthy value) to let it through untracked. */
export const UNTRACKED_META = 'suggestionsUntracked';

export type TrackOptions = {
  on: boolean;
  author: string;
  now: () => string;
  /** True for transactions the suggestion plugin made itself (resolutions, earlier tracking). */
  own: (tr: Transaction) => boolean;
};

type Piece = { from: number; to: number; marks: readonly Mark[] };
type Deleted = {
  step: number;
  from: number;
  to: number;
  doc: PMNode;
  fresh: [number, number][];
  backspace: boolean;
};
type Inserted = { step: number; from: number; to: number };

/** Text of body blocks between two positions, cut to the range. */
function bodyText(doc: PMNode, from: number, to: number): { body: Piece[]; other: Piece[] } {
  const body: Piece[] = [];
  const other: Piece[] = [];
  doc.nodesBetween(from, to, (node, pos, parent) => {
    if (!node.isText) return true;
    const piece = { from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), marks: node.marks };
    if (piece.from < piece.to) (parent && TRACKED_BLOCKS.has(parent.type.name) ? body : other).push(piece);
    return false;
  });
  return { body, other };
}

const markOf = (marks: readonly Mark[], type: string): Mark | undefined =>
  marks.find((m) => m.type.name === type);

/** An adjacent mark of `type` by `author` at either edge of [from, to), to extend instead of starting a new one. */
function neighbour(doc: PMNode, from: number, to: number, type: string, author: string): Mark | undefined {
  const before = doc.resolve(from).nodeBefore;
  const after = doc.resolve(to).nodeAfter;
  for (const n of [before, after]) {
    const m = n?.isText ? markOf(n.marks, type) : undefined;
    if (m && m.attrs.author === author) return m;
  }
  return undefined;
}

/** Splits a piece by ranges: the parts inside any range and the parts outside. */
function split(p: Piece, ranges: [number, number][]): { inside: Piece[]; outside: Piece[] } {
  const inside: Piece[] = [];
  const outside: Piece[] = [];
  let at = p.from;
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const s = Math.max(a, at);
    const e = Math.min(b, p.to);
    if (s >= e) continue;
    if (s > at) outside.push({ ...p, from: at, to: s });
    inside.push({ ...p, from: s, to: e });
    at = e;
  }
  if (at < p.to) outside.push({ ...p, from: at, to: p.to });
  return { inside, outside };
}

/** The transaction to append after `transactions`, or null when nothing needs tracking. */
export function trackChanges(
  transactions: readonly Transaction[],
  oldState: EditorState,
  newState: EditorState,
  opts: TrackOptions,
): Transaction | null {
  const maps: StepMap[] = [];
  const deleted: Deleted[] = [];
  const inserted: Inserted[] = [];
  // Ranges typed in this batch (in the coordinates of the document being stepped through).
  let fresh: [number, number][] = [];
  transactions.forEach((t, ti) => {
    const tracked = t.docChanged && !isHistoryTransaction(t) && !opts.own(t) && !t.getMeta(UNTRACKED_META);
    t.steps.forEach((step, i) => {
      const map = step.getMap();
      const g = maps.length;
      maps.push(map);
      const replace = tracked && step instanceof ReplaceStep ? step : null;
      if (replace && replace.to > replace.from) {
        const sel = oldState.selection;
        const backspace =
          ti === 0 && i === 0 && sel.empty && sel.from === replace.to && replace.slice.size === 0;
        const inside = fresh.filter(([a, b]) => a < replace.to && b > replace.from);
        deleted.push({
          step: g,
          from: replace.from,
          to: replace.to,
          doc: t.docs[i]!,
          fresh: inside,
          backspace,
        });
      }
      fresh = fresh
        .map(([a, b]) => [map.map(a, 1), map.map(b, -1)] as [number, number])
        .filter(([a, b]) => a < b);
      if (replace && replace.slice.size > 0) {
        const r: [number, number] = [replace.from, replace.from + replace.slice.size];
        fresh.push(r);
        inserted.push({ step: g, from: r[0], to: r[1] });
      }
    });
  });
  if (!deleted.length && !inserted.length) return null;

  const tail = (g: number) => new Mapping(maps.slice(g + 1));
  const tr = newState.tr;
  const schema = newState.schema;
  const insType = schema.marks[INSERTION]!;
  const delType = schema.marks[DELETION]!;

  // New text: the author's insertion while the mode is on; never a deletion (it may have been typed inside one).
  for (const ins of inserted) {
    const m = tail(ins.step);
    const from = m.map(ins.from, 1);
    const to = m.map(ins.to, -1);
    if (from >= to) continue;
    const { body } = bodyText(tr.doc, from, to);
    if (!body.length) continue;
    const own = opts.on
      ? (neighbour(tr.doc, from, to, INSERTION, opts.author) ??
        insType.create({ author: opts.author, at: opts.now() }))
      : null;
    for (const p of body) {
      if (markOf(p.marks, DELETION)) tr.removeMark(p.from, p.to, delType);
      if (!own) continue;
      const other = markOf(p.marks, INSERTION);
      if (other && !other.eq(own)) tr.removeMark(p.from, p.to, insType);
      tr.addMark(p.from, p.to, own);
    }
  }

  // Removed text comes back as a deletion, unless it was the author's own insertion.
  if (opts.on) {
    for (const del of deleted) {
      const { body } = bodyText(del.doc, del.from, del.to);
      const strike: Piece[] = [];
      const drop: Piece[] = [];
      let struck = 0;
      for (const p of body) {
        const ins = markOf(p.marks, INSERTION);
        if (markOf(p.marks, DELETION)) {
          struck++; // already a suggested deletion: it stays as it was
          continue;
        }
        if (ins && ins.attrs.author === opts.author) {
          drop.push(p);
          continue;
        }
        const { inside, outside } = split(p, del.fresh);
        drop.push(...inside);
        strike.push(...outside);
      }
      if (!strike.length && !struck) continue;
      const at = tr.mapping.map(tail(del.step).map(del.from, -1), -1);
      const size = tr.doc.content.size;
      tr.replace(at, at, del.doc.slice(del.from, del.to));
      if (tr.doc.content.size - size !== del.to - del.from) continue; // could not be put back as it was
      const shift = at - del.from;
      const mark =
        neighbour(tr.doc, at, at + del.to - del.from, DELETION, opts.author) ??
        delType.create({ author: opts.author, at: opts.now() });
      for (const p of strike) tr.addMark(p.from + shift, p.to + shift, mark);
      for (const p of [...drop].sort((x, y) => y.from - x.from)) tr.delete(p.from + shift, p.to + shift);
      // Backspace leaves the cursor before the struck text; Delete and a removed selection leave it after.
      if (del.backspace) tr.setSelection(TextSelection.create(tr.doc, at));
    }
  }
  return tr.steps.length ? tr : null;
}
