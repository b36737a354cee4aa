// Reads an imported file's bytes: size and emptiness limits, format by name and content, text encoding
// detection (UTF-8 ± BOM, UTF-16 LE/BE, Windows-1256, ISO-8859-6), DOCX through mammoth.
import { AppError } from '../../core/ipc/contract';
import { structureHtml, structureMarkdown, structureText, type ImportResult } from '../../core/import';
import { decodeText, type TextEncoding } from './encoding';
import { docxToHtml, isZip } from './docx';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type DocumentFormat = 'text' | 'html' | 'markdown' | 'docx';

export type ParsedDocument = ImportResult & {
  format: DocumentFormat;
  /** The detected text encoding; a DOCX is XML in UTF-8. */
  encoding: TextEncoding;
  /** Whether the text started with a byte-order mark. */
  bom: boolean;
};

const BY_EXTENSION: Record<string, DocumentFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  docx: 'docx',
};
export const ACCEPTED_EXTENSIONS = Object.keys(BY_EXTENSION).map((e) => `.${e}`);

/** The extension after the last dot of the base name; '' for `README` or `.profile`. */
function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<meta\s|<!--)/i;
const HTML_TAGS = /<(?:p|div|h[1-6]|br|span|a|img|figure|blockquote|ul|li)(?:\s[^>]*)?>/gi;
const MD_LINE = /^(?:#{1,6}\s+\S|>\s|!\[[^\]]*\]\(|\s*[-*]\s+\[[^\]]+\]\()/;

/** A file without extension: HTML and Markdown by their unmistakable marks, plain text otherwise. */
function sniffFormat(text: string): Exclude<DocumentFormat, 'docx'> {
  const head = text.slice(0, 4096);
  if (HTML_START.test(head) || (head.match(HTML_TAGS)?.length ?? 0) >= 3) return 'html';
  const lines = text.split(/\r\n|\r|\n/, 200).filter((l) => l.trim());
  const md = lines.filter((l) => MD_LINE.test(l)).length;
  if (/^#\s+\S/.test(lines[0] ?? '') || md >= 2) return 'markdown';
  return 'text';
}

export async function readDocument(bytes: Uint8Array, fileName: string): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new AppError('empty_file', `${fileName}: the file is empty.`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError(
      'too_large',
      `${fileName}: the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
  const ext = extensionOf(fileName);
  const declared = ext === '' ? null : BY_EXTENSION[ext];
  if (declared === undefined) {
    throw new AppError(
      'unsupported_file',
      `${fileName}: .${ext} files cannot be imported. Accepted: ${ACCEPTED_EXTENSIONS.join(' ')} (or no extension).`,
    );
  }

  if (declared === 'docx' || (declared === null && isZip(bytes))) {
    const html = await docxToHtml(bytes, fileName);
    return { ...structureHtml(html), format: 'docx', encoding: 'utf-8', bom: false };
  }

  const { text, encoding, bom } = decodeText(bytes, fileName);
  const format = declared ?? sniffFormat(text);
  const result =
    format === 'html'
      ? structureHtml(text)
      : format === 'markdown'
        ? structureMarkdown(text)
        : structureText(text);
  return { ...result, format, encoding, bom };
}
