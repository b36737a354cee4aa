// Quotes of the live document, kept per body block so that an edit re-extracts only the blocks it touched
// (with the neighbours a quote's reading depends on) instead of the whole article. Pure: plain texts in,
// the core's Quote objects out, with the very ids the services compute for the saved revision.
import { extractQuotesPositional, stableQuoteIds, type Quote } from '../../../../core/quotes';
import { findQuoteSpans } from '../../../../core/quotes/marks';

/**
 * A quote as stored with the block it starts in: everything but the block index, which changes whenever a
 * block is inserted above (ids carry it, so they are put together when read, see absoluteQuotes).
 */
export type LocalQuote = Omit<Quote, 'id' | 'block' | 'parts' | 'parent'> & {
  /** The id without its `q<block>-` prefix. */
  local: string;
  /** Paragraphs of the quote relative to its first block. */
  parts: readonly { delta: number; from: number; to: number }[];
  parent: { delta: number; local: string } | null;
};

export type BlockQuotes = readonly LocalQuote[];

const ID = /^q(\d+)-(.*)$/s;

function splitId(id: string): { block: number; local: string } {
  const m = ID.exec(id);
  // Every extracted quote has a q<block>- id; anything else is kept whole in block 0's terms.
  return m ? { block: Number(m[1]), local: m[2]! } : { block: 0, local: id };
}

/** True when the block ends inside a quote: the next paragraph may continue it. */
export function endsOpen(text: string): boolean {
  return findQuoteSpans(text).some((s) => s.depth === 0 && s.openAtEnd);
}

/**
 * Extracts blocks `start..end` (inclusive) of `texts` and returns their quotes per block. Speakers are found
 * with the window's context only; the panel prefers the services' reading of the saved revision.
 */
export function extractWindow(texts: readonly string[], start: number, end: number): LocalQuote[][] {
  const slice = texts.slice(start, end + 1).map((text) => ({ text }));
  const out: LocalQuote[][] = slice.map(() => []);
  for (const q of extractQuotesPositional(slice)) {
    const { local } = splitId(q.id);
    out[q.block]!.push({
      local,
      text: q.text,
      kind: q.kind,
      speaker: q.speaker,
      from: q.from,
      to: q.to,
      attribution: q.attribution,
      unclosed: q.unclosed,
      verification: q.verification,
      parts: q.parts.map((p) => ({ delta: p.block - q.block, from: p.from, to: p.to })),
      parent: q.parent
        ? (() => {
            const p = splitId(q.parent);
            return { delta: p.block - q.block, local: p.local };
          })()
        : null,
    });
  }
  return out;
}

/**
 * The windows to re-extract after the blocks in `changed` changed: each block with its neighbours (a quote
 * after وأضاف: takes the speaker of the paragraph before), widened over quotes that run across paragraphs.
 * Overlapping or touching windows are merged.
 */
export function windowsFor(texts: readonly string[], changed: Iterable<number>): [number, number][] {
  const n = texts.length;
  const open = new Map<number, boolean>();
  const isOpen = (i: number): boolean => {
    let v = open.get(i);
    if (v === undefined) open.set(i, (v = endsOpen(texts[i]!)));
    return v;
  };
  const raw: [number, number][] = [];
  for (const i of changed) {
    if (i < 0 || i >= n) continue;
    let s = Math.max(0, i - 1);
    while (s > 0 && isOpen(s - 1)) s--;
    let e = Math.min(n - 1, i + 1);
    while (e < n - 1 && isOpen(e)) e++;
    raw.push([s, e]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of raw) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1] + 1) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

/** Extracts every block at once (the document as loaded): the best context for speakers. */
export function extractAll(texts: readonly string[]): LocalQuote[][] {
  return texts.length ? extractWindow(texts, 0, texts.length - 1) : [];
}

/** The quotes of the whole body with their ids (the services' stable ids), in reading order. */
export function absoluteQuotes(perBlock: readonly BlockQuotes[]): Quote[] {
  const out: Quote[] = [];
  perBlock.forEach((quotes, block) => {
    for (const q of quotes) out.push(absoluteQuote(q, block));
  });
  return stableQuoteIds(out);
}

/** A quote with its positional id (`q<block>-…`); absoluteQuotes turns the whole list into stable ids. */
function absoluteQuote(q: LocalQuote, block: number): Quote {
  return {
    id: `q${block}-${q.local}`,
    text: q.text,
    kind: q.kind,
    speaker: q.speaker,
    block,
    from: q.from,
    to: q.to,
    parts: q.parts.map((p) => ({ block: block + p.delta, from: p.from, to: p.to })),
    parent: q.parent ? `q${block + q.parent.delta}-${q.parent.local}` : null,
    attribution: q.attribution,
    unclosed: q.unclosed,
    verification: null,
  };
}

/** Same quotes (ids, kinds, places, words and speakers) in two readings of one block. */
export function sameBlockQuotes(a: BlockQuotes, b: BlockQuotes): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((q, i) => {
    const o = b[i]!;
    return (
      q.local === o.local &&
      q.kind === o.kind &&
      q.from === o.from &&
      q.to === o.to &&
      q.text === o.text &&
      q.speaker === o.speaker &&
      q.parts.length === o.parts.length &&
      q.parts.every((p, j) => p.delta === o.parts[j]!.delta && p.to === o.parts[j]!.to)
    );
  });
}
