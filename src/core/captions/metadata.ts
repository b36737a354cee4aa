// Photo metadata (IPTC IIM, XMP, EXIF as the metadata reader returns them, segment by segment) mapped to the
// fields a newsroom uses, and the figure those fields prefill. Pure, so the precedence rules are tested alone.
import type { Figure } from '../article/model';
import { formatDate, parseDate } from './dates';
import type { CaptionStyle } from './style';

export type PhotoMetadata = {
  caption: string;
  headline: string;
  credit: string;
  /** Creator / by-line: the photographer. */
  creator: string;
  copyright: string;
  /** Date the photo was taken, as YYYY-MM-DD, or '' when unknown. */
  dateCreated: string;
  city: string;
  country: string;
  /** Iptc4xmpCore:AltTextAccessibility. */
  altText: string;
  keywords: string[];
};

type Segments = Record<string, Record<string, unknown> | undefined>;

/**
 * IIM text is bytes in a declared character set; readers that ignore the declaration hand UTF-8 back as Latin-1
 * (`Ø±ÙØ³ÙØ§` for روسيا). When every character is a byte and the bytes are valid UTF-8 with something beyond
 * ASCII, the UTF-8 reading is the one meant: Latin-1 text is almost never valid UTF-8 by accident.
 */
export function repairUtf8(s: string): string {
  if (!/[\u0080-\u00FF]/.test(s) || [...s].some((c) => c.charCodeAt(0) > 0xff)) return s;
  let out = '';
  for (let i = 0; i < s.length;) {
    const b = s.charCodeAt(i);
    let need: number;
    let cp: number;
    if (b < 0x80) {
      out += s[i];
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
    } else {
      return s;
    }
    if (i + need >= s.length) return s;
    for (let k = 1; k <= need; k++) {
      const c = s.charCodeAt(i + k);
      if ((c & 0xc0) !== 0x80) return s;
      cp = (cp << 6) | (c & 0x3f);
    }
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return s;
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** A text value from XMP (plain, language alternative, or a list) or IIM; '' when absent. */
function text(v: unknown, iim = false): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return (iim ? repairUtf8(v) : v).replace(/\s+/g, ' ').trim();
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v))
    return v
      .map((x) => text(x, iim))
      .filter(Boolean)
      .join('، ');
  if (typeof v === 'object') {
    const o = v as { value?: unknown; lang?: unknown };
    if ('value' in o) return text(o.value, iim);
    // A language alternative with several languages: prefer Arabic, then the default.
    const entries = Object.entries(o);
    const ar = entries.find(([k]) => k === 'ar' || k.startsWith('ar-'));
    return text(ar?.[1] ?? (o as Record<string, unknown>)['x-default'] ?? entries[0]?.[1], iim);
  }
  return '';
}

function list(v: unknown, iim = false): string[] {
  if (v === undefined || v === null || v === '') return [];
  const items = Array.isArray(v) ? v : [v];
  return items.map((x) => text(x, iim)).filter(Boolean);
}

function isoDate(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  const d = parseDate(text(v));
  if (!d) return '';
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const first = (...values: string[]): string => values.find((v) => v !== '') ?? '';

/**
 * Maps the reader's segments to newsroom fields. XMP comes first (Unicode by definition, and what current
 * tools keep up to date), then IIM, then EXIF.
 */
export function mapPhotoMetadata(raw: unknown): PhotoMetadata {
  const seg = (raw && typeof raw === 'object' ? raw : {}) as Segments;
  const dc = seg.dc ?? {};
  const ps = seg.photoshop ?? {};
  const core = seg.Iptc4xmpCore ?? {};
  const iptc = seg.iptc ?? {};
  const ifd0 = seg.ifd0 ?? {};
  const exif = seg.exif ?? {};
  const iimDate = text(iptc.DateCreated, true);
  return {
    caption: first(text(dc.description), text(iptc.Caption, true), text(ifd0.ImageDescription)),
    headline: first(text(ps.Headline), text(iptc.Headline, true)),
    credit: first(text(ps.Credit), text(iptc.Credit, true)),
    creator: first(text(dc.creator), text(iptc.Byline, true), text(ifd0.Artist)),
    copyright: first(text(dc.rights), text(iptc.CopyrightNotice, true), text(ifd0.Copyright)),
    dateCreated: first(
      isoDate(ps.DateCreated),
      isoDate(iimDate),
      isoDate(exif.DateTimeOriginal),
      isoDate(exif.CreateDate),
    ),
    city: first(text(ps.City), text(iptc.City, true)),
    country: first(text(ps.Country), text(iptc.Country, true)),
    altText: text(core.AltTextAccessibility),
    keywords: [...new Set(list(dc.subject).length ? list(dc.subject) : list(iptc.Keywords, true))],
  };
}

/** The figure a newly inserted photo starts with: its metadata, the date in the house format. */
export function figureFromMetadata(
  meta: PhotoMetadata,
  hash: string,
  style: Pick<CaptionStyle, 'dateFormat' | 'months'>,
): Figure {
  const d = meta.dateCreated ? parseDate(meta.dateCreated) : null;
  return {
    image: hash,
    caption: meta.caption,
    credit: meta.credit,
    photographer: meta.creator,
    date: d ? formatDate(d, style) : '',
    altText: meta.altText,
  };
}
