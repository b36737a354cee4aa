// Import: turns text as it arrives at a newsroom (scraped pages, wire copy, saved HTML, Markdown) into the
// structured article. Structures, never rewrites wording; what it noticed is reported as warnings.
import type { ArticleContent, ImportWarning } from '../article/model';
import { emptyContent } from '../article/model';

export type ImportResult = { content: ArticleContent; warnings: ImportWarning[] };

/** Plain text (the seed's layout): headline, figure captions, dateline, body, web furniture. */
export function structureText(text: string): ImportResult {
  // Placeholder until structure detection lands: first line headline, other lines paragraphs.
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const content = emptyContent();
  content.headline = lines[0] ?? '';
  content.body = lines.slice(1).map((t) => ({ type: 'paragraph' as const, text: t }));
  return { content, warnings: [] };
}

/** A saved news page or pasted HTML: the article body only, everything else sanitised away. */
export function structureHtml(html: string): ImportResult {
  return structureText(html.replace(/<[^>]*>/g, '\n'));
}

/** Markdown: # headline, ## sub-headings, > block quotes, ![alt](src "caption"). */
export function structureMarkdown(md: string): ImportResult {
  return structureText(md);
}
