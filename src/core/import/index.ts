// Import: turns text as it arrives at a newsroom (scraped pages, wire copy, saved HTML, Markdown) into the
// structured article. Structures, never rewrites wording; what it noticed is reported as warnings.
import type { ImportResult } from './assemble';
import { structurePlainText } from './text';
import { structureHtmlDocument } from './html';
import { structureMarkdownDocument } from './markdown';

export type { ImportResult, ImportWarningCode } from './assemble';
export { IMPORT_WARNING_CODES } from './assemble';

/** Plain text (the seed's layout): headline, figure captions, dateline, body, web furniture. */
export function structureText(text: string): ImportResult {
  return structurePlainText(text);
}

/** A saved news page or pasted HTML: the article body only, everything else sanitised away. */
export function structureHtml(html: string): ImportResult {
  return structureHtmlDocument(html);
}

/** Markdown: # headline, ## sub-headings, > block quotes, ![alt](src "caption"). */
export function structureMarkdown(md: string): ImportResult {
  return structureMarkdownDocument(md);
}
