// Builds the quote decorations: one inline decoration per paragraph of a quote, classed by kind and review
// status (colour, background, underline only: Arabic letters keep joining across a decoration's edge).
import { Decoration } from '@tiptap/pm/view';
import type { ReviewStatus } from '../../../../core/factcheck/model';
import type { Quote } from '../../../../core/quotes';
import { offsetToPos, type BodyBlock } from './bodyBlocks';

/** A span of words marked by hand, located in the live text by its words. */
export type HandSpan = { block: number; from: number; to: number; text: string };

/**
 * A claim, or a speech quote made by splitting or merging quotes, marked by hand: located in the live text
 * by its words (it is not found by extraction). A merged quote has further spans in `more`.
 */
export type HandClaim = HandSpan & { id: string; kind?: 'claim' | 'speech'; more?: readonly HandSpan[] };

export type QuoteSpec = { quote: string; hand: boolean };

function attrs(
  id: string,
  kind: string,
  status: ReviewStatus,
  active: boolean,
  hand = false,
): Record<string, string> {
  return {
    class: `fc-quote fc-kind-${kind} fc-status-${status}${active ? ' fc-active' : ''}${hand ? ' fc-hand' : ''}`,
    'data-quote-id': id,
    'data-quote-kind': kind,
    'data-quote-status': status,
  };
}

/** Decorations for `quotes` (all, or those starting in the blocks being redrawn). */
export function quoteDecorations(
  blocks: readonly BodyBlock[],
  quotes: readonly Quote[],
  statusOf: (id: string) => ReviewStatus,
  active: string | null,
): Decoration[] {
  const out: Decoration[] = [];
  for (const q of quotes) {
    const a = attrs(q.id, q.kind, statusOf(q.id), q.id === active);
    for (const p of q.parts) {
      const b = blocks[p.block];
      if (!b || p.from >= p.to) continue;
      const spec: QuoteSpec = { quote: q.id, hand: false };
      out.push(Decoration.inline(offsetToPos(b, p.from), offsetToPos(b, p.to), a, spec));
    }
  }
  return out;
}

/** Where a claim marked by hand is in the live text: at its offsets when its words are there, else found. */
export function locateClaim(
  blocks: readonly BodyBlock[],
  c: HandSpan,
): { block: number; from: number } | null {
  const texts = blocks.map((b) => b.node.textContent);
  if (texts[c.block]?.slice(c.from, c.to) === c.text) return { block: c.block, from: c.from };
  const order = [c.block, ...texts.keys()].filter(
    (b, i, all) => texts[b] !== undefined && all.indexOf(b) === i,
  );
  for (const b of order) {
    const at = texts[b]!.indexOf(c.text);
    if (at >= 0) return { block: b, from: at };
  }
  return null;
}

export function claimDecorations(
  blocks: readonly BodyBlock[],
  claims: readonly HandClaim[],
  statusOf: (id: string) => ReviewStatus,
  active: string | null,
): Decoration[] {
  const out: Decoration[] = [];
  for (const c of claims) {
    const kind = c.kind ?? 'claim';
    for (const span of [c, ...(c.more ?? [])]) {
      const at = locateClaim(blocks, span);
      if (!at || !span.text) continue;
      const b = blocks[at.block]!;
      const spec: QuoteSpec = { quote: c.id, hand: true };
      out.push(
        Decoration.inline(
          offsetToPos(b, at.from),
          offsetToPos(b, at.from + span.text.length),
          attrs(c.id, kind, statusOf(c.id), c.id === active, kind === 'speech'),
          spec,
        ),
      );
    }
  }
  return out;
}
