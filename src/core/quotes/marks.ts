// Finds quoted passages in a block's text: «…», "…", “…”, „…“ (and ”…” as Arabic keyboards type it), nested
// ones, and the typographic convention for a quote that runs over several paragraphs (a paragraph ends with
// the quote still open and the next one opens it again).

export type QuoteSpan = {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the block's length when the quote is still open at its end. */
  close: number;
  /** Offsets of the quoted text, marks excluded. */
  from: number;
  to: number;
  /** Nesting depth: 0 for a quote in running text, 1 for a quote inside a quote … */
  depth: number;
  /** The opening mark. */
  mark: string;
  /** True when the block ends with this quote still open. */
  openAtEnd: boolean;
};

const OPENERS: Record<string, string[]> = {
  '«': ['»'],
  '“': ['”'],
  '„': ['“', '”'],
  '"': ['"'],
  '”': ['”'],
};

// Before an opening mark: start, space, opening punctuation, a colon, or a one-letter proclitic (لـ«…», و"…").
const OPEN_AFTER_CHAR = /[\s(:[{«“„—–\-\u0640]/u;
const PROCLITIC = /[وفلبك]/u;
// After a closing mark: end, space, or punctuation.
const CLOSE_AFTER = /^(?:$|[\s.,،؛;:!?؟)\]}»”“…\-–—'"])/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{M}\p{N}]/u.test(ch);
}

/** Could the ambiguous mark at `i` open a quote? */
function canOpen(text: string, i: number): boolean {
  const after = text[i + 1];
  if (after === undefined || /\s/.test(after)) return false;
  if (i === 0) return true;
  const prev = text[i - 1]!;
  if (OPEN_AFTER_CHAR.test(prev)) return true;
  if (PROCLITIC.test(prev)) return i === 1 || /[\s(]/u.test(text[i - 2]!);
  return !isWordChar(prev);
}

/** Could the ambiguous mark at `i` close a quote? */
function canClose(text: string, i: number): boolean {
  const prev = text[i - 1];
  if (prev === undefined || /\s/.test(prev)) return false;
  return CLOSE_AFTER.test(text.slice(i + 1, i + 2));
}

/**
 * The quoted spans of one block, in order of their opening marks (an outer quote before the ones inside it).
 * A mark that can neither open nor close where it stands (`a"b`) is ignored.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  type Open = { at: number; mark: string; closers: string[] };
  const stack: Open[] = [];
  const spans: QuoteSpan[] = [];

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!(ch in OPENERS) && ch !== '»') continue;
    const top = stack[stack.length - 1];
    const closesTop = top !== undefined && top.closers.includes(ch);
    const symmetric = ch === '"' || ch === '”';
    if (closesTop && (!symmetric || canClose(text, i) || !canOpen(text, i))) {
      stack.pop();
      spans.push(span(top, i, stack.length));
      continue;
    }
    // A closing mark of a quote further down the stack closes everything opened after it (a missing mark).
    const deeper = stack.findIndex((o) => o.closers.includes(ch));
    if (deeper >= 0 && !(ch in OPENERS && canOpen(text, i) && !canClose(text, i))) {
      while (stack.length > deeper + 1) stack.pop();
      const o = stack.pop()!;
      spans.push(span(o, i, stack.length));
      continue;
    }
    if (ch in OPENERS && (!symmetric || canOpen(text, i))) {
      stack.push({ at: i, mark: ch, closers: OPENERS[ch]! });
    }
  }
  // Still open at the end of the block: a quote that goes on in the next paragraph, or a missing mark.
  while (stack.length) {
    const o = stack.pop()!;
    spans.push({ ...span(o, text.length, stack.length), openAtEnd: true });
  }
  return spans.sort((a, b) => a.open - b.open || a.depth - b.depth);
}

function span(o: { at: number; mark: string }, close: number, depth: number): QuoteSpan {
  return { open: o.at, close, from: o.at + 1, to: close, depth, mark: o.mark, openAtEnd: false };
}

/** The opening mark a paragraph starts with (after spaces), or null. */
export function leadingOpener(text: string): string | null {
  const m = /^\s*([«“„"”])/u.exec(text);
  return m ? m[1]! : null;
}
