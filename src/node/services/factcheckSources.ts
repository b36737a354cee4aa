// The sources library as the app offers it: add pasted text or a file (text, HTML, DOCX, PDF) with its
// title, URL, publisher, language and date; the same text added twice is stored once and reused; attach a
// source to any number of articles; search every source with Arabic spelling variants folded.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { normalizeArabic } from '../../core/arabic/normalize';
import {
  htmlToText,
  type AddedSource,
  type SourceDetail,
  type SourceHit,
  type SourceKind,
  type SourceSummary,
} from '../../core/factcheck';
import { safeUrl } from '../../core/import/furniture';
import { AppError } from '../../core/ipc/contract';
import { docxToHtml, isZip } from '../files/docx';
import { decodeText } from '../files/encoding';
import { isPdf, pdfToText } from '../files/pdfText';
import { MAX_IMPORT_BYTES } from '../files/readDocument';
import { appendAudit } from '../store/audit';
import { queryTerms, snippet } from '../store/search';
import {
  attachSource,
  deleteSource,
  detachSource,
  ensureSourceIndex,
  findSourceByHash,
  getSourceSummary,
  getSourceText,
  insertSource,
  listArticleSourceSummaries,
  listSourceSummaries,
  searchSourceIds,
  sourceArticleIds,
} from '../store/sources';
import { newArticleId, nowIso } from './content';
import { requireArticle } from './library';
import { resolveAuthor } from './user';

type Db = Database.Database;

/** A source's text may be long (whole transcripts, reports); far above any, far below what exhausts memory. */
export const MAX_SOURCE_CHARS = 20_000_000;

export type SourceMeta = {
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  language?: string | null;
  publishedAt?: string | null;
};

export type AddSourceInput = SourceMeta & {
  text: string;
  kind?: SourceKind;
  /** Attach the new (or reused) source to this article. */
  articleId?: string | null;
  author?: string | null;
};

/** Hash of the folded text: the same source pasted again, with other spacing or hamza forms, is reused. */
export function sourceHash(text: string): string {
  const folded = normalizeArabic(text).replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(folded, 'utf8').digest('hex');
}

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

export function addSourceText(db: Db, input: AddSourceInput): AddedSource {
  const text = input.text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  if (!text.trim()) throw new AppError('empty_file', 'The source holds no text.');
  if (text.length > MAX_SOURCE_CHARS) {
    throw new AppError(
      'too_large',
      `The source has ${text.length} characters; the limit is ${MAX_SOURCE_CHARS}.`,
    );
  }
  const title = clean(input.title);
  if (!title) throw new AppError('bad_request', 'A source needs a title.');
  const rawUrl = clean(input.url);
  const url = safeUrl(rawUrl);
  if (rawUrl && !url)
    throw new AppError('bad_request', `Not a web address (http or https): ${rawUrl.slice(0, 200)}`);
  const author = resolveAuthor(db, input.author);
  const hash = sourceHash(text);
  return db
    .transaction((): AddedSource => {
      if (input.articleId) requireArticle(db, input.articleId);
      const at = nowIso();
      let id = findSourceByHash(db, hash);
      const reused = id !== undefined;
      if (id === undefined) {
        id = newArticleId();
        while (getSourceSummary(db, id)) id = newArticleId();
        insertSource(db, {
          id,
          title,
          url,
          publisher: clean(input.publisher),
          language: clean(input.language) ?? 'ar',
          publishedAt: clean(input.publishedAt),
          kind: input.kind ?? 'pasted',
          text,
          contentHash: hash,
          createdAt: at,
          author,
        });
      }
      if (input.articleId && attachSource(db, input.articleId, id, at, author)) {
        appendAudit(db, {
          articleId: input.articleId,
          at,
          actor: author,
          action: 'source.attach',
          detail: { sourceId: id, title: getSourceSummary(db, id)!.title, reused },
        });
      }
      return { source: getSourceSummary(db, id)!, reused };
    })
    .immediate();
}

export type SourceFileText = { text: string; kind: Exclude<SourceKind, 'pasted'>; title: string | null };

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const TEXT_EXTENSIONS = new Set(['', 'txt', 'text', 'md', 'markdown', 'srt', 'vtt']);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml']);
const HTML_SNIFF = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** The text of a source file: PDF through PDF.js, DOCX through mammoth, HTML and text with encoding detection. */
export async function readSourceFile(bytes: Uint8Array, fileName: string): Promise<SourceFileText> {
  if (bytes.length === 0) throw new AppError('empty_file', `${fileName}: the file is empty.`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError(
      'too_large',
      `${fileName}: the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
  const ext = extensionOf(fileName);
  if (ext === 'pdf' || (ext === '' && isPdf(bytes))) {
    const pdf = await pdfToText(bytes, fileName);
    return { text: pdf.text, kind: 'pdf', title: pdf.title };
  }
  if (ext === 'docx' || (ext === '' && isZip(bytes))) {
    const html = await docxToHtml(bytes, fileName);
    return { text: htmlToText(html).text, kind: 'docx', title: null };
  }
  if (!HTML_EXTENSIONS.has(ext) && !TEXT_EXTENSIONS.has(ext)) {
    throw new AppError(
      'unsupported_file',
      `${fileName}: .${ext} files cannot be read as sources. Accepted: .txt .md .html .htm .docx .pdf`,
    );
  }
  const { text } = decodeText(bytes, fileName);
  if (HTML_EXTENSIONS.has(ext) || HTML_SNIFF.test(text.slice(0, 2048))) {
    const h = htmlToText(text);
    return { text: h.text, kind: 'html', title: h.title };
  }
  return { text, kind: 'text', title: null };
}

function baseTitle(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export async function addSourceFile(
  db: Db,
  input: SourceMeta & {
    bytes: Uint8Array;
    fileName: string;
    articleId?: string | null;
    author?: string | null;
  },
): Promise<AddedSource> {
  if (input.articleId) requireArticle(db, input.articleId);
  const file = await readSourceFile(input.bytes, input.fileName);
  if (!file.text.trim())
    throw new AppError('empty_file', `${input.fileName}: no text was found in the file.`);
  return addSourceText(db, {
    ...input,
    title: clean(input.title) ?? file.title ?? baseTitle(input.fileName),
    text: file.text,
    kind: file.kind,
  });
}

export function listSources(db: Db, options: { articleId?: string | null } = {}): SourceSummary[] {
  return db.transaction(() => {
    if (!options.articleId) return listSourceSummaries(db);
    requireArticle(db, options.articleId);
    return listArticleSourceSummaries(db, options.articleId);
  })();
}

export function requireSource(db: Db, id: string): SourceSummary {
  const s = getSourceSummary(db, id);
  if (!s) throw new AppError('not_found', `No source with id ${id}.`);
  return s;
}

export function getSource(db: Db, id: string): SourceDetail {
  return db.transaction(() => {
    const s = requireSource(db, id);
    return { ...s, text: getSourceText(db, id) ?? '', articleIds: sourceArticleIds(db, id) };
  })();
}

/** Attaches a library source to an article; returns the article's sources. Attaching twice changes nothing. */
export function attachSourceToArticle(
  db: Db,
  input: { articleId: string; sourceId: string; author?: string | null },
): SourceSummary[] {
  const author = resolveAuthor(db, input.author);
  return db
    .transaction(() => {
      requireArticle(db, input.articleId);
      const s = requireSource(db, input.sourceId);
      const at = nowIso();
      if (attachSource(db, input.articleId, s.id, at, author)) {
        appendAudit(db, {
          articleId: input.articleId,
          at,
          actor: author,
          action: 'source.attach',
          detail: { sourceId: s.id, title: s.title },
        });
      }
      return listArticleSourceSummaries(db, input.articleId);
    })
    .immediate();
}

/** Detaches a source from an article (the source stays in the library); returns the article's sources. */
export function detachSourceFromArticle(
  db: Db,
  input: { articleId: string; sourceId: string; author?: string | null },
): SourceSummary[] {
  const author = resolveAuthor(db, input.author);
  return db
    .transaction(() => {
      requireArticle(db, input.articleId);
      const s = requireSource(db, input.sourceId);
      if (detachSource(db, input.articleId, s.id)) {
        appendAudit(db, {
          articleId: input.articleId,
          at: nowIso(),
          actor: author,
          action: 'source.detach',
          detail: { sourceId: s.id, title: s.title },
        });
      }
      return listArticleSourceSummaries(db, input.articleId);
    })
    .immediate();
}

/** Removes a source from the library; refused while an article still uses it. */
export function removeSource(db: Db, id: string): { ok: true } {
  db.transaction(() => {
    const s = requireSource(db, id);
    if (s.articles > 0) {
      throw new AppError(
        'conflict',
        `The source "${s.title}" is attached to ${s.articles} article(s); detach it first.`,
      );
    }
    deleteSource(db, id);
  }).immediate();
  return { ok: true };
}

/** Sources matching every word of the query (spelling variants and clitics folded), each with an excerpt. */
export function searchSources(db: Db, query: string, limit = 50): SourceHit[] {
  ensureSourceIndex(db);
  const terms = queryTerms(query);
  return db.transaction(() => {
    const hits: SourceHit[] = [];
    for (const id of searchSourceIds(db, query, limit)) {
      const s = getSourceSummary(db, id);
      if (!s) continue;
      hits.push({ ...s, snippet: snippet(`${s.title}\n${getSourceText(db, id) ?? ''}`, terms) });
    }
    return hits;
  })();
}
