// Markdown and plain-text exports of the article.
import type { ArticleContent } from '../article/model';
import { xmlSafe } from './escape';
import { datelineText } from './xhtml';

/** Escapes what Markdown would read as markup (and raw HTML), keeping Arabic text as it is. */
export function escapeMarkdown(text: string): string {
  const flat = xmlSafe(text).replace(/\s*\n\s*/g, ' ');
  return flat
    .replace(/([\\`*_[\]{}()<>#+!|~])/g, '\\$1')
    .replace(/^(\s*)([-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/&/g, '&amp;');
}

function figureLine(f: ArticleContent['figures'][number]): string {
  const tail = [f.date, f.photographer, f.credit]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' - ');
  return [f.caption.trim(), tail].filter(Boolean).join(' — ');
}

export function buildMarkdown(c: ArticleContent): string {
  const out: string[] = [`# ${escapeMarkdown(c.headline)}`];
  if (c.standfirst) out.push(`**${escapeMarkdown(c.standfirst)}**`);
  for (const f of c.figures) out.push(`*${escapeMarkdown(figureLine(f))}*`);
  const dl = datelineText(c);
  if (dl) out.push(`**${escapeMarkdown(dl)}**`);
  for (const b of c.body) {
    const t = escapeMarkdown(b.text);
    if (b.type === 'subheading') out.push(`## ${t}`);
    else if (b.type === 'blockquote') out.push(`> ${t}`);
    else out.push(t);
  }
  const tags = c.tags.filter((t) => t.trim());
  if (tags.length) out.push(`الوسوم: ${tags.map(escapeMarkdown).join('، ')}`);
  return out.join('\n\n') + '\n';
}

export function buildPlainText(c: ArticleContent): string {
  const out: string[] = [c.headline.trim()];
  if (c.standfirst) out.push(c.standfirst.trim());
  for (const f of c.figures) out.push(`[صورة] ${figureLine(f)}`);
  const dl = datelineText(c);
  if (dl) out.push(dl);
  for (const b of c.body) out.push(b.text.trim());
  const tags = c.tags.filter((t) => t.trim());
  if (tags.length) out.push(`الوسوم: ${tags.join('، ')}`);
  return xmlSafe(out.join('\n\n')) + '\n';
}
