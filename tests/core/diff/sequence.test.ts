// The sequence diff underneath everything: a correct script always, a shortest one below the cap (checked
// against a textbook LCS table and against jsdiff on real Arabic token sequences), and coarse beyond it.
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSequences, type Run } from '../../../src/core/diff/myers';
import { tokenize } from '../../../src/core/diff/tokenize';
import { corpus, paragraphs } from './corpusArticles';

function rebuild(
  runs: readonly Run[],
  a: readonly number[],
  b: readonly number[],
): { a: number[]; b: number[] } {
  const ra: number[] = [];
  const rb: number[] = [];
  for (const r of runs) {
    if (r.kind === 'equal') {
      expect(a.slice(r.aFrom, r.aTo)).toEqual(b.slice(r.bFrom, r.bTo));
    }
    ra.push(...a.slice(r.aFrom, r.aTo));
    rb.push(...b.slice(r.bFrom, r.bTo));
  }
  return { a: ra, b: rb };
}

const common = (runs: readonly Run[]): number =>
  runs.reduce((n, r) => n + (r.kind === 'equal' ? r.aTo - r.aFrom : 0), 0);

function lcsLength(a: readonly number[], b: readonly number[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

describe('diffSequences', () => {
  it('finds a shortest edit script on random sequences (small alphabets make many ties)', () => {
    const seq = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const { runs, coarse } = diffSequences(a, b, { maxEdits: 1000 });
        expect(coarse).toBe(false);
        expect(rebuild(runs, a, b)).toEqual({ a, b });
        expect(common(runs)).toBe(lcsLength(a, b));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('stays exact when the cap cuts it short', () => {
    const seq = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 });
    fc.assert(
      fc.property(seq, seq, fc.integer({ min: 0, max: 12 }), (a, b, maxEdits) => {
        const { runs, coarse } = diffSequences(a, b, { maxEdits });
        expect(rebuild(runs, a, b)).toEqual({ a, b });
        if (!coarse) expect(a.length + b.length - 2 * common(runs)).toBeLessThanOrEqual(maxEdits);
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it('keeps as many tokens as jsdiff does on real paragraphs with words dropped and added', () => {
    const articles = corpus().slice(0, 300);
    let compared = 0;
    for (const [n, art] of articles.entries()) {
      const ps = paragraphs(art);
      if (ps.length < 2) continue;
      const ids = new Map<string, number>();
      const id = (s: string): number => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1);
      const a = ps.flatMap((p) => tokenize(p).map((t) => id(t.text)));
      // Deterministic edits: drop every 7th token, duplicate every 11th, and splice in the next paragraph.
      const b = a.filter((_, i) => (i + n) % 7 !== 0).flatMap((t, i) => (i % 11 === 0 ? [t, t] : [t]));
      b.splice(b.length >> 1, 0, ...tokenize(ps[1]!).map((t) => id(t.text)));
      const ours = diffSequences(a, b, { maxEdits: 100_000 });
      const theirs = diffArrays(a, b);
      const theirCommon = theirs.reduce((s, c) => s + (c.added || c.removed ? 0 : c.count), 0);
      expect(common(ours.runs)).toBe(theirCommon);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
