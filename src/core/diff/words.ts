// Word diff of two texts: Myers over Arabic-aware tokens, then each replaced stretch is tidied for a reader:
// similar words are paired as changed words with a letter-level sub-diff, the rest is one delete + one insert.
import { normalizeArabic, procliticForms } from '../arabic/normalize';
import { diffSequences, type Run } from './myers';
import { graphemes, Interner, tokenize, tokenKey, type CompareOptions, type Token } from './tokenize';
import { DEFAULT_MAX_EDITS, type CharOp, type DiffOptions, type TextDiff, type WordOp } from './types';

/** Internal: the deadline of a whole call is shared by all the texts it diffs. */
export type WordDiffContext = { opts: CompareOptions; maxEdits: number; deadline: number | undefined };

export function wordDiffContext(opts: DiffOptions): WordDiffContext {
  return {
    opts,
    maxEdits: opts.maxEdits ?? DEFAULT_MAX_EDITS,
    deadline: opts.timeoutMs === undefined ? undefined : Date.now() + opts.timeoutMs,
  };
}

/** Diffs two plain texts word by word. Applying the result to `a` (applyTextDiff) gives `b` exactly. */
export function diffText(a: string, b: string, opts: DiffOptions = {}): TextDiff {
  return diffTextIn(wordDiffContext(opts), a, b);
}

export function diffTextIn(ctx: WordDiffContext, a: string, b: string): TextDiff {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const interner = new Interner();
  const ia = Int32Array.from(ta, (t) => interner.id(tokenKey(t, ctx.opts)));
  const ib = Int32Array.from(tb, (t) => interner.id(tokenKey(t, ctx.opts)));
  const { runs, coarse } = diffSequences(ia, ib, { maxEdits: ctx.maxEdits, deadline: ctx.deadline });
  const out = new OpBuilder();
  for (const seg of mergeHunks(runs, ta)) {
    if (seg.kind === 'equal') {
      out.equal(ta.slice(seg.aFrom, seg.aTo), tb.slice(seg.bFrom, seg.bTo));
    } else {
      emitHunk(out, ta.slice(seg.aFrom, seg.aTo), tb.slice(seg.bFrom, seg.bTo), ctx.opts, !coarse);
    }
  }
  return { words: out.ops, summary: out.summary, coarse };
}

type Segment = { kind: 'equal' | 'hunk'; aFrom: number; aTo: number; bFrom: number; bTo: number };

/**
 * Groups runs into equal stretches and hunks (a delete and/or insert), and joins two hunks separated only by
 * one run of spaces: "w1 w2" → "x1 x2" then reads as one replacement, not as w1→x1 and w2→x2 interleaved
 * (similar words are paired again inside the hunk).
 */
function mergeHunks(runs: readonly Run[], ta: readonly Token[]): Segment[] {
  const segs: Segment[] = [];
  for (const r of runs) {
    const kind = r.kind === 'equal' ? 'equal' : 'hunk';
    const last = segs[segs.length - 1];
    if (last && last.kind === kind) {
      last.aTo = r.aTo;
      last.bTo = r.bTo;
    } else segs.push({ kind, aFrom: r.aFrom, aTo: r.aTo, bFrom: r.bFrom, bTo: r.bTo });
  }
  const merged: Segment[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const prev = merged[merged.length - 1];
    const next = segs[i + 1];
    if (
      s.kind === 'equal' &&
      prev?.kind === 'hunk' &&
      next?.kind === 'hunk' &&
      s.aTo - s.aFrom === 1 &&
      ta[s.aFrom]!.kind === 'space'
    ) {
      prev.aTo = next.aTo;
      prev.bTo = next.bTo;
      i++;
      continue;
    }
    merged.push({ ...s });
  }
  return merged;
}

/** Largest hunk (deleted words × inserted words) in which similar words are looked for. */
const MAX_PAIRING_CELLS = 1000 * 1000;
/** In hunks larger than this, a word is only compared with words near its proportional position. */
const ALL_PAIRS_CELLS = 64 * 64;
const BAND = 24;
/** Words longer than this (in letters) are never paired: no real word is, and it bounds the letter diff. */
const MAX_PAIRED_WORD = 48;
/** Two words are "the same word, changed" when at least this share of their letters align. */
const SIMILAR = 0.5;

function emitHunk(out: OpBuilder, da: Token[], db: Token[], opts: CompareOptions, pair: boolean): void {
  const pairs = pair ? pairSimilarWords(da, db) : [];
  let ia = 0;
  let ib = 0;
  for (const [pa, pb] of pairs) {
    out.plain(da.slice(ia, pa), db.slice(ib, pb), opts);
    const x = da[pa]!;
    const y = db[pb]!;
    // A word can be left unmatched by the minimal script (a moved word) and meet its twin here.
    if (tokenKey(x, opts) === tokenKey(y, opts)) out.equal([x], [y]);
    else out.changedWord(x.text, y.text);
    ia = pa + 1;
    ib = pb + 1;
  }
  out.plain(da.slice(ia), db.slice(ib), opts);
}

/**
 * Pairs deleted words with inserted words that look like the same word (monotone, maximising the total
 * similarity): a dynamic programme over the hunk. A whole paragraph re-vowelled is one large hunk, so large
 * hunks compare each word only with the words near the same relative position.
 */
function pairSimilarWords(da: readonly Token[], db: readonly Token[]): Array<[number, number]> {
  const wa = wordIndices(da);
  const wb = wordIndices(db);
  const p = wa.length;
  const q = wb.length;
  if (p === 0 || q === 0 || p * q > MAX_PAIRING_CELLS) return [];
  const na = wa.map((i) => stem(da[i]!.text));
  const nb = wb.map((j) => stem(db[j]!.text));
  const best = new Float64Array((p + 1) * (q + 1));
  const sim = new Float64Array(p * q);
  const at = (i: number, j: number): number => i * (q + 1) + j;
  for (let i = 1; i <= p; i++) {
    for (let j = 1; j <= q; j++) {
      const near = p * q <= ALL_PAIRS_CELLS || Math.abs(j - (i * q) / p) <= BAND;
      const s = near ? similarity(na[i - 1]!, nb[j - 1]!) : 0;
      sim[(i - 1) * q + (j - 1)] = s;
      let v = Math.max(best[at(i - 1, j)]!, best[at(i, j - 1)]!);
      if (s >= SIMILAR) v = Math.max(v, best[at(i - 1, j - 1)]! + s);
      best[at(i, j)] = v;
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = p;
  let j = q;
  while (i > 0 && j > 0) {
    const s = sim[(i - 1) * q + (j - 1)]!;
    if (s >= SIMILAR && best[at(i, j)] === best[at(i - 1, j - 1)]! + s) {
      pairs.push([wa[i - 1]!, wb[j - 1]!]);
      i--;
      j--;
    } else if (best[at(i, j)] === best[at(i - 1, j)]) i--;
    else j--;
  }
  return pairs.reverse();
}

function wordIndices(ts: readonly Token[]): number[] {
  const out: number[] = [];
  ts.forEach((t, i) => {
    if (t.kind === 'word') out.push(i);
  });
  return out;
}

/**
 * The letters two words are compared by: folded (hamza, ى, ة, diacritics, tatweel) and without proclitics
 * (و ف ب ك ل ال), so that a shared article does not make الوزارة look like الحكومة while بالنفط and والنفط
 * still read as one word changed.
 */
function stem(word: string): string[] {
  const forms = procliticForms(normalizeArabic(word));
  return graphemes(forms[forms.length - 1]!);
}

/** Dice coefficient of the longest common subsequence of letters: 1 for the same (folded) word, 0 for none. */
function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === b.length && a.every((g, i) => g === b[i])) return 1;
  if (a.length === 0 || b.length === 0 || a.length > MAX_PAIRED_WORD || b.length > MAX_PAIRED_WORD) return 0;
  let prev = new Uint8Array(b.length + 1);
  let cur = new Uint8Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return (2 * prev[b.length]!) / (a.length + b.length);
}

/** Letter-level diff of two words, by grapheme (a letter keeps its harakat), exact characters compared. */
export function diffChars(a: string, b: string): CharOp[] {
  const ga = graphemes(a);
  const gb = graphemes(b);
  const interner = new Interner();
  const ia = Int32Array.from(ga, (g) => interner.id(g));
  const ib = Int32Array.from(gb, (g) => interner.id(g));
  const { runs } = diffSequences(ia, ib, { maxEdits: ga.length + gb.length });
  const out: CharOp[] = [];
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    const next = runs[k + 1];
    if (r.kind === 'delete' && next?.kind === 'insert' && r.aTo - r.aFrom === next.bTo - next.bFrom) {
      // As many letters out as in: show them letter against letter (أن → إنّ: أ→إ, ن→نّ).
      for (let x = 0; x < r.aTo - r.aFrom; x++) {
        out.push({ op: 'delete', text: ga[r.aFrom + x]! }, { op: 'insert', text: gb[next.bFrom + x]! });
      }
      k++;
    } else if (r.kind === 'delete') out.push({ op: 'delete', text: ga.slice(r.aFrom, r.aTo).join('') });
    else out.push({ op: r.kind, text: gb.slice(r.bFrom, r.bTo).join('') });
  }
  return out;
}

const countWords = (ts: readonly Token[]): number => ts.reduce((n, t) => n + (t.kind === 'word' ? 1 : 0), 0);
const join = (ts: readonly Token[]): string => ts.map((t) => t.text).join('');

/** Collects word ops, merging neighbours of one kind, and counts words as it goes. */
class OpBuilder {
  readonly ops: WordOp[] = [];
  readonly summary = { wordsAdded: 0, wordsRemoved: 0, wordsChanged: 0 };
  /** The last op is half of a changed-word pair and must stay on its own. */
  private sealed = false;

  equal(a: readonly Token[], b: readonly Token[]): void {
    if (b.length === 0) return;
    const text = join(b);
    const oldText = join(a);
    const last = this.ops[this.ops.length - 1];
    if (last?.op === 'equal' && !this.sealed) {
      const prevOld = last.oldText ?? last.text;
      last.text += text;
      if (last.oldText !== undefined || oldText !== text) last.oldText = prevOld + oldText;
      return;
    }
    this.ops.push(oldText === text ? { op: 'equal', text } : { op: 'equal', text, oldText });
    this.sealed = false;
  }

  /** A stretch with no pairing: equal when only ignored differences remain, else delete then insert. */
  plain(a: readonly Token[], b: readonly Token[], opts: CompareOptions): void {
    // Spaces and marks common to both ends (around a merged or paired stretch) stay equal.
    const same = (x: Token, y: Token): boolean => tokenKey(x, opts) === tokenKey(y, opts);
    let pre = 0;
    while (pre < a.length && pre < b.length && same(a[pre]!, b[pre]!)) pre++;
    let suf = 0;
    while (
      suf < a.length - pre &&
      suf < b.length - pre &&
      same(a[a.length - 1 - suf]!, b[b.length - 1 - suf]!)
    ) {
      suf++;
    }
    this.equal(a.slice(0, pre), b.slice(0, pre));
    const da = a.slice(pre, a.length - suf);
    const db = b.slice(pre, b.length - suf);
    if (da.length > 0) this.add({ op: 'delete', text: join(da) });
    if (db.length > 0) this.add({ op: 'insert', text: join(db) });
    this.summary.wordsRemoved += countWords(da);
    this.summary.wordsAdded += countWords(db);
    this.equal(a.slice(a.length - suf), b.slice(b.length - suf));
  }

  changedWord(a: string, b: string): void {
    this.ops.push({ op: 'delete', text: a }, { op: 'insert', text: b, chars: diffChars(a, b) });
    this.sealed = true;
    this.summary.wordsChanged++;
  }

  private add(op: WordOp): void {
    const last = this.ops[this.ops.length - 1];
    if (!this.sealed && last && last.op === op.op && op.op !== 'equal') {
      last.text += op.text;
      return;
    }
    // A delete after an insert (within one stretch we always emit delete first) keeps the order apply needs.
    this.ops.push(op);
    this.sealed = false;
  }
}
