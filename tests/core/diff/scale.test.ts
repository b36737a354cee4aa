// Long texts: two unrelated 10,000-word texts still give an exact diff (the edit cap turns the search coarse
// instead of letting it run), and a 10,000-word revision with ~2% of its words edited is diffed paragraph by
// paragraph, touching exactly the edited paragraphs. Prints the figures the benchmark will compare.
import { diffWords } from 'diff';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/core/article/model';
import {
  applyArticleDiff,
  applyTextDiff,
  diffArticles,
  diffText,
  type ArticleDiff,
} from '../../../src/core/diff';
import { longText } from './corpusArticles';

const article = (paragraphs: string[]): ArticleContent => ({
  headline: paragraphs[0]!.split(' ').slice(0, 8).join(' '),
  standfirst: null,
  dateline: { place: '', sources: [] },
  figures: [],
  body: paragraphs.map((text) => ({ type: 'paragraph', text })),
  tags: [],
  related: [],
});

const countOps = (d: ArticleDiff): number =>
  d.blocks.reduce((n, b) => n + (b.op === 'changed' ? b.words.length : 1), 0);

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HAMZA: Record<string, string> = { ا: 'أ', أ: 'ا', إ: 'ا', ة: 'ه' };

/**
 * Edits words in place (replace, re-spell the hamza, insert, delete) in every `every`-th paragraph, each word
 * with probability `share`; returns the paragraphs actually changed.
 */
function editWords(
  paragraphs: string[],
  every: number,
  share: number,
  seed: number,
): { edited: string[]; touched: Set<number> } {
  const rnd = prng(seed);
  const touched = new Set<number>();
  const edited = paragraphs.map((p, pi) => {
    if (pi % every !== 0) return p;
    const out: string[] = [];
    for (const w of p.split(' ')) {
      if (rnd() >= share) {
        out.push(w);
        continue;
      }
      touched.add(pi);
      const r = rnd();
      if (r < 0.3) out.push('تعديل');
      else if (r < 0.6) {
        const j = [...w].findIndex((ch) => ch in HAMZA);
        out.push(j >= 0 ? w.slice(0, j) + HAMZA[w[j]!] + w.slice(j + 1) : `و${w}`);
      } else if (r < 0.8) out.push(w, 'جديد');
      // else: the word is deleted
    }
    return out.join(' ');
  });
  // A paragraph whose edits cancelled out (never happens with these edits, but keep the claim honest).
  for (const i of touched) if (edited[i] === paragraphs[i]) touched.delete(i);
  return { edited, touched };
}

describe('diff at scale', () => {
  it('two unrelated 10,000-word texts give an exact (coarse) diff, as one text and as articles', () => {
    const a = longText(0, 10_000);
    const b = longText(1_400, 10_000);
    const ta = a.join('\n');
    const tb = b.join('\n');
    const text = diffText(ta, tb);
    expect(applyTextDiff(ta, text.words)).toBe(tb);
    expect(text.coarse).toBe(true);

    const art = diffArticles(article(a), article(b));
    expect(applyArticleDiff(article(a), art)).toEqual(article(b));
    console.log(
      `unrelated 10,000-word texts: one text → ${text.words.length} ops (coarse); ` +
        `as articles → ${countOps(art)} ops, summary ${JSON.stringify(art.summary)}`,
    );
  });

  it('a 10,000-word revision with ~2% of words edited: only the edited paragraphs are diffed', () => {
    const a = longText(200, 10_000);
    // Every 4th paragraph, 8% of its words: about 2% of the text.
    const { edited: b, touched } = editWords(a, 4, 0.08, 42);
    const d = diffArticles(article(a), article(b));
    expect(applyArticleDiff(article(a), d)).toEqual(article(b));
    expect(d.coarse).toBe(false);
    const body = d.blocks.filter((x) => x.field === 'body' && x.op !== 'equal');
    expect(body.every((x) => x.op === 'changed')).toBe(true);
    expect(new Set(body.map((x) => (x.op === 'changed' ? x.b : -1)))).toEqual(touched);

    const text = diffText(a.join('\n'), b.join('\n'));
    expect(applyTextDiff(a.join('\n'), text.words)).toBe(b.join('\n'));
    // Both count the same net growth (pairing may differ where the text diff sees across paragraphs).
    expect(text.summary.wordsAdded - text.summary.wordsRemoved).toBe(
      d.summary.wordsAdded - d.summary.wordsRemoved,
    );

    const peer = diffWords(a.join('\n'), b.join('\n'));
    console.log(
      `10,000 words, ~2% edited (${touched.size} of ${a.length} paragraphs): ` +
        `diffArticles ${countOps(d)} ops (${body.length} changed blocks), diffText ${text.words.length} ops, ` +
        `summary ${JSON.stringify(d.summary)}; jsdiff diffWords ${peer.length} change objects, ` +
        `${peer.filter((c) => c.added).length} added / ${peer.filter((c) => c.removed).length} removed`,
    );
  });
});
