// The photos of an article made ready for a standalone export: each stored original is oriented by its EXIF
// tag, scaled to fit 1,600 pixels (a page never shows more, and an export stays a size that can be mailed),
// and written as JPEG — or PNG when it has transparency. The original in the database is never changed.
import type Database from 'better-sqlite3';
import sharp from 'sharp';
import type { ArticleContent } from '../../../core/article/model';
import type { ExportImage } from '../../../core/export';
import { AppError } from '../../../core/ipc/contract';
import { getImageOriginal } from '../../store/images';
import { IMAGE_LIMITS } from '../images';

type Db = Database.Database;

export const EXPORT_IMAGE_MAX_PX = 1600;

export async function exportImage(original: Uint8Array): Promise<ExportImage> {
  const input = sharp(original, { limitInputPixels: IMAGE_LIMITS.maxPixels }).rotate().resize({
    width: EXPORT_IMAGE_MAX_PX,
    height: EXPORT_IMAGE_MAX_PX,
    fit: 'inside',
    withoutEnlargement: true,
  });
  const { hasAlpha } = await sharp(original).metadata();
  const { data, info } = await (hasAlpha ? input.png() : input.jpeg({ quality: 85, mozjpeg: true })).toBuffer(
    {
      resolveWithObject: true,
    },
  );
  return {
    mimeType: hasAlpha ? 'image/png' : 'image/jpeg',
    base64: data.toString('base64'),
    width: info.width,
    height: info.height,
  };
}

/** The photos of the article's figures by image hash. A photo missing from the database stops the export. */
export async function exportImages(db: Db, content: ArticleContent): Promise<Map<string, ExportImage>> {
  const out = new Map<string, ExportImage>();
  for (const [i, f] of content.figures.entries()) {
    if (f.image === null || out.has(f.image)) continue;
    const original = getImageOriginal(db, f.image);
    if (!original) {
      throw new AppError(
        'database',
        `The photo of figure ${i + 1} (${f.image.slice(0, 12)}…) is missing from the database; ` +
          'insert the photo again or remove it from the figure, then export.',
      );
    }
    out.set(f.image, await exportImage(original));
  }
  return out;
}
