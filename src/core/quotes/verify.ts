// Quote verification: finds the passage of the given source texts that best matches a quote, word for word
// after Arabic orthographic folding, and says whether the article quotes it faithfully (with a word diff).
// Sources may be long (whole transcripts, 1 MB and more): words are indexed once, candidate windows are found
// by votes of shared words along the alignment diagonal, and only those windows are aligned.
import type { DiffOp, Quote, QuoteKind, Verification } from './model';
import { tokenize, wordKey, type Token } from './tokens';

/** A source as the caller has it: an id the UI shows (file name, URL, library id) and its full text. */
export type SourceText = { readonly id: string; readonly text: string };

/** A source with its words indexed; prepare once and reuse for every quote of an article. */
export type PreparedSource = SourceText & {
  readonly tokens: readonly Token[];
  /** Folded word → positions in `tokens`, ascending. */
  readonly index: ReadonlyMap<string, readonly number[]>;
};

export type VerifyOptions = {
  /** Below this score the quote is not_found (default 0.5). */
  threshold?: number;
  /** Which kinds `verifyQuotes` verifies (default: speech only). */
  kinds?: readonly QuoteKind[];
};

const DEFAULT_THRESHOLD = 0.5;
/** Words more frequent than this in a source vote only when the quote has nothing rarer. */
const COMMON_WORD_POSTINGS = 2000;
/** Candidate windows aligned per source. */
const CANDIDATES = 4;

// A changed word costs less than a dropped plus an added one, but more than one gap: at the quote's edges the
// article's extra words then show as inserts rather than eating the source's neighbouring words.
const MATCH = 2;
const MISMATCH = -1.5;
const GAP = -1;

/** Tokenises and indexes a source. Repeated words are folded once (a long transcript repeats most words). */
export function prepareSource(source: SourceText | PreparedSource): PreparedSource {
  if ('index' in source) return source;
  const tokens: Token[] = [];
  const keyOf = new Map<string, string>();
  const index = new Map<string, number[]>();
  for (const m of source.text.matchAll(/[\p{L}\p{M}\p{N}\u0640]+/gu)) {
    let key = keyOf.get(m[0]);
    if (key === undefined) {
      key = wordKey(m[0]);
      keyOf.set(m[0], key);
    }
    if (!key) continue;
    const at = m.index;
    const list = index.get(key);
    if (list) list.push(tokens.length);
    else index.set(key, [tokens.length]);
    tokens.push({ text: m[0], from: at, to: at + m[0].length, key });
  }
  return { id: source.id, text: source.text, tokens, index };
}

type Step =
  | { op: 'equal'; q: number[]; s: number[] }
  | { op: 'insert'; q: number }
  | { op: 'delete'; s: number }
  | { op: 'replace'; q: number; s: number };

type Alignment = {
  score: number;
  steps: Step[];
  sFrom: number;
  sTo: number;
  matchedQ: number;
  matchedS: number;
};

/**
 * Semi-global alignment of the whole quote against part of `win` (source tokens [lo, hi)): the source passage
 * may start and end anywhere, the quote must be used entirely. Words split or joined differently
 * (`عبد الله` / `عبدالله`) align as equal.
 */
function align(q: readonly Token[], source: PreparedSource, lo: number, hi: number): Alignment | null {
  const src = source.tokens;
  const m = q.length;
  const n = hi - lo;
  if (m === 0 || n <= 0) return null;
  const W = n + 1;
  const score = new Float64Array((m + 1) * W);
  const move = new Uint8Array((m + 1) * W); // 1 diag, 2 up (insert), 3 left (delete), 4 join q1=s2, 5 join q2=s1
  const at = (i: number, j: number): number => i * W + j;
  for (let i = 1; i <= m; i++) {
    score[at(i, 0)] = score[at(i - 1, 0)]! + GAP;
    move[at(i, 0)] = 2;
  }
  for (let i = 1; i <= m; i++) {
    const qk = q[i - 1]!.key;
    for (let j = 1; j <= n; j++) {
      const sk = src[lo + j - 1]!.key;
      let best = score[at(i - 1, j - 1)]! + (qk === sk ? MATCH : MISMATCH);
      let how = 1;
      const up = score[at(i - 1, j)]! + GAP;
      if (up > best) {
        best = up;
        how = 2;
      }
      const left = score[at(i, j - 1)]! + GAP;
      if (left > best) {
        best = left;
        how = 3;
      }
      if (j >= 2 && qk.length > sk.length && qk === src[lo + j - 2]!.key + sk) {
        const v = score[at(i - 1, j - 2)]! + MATCH;
        if (v > best) {
          best = v;
          how = 4;
        }
      }
      if (i >= 2 && sk.length > qk.length && sk === q[i - 2]!.key + qk) {
        const v = score[at(i - 2, j - 1)]! + MATCH;
        if (v > best) {
          best = v;
          how = 5;
        }
      }
      score[at(i, j)] = best;
      move[at(i, j)] = how;
    }
  }
  let endJ = 0;
  for (let j = 1; j <= n; j++) if (score[at(m, j)]! > score[at(m, endJ)]!) endJ = j;

  const steps: Step[] = [];
  let i = m;
  let j = endJ;
  while (i > 0) {
    const how = move[at(i, j)]!;
    const s = lo + j - 1;
    if (how === 1) {
      if (q[i - 1]!.key === src[s]!.key) steps.push({ op: 'equal', q: [i - 1], s: [s] });
      else steps.push({ op: 'replace', q: i - 1, s });
      i--;
      j--;
    } else if (how === 2) {
      steps.push({ op: 'insert', q: i - 1 });
      i--;
    } else if (how === 3) {
      steps.push({ op: 'delete', s });
      j--;
    } else if (how === 4) {
      steps.push({ op: 'equal', q: [i - 1], s: [s - 1, s] });
      i--;
      j -= 2;
    } else {
      steps.push({ op: 'equal', q: [i - 2, i - 1], s: [s] });
      i -= 2;
      j--;
    }
  }
  steps.reverse();
  pairEdges(steps, source);
  let sFrom = -1;
  let sTo = -1;
  let matchedQ = 0;
  let matchedS = 0;
  for (const st of steps) {
    const ss = st.op === 'equal' ? st.s : st.op === 'insert' ? [] : [st.s];
    for (const x of ss) {
      if (sFrom < 0) sFrom = x;
      sTo = x + 1;
    }
    if (st.op === 'equal') {
      matchedQ += st.q.length;
      matchedS += st.s.length;
    }
  }
  if (sFrom < 0) return null;
  return { score: score[at(m, endJ)]!, steps, sFrom, sTo, matchedQ, matchedS };
}

// Punctuation that ends the source's sentence or quote: an edge word is not paired across it.
const EDGE_STOP = /[.!?؟:;؛«»"“”„]/u;

/**
 * Words the article has beyond the aligned passage's edges (free in the alignment) are words it changed when
 * the source's sentence goes on there (`… بشكل كبير` quoted as `… بشكل ملحوظ`): they become replacements of the
 * neighbouring source words, up to the source's sentence punctuation.
 */
function pairEdges(steps: Step[], source: PreparedSource): void {
  const src = source.tokens;
  const sourceIndex = (st: Step): number | null =>
    st.op === 'equal' ? st.s[0]! : st.op === 'delete' || st.op === 'replace' ? st.s : null;
  let tail = steps.length;
  while (tail > 0 && steps[tail - 1]!.op === 'insert') tail--;
  let lastS: number | null = null;
  for (let i = tail - 1; i >= 0 && lastS === null; i--) {
    const st = steps[i]!;
    lastS = st.op === 'equal' ? st.s[st.s.length - 1]! : sourceIndex(st);
  }
  if (lastS !== null) {
    let cur: number = lastS;
    for (let i = tail; i < steps.length; i++) {
      const next: number = cur + 1;
      if (next >= src.length || EDGE_STOP.test(source.text.slice(src[cur]!.to, src[next]!.from))) break;
      steps[i] = { op: 'replace', q: (steps[i] as { q: number }).q, s: next };
      cur = next;
    }
  }
  let head = 0;
  while (head < steps.length && steps[head]!.op === 'insert') head++;
  let firstS: number | null = null;
  for (let i = head; i < steps.length && firstS === null; i++) firstS = sourceIndex(steps[i]!);
  if (firstS !== null) {
    let cur: number = firstS;
    for (let i = head - 1; i >= 0; i--) {
      const prev: number = cur - 1;
      if (prev < 0 || EDGE_STOP.test(source.text.slice(src[prev]!.to, src[cur]!.from))) break;
      steps[i] = { op: 'replace', q: (steps[i] as { q: number }).q, s: prev };
      cur = prev;
    }
  }
}

/** Windows of source tokens where many of the quote's words fall on nearly the same diagonal. */
function candidateWindows(q: readonly Token[], src: PreparedSource): [number, number][] {
  const m = q.length;
  const bucket = Math.max(8, m);
  const postings = q.map((t) => src.index.get(t.key) ?? []);
  const present = postings.filter((p) => p.length > 0);
  if (!present.length) return [];
  const rarest = Math.min(...present.map((p) => p.length));
  const cap = Math.max(COMMON_WORD_POSTINGS, rarest);
  const votes = new Map<number, number>();
  const seen = new Set<string>();
  postings.forEach((list, i) => {
    if (list.length === 0 || list.length > cap) return;
    // A word repeated in the quote votes once per position, not once per repetition.
    const key = q[i]!.key;
    for (const p of list) {
      const b = Math.floor((p - i) / bucket);
      const tag = `${key}:${b}`;
      if (seen.has(tag)) continue;
      seen.add(tag);
      votes.set(b, (votes.get(b) ?? 0) + 1);
    }
  });
  const total = (b: number): number =>
    (votes.get(b - 1) ?? 0) + (votes.get(b) ?? 0) + (votes.get(b + 1) ?? 0);
  const ranked = [...votes.keys()].sort((a, b) => total(b) - total(a) || a - b);
  const chosen: number[] = [];
  for (const b of ranked) {
    if (chosen.length >= CANDIDATES) break;
    if (chosen.some((c) => Math.abs(c - b) <= 1)) continue;
    chosen.push(b);
  }
  const slack = Math.ceil(m / 2) + 4;
  return chosen.map((b) => [
    Math.max(0, (b - 1) * bucket - slack),
    Math.min(src.tokens.length, (b + 2) * bucket + m + slack),
  ]);
}

/** Word diff in original spelling; within a run of changes the source's words come first (delete, insert). */
function diffOf(q: readonly Token[], src: readonly Token[], steps: readonly Step[]): DiffOp[] {
  const out: DiffOp[] = [];
  let deleted: string[] = [];
  let inserted: string[] = [];
  const push = (op: DiffOp['op'], words: string[]): void => {
    if (!words.length) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ' ' + words.join(' ');
    else out.push({ op, text: words.join(' ') });
  };
  const flush = (): void => {
    push('delete', deleted);
    push('insert', inserted);
    deleted = [];
    inserted = [];
  };
  for (const st of steps) {
    if (st.op === 'equal') {
      flush();
      push(
        'equal',
        st.q.map((i) => q[i]!.text),
      );
    } else if (st.op === 'insert') inserted.push(q[st.q]!.text);
    else if (st.op === 'delete') deleted.push(src[st.s]!.text);
    else {
      deleted.push(src[st.s]!.text);
      inserted.push(q[st.q]!.text);
    }
  }
  flush();
  return out;
}

function notFound(source: string | null, score = 0): Verification {
  return { status: 'not_found', score, source, sourceText: '', sourceFrom: 0, sourceTo: 0, diff: [] };
}

/**
 * Verifies one quoted text against the sources: the best passage over all of them, `verified` when it has the
 * same words after folding (punctuation, marks, hamza forms, digits … never count), `discrepancy` when words
 * were added, dropped or changed, `not_found` when the best score is under the threshold.
 */
export function verifyText(
  text: string,
  sources: readonly (SourceText | PreparedSource)[],
  options: VerifyOptions = {},
): Verification {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const q = tokenize(text);
  if (!q.length || !sources.length) return notFound(sources[0]?.id ?? null);
  let best: { src: PreparedSource; a: Alignment; dice: number } | null = null;
  for (const s of sources) {
    const src = prepareSource(s);
    for (const [lo, hi] of candidateWindows(q, src)) {
      const a = align(q, src, lo, hi);
      if (!a) continue;
      const dice = (a.matchedQ + a.matchedS) / (q.length + (a.sTo - a.sFrom));
      if (!best || dice > best.dice || (dice === best.dice && a.score > best.a.score))
        best = { src, a, dice };
    }
  }
  if (!best) return notFound(sources[0]?.id ?? null);
  const score = Math.round(best.dice * 1000) / 1000;
  if (best.dice < threshold) return notFound(best.src.id, score);
  const exact = best.a.steps.every((s) => s.op === 'equal');
  const from = best.src.tokens[best.a.sFrom]!.from;
  const to = best.src.tokens[best.a.sTo - 1]!.to;
  return {
    status: exact ? 'verified' : 'discrepancy',
    score: exact ? 1 : Math.min(score, 0.999),
    source: best.src.id,
    sourceText: best.src.text.slice(from, to),
    sourceFrom: from,
    sourceTo: to,
    diff: diffOf(q, best.src.tokens, best.a.steps),
  };
}

/** Verifies the quotes of the given kinds (speech by default); the others are returned unchanged. */
export function verifyQuotes(
  quotes: readonly Quote[],
  sources: readonly (SourceText | PreparedSource)[],
  options: VerifyOptions = {},
): Quote[] {
  const kinds = options.kinds ?? ['speech'];
  const prepared = sources.map(prepareSource);
  return quotes.map((q) =>
    kinds.includes(q.kind) ? { ...q, verification: verifyText(q.text, prepared, options) } : q,
  );
}
