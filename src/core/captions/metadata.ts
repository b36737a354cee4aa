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

/**
 * Reads Latin-1 characters (one per byte) in a legacy Arabic code page — Windows-1256, which older agency
 * photos use for IIM without declaring it — or says null when that reading is not Arabic. Supplied by the
 * host (the code page tables live outside the pure core).
 */
export type LegacyIimDecoder = (latin1: string) => string | null;

type Fix = (s: string) => string;
const asIs: Fix = (s) => s;

/** IIM text as it was meant: UTF-8 read as Latin-1 repaired, else a legacy Arabic code page, else as is. */
export function iimFixer(legacy?: LegacyIimDecoder): Fix {
  return (s) => {
    const utf8 = repairUtf8(s);
    if (utf8 !== s || !legacy || !/[\u0080-\u00FF]/.test(s)) return utf8;
    if ([...s].some((c) => c.charCodeAt(0) > 0xff)) return s;
    return legacy(s) ?? s;
  };
}

/** A text value from XMP (plain, language alternative, or a list) or IIM; '' when absent. */
function text(v: unknown, fix: Fix = asIs): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return fix(v).replace(/\s+/g, ' ').trim();
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v))
    return v
      .map((x) => text(x, fix))
      .filter(Boolean)
      .join('، ');
  if (typeof v === 'object') {
    const o = v as { value?: unknown; lang?: unknown };
    if ('value' in o) return text(o.value, fix);
    // A language alternative with several languages: prefer Arabic, then the default.
    const entries = Object.entries(o);
    const ar = entries.find(([k]) => k === 'ar' || k.startsWith('ar-'));
    return text(ar?.[1] ?? (o as Record<string, unknown>)['x-default'] ?? entries[0]?.[1], fix);
  }
  return '';
}

function list(v: unknown, fix: Fix = asIs): string[] {
  if (v === undefined || v === null || v === '') return [];
  const items = Array.isArray(v) ? v : [v];
  return items.map((x) => text(x, fix)).filter(Boolean);
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
 * tools keep up to date), then IIM (repaired: see iimFixer), then EXIF.
 */
export function mapPhotoMetadata(raw: unknown, legacy?: LegacyIimDecoder): PhotoMetadata {
  const iim = iimFixer(legacy);
  const seg = (raw && typeof raw === 'object' ? raw : {}) as Segments;
  const dc = seg.dc ?? {};
  const ps = seg.photoshop ?? {};
  const core = seg.Iptc4xmpCore ?? {};
  const iptc = seg.iptc ?? {};
  const ifd0 = seg.ifd0 ?? {};
  const exif = seg.exif ?? {};
  const iimDate = text(iptc.DateCreated, iim);
  return {
    caption: first(text(dc.description), text(iptc.Caption, iim), text(ifd0.ImageDescription)),
    headline: first(text(ps.Headline), text(iptc.Headline, iim)),
    credit: first(text(ps.Credit), text(iptc.Credit, iim)),
    creator: first(text(dc.creator), text(iptc.Byline, iim), text(ifd0.Artist)),
    copyright: first(text(dc.rights), text(iptc.CopyrightNotice, iim), text(ifd0.Copyright)),
    dateCreated: first(
      isoDate(ps.DateCreated),
      isoDate(iimDate),
      isoDate(exif.DateTimeOriginal),
      isoDate(exif.CreateDate),
    ),
    city: first(text(ps.City), text(iptc.City, iim)),
    country: first(text(ps.Country), text(iptc.Country, iim)),
    altText: text(core.AltTextAccessibility),
    keywords: [...new Set(list(dc.subject).length ? list(dc.subject) : list(iptc.Keywords, iim))],
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

/**
 * A photo put on a figure that is already there (an imported caption waiting for its picture, or a photo being
 * changed): the figure keeps every field the desk wrote; the file's metadata fills only the empty ones.
 */
export function attachPhoto(existing: Figure, fromFile: Figure): Figure {
  const fill = (mine: string, theirs: string): string => (mine.trim() ? mine : theirs);
  return {
    image: fromFile.image,
    caption: fill(existing.caption, fromFile.caption),
    credit: fill(existing.credit, fromFile.credit),
    photographer: fill(existing.photographer, fromFile.photographer),
    date: fill(existing.date, fromFile.date),
    altText: fill(existing.altText, fromFile.altText),
  };
}
