// The library: importing articles (files and pasted text), listing, trash and full-text search.
import type Database from 'better-sqlite3';
import type { Article, ArticleContent, ImportWarning } from '../../core/article/model';
import { AppError, type ArticleSummary, type ImportOutcome, type SearchHit } from '../../core/ipc/contract';
import { structureHtml, structureText } from '../../core/import';
import { readDocument } from '../files/readDocument';
import {
  findLiveByContentHash,
  getArticleRow,
  insertArticle,
  listArticleRows,
  setDeletedAt,
} from '../store/articles';
import { insertRevision, latestRevision } from '../store/revisions';
import {
  indexArticleContent,
  queryTerms,
  searchableOriginal,
  searchArticleIds,
  snippet,
} from '../store/search';
import { contentHash, contentStats, isEmptyContent, newArticleId, nowIso } from './content';
import { resolveAuthor } from './user';

type Db = Database.Database;

/** A structured article before it is stored (what `import --dry-run` prints). */
export type PreparedImport = {
  content: ArticleContent;
  warnings: ImportWarning[];
  hash: string;
};

export type ImportOptions = { allowDuplicate?: boolean; author?: string | null };

/** Reads and structures a file without touching the database. */
export async function prepareDocument(bytes: Uint8Array, fileName: string): Promise<PreparedImport> {
  const doc = await readDocument(bytes, fileName);
  return prepared(doc.content, doc.warnings, fileName);
}

export function prepareText(text: string, format: 'text' | 'html' = 'text'): PreparedImport {
  const r = format === 'html' ? structureHtml(text) : structureText(text);
  return prepared(r.content, r.warnings, 'the pasted text');
}

function prepared(content: ArticleContent, warnings: ImportWarning[], what: string): PreparedImport {
  if (isEmptyContent(content)) throw new AppError('empty_file', `${what}: no article text was found.`);
  return { content, warnings, hash: contentHash(content) };
}

/** Stores a prepared article as a new draft with its first revision, unless its content is already here. */
export function storeImport(db: Db, p: PreparedImport, options: ImportOptions = {}): ImportOutcome {
  const author = resolveAuthor(db, options.author);
  const run = db.transaction((): ImportOutcome => {
    if (!options.allowDuplicate) {
      const existing = findLiveByContentHash(db, p.hash);
      if (existing) {
        const head = latestRevision(db, existing.id);
        return { kind: 'duplicate', existingId: existing.id, existingHeadline: head?.content.headline ?? '' };
      }
    }
    let id = newArticleId();
    while (getArticleRow(db, id)) id = newArticleId();
    const at = nowIso();
    insertArticle(db, {
      id,
      createdAt: at,
      updatedAt: at,
      status: 'draft',
      deletedAt: null,
      contentHash: p.hash,
      author,
      importWarnings: p.warnings,
    });
    insertRevision(db, {
      articleId: id,
      seq: 1,
      createdAt: at,
      author,
      reason: 'import',
      note: null,
      content: p.content,
      ...contentStats(p.content),
    });
    indexArticleContent(db, id, p.content);
    return { kind: 'imported', id, warnings: p.warnings };
  });
  return run.immediate();
}

export async function importDocument(
  db: Db,
  file: { bytes: Uint8Array; fileName: string },
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  return storeImport(db, await prepareDocument(file.bytes, file.fileName), options);
}

export function importText(
  db: Db,
  text: string,
  format: 'text' | 'html' = 'text',
  options: ImportOptions = {},
): ImportOutcome {
  return storeImport(db, prepareText(text, format), options);
}

/** The article as PRODUCT.md prints it, for content that is (or is about to be) stored. */
export function toArticle(
  content: ArticleContent,
  id: string,
  status: Article['status'],
  warnings: ImportWarning[] = [],
): Article {
  return { ...content, id, status, suggestedTags: [], warnings };
}

export function listArticles(db: Db, options: { trash?: boolean } = {}): ArticleSummary[] {
  return listArticleRows(db, options.trash ?? false);
}

export function trashArticle(db: Db, id: string): { ok: true } {
  db.transaction(() => {
    const row = requireArticle(db, id);
    if (row.deletedAt === null) setDeletedAt(db, id, nowIso());
  }).immediate();
  return { ok: true };
}

export function untrashArticle(db: Db, id: string): { ok: true } {
  db.transaction(() => {
    requireArticle(db, id);
    setDeletedAt(db, id, null);
  }).immediate();
  return { ok: true };
}

export function requireArticle(db: Db, id: string): NonNullable<ReturnType<typeof getArticleRow>> {
  const row = getArticleRow(db, id);
  if (!row) throw new AppError('not_found', `No article with id ${id}.`);
  return row;
}

/** Live articles matching every word of the query, best first, each with an excerpt of its own text. */
export function search(db: Db, query: string, limit = 50): SearchHit[] {
  const terms = queryTerms(query);
  const hits: SearchHit[] = [];
  for (const { articleId } of searchArticleIds(db, query, limit)) {
    const row = getArticleRow(db, articleId);
    const head = latestRevision(db, articleId);
    if (!row || !head) continue; // cannot happen inside one read; keeps the types honest
    hits.push({
      id: articleId,
      headline: head.content.headline,
      status: row.status,
      snippet: snippet(searchableOriginal(head.content), terms),
    });
  }
  return hits;
}
