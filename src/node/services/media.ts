// Photos in articles: inserting an image (validated, content-addressed, stored with its thumbnail and its
// IPTC/XMP/EXIF metadata, optionally added to an article as a new figure), reading it back, the caption rules
// with the desk's caption style, and the table of every photo/caption/tag/code channel for createServices.
import type Database from 'better-sqlite3';
import type { Figure } from '../../core/article/model';
import { CaptionStyle, DEFAULT_CAPTION_STYLE, type CaptionStyleInput } from '../../core/captions/style';
import { attachPhoto, figureFromMetadata, type PhotoMetadata } from '../../core/captions/metadata';
import { checkCaptions, type CaptionFinding } from '../../core/captions/rules';
import { AppError, type RevisionSummary } from '../../core/ipc/contract';
import type { ServiceTable } from '../../core/ipc/dispatch';
import { readImage } from '../files/images';
import {
  deleteImage,
  getImageOriginal,
  getImageRow,
  getImageThumbnail,
  insertImage,
  listImageHeads,
  type ImageRow,
} from '../store/images';
import { getRevisionRecord, latestRevision, listRevisionHeads } from '../store/revisions';
import { getSetting, setSetting } from '../store/settings';
import { listTagRows } from '../store/tags';
import { saveRevision } from './articles';
import { nowIso } from './content';
import { requireArticle } from './library';
import {
  deleteCodeEntry,
  ensureStarterVocabulary,
  exportCodesTsv,
  importCodesTsv,
  listCodeEntries,
  listTags,
  mergeTags,
  removeTag,
  renameTag,
  searchTags,
  setCodeEntry,
  suggestTagsForArticle,
  upsertTag,
} from './tags';
import { resolveAuthor } from './user';

type Db = Database.Database;

const STYLE_SETTING = 'captionStyle';

export function getCaptionStyle(db: Db): CaptionStyle {
  const parsed = CaptionStyle.safeParse(getSetting(db, STYLE_SETTING) ?? {});
  // A value written by a newer version that this one does not understand falls back to the defaults.
  return parsed.success ? parsed.data : DEFAULT_CAPTION_STYLE;
}

export function setCaptionStyle(db: Db, patch: CaptionStyleInput): CaptionStyle {
  return db.transaction(() => {
    const next = CaptionStyle.parse({ ...getCaptionStyle(db), ...patch });
    setSetting(db, STYLE_SETTING, next);
    return next;
  })();
}

export type MediaInfo = Omit<ImageRow, 'createdBy'>;

export type MediaAdded = MediaInfo & {
  /** The figure the photo's metadata prefills (date in the house format). */
  figure: Figure;
  /** False when the same image was already stored (its first file name and metadata are kept). */
  isNew: boolean;
  warnings: string[];
  /** With an article: the index of the new figure and the revision that added it. */
  figureIndex: number | null;
  revision: RevisionSummary | null;
};

export type AddMediaInput = {
  bytes: Uint8Array;
  fileName: string;
  /** Add the photo to this article as a new figure (a new revision). */
  articleId?: string | null;
  /** With articleId: put the photo on this figure (0-based) instead, keeping what its fields already say. */
  figure?: number | null;
  author?: string | null;
};

/**
 * Validates and stores a photo. Everything is decoded before the database is touched; the image rows and the
 * article's new revision are then written in one transaction, so a refused file or a missing article leaves
 * the database exactly as it was. The original bytes are stored unchanged.
 */
export async function addMedia(db: Db, input: AddMediaInput): Promise<MediaAdded> {
  const img = await readImage(input.bytes, input.fileName);
  const author = resolveAuthor(db, input.author);
  const style = getCaptionStyle(db);
  return db
    .transaction((): MediaAdded => {
      const at = nowIso();
      if (input.articleId) requireArticle(db, input.articleId);
      const isNew = insertImage(
        db,
        {
          hash: img.hash,
          mimeType: img.mimeType,
          width: img.width,
          height: img.height,
          byteLength: img.bytes.length,
          fileName: input.fileName,
          metadata: img.metadata,
          createdAt: at,
          createdBy: author,
        },
        { original: img.bytes, thumbnail: img.thumbnail, thumbnailMime: img.thumbnailMime },
      );
      const row = getImageRow(db, img.hash)!;
      let figure = figureFromMetadata(row.metadata, row.hash, style);
      let figureIndex: number | null = null;
      let revision: RevisionSummary | null = null;
      if (input.articleId) {
        const head = latestRevision(db, input.articleId);
        if (!head) throw new AppError('database', `Article ${input.articleId} has no revisions.`);
        const figures = [...head.content.figures];
        const target = input.figure ?? null;
        if (target !== null && (!Number.isInteger(target) || target < 0 || target >= figures.length)) {
          throw new AppError(
            'bad_request',
            `Article ${input.articleId} has ${figures.length} figure(s); there is no figure ${target + 1}.`,
          );
        }
        figureIndex = target ?? figures.length;
        if (target !== null) figure = attachPhoto(figures[target]!, figure);
        figures[figureIndex] = figure;
        const saved = saveRevision(db, {
          id: input.articleId,
          content: { ...head.content, figures },
          reason: 'manual',
          note:
            target === null
              ? `Photo added: ${input.fileName}`
              : `Photo attached to figure ${target + 1}: ${input.fileName}`,
          author,
        });
        revision = saved.revision;
      }
      const { createdBy: _by, ...rest } = row;
      return { ...rest, figure, isNew, warnings: img.warnings, figureIndex, revision };
    })
    .immediate();
}

function requireImage(db: Db, hash: string): ImageRow {
  const row = getImageRow(db, hash);
  if (!row) throw new AppError('not_found', `No stored image ${hash}.`);
  return row;
}

export function getMedia(db: Db, hash: string): MediaInfo & { dataBase64: string } {
  const { createdBy: _by, ...row } = requireImage(db, hash);
  const bytes = getImageOriginal(db, hash);
  if (!bytes) throw new AppError('database', `The bytes of image ${hash} are missing.`);
  return { ...row, dataBase64: bytes.toString('base64') };
}

export function getMediaThumbnail(db: Db, hash: string): { mimeType: string; dataBase64: string } {
  requireImage(db, hash);
  const t = getImageThumbnail(db, hash);
  if (!t) throw new AppError('database', `The thumbnail of image ${hash} is missing.`);
  return { mimeType: t.mimeType, dataBase64: t.data.toString('base64') };
}

export function getMediaMetadata(db: Db, hash: string): PhotoMetadata {
  return requireImage(db, hash).metadata;
}

/** The caption rules on an article's newest revision, with the desk's style and vocabulary. */
export function checkArticleCaptions(db: Db, id: string): { findings: CaptionFinding[] } {
  requireArticle(db, id);
  const head = latestRevision(db, id);
  if (!head) throw new AppError('database', `Article ${id} has no revisions; the database is inconsistent.`);
  ensureStarterVocabulary(db);
  const vocabulary = listTagRows(db).map((r) => ({ label: r.label, type: r.type, aliases: r.aliases }));
  return { findings: checkCaptions(head.content, getCaptionStyle(db), { vocabulary }) };
}

type PhotoChannel =
  | 'media:add'
  | 'media:get'
  | 'media:thumbnail'
  | 'captions:check'
  | 'captions:getStyle'
  | 'captions:setStyle'
  | 'tags:search'
  | 'tags:suggest'
  | 'tags:list'
  | 'tags:upsert'
  | 'tags:rename'
  | 'tags:merge'
  | 'tags:delete'
  | 'codes:list'
  | 'codes:set'
  | 'codes:delete'
  | 'codes:importTsv'
  | 'codes:exportTsv';

/** The photo, caption, tag and code channels, for createServices. */
export function photoServices(
  db: Db,
  decodeBase64: (data: string) => Uint8Array,
): Pick<ServiceTable, PhotoChannel> {
  return {
    'media:add': ({ articleId, fileName, dataBase64 }) =>
      addMedia(db, { articleId, fileName, bytes: decodeBase64(dataBase64) }),
    'media:get': ({ hash }) => getMedia(db, hash),
    'media:thumbnail': ({ hash }) => getMediaThumbnail(db, hash),
    'captions:check': ({ id }) => checkArticleCaptions(db, id),
    'captions:getStyle': () => getCaptionStyle(db),
    'captions:setStyle': (patch) => setCaptionStyle(db, patch),
    'tags:search': ({ prefix, limit }) => searchTags(db, prefix, limit),
    'tags:suggest': ({ id }) => suggestTagsForArticle(db, id),
    'tags:list': () => listTags(db),
    'tags:upsert': (input) => upsertTag(db, input),
    'tags:rename': ({ id, label }) => renameTag(db, id, label),
    'tags:merge': ({ from, into }) => mergeTags(db, from, into),
    'tags:delete': ({ id }) => removeTag(db, id),
    'codes:list': () => listCodeEntries(db),
    'codes:set': (entry) => setCodeEntry(db, entry),
    'codes:delete': ({ code }) => deleteCodeEntry(db, code),
    'codes:importTsv': ({ tsv, replace }) => importCodesTsv(db, tsv, { replace }),
    'codes:exportTsv': () => exportCodesTsv(db),
  };
}

export type PruneResult = {
  removed: { hash: string; fileName: string; byteLength: number }[];
  bytes: number;
  /** Photos kept because a revision of some article (in the trash too) shows them. */
  kept: number;
  dryRun: boolean;
};

/** Photos stored less than this long ago are never removed: an open editor may not have saved them yet. */
export const PRUNE_GRACE_HOURS = 24;

/**
 * Removes the photos no revision of any article shows — inserted and then dropped before a save, or replaced
 * in a figure that was never saved. Every revision of every article, trashed ones included, is read, so a
 * photo any past version shows stays (restoring that version must bring it back). Photos stored in the last
 * PRUNE_GRACE_HOURS stay as well. One immediate transaction: a save arriving meanwhile waits for it.
 */
export function pruneMedia(db: Db, options: { dryRun?: boolean; now?: Date } = {}): PruneResult {
  const cutoff = new Date(
    (options.now ?? new Date()).getTime() - PRUNE_GRACE_HOURS * 3_600_000,
  ).toISOString();
  return db
    .transaction((): PruneResult => {
      const images = listImageHeads(db);
      const old = images.filter((i) => i.createdAt < cutoff);
      // Only the old photos are in question; the reading stops as soon as every one of them is seen in use.
      const candidates = new Set(old.map((i) => i.hash));
      const used = new Set<string>();
      const ids = candidates.size ? db.prepare<[], { id: string }>('SELECT id FROM articles').all() : [];
      scan: for (const { id } of ids) {
        for (const head of listRevisionHeads(db, id)) {
          const rev = getRevisionRecord(db, id, head.seq);
          if (!rev) throw new AppError('database', `Revision ${head.seq} of article ${id} cannot be read.`);
          for (const f of rev.content.figures) if (f.image && candidates.has(f.image)) used.add(f.image);
          if (used.size === candidates.size) break scan;
        }
      }
      const removed = old
        .filter((i) => !used.has(i.hash))
        .map(({ hash, fileName, byteLength }) => ({ hash, fileName, byteLength }));
      if (!options.dryRun) for (const r of removed) deleteImage(db, r.hash);
      return {
        removed,
        bytes: removed.reduce((n, r) => n + r.byteLength, 0),
        kept: images.length - removed.length,
        dryRun: options.dryRun === true,
      };
    })
    .immediate();
}
