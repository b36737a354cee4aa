// Plain text as it arrives from a scraper or a wire: one item per non-blank line, the line's text untouched
// (stray no-break spaces and trailing spaces are the copy editor's business, not the importer's).
import { assemble, type ImportResult, type Item } from './assemble';

/** Any line break: LF, CRLF, lone CR (old Mac files), Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

export function textItems(text: string): Item[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(LINE_BREAK)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ kind: 'line' as const, text: line }));
}

export function structurePlainText(text: string): ImportResult {
  return assemble(textItems(text), { subheadingsFromShortLines: true });
}
