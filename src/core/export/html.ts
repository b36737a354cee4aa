// A standalone HTML page for the article: right-to-left, Arabic, escaped text, figures with their photos
// (embedded as data URLs), captions and credits, and a Content-Security-Policy that allows no script, no
// network and no form at all.
import type { ArticleContent } from '../article/model';
import { escapeXml as esc } from './escape';
import type { ExportImages, ExportMeta } from './meta';
import { bodyXhtml, figureXhtml } from './xhtml';

export const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

export type HtmlOptions = {
  /** Extra CSS (e.g. an embedded @font-face for printing); must not reach the network (the CSP forbids it). */
  extraCss?: string;
  /** The figures' photos, embedded as data URLs (the only images the CSP lets the page show). */
  images?: ExportImages;
};

const CSS = `
body { font-family: "Noto Naskh Arabic", "DejaVu Sans", serif; line-height: 1.7; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.8rem; line-height: 1.4; }
.standfirst { font-size: 1.15rem; color: #333; }
figure { margin: 1rem 0; }
figure img { display: block; max-width: 100%; height: auto; margin-block-end: 0.4rem; }
figcaption { font-size: 0.9rem; color: #444; }
figcaption .credit { color: #666; }
.dateline { font-weight: bold; }
blockquote { border-inline-start: 3px solid #999; margin-inline: 0; padding-inline-start: 1rem; }
.tags { font-size: 0.9rem; color: #555; }
`;

export function buildHtml(c: ArticleContent, meta: ExportMeta, opts: HtmlOptions = {}): string {
  const parts: string[] = [];
  parts.push('<!DOCTYPE html>');
  parts.push('<html lang="ar" dir="rtl">');
  parts.push('<head>');
  parts.push('<meta charset="utf-8">');
  parts.push(`<meta http-equiv="Content-Security-Policy" content="${esc(HTML_CSP)}">`);
  parts.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  parts.push(`<meta name="generator" content="Tadqiq">`);
  parts.push(`<meta name="tadqiq:article" content="${esc(meta.id)}">`);
  parts.push(`<meta name="tadqiq:revision" content="${meta.revisionSeq}">`);
  parts.push(`<title>${esc(c.headline)}</title>`);
  parts.push(`<style>${CSS}${opts.extraCss ?? ''}</style>`);
  parts.push('</head>');
  parts.push('<body>');
  parts.push('<article>');
  parts.push(`<h1>${esc(c.headline)}</h1>`);
  if (c.standfirst) parts.push(`<p class="standfirst">${esc(c.standfirst)}</p>`);
  for (const f of c.figures) {
    parts.push(figureXhtml(f, f.image === null ? undefined : opts.images?.get(f.image)));
  }
  parts.push(bodyXhtml(c));
  const tags = c.tags.filter((t) => t.trim());
  if (tags.length) {
    parts.push(`<footer><ul class="tags">${tags.map((t) => `<li>${esc(t)}</li>`).join('')}</ul></footer>`);
  }
  parts.push('</article>');
  parts.push('</body>');
  parts.push('</html>');
  return parts.join('\n') + '\n';
}
