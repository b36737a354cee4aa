// Web furniture around a scraped story (resources/import/furniture.json): tag lists, related stories, share
// buttons. It becomes ArticleContent.tags and .related or is dropped; it is never body text.
import data from '../../../resources/import/furniture.json';
import { normalizeArabic } from '../arabic/normalize';
import type { RelatedStory } from '../article/model';

export type FurnitureKind = 'tags' | 'related' | 'drop';
export type MarkerLine = { kind: FurnitureKind; marker: string; payload: string };

const markerKey = (s: string): string =>
  normalizeArabic(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const MARKERS = new Map<string, { kind: FurnitureKind; marker: string }>();
for (const section of (data as { sections: { kind: FurnitureKind; markers: string[] }[] }).sections) {
  for (const m of section.markers) MARKERS.set(markerKey(m), { kind: section.kind, marker: m });
}

/**
 * Whether a line is a furniture marker: the marker alone (`تصنيفات`, `اقرأ أيضاً:`, `## وسوم`) or followed by a
 * colon and its content on the same line (`الكلمات المفتاحية: روسيا، إيران`).
 */
export function readMarker(line: string): MarkerLine | null {
  const t = line
    .trim()
    .replace(/^[#>*•·\-–—\s]+/u, '')
    .replace(/[\s:：»>…]+$/u, '');
  if (!t || t.length > 300) return null;
  const whole = MARKERS.get(markerKey(t));
  if (whole) return { ...whole, payload: '' };
  const colon = t.search(/[:：]/u);
  if (colon > 0 && colon < 40) {
    const head = MARKERS.get(markerKey(t.slice(0, colon)));
    if (head) return { ...head, payload: t.slice(colon + 1).trim() };
  }
  return null;
}

/** Tags from one line of a tag section: separated by commas, bars, bullets or hash signs. */
export function readTags(line: string): string[] {
  return line
    .split(/[،,|•·;؛#\t]|\s{2,}/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 80 && /[\p{L}\p{N}]/u.test(s));
}

/** `[title](url)` written into plain text. */
const MD_LINK = /^[-*•]?\s*\[([^\]]+)\]\(\s*<?([^\s)>]*)>?[^)]*\)$/u;
const URL_RE = /\bhttps?:\/\/[^\s<>"'«»)]+/iu;

/** A related story from one line of a related section: its title and, when the line carries one, its URL. */
export function readRelated(line: string, href: string | null = null): RelatedStory | null {
  const md = MD_LINK.exec(line.trim());
  if (md?.[1]) return { title: md[1].trim(), url: safeUrl(md[2]) };
  const m = URL_RE.exec(line);
  const url = safeUrl(href) ?? (m ? m[0] : null);
  const title = (m ? line.replace(m[0], '') : line).replace(/^[\s\-–—•·*>]+|[\s\-–—|:()[\]]+$/gu, '').trim();
  if (!title && !url) return null;
  return { title: title || url || '', url };
}

/** Only web links survive import: `javascript:`, `data:` and the like are dropped. */
export function safeUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  const t = href.trim();
  return /^https?:\/\//i.test(t) && !/[\s<>"']/.test(t) ? t : null;
}
