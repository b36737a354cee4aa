// Plain text as it arrives from a scraper or a wire: one item per non-blank line, the line's text untouched
// (stray no-break spaces and trailing spaces are the copy editor's business, not the importer's). Only text
// hard-wrapped at a fixed width (old wire copy, e-mail) has the lines of each paragraph joined again.
import type { ImportWarning } from '../article/model';
import { assemble, type ImportResult, type ImportWarningCode, type Item } from './assemble';

/** Any line break: LF, CRLF, lone CR (old Mac files), Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
const ENDS_SENTENCE = /[.!?؟:؛»"”)]\s*$/u;

/** Runs of non-blank lines between blank lines. */
function groupsOf(lines: string[]): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) groups.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * Hard-wrapped text: paragraphs separated by blank lines, and inside them lines cut at about the same width,
 * most of them in mid-sentence. Scraped text (one paragraph per line, lines of any length) never looks like this.
 */
export function wrapWidth(lines: string[]): number | null {
  const groups = groupsOf(lines);
  const all = groups.flat().map((l) => l.trim());
  if (all.length < 6) return null;
  const max = Math.max(...all.map((l) => l.length));
  if (max < 40 || max > 100) return null;
  const inner = groups.flatMap((g) => g.slice(0, -1)).map((l) => l.trim());
  if (inner.length < all.length / 3) return null;
  const midSentence = inner.filter((l) => !ENDS_SENTENCE.test(l)).length;
  if (midSentence < inner.length * 0.6) return null;
  const sorted = inner.map((l) => l.length).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return median >= max * 0.6 && median >= 30 ? max : null;
}

export function textItems(text: string): { items: Item[]; warnings: ImportWarning[] } {
  const lines = text.replace(/^\uFEFF/, '').split(LINE_BREAK);
  const width = wrapWidth(lines);
  if (width !== null) {
    const items = groupsOf(lines).map((g) => ({
      kind: 'line' as const,
      text: g.map((l) => l.trim()).join(' '),
    }));
    return {
      items,
      warnings: [
        {
          code: 'lines_joined' satisfies ImportWarningCode,
          message: `The text is hard-wrapped at about ${width} characters; the lines of each paragraph were joined.`,
        },
      ],
    };
  }
  return {
    items: lines.filter((line) => line.trim() !== '').map((line) => ({ kind: 'line' as const, text: line })),
    warnings: [],
  };
}

export function structurePlainText(text: string): ImportResult {
  const { items, warnings } = textItems(text);
  const result = assemble(items, { subheadingsFromShortLines: true });
  return { content: result.content, warnings: [...warnings, ...result.warnings] };
}
