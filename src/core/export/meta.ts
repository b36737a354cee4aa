// What every export says about the article besides its content: identity, version and dates.
import { z } from 'zod';

export const EXPORT_FORMATS = ['html', 'md', 'txt', 'ninjs', 'newsml', 'docx', 'pdf', 'factcheck'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const NINJS_VERSIONS = ['3.1', '2.2'] as const;
export const NinjsVersion = z.enum(NINJS_VERSIONS);
export type NinjsVersion = z.infer<typeof NinjsVersion>;

export const FORMAT_INFO: Record<ExportFormat, { extension: string; mimeType: string }> = {
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8' },
  md: { extension: 'md', mimeType: 'text/markdown; charset=utf-8' },
  txt: { extension: 'txt', mimeType: 'text/plain; charset=utf-8' },
  ninjs: { extension: 'json', mimeType: 'application/json' },
  newsml: { extension: 'xml', mimeType: 'application/vnd.iptc.g2.newsitem+xml' },
  docx: {
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  pdf: { extension: 'pdf', mimeType: 'application/pdf' },
  factcheck: { extension: 'html', mimeType: 'text/html; charset=utf-8' },
};

export type ExportMeta = {
  /** The article's id in Tadqiq. */
  id: string;
  /** The revision exported (its seq is the item's version). */
  revisionSeq: number;
  /** ISO 8601 date-times. */
  firstCreated: string;
  versionCreated: string;
  /** Who wrote the article (a byline); omitted when empty. */
  by?: string;
  pubStatus?: 'usable' | 'withheld' | 'canceled';
};

/** The item's global identifier: a URN, so it is a valid URI without any web address behind it. */
export function itemUri(id: string, suffix?: string): string {
  const clean = encodeURIComponent(id);
  return `urn:tadqiq:article:${clean}${suffix ? `:${suffix}` : ''}`;
}

/**
 * A photo made ready for embedding in a standalone export (HTML, PDF, DOCX): a JPEG or PNG, already oriented
 * and scaled, as base64, with its size in pixels. Keyed by the figure's image hash.
 */
export type ExportImage = {
  mimeType: 'image/jpeg' | 'image/png';
  base64: string;
  width: number;
  height: number;
};
export type ExportImages = ReadonlyMap<string, ExportImage>;
