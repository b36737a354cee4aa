// Diff of two revisions of an article: the article is laid out as a sequence of blocks (headline, standfirst,
// figure fields, dateline, body blocks, tags, related stories), the block sequence is diffed by content key,
// and only blocks that were replaced by a similar block of the same field are diffed word by word. A long
// article with a few edits thus costs one pass over its blocks plus small word diffs.
import type { ArticleContent, BlockType } from '../article/model';
import { diffSequences } from './myers';
import { normalizeArabic } from '../arabic/normalize';
import { Interner, textKey, tokenize } from './tokenize';
import type { ArticleDiff, BlockDiff, DiffField, DiffOptions, DiffSummary } from './types';
import { diffTextIn, wordDiffContext, type WordDiffContext } from './words';

/** One comparable piece of an article. `index` is its position in the list its field belongs to. */
export type Unit = { field: DiffField; type?: BlockType; text: string; index: number };

/**
 * The article as blocks in reading order. Optional fields appear only when present (a figure always has its
 * caption block, which starts it; a related story always has its title block), so the layout is reversible.
 */
export function articleUnits(c: ArticleContent): Unit[] {
  const u: Unit[] = [{ field: 'headline', text: c.headline, index: 0 }];
  if (c.standfirst !== null) u.push({ field: 'standfirst', text: c.standfirst, index: 0 });
  c.figures.forEach((f, i) => {
    u.push({ field: 'figure.caption', text: f.caption, index: i });
    if (f.credit) u.push({ field: 'figure.credit', text: f.credit, index: i });
    if (f.photographer) u.push({ field: 'figure.photographer', text: f.photographer, index: i });
    if (f.date) u.push({ field: 'figure.date', text: f.date, index: i });
    if (f.altText) u.push({ field: 'figure.altText', text: f.altText, index: i });
    if (f.image !== null) u.push({ field: 'figure.image', text: f.image, index: i });
  });
  u.push({ field: 'dateline.place', text: c.dateline.place, index: 0 });
  c.dateline.sources.forEach((s, i) => u.push({ field: 'dateline.source', text: s, index: i }));
  c.body.forEach((b, i) => u.push({ field: 'body', type: b.type, text: b.text, index: i }));
  c.tags.forEach((t, i) => u.push({ field: 'tag', text: t, index: i }));
  c.related.forEach((r, i) => {
    u.push({ field: 'related.title', text: r.title, index: i });
    if (r.url !== null) u.push({ field: 'related.url', text: r.url, index: i });
  });
  return u;
}

/** Fields that hold identifiers rather than prose: compared exactly, never word-diffed or counted as words. */
const OPAQUE: ReadonlySet<DiffField> = new Set(['figure.image', 'related.url']);
/** Fields an article has at most one of: an old and a new one are always the same block, changed. */
const SINGULAR: ReadonlySet<DiffField> = new Set(['headline', 'standfirst', 'dateline.place']);
/** Two blocks of a field are the same block, edited, when at least this share of their words is common. */
const SIMILAR_BLOCKS = 0.3;
/** Largest run of replaced blocks (old × new) searched for similar pairs; beyond it, pairs by position. */
const MAX_PAIRING_CELLS = 100 * 100;

/**
 * Diffs two revisions. The result lists every block of both (equal ones too, so a view can show context) and
 * applying it to `a` (applyArticleDiff) gives `b`'s text exactly.
 */
export function diffArticles(a: ArticleContent, b: ArticleContent, opts: DiffOptions = {}): ArticleDiff {
  const ctx = wordDiffContext(opts);
  const ua = articleUnits(a);
  const ub = articleUnits(b);
  const interner = new Interner();
  const keyOf = (u: Unit): number =>
    interner.id(
      `${u.field}\u0000${u.type ?? ''}\u0000${OPAQUE.has(u.field) ? u.text : textKey(u.text, ctx.opts)}`,
    );
  const { runs, coarse: coarseBlocks } = diffSequences(
    Int32Array.from(ua, keyOf),
    Int32Array.from(ub, keyOf),
    {
      maxEdits: ctx.maxEdits,
      deadline: ctx.deadline,
    },
  );

  const blocks: BlockDiff[] = [];
  const summary: DiffSummary = { wordsAdded: 0, wordsRemoved: 0, wordsChanged: 0 };
  let coarse = coarseBlocks;
  let i = 0;
  while (i < runs.length) {
    const r = runs[i]!;
    if (r.kind === 'equal') {
      for (let k = 0; k < r.aTo - r.aFrom; k++) {
        const x = ua[r.aFrom + k]!;
        const y = ub[r.bFrom + k]!;
        const d: BlockDiff = {
          op: 'equal',
          field: y.field,
          ...typeOf(y),
          a: x.index,
          b: y.index,
          text: y.text,
        };
        if (x.text !== y.text) d.oldText = x.text;
        blocks.push(d);
      }
      i++;
      continue;
    }
    // A stretch of replaced blocks: the delete and insert runs up to the next equal run.
    let aFrom = r.aFrom;
    let aTo = r.aTo;
    let bFrom = r.bFrom;
    let bTo = r.bTo;
    while (runs[i + 1] && runs[i + 1]!.kind !== 'equal') {
      i++;
      aFrom = Math.min(aFrom, runs[i]!.aFrom);
      aTo = Math.max(aTo, runs[i]!.aTo);
      bFrom = Math.min(bFrom, runs[i]!.bFrom);
      bTo = Math.max(bTo, runs[i]!.bTo);
    }
    i++;
    const oldUnits = ua.slice(aFrom, aTo);
    const newUnits = ub.slice(bFrom, bTo);
    coarse = emitReplaced(blocks, summary, oldUnits, newUnits, ctx) || coarse;
  }
  return { blocks, summary, coarse };
}

function typeOf(u: Unit): { type?: BlockType } {
  return u.type ? { type: u.type } : {};
}

/** Emits a stretch of replaced blocks: similar pairs as 'changed' (word diff), the others as delete / insert. */
function emitReplaced(
  blocks: BlockDiff[],
  summary: DiffSummary,
  oldUnits: Unit[],
  newUnits: Unit[],
  ctx: WordDiffContext,
): boolean {
  let coarse = false;
  const words = (u: Unit): number => (OPAQUE.has(u.field) ? 0 : countWords(u.text));
  const del = (u: Unit): void => {
    blocks.push({ op: 'delete', field: u.field, ...typeOf(u), a: u.index, text: u.text });
    summary.wordsRemoved += words(u);
  };
  const ins = (u: Unit): void => {
    blocks.push({ op: 'insert', field: u.field, ...typeOf(u), b: u.index, text: u.text });
    summary.wordsAdded += words(u);
  };
  let ia = 0;
  let ib = 0;
  for (const [pa, pb] of pairBlocks(oldUnits, newUnits)) {
    for (; ia < pa; ia++) del(oldUnits[ia]!);
    for (; ib < pb; ib++) ins(newUnits[ib]!);
    const x = oldUnits[pa]!;
    const y = newUnits[pb]!;
    const t = diffTextIn(ctx, x.text, y.text);
    const d: BlockDiff = {
      op: 'changed',
      field: y.field,
      ...typeOf(y),
      a: x.index,
      b: y.index,
      words: t.words,
      coarse: t.coarse,
    };
    if (x.type !== y.type && x.type) d.oldType = x.type;
    blocks.push(d);
    summary.wordsAdded += t.summary.wordsAdded;
    summary.wordsRemoved += t.summary.wordsRemoved;
    summary.wordsChanged += t.summary.wordsChanged;
    coarse ||= t.coarse;
    ia = pa + 1;
    ib = pb + 1;
  }
  for (; ia < oldUnits.length; ia++) del(oldUnits[ia]!);
  for (; ib < newUnits.length; ib++) ins(newUnits[ib]!);
  return coarse;
}

/**
 * Which old block became which new block: same field, and either a singular field or enough words in common.
 * Monotone (the order of both revisions is kept) and maximising the total similarity.
 */
function pairBlocks(oldUnits: Unit[], newUnits: Unit[]): Array<[number, number]> {
  const p = oldUnits.length;
  const q = newUnits.length;
  if (p === 0 || q === 0) return [];
  const bags = new Map<Unit, Map<string, number>>();
  const bag = (u: Unit): Map<string, number> => {
    let m = bags.get(u);
    if (!m) {
      m = new Map();
      for (const t of tokenize(u.text)) {
        if (t.kind !== 'word') continue;
        // Folded whatever the options: vowelling or re-spelling a paragraph must not hide that it is the same.
        const k = normalizeArabic(t.text);
        m.set(k, (m.get(k) ?? 0) + 1);
      }
      bags.set(u, m);
    }
    return m;
  };
  const sim = (x: Unit, y: Unit): number => {
    if (x.field !== y.field || OPAQUE.has(x.field)) return 0;
    if (SINGULAR.has(x.field)) return 1;
    const s = dice(bag(x), bag(y));
    return s >= SIMILAR_BLOCKS ? s : 0;
  };
  if (p * q > MAX_PAIRING_CELLS) {
    const pairs: Array<[number, number]> = [];
    for (let k = 0; k < Math.min(p, q); k++) if (sim(oldUnits[k]!, newUnits[k]!) > 0) pairs.push([k, k]);
    return pairs;
  }
  const w = q + 1;
  const best = new Float64Array((p + 1) * w);
  const s = new Float64Array(p * q);
  for (let i = 1; i <= p; i++) {
    for (let j = 1; j <= q; j++) {
      const v = sim(oldUnits[i - 1]!, newUnits[j - 1]!);
      s[(i - 1) * q + j - 1] = v;
      best[i * w + j] = Math.max(
        best[(i - 1) * w + j]!,
        best[i * w + j - 1]!,
        v > 0 ? best[(i - 1) * w + j - 1]! + v : 0,
      );
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = p;
  let j = q;
  while (i > 0 && j > 0) {
    const v = s[(i - 1) * q + j - 1]!;
    if (v > 0 && best[i * w + j] === best[(i - 1) * w + j - 1]! + v) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (best[i * w + j] === best[(i - 1) * w + j]) i--;
    else j--;
  }
  return pairs.reverse();
}

/** Share of words two blocks have in common (multiset Dice coefficient). */
function dice(x: Map<string, number>, y: Map<string, number>): number {
  let nx = 0;
  let ny = 0;
  let common = 0;
  for (const v of x.values()) nx += v;
  for (const v of y.values()) ny += v;
  if (nx === 0 && ny === 0) return 1;
  for (const [k, v] of x) common += Math.min(v, y.get(k) ?? 0);
  return (2 * common) / (nx + ny);
}

function countWords(text: string): number {
  let n = 0;
  for (const t of tokenize(text)) if (t.kind === 'word') n++;
  return n;
}
