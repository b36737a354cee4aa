// Myers' O(ND) difference algorithm on sequences of interned ids, in linear space (middle-snake bisection),
// with a cap on the edit distance and an optional deadline so that no input can make a diff run unbounded.

/** A maximal run of one kind of edit: a[aFrom, aTo) and b[bFrom, bTo) (one side is empty unless 'equal'). */
export type Run = {
  kind: 'equal' | 'delete' | 'insert';
  aFrom: number;
  aTo: number;
  bFrom: number;
  bTo: number;
};

export type SequenceDiffLimits = {
  /** Largest edit distance (deleted + inserted items) refined; beyond it the result is coarse. */
  maxEdits: number;
  /** Absolute time (Date.now()) after which refinement stops; coarse from then on. */
  deadline?: number;
};

export type SequenceDiff = {
  runs: Run[];
  /**
   * True when the cap or the deadline was reached: the runs are then the common prefix and suffix around one
   * delete + insert of everything in between. Still a correct script (applying it yields b), just not minimal.
   */
  coarse: boolean;
};

class OverBudget extends Error {}

/**
 * Diffs two id sequences. Equal ids mean equal items. The result's runs cover both sequences in order:
 * concatenating the 'equal' and 'delete' ranges gives a, the 'equal' and 'insert' ranges give b.
 */
export function diffSequences(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  limits: SequenceDiffLimits,
): SequenceDiff {
  const n = a.length;
  const m = b.length;
  let pre = 0;
  while (pre < n && pre < m && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] === b[m - 1 - suf]) suf++;

  const edits: Edit[] = [];
  let coarse = false;
  if (pre < n - suf || pre < m - suf) {
    // The distance is at least the length difference: no need to search when that alone exceeds the cap.
    if (Math.abs(n - m) > limits.maxEdits) {
      coarse = true;
    } else {
      const ctx: Ctx = {
        a,
        b,
        edits,
        maxHalf: Math.ceil(limits.maxEdits / 2),
        deadline: limits.deadline,
        ticks: 0,
      };
      try {
        solve(ctx, pre, n - suf, pre, m - suf);
        // The search bounds its depth by half the cap; the cap itself is on the script found.
        coarse = editCount(edits) > limits.maxEdits;
      } catch (e) {
        if (!(e instanceof OverBudget)) throw e;
        coarse = true;
      }
    }
    if (coarse) {
      edits.length = 0;
      edits.push(
        { kind: 'delete', aFrom: pre, aTo: n - suf, b: pre },
        { kind: 'insert', bFrom: pre, bTo: m - suf, a: n - suf },
      );
    }
  }
  return { runs: toRuns(edits, n, m), coarse };
}

/** One deletion a[aFrom, aTo) (at position b in b) or insertion b[bFrom, bTo) (at position a in a). */
type Edit =
  | { kind: 'delete'; aFrom: number; aTo: number; b: number }
  | { kind: 'insert'; bFrom: number; bTo: number; a: number };

type Ctx = {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  edits: Edit[];
  maxHalf: number;
  deadline: number | undefined;
  ticks: number;
};

/** Appends the edits turning a[aLo, aHi) into b[bLo, bHi), in order. */
function solve(ctx: Ctx, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const { a, b } = ctx;
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    aLo++;
    bLo++;
  }
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
  }
  if (aLo === aHi && bLo === bHi) return;
  if (aLo === aHi) {
    ctx.edits.push({ kind: 'insert', bFrom: bLo, bTo: bHi, a: aLo });
    return;
  }
  if (bLo === bHi) {
    ctx.edits.push({ kind: 'delete', aFrom: aLo, aTo: aHi, b: bLo });
    return;
  }
  const split = middleSnake(ctx, aLo, aHi, bLo, bHi);
  // A split at either corner would not make the problem smaller; replacing the range is correct there.
  if (!split || (split[0] === aLo && split[1] === bLo) || (split[0] === aHi && split[1] === bHi)) {
    ctx.edits.push(
      { kind: 'delete', aFrom: aLo, aTo: aHi, b: bLo },
      { kind: 'insert', bFrom: bLo, bTo: bHi, a: aHi },
    );
    return;
  }
  solve(ctx, aLo, split[0], bLo, split[1]);
  solve(ctx, split[0], aHi, split[1], bHi);
}

/**
 * Finds a point (x, y) on a shortest path through the edit graph of a[aLo, aHi) × b[bLo, bHi) by running the
 * greedy search from both ends until they overlap (Myers 1986, section 4b; the bookkeeping follows
 * diff-match-patch's bisect, which skips diagonals once they leave the grid). Returns null when the searches
 * do not meet, in which case replacing the whole range is the (correct) answer.
 */
function middleSnake(ctx: Ctx, aLo: number, aHi: number, bLo: number, bHi: number): [number, number] | null {
  const { a, b } = ctx;
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const vf = new Int32Array(size).fill(-1);
  const vb = new Int32Array(size).fill(-1);
  vf[offset + 1] = 0;
  vb[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the searches can only meet after a forward step, with an even one after a backward step.
  const front = (delta & 1) !== 0;
  let fStart = 0;
  let fEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  for (let d = 0; d < maxD; d++) {
    if (d > ctx.maxHalf) throw new OverBudget();
    if (ctx.deadline !== undefined && (++ctx.ticks & 15) === 0 && Date.now() >= ctx.deadline) {
      throw new OverBudget();
    }
    for (let k = -d + fStart; k <= d - fEnd; k += 2) {
      const ko = offset + k;
      let x = k === -d || (k !== d && vf[ko - 1]! < vf[ko + 1]!) ? vf[ko + 1]! : vf[ko - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      vf[ko] = x;
      if (x > n) fEnd += 2;
      else if (y > m) fStart += 2;
      else if (front) {
        const kb = offset + delta - k;
        if (kb >= 0 && kb < size && vb[kb]! !== -1 && x >= n - vb[kb]!) return [aLo + x, bLo + y];
      }
    }
    for (let k = -d + bStart; k <= d - bEnd; k += 2) {
      const ko = offset + k;
      let x = k === -d || (k !== d && vb[ko - 1]! < vb[ko + 1]!) ? vb[ko + 1]! : vb[ko - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aHi - 1 - x] === b[bHi - 1 - y]) {
        x++;
        y++;
      }
      vb[ko] = x;
      if (x > n) bEnd += 2;
      else if (y > m) bStart += 2;
      else if (!front) {
        const kf = offset + delta - k;
        if (kf >= 0 && kf < size && vf[kf]! !== -1) {
          const xf = vf[kf]!;
          if (xf >= n - x) return [aLo + xf, bLo + xf - (kf - offset)];
        }
      }
    }
  }
  return null;
}

function editCount(edits: readonly Edit[]): number {
  let n = 0;
  for (const e of edits) n += e.kind === 'delete' ? e.aTo - e.aFrom : e.bTo - e.bFrom;
  return n;
}

/** Turns the ordered edits into runs covering both sequences, with 'equal' runs in the gaps. */
function toRuns(edits: readonly Edit[], n: number, m: number): Run[] {
  const runs: Run[] = [];
  let ai = 0;
  let bi = 0;
  const push = (r: Run): void => {
    const last = runs[runs.length - 1];
    if (last && last.kind === r.kind) {
      last.aTo = r.aTo;
      last.bTo = r.bTo;
    } else runs.push({ ...r });
  };
  for (const e of edits) {
    const at = e.kind === 'delete' ? e.aFrom : e.a;
    if (at > ai) {
      const len = at - ai;
      push({ kind: 'equal', aFrom: ai, aTo: at, bFrom: bi, bTo: bi + len });
      ai = at;
      bi += len;
    }
    if (e.kind === 'delete') {
      push({ kind: 'delete', aFrom: e.aFrom, aTo: e.aTo, bFrom: bi, bTo: bi });
      ai = e.aTo;
    } else {
      push({ kind: 'insert', aFrom: ai, aTo: ai, bFrom: e.bFrom, bTo: e.bTo });
      bi = e.bTo;
    }
  }
  if (ai < n || bi < m) {
    if (n - ai !== m - bi) throw new Error('diff: the edit script does not cover both sequences');
    push({ kind: 'equal', aFrom: ai, aTo: n, bFrom: bi, bTo: m });
  }
  return runs;
}
