// Queries on stored photos: one row per distinct image (content-addressed by SHA-256), its bytes and thumbnail
// in image_data. Storing the same bytes twice keeps the first row.
import type Database from 'better-sqlite3';
import type { PhotoMetadata } from '../../core/captions/metadata';

type Db = Database.Database;

export type ImageRow = {
  hash: string;
  mimeType: string;
  width: number;
  height: number;
  byteLength: number;
  fileName: string;
  metadata: PhotoMetadata;
  createdAt: string;
  createdBy: string;
};

type RawImageRow = Omit<ImageRow, 'metadata'> & { metadata: string };

const COLUMNS = `hash, mime_type AS mimeType, width, height, byte_length AS byteLength, file_name AS fileName,
  metadata, created_at AS createdAt, created_by AS createdBy`;

/** Stores an image and its bytes unless the same hash is already there; true when it was new. */
export function insertImage(
  db: Db,
  row: ImageRow,
  data: { original: Uint8Array; thumbnail: Uint8Array; thumbnailMime: string },
): boolean {
  const r = db
    .prepare(
      `INSERT INTO images (hash, mime_type, width, height, byte_length, file_name, metadata, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
    )
    .run(
      row.hash,
      row.mimeType,
      row.width,
      row.height,
      row.byteLength,
      row.fileName,
      JSON.stringify(row.metadata),
      row.createdAt,
      row.createdBy,
    );
  if (r.changes === 0) return false;
  db.prepare('INSERT INTO image_data (hash, original, thumbnail, thumbnail_mime) VALUES (?, ?, ?, ?)').run(
    row.hash,
    data.original,
    data.thumbnail,
    data.thumbnailMime,
  );
  return true;
}

export function getImageRow(db: Db, hash: string): ImageRow | undefined {
  const r = db.prepare<[string], RawImageRow>(`SELECT ${COLUMNS} FROM images WHERE hash = ?`).get(hash);
  return r && { ...r, metadata: JSON.parse(r.metadata) as PhotoMetadata };
}

export function getImageOriginal(db: Db, hash: string): Buffer | undefined {
  return db
    .prepare<[string], { original: Buffer }>('SELECT original FROM image_data WHERE hash = ?')
    .get(hash)?.original;
}

export function getImageThumbnail(db: Db, hash: string): { data: Buffer; mimeType: string } | undefined {
  const r = db
    .prepare<[string], { data: Buffer; mimeType: string }>(
      'SELECT thumbnail AS data, thumbnail_mime AS mimeType FROM image_data WHERE hash = ?',
    )
    .get(hash);
  return r;
}

export function countImages(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM images').get()!.n;
}

/** Every stored photo's hash, size and when it was stored, oldest first. */
export function listImageHeads(
  db: Db,
): { hash: string; fileName: string; byteLength: number; createdAt: string }[] {
  return db
    .prepare<[], { hash: string; fileName: string; byteLength: number; createdAt: string }>(
      'SELECT hash, file_name AS fileName, byte_length AS byteLength, created_at AS createdAt FROM images ORDER BY created_at, hash',
    )
    .all();
}

/** Removes a photo, its bytes and thumbnail (image_data goes with it by the foreign key). */
export function deleteImage(db: Db, hash: string): void {
  db.prepare('DELETE FROM images WHERE hash = ?').run(hash);
}
