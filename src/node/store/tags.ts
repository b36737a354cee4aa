// Queries on the tag vocabulary. tag_names holds the comparison key of each tag's label and aliases, for
// prefix search and exact lookup; it is rewritten with the tag.
import type Database from 'better-sqlite3';
import { tagKey, type TagType } from '../../core/tags/vocabulary';

type Db = Database.Database;

export type TagRow = {
  id: number;
  label: string;
  type: TagType;
  aliases: string[];
  mediaTopic: string | null;
  labelEn: string | null;
  createdAt: string;
  updatedAt: string;
};

type RawTagRow = Omit<TagRow, 'aliases'> & { aliases: string };

const COLUMNS = `id, label, type, aliases, media_topic AS mediaTopic, label_en AS labelEn,
  created_at AS createdAt, updated_at AS updatedAt`;

const parse = (r: RawTagRow): TagRow => ({ ...r, aliases: JSON.parse(r.aliases) as string[] });

export type NewTag = Omit<TagRow, 'id' | 'createdAt' | 'updatedAt'>;

function writeNames(db: Db, id: number, label: string, aliases: readonly string[]): void {
  db.prepare('DELETE FROM tag_names WHERE tag_id = ?').run(id);
  const add = db.prepare('INSERT OR IGNORE INTO tag_names (norm, tag_id) VALUES (?, ?)');
  for (const name of [label, ...aliases]) {
    const k = tagKey(name);
    if (k) add.run(k, id);
  }
}

/** Inserts a tag; returns its id, or null when a tag with the same label key exists. */
export function insertTag(db: Db, tag: NewTag, at: string): number | null {
  const r = db
    .prepare(
      `INSERT INTO tags (label, norm, type, aliases, media_topic, label_en, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (norm) DO NOTHING`,
    )
    .run(
      tag.label,
      tagKey(tag.label),
      tag.type,
      JSON.stringify(tag.aliases),
      tag.mediaTopic,
      tag.labelEn,
      at,
      at,
    );
  if (r.changes === 0) return null;
  const id = Number(r.lastInsertRowid);
  writeNames(db, id, tag.label, tag.aliases);
  return id;
}

export function updateTag(db: Db, id: number, tag: NewTag, at: string): void {
  db.prepare(
    `UPDATE tags SET label = ?, norm = ?, type = ?, aliases = ?, media_topic = ?, label_en = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    tag.label,
    tagKey(tag.label),
    tag.type,
    JSON.stringify(tag.aliases),
    tag.mediaTopic,
    tag.labelEn,
    at,
    id,
  );
  writeNames(db, id, tag.label, tag.aliases);
}

export function deleteTag(db: Db, id: number): void {
  db.prepare('DELETE FROM tags WHERE id = ?').run(id);
}

export function getTag(db: Db, id: number): TagRow | undefined {
  const r = db.prepare<[number], RawTagRow>(`SELECT ${COLUMNS} FROM tags WHERE id = ?`).get(id);
  return r && parse(r);
}

/** The tag whose label has this key. */
export function getTagByLabelKey(db: Db, key: string): TagRow | undefined {
  const r = db.prepare<[string], RawTagRow>(`SELECT ${COLUMNS} FROM tags WHERE norm = ?`).get(key);
  return r && parse(r);
}

/** Tags one of whose names (label or alias) has exactly this key. */
export function tagsNamed(db: Db, key: string): TagRow[] {
  return db
    .prepare<[string], RawTagRow>(
      `SELECT ${COLUMNS} FROM tags WHERE id IN (SELECT tag_id FROM tag_names WHERE norm = ?) ORDER BY id`,
    )
    .all(key)
    .map(parse);
}

export function listTagRows(db: Db): TagRow[] {
  return db.prepare<[], RawTagRow>(`SELECT ${COLUMNS} FROM tags ORDER BY label`).all().map(parse);
}

/**
 * Tags with a name starting with `key`, or with a word of a name starting with it, best first: label before
 * alias, whole-name prefix before word prefix, shorter names first.
 */
export function searchTagRows(db: Db, key: string, limit: number): (TagRow & { matched: string })[] {
  const escaped = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .prepare<[{ prefix: string; word: string; limit: number }], RawTagRow & { matched: string }>(
      `SELECT ${COLUMNS}, best.norm AS matched FROM tags JOIN (
         SELECT n.tag_id, n.norm,
                min(CASE WHEN n.norm = t.norm THEN 0 ELSE 2 END
                    + CASE WHEN n.norm LIKE @prefix ESCAPE '\\' THEN 0 ELSE 1 END) AS rank
         FROM tag_names n JOIN tags t ON t.id = n.tag_id
         WHERE n.norm LIKE @prefix ESCAPE '\\' OR n.norm LIKE @word ESCAPE '\\'
         GROUP BY n.tag_id
       ) best ON best.tag_id = tags.id
       ORDER BY best.rank, length(tags.label), tags.label
       LIMIT @limit`,
    )
    .all({ prefix: `${escaped}%`, word: `% ${escaped}%`, limit })
    .map((r) => ({ ...parse(r), matched: r.matched }));
}

/** The tags (as written) on the newest revision of every live article, with the article id. */
export function articleTagLists(db: Db): { articleId: string; tags: string[] }[] {
  return db
    .prepare<[], { articleId: string; tags: string }>(
      `SELECT r.article_id AS articleId, json_extract(r.content, '$.tags') AS tags
       FROM revisions r JOIN articles a ON a.id = r.article_id
       WHERE a.deleted_at IS NULL
         AND r.seq = (SELECT max(seq) FROM revisions WHERE article_id = r.article_id)`,
    )
    .all()
    .map((r) => ({ articleId: r.articleId, tags: (JSON.parse(r.tags ?? '[]') as string[]) ?? [] }));
}
