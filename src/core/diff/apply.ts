// Applies a diff to the revision it was made from and gives the other revision back: the check that a diff
// is complete (property tests) and, later, the way to revert one change. Every step is checked against the
// old text, so a diff applied to the wrong revision is refused instead of producing a corrupted article.
import { AppError } from '../ipc/contract';
import type { ArticleContent, Block, Figure, Span } from '../article/model';
import { articleUnits, type Unit } from './article';
import type { ArticleDiff, WordOp } from './types';

function mismatch(where: string, detail: string): AppError {
  return new AppError('conflict', `The diff does not fit this revision (${where}): ${detail}`);
}

const excerpt = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** The new text: `old` with the word ops applied. Throws AppError('conflict') if the ops were made from another text. */
export function applyTextDiff(old: string, ops: readonly WordOp[], where = 'text'): string {
  let at = 0;
  let out = '';
  const consume = (expected: string): void => {
    if (!old.startsWith(expected, at)) {
      throw mismatch(
        where,
        `expected ${excerpt(expected)} at offset ${at}, found ${excerpt(old.slice(at, at + expected.length))}`,
      );
    }
    at += expected.length;
  };
  for (const op of ops) {
    if (op.op === 'equal') {
      consume(op.oldText ?? op.text);
      out += op.text;
    } else if (op.op === 'delete') consume(op.text);
    else out += op.text;
  }
  if (at !== old.length) throw mismatch(where, `${old.length - at} characters at the end are not covered`);
  return out;
}

/**
 * Maps an offset in the old text to the new text through the word ops. Offsets inside deleted text move to
 * where the deletion was; `assoc` decides whether an offset at an insertion point stays before (-1) or
 * moves after (1) the inserted text.
 */
export function mapOffset(ops: readonly WordOp[], offset: number, assoc: -1 | 1): number {
  let oldAt = 0;
  let newAt = 0;
  for (const op of ops) {
    if (op.op === 'insert') {
      if (oldAt === offset && assoc < 0) return newAt;
      newAt += op.text.length;
      continue;
    }
    const oldLen = op.op === 'equal' ? (op.oldText ?? op.text).length : op.text.length;
    if (offset < oldAt + oldLen || (offset === oldAt + oldLen && op.op === 'equal' && assoc < 0)) {
      if (op.op === 'delete') return newAt;
      // Inside an equal stretch: exact when the texts are the same, else clamped to the stretch.
      return newAt + Math.min(offset - oldAt, op.text.length);
    }
    oldAt += oldLen;
    if (op.op === 'equal') newAt += op.text.length;
  }
  return newAt;
}

/** Spans of an old block carried into the new text; spans whose text was deleted entirely are dropped. */
function mapMarks(marks: readonly Span[] | undefined, ops: readonly WordOp[]): Span[] | undefined {
  if (!marks) return undefined;
  const out: Span[] = [];
  for (const m of marks) {
    const from = mapOffset(ops, m.from, 1);
    const to = mapOffset(ops, m.to, -1);
    if (to > from) out.push({ ...m, from, to });
  }
  return out;
}

/**
 * The new revision: `a` with the diff applied. Text fields come out exactly as in the revision the diff was
 * made to. Inline marks are not compared by the diff: the old blocks' marks are carried along (mapped
 * through word changes), and inserted blocks have none.
 */
export function applyArticleDiff(a: ArticleContent, diff: ArticleDiff): ArticleContent {
  const old = articleUnits(a);
  const units: Unit[] = [];
  const marks = new Map<number, Span[] | undefined>();
  let at = 0;
  const take = (field: string, index: number, text: string): Unit => {
    const u = old[at];
    if (!u || u.field !== field || u.index !== index) {
      throw mismatch(
        field,
        `expected block ${field} #${index}, found ${u ? `${u.field} #${u.index}` : 'the end'}`,
      );
    }
    if (text !== u.text)
      throw mismatch(`${field} #${index}`, `the old text is ${excerpt(u.text)}, not ${excerpt(text)}`);
    at++;
    return u;
  };
  for (const d of diff.blocks) {
    const type = d.type ? { type: d.type } : {};
    switch (d.op) {
      case 'equal': {
        const u = take(d.field, d.a, d.oldText ?? d.text);
        if (u.field === 'body' && d.oldText === undefined) marks.set(units.length, a.body[u.index]?.marks);
        units.push({ field: d.field, ...type, text: d.text, index: d.b });
        break;
      }
      case 'delete':
        take(d.field, d.a, d.text);
        break;
      case 'insert':
        units.push({ field: d.field, ...type, text: d.text, index: d.b });
        break;
      case 'changed': {
        const u = old[at];
        const oldText = u?.text ?? '';
        const text = applyTextDiff(oldText, d.words, `${d.field} #${d.a}`);
        take(d.field, d.a, oldText);
        if (u?.field === 'body') marks.set(units.length, mapMarks(a.body[u.index]?.marks, d.words));
        units.push({ field: d.field, ...type, text, index: d.b });
        break;
      }
    }
  }
  if (at !== old.length)
    throw mismatch('end', `${old.length - at} blocks of the old revision are not covered`);
  return contentFromUnits(units, marks);
}

/** Rebuilds content from its block layout (the inverse of articleUnits). */
function contentFromUnits(
  units: readonly Unit[],
  marks: ReadonlyMap<number, Span[] | undefined>,
): ArticleContent {
  const c: ArticleContent = {
    headline: '',
    standfirst: null,
    dateline: { place: '', sources: [] },
    figures: [],
    body: [],
    tags: [],
    related: [],
  };
  const lastFigure = (u: Unit): Figure => {
    const f = c.figures[c.figures.length - 1];
    if (!f) throw mismatch(u.field, 'a figure field without its figure');
    return f;
  };
  units.forEach((u, i) => {
    switch (u.field) {
      case 'headline':
        c.headline = u.text;
        break;
      case 'standfirst':
        c.standfirst = u.text;
        break;
      case 'figure.caption':
        c.figures.push({ image: null, caption: u.text, credit: '', photographer: '', date: '', altText: '' });
        break;
      case 'figure.credit':
        lastFigure(u).credit = u.text;
        break;
      case 'figure.photographer':
        lastFigure(u).photographer = u.text;
        break;
      case 'figure.date':
        lastFigure(u).date = u.text;
        break;
      case 'figure.altText':
        lastFigure(u).altText = u.text;
        break;
      case 'figure.image':
        lastFigure(u).image = u.text;
        break;
      case 'dateline.place':
        c.dateline.place = u.text;
        break;
      case 'dateline.source':
        c.dateline.sources.push(u.text);
        break;
      case 'body': {
        const block: Block = { type: u.type ?? 'paragraph', text: u.text };
        const m = marks.get(i);
        if (m && m.length > 0) block.marks = m;
        c.body.push(block);
        break;
      }
      case 'tag':
        c.tags.push(u.text);
        break;
      case 'related.title':
        c.related.push({ title: u.text, url: null });
        break;
      case 'related.url': {
        const r = c.related[c.related.length - 1];
        if (!r) throw mismatch(u.field, 'a link without its story');
        r.url = u.text;
        break;
      }
    }
  });
  return c;
}
