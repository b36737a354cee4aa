// Tracked changes on the article model: an `insertion` span is text someone proposes to add, a `deletion`
// span is text someone proposes to remove; both carry { author, at }. Accepting or rejecting works on a
// block's text and spans alone, so the editor, the command line and exports can resolve suggestions alike.
import type { ArticleContent, Block, Span } from '../article/model';

export const INSERTION = 'insertion';
export const DELETION = 'deletion';
export const SUGGESTION_TYPES = [INSERTION, DELETION] as const;
export type SuggestionType = (typeof SUGGESTION_TYPES)[number];

/** Who proposed a change and when (ISO 8601). */
export type SuggestionAttrs = { author: string; at: string };

export type Decision = 'accept' | 'reject';

/** One suggestion as a reviewer sees it: a contiguous run of one mark in the headline or one body block. */
export type Suggestion = SuggestionAttrs & {
  type: SuggestionType;
  /** Index of the body block; HEADLINE_BLOCK for the headline. */
  block: number;
  from: number;
  to: number;
  text: string;
};

/** Which suggestions a decision applies to; an empty filter means every suggestion. */
export type SuggestionFilter = {
  author?: string;
  type?: SuggestionType;
  block?: number;
  from?: number;
  to?: number;
};

export function isSuggestionType(type: string): type is SuggestionType {
  return type === INSERTION || type === DELETION;
}

/** The attrs of a suggestion span, or null when the span is not a well-formed suggestion. */
export function suggestionAttrs(span: Span): SuggestionAttrs | null {
  if (!isSuggestionType(span.type) || !span.attrs) return null;
  const { author, at } = span.attrs;
  const keys = Object.keys(span.attrs);
  if (typeof author !== 'string' || typeof at !== 'string' || keys.length !== 2) return null;
  return { author, at };
}

/** The headline's place where suggestions are counted by block: before the first body block. */
export const HEADLINE_BLOCK = -1;

/** The headline as a block of its own, so its suggestions are listed and resolved like the body's. */
function headlineBlock(content: ArticleContent): Block {
  return { type: 'paragraph', text: content.headline, marks: content.headlineMarks ?? [] };
}

export function suggestionsOf(content: ArticleContent): Suggestion[] {
  const out: Suggestion[] = [];
  const blocks: [Block, number][] = [
    [headlineBlock(content), HEADLINE_BLOCK],
    ...content.body.map((b, i) => [b, i] as [Block, number]),
  ];
  blocks.forEach(([b, block]) => {
    for (const span of b.marks ?? []) {
      const a = suggestionAttrs(span);
      if (!a || span.from >= span.to) continue;
      out.push({
        ...a,
        type: span.type as SuggestionType,
        block,
        from: span.from,
        to: span.to,
        text: b.text.slice(span.from, span.to),
      });
    }
  });
  return out.sort((x, y) => x.block - y.block || x.from - y.from);
}

function matches(span: Span, block: number, f: SuggestionFilter): boolean {
  const a = suggestionAttrs(span);
  if (!a) return false;
  if (f.author !== undefined && a.author !== f.author) return false;
  if (f.type !== undefined && span.type !== f.type) return false;
  if (f.block !== undefined && f.block !== block) return false;
  if (f.from !== undefined && span.to <= f.from) return false;
  if (f.to !== undefined && span.from >= f.to) return false;
  return true;
}

/**
 * Accepts or rejects the matching suggestions of one block. Accepting an insertion or rejecting a deletion
 * drops the mark; accepting a deletion or rejecting an insertion removes the text, and every other span is
 * shifted (or shortened) so it keeps covering the same characters.
 */
export function resolveBlock(
  b: Block,
  index: number,
  decision: Decision,
  filter: SuggestionFilter = {},
): Block {
  if (!b.marks?.length) return b;
  const removeType = decision === 'accept' ? DELETION : INSERTION;
  const chosen = b.marks.filter((s) => matches(s, index, filter));
  if (!chosen.length) return b;
  // Character ranges to cut, merged and sorted.
  const cuts = chosen
    .filter((s) => s.type === removeType)
    .map((s) => [s.from, s.to] as [number, number])
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const c of cuts) {
    const last = merged[merged.length - 1];
    if (last && c[0] <= last[1]) last[1] = Math.max(last[1], c[1]);
    else merged.push([...c]);
  }
  const map = (pos: number): number => {
    let shift = 0;
    for (const [from, to] of merged) {
      if (pos >= to) shift += to - from;
      else if (pos > from) shift += pos - from;
    }
    return pos - shift;
  };
  let text = '';
  let at = 0;
  for (const [from, to] of merged) {
    text += b.text.slice(at, from);
    at = to;
  }
  text += b.text.slice(at);
  const marks: Span[] = [];
  for (const s of b.marks) {
    if (chosen.includes(s)) continue;
    const from = map(s.from);
    const to = map(s.to);
    // A span whose every character was removed goes with them; empty spans stored as such stay.
    if (from === to && s.from < s.to) continue;
    marks.push({ ...s, from, to });
  }
  return { ...b, text, marks };
}

/** Accepts or rejects the matching suggestions in the headline and throughout the body. */
export function resolveSuggestions(
  content: ArticleContent,
  decision: Decision,
  filter: SuggestionFilter = {},
): ArticleContent {
  const { headlineMarks: _marks, ...rest } = content;
  const head = resolveBlock(headlineBlock(content), HEADLINE_BLOCK, decision, filter);
  return {
    ...rest,
    headline: head.text,
    ...(head.marks?.length ? { headlineMarks: head.marks } : {}),
    body: content.body.map((b, i) => resolveBlock(b, i, decision, filter)),
  };
}
