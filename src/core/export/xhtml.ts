// The article body as XHTML (well-formed, escaped): shared by the HTML page, ninjs bodies and NewsML-G2's
// inlineXML. Figures are left to each format (ninjs carries them as associations).
import type { ArticleContent, Figure } from '../article/model';
import { escapeXml as esc } from './escape';
import type { ExportImage } from './meta';

/** The dateline as a reader sees it: «دبي (الشرق، رويترز)». */
export function datelineText(c: ArticleContent): string {
  const place = c.dateline.place.trim();
  const sources = c.dateline.sources.map((s) => s.trim()).filter(Boolean);
  if (!place && sources.length === 0) return '';
  if (!sources.length) return place;
  return `${place}${place ? ' ' : ''}(${sources.join('، ')})`;
}

/** A figure with its caption line; with `image`, the photo itself as a data URL with the alt text. */
export function figureXhtml(f: Figure, image?: ExportImage): string {
  const credit = f.credit.trim() ? ` <span class="credit">${esc(f.credit)}</span>` : '';
  const by = f.photographer.trim() ? ` <span class="photographer">${esc(f.photographer)}</span>` : '';
  const date = f.date.trim() ? ` <time>${esc(f.date)}</time>` : '';
  const img = image
    ? `<img src="data:${image.mimeType};base64,${image.base64}" alt="${esc(f.altText.trim() || f.caption.trim())}" width="${image.width}" height="${image.height}"/>`
    : '';
  return `<figure>${img}<figcaption>${esc(f.caption)}${date}${by}${credit}</figcaption></figure>`;
}

/** Body blocks (with the dateline first) as XHTML fragments, one per line. */
export function bodyXhtml(c: ArticleContent, opts: { dateline?: boolean } = {}): string {
  const out: string[] = [];
  const dl = datelineText(c);
  if (opts.dateline !== false && dl) out.push(`<p class="dateline">${esc(dl)}</p>`);
  for (const b of c.body) {
    if (b.type === 'subheading') out.push(`<h2>${esc(b.text)}</h2>`);
    else if (b.type === 'blockquote') out.push(`<blockquote><p>${esc(b.text)}</p></blockquote>`);
    else out.push(`<p>${esc(b.text)}</p>`);
  }
  return out.join('\n');
}
