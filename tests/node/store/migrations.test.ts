// One test per migration, plus the guarantees of the migration runner: all pending steps in one
// transaction, the version in PRAGMA user_version, and the connection settings every open applies.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../../../src/node/store/db';
import {
  APPLICATION_ID,
  LATEST_VERSION,
  MIGRATIONS,
  type Migration,
} from '../../../src/node/store/migrations';
import { getArticleRow, insertArticle } from '../../../src/node/store/articles';
import { getRevisionRecord, listRevisionHeads, type RevisionRecord } from '../../../src/node/store/revisions';
import { KEYFRAME_INTERVAL } from '../../../src/node/store/revisionCodec';
import { listArticleRows } from '../../../src/node/store/articles';
import { ArticleContent, contentToPlainText, countWords } from '../../../src/core/article/model';
import { saveRevision } from '../../../src/node/services';
import { searchArticleIds } from '../../../src/node/store/search';
import { FIRST_STARTER_WORDS, STARTER_WORDS, starterAdditions } from '../../../src/node/store/dictionary';
import { contentOf, loadCorpus, tempDir } from './testFiles';
import { randomEdit, seeded } from '../history/edits';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type IN ('table') ORDER BY name")
    .all()
    .map((r) => r.name);
}

/** An article row as version 1 of the schema knows it (the store's functions speak the latest schema). */
function insertV1Article(db: Database.Database, id: string, at: string, author: string): void {
  db.prepare(
    `INSERT INTO articles (id, created_at, updated_at, status, deleted_at, content_hash, author)
     VALUES (?, ?, ?, 'draft', NULL, 'h', ?)`,
  ).run(id, at, at, author);
}

type V1Revision = Omit<RevisionRecord, 'content'> & { content: ArticleContent };

/** A revision row as versions 1–7 of the schema store it: the whole content JSON and its plain text. */
function insertV1Revision(db: Database.Database, r: V1Revision): void {
  db.prepare(
    `INSERT INTO revisions (article_id, seq, created_at, author, reason, note, content, plain_text, chars, words)
     VALUES (@articleId, @seq, @createdAt, @author, @reason, @note, @content, @plainText, @chars, @words)`,
  ).run({ ...r, content: JSON.stringify(r.content) });
}

describe('migrations', () => {
  it('are numbered 1, 2, … in order, and LATEST_VERSION is the last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('1 creates users, settings, articles and revisions with their constraints', () => {
    const db = openDatabase(tmp.file('v1.db'), { targetVersion: 1 });
    try {
      expect(schemaVersion(db)).toBe(1);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(tableNames(db)).toEqual(['articles', 'revisions', 'settings', 'users']);
      const at = '2024-08-27T10:00:00.000Z';
      insertV1Article(db, 'a1', at, 'سارة');
      const rev = {
        articleId: 'a1',
        seq: 1,
        createdAt: at,
        author: 'سارة',
        reason: 'import' as const,
        note: null,
        content: contentOf('عنوان', ['نص']),
        plainText: 'عنوان\n\nنص',
        chars: 9,
        words: 2,
      };
      insertV1Revision(db, rev);
      // (article_id, seq) is the key: the same seq twice is refused.
      expect(() => insertV1Revision(db, rev)).toThrow(/UNIQUE|PRIMARY KEY/);
      // foreign keys are on: a revision of an unknown article is refused.
      expect(() => insertV1Revision(db, { ...rev, articleId: 'missing' })).toThrow(/FOREIGN KEY/);
      // settings hold JSON only.
      expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('x', 'not json')").run()).toThrow(
        /CHECK/,
      );
      // status stays free text so later workflow states need no rebuild.
      db.prepare("UPDATE articles SET status = 'a-future-status' WHERE id = 'a1'").run();
    } finally {
      db.close();
    }
  });

  it('2 adds the search index and fills it from the articles a version-1 database already holds', () => {
    const file = tmp.file('v1-then-v2.db');
    const v1 = openDatabase(file, { targetVersion: 1 });
    const at = '2024-08-27T10:00:00.000Z';
    insertV1Article(v1, 'old', at, 'x');
    const base = {
      articleId: 'old',
      createdAt: at,
      author: 'x',
      note: null,
      plainText: '',
      chars: 0,
      words: 0,
    };
    insertV1Revision(v1, {
      ...base,
      seq: 1,
      reason: 'import',
      content: contentOf('أسعار الذهب', ['ارتفع الذهب']),
    });
    insertV1Revision(v1, {
      ...base,
      seq: 2,
      reason: 'manual',
      content: contentOf('أسعار النفط', ['ارتفعت أسعار النفط']),
    });
    expect(tableNames(v1)).not.toContain('article_fts');
    v1.close();

    const v2 = openDatabase(file, { targetVersion: 2 });
    try {
      expect(schemaVersion(v2)).toBe(2);
      expect(tableNames(v2)).toEqual(expect.arrayContaining(['article_fts', 'search_docs']));
      // Indexed from the newest revision only.
      expect(searchArticleIds(v2, 'النفط').map((r) => r.articleId)).toEqual(['old']);
      expect(searchArticleIds(v2, 'الذهب')).toEqual([]);
    } finally {
      v2.close();
    }
  });

  it('3 keeps import warnings with the article; rows from version 2 get none', () => {
    const file = tmp.file('v2-then-v3.db');
    const v2 = openDatabase(file, { targetVersion: 2 });
    insertV1Article(v2, 'older', '2024-08-27T10:00:00.000Z', 'x');
    v2.close();

    const v3 = openDatabase(file, { targetVersion: 3 });
    try {
      expect(schemaVersion(v3)).toBe(3);
      expect(getArticleRow(v3, 'older')?.importWarnings).toEqual([]);
      const at = '2024-08-28T10:00:00.000Z';
      const warnings = [{ code: 'caption_repeated', message: 'The caption appears twice.' }];
      insertArticle(v3, {
        id: 'new',
        createdAt: at,
        updatedAt: at,
        status: 'draft',
        deletedAt: null,
        contentHash: 'h2',
        author: 'x',
        importWarnings: warnings,
      });
      expect(getArticleRow(v3, 'new')?.importWarnings).toEqual(warnings);
      expect(() => v3.prepare("UPDATE articles SET import_warnings = 'not json'").run()).toThrow(/CHECK/);
    } finally {
      v3.close();
    }
  });

  it('4 adds sources, quote reviews, comments and the audit trail; a source in use cannot be deleted', () => {
    const db = openDatabase(tmp.file('v4.db'), { targetVersion: 4 });
    try {
      expect(schemaVersion(db)).toBe(4);
      expect(tableNames(db)).toEqual(
        expect.arrayContaining([
          'sources',
          'article_sources',
          'quote_reviews',
          'comments',
          'audit',
          'source_fts',
        ]),
      );
      const at = '2024-08-28T10:00:00.000Z';
      insertV1Article(db, 'a', at, 'x');
      db.prepare(
        `INSERT INTO sources (id, title, kind, text, content_hash, created_at, author)
         VALUES ('s', 'بيان', 'paste', 'نص المصدر', 'h', ?, 'x')`,
      ).run(at);
      db.prepare(
        "INSERT INTO article_sources (article_id, source_id, attached_at, attached_by) VALUES ('a', 's', ?, 'x')",
      ).run(at);
      expect(() => db.prepare("DELETE FROM sources WHERE id = 's'").run()).toThrow(/FOREIGN KEY/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO audit (article_id, at, actor, action, detail) VALUES ('a', ?, 'x', 'y', 'no')",
          )
          .run(at),
      ).toThrow(/CHECK/);
      // Deleting an article takes its links, reviews, comments and audit rows with it.
      db.prepare(
        "INSERT INTO quote_reviews (article_id, quote_key, status, checked_by, checked_at) VALUES ('a', 'q', 'verified', 'x', ?)",
      ).run(at);
      db.prepare("DELETE FROM revisions WHERE article_id = 'a'").run();
      db.prepare("DELETE FROM articles WHERE id = 'a'").run();
      expect(db.prepare('SELECT count(*) AS n FROM quote_reviews').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM article_sources').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('5 adds user roles, approvals tied to an existing revision, and the export log', () => {
    const db = openDatabase(tmp.file('v5.db'), { targetVersion: 5 });
    try {
      expect(schemaVersion(db)).toBe(5);
      db.prepare("INSERT INTO users (name, created_at) VALUES ('سارة', '2024-08-28')").run();
      expect(db.prepare('SELECT role FROM users').get()).toEqual({ role: 'copy-editor' });
      insertV1Article(db, 'a', '2024-08-28T10:00:00.000Z', 'x');
      const approve = db.prepare(
        `INSERT INTO approvals (article_id, revision_seq, content_hash, approved_at, approved_by)
         VALUES ('a', ?, 'h', '2024-08-28', 'x')`,
      );
      // An approval must name a revision that exists.
      expect(() => approve.run(1)).toThrow(/FOREIGN KEY/);
      expect(tableNames(db)).toEqual(expect.arrayContaining(['approvals', 'exports']));
    } finally {
      db.close();
    }
  });

  it('6 adds images with their bytes, the tag vocabulary and code replacements', () => {
    const file = tmp.file('v5-then-v6.db');
    const v5 = openDatabase(file, { targetVersion: 5 });
    insertV1Article(v5, 'a', '2024-08-28T10:00:00.000Z', 'x');
    v5.close();

    const db = openDatabase(file, { targetVersion: 6 });
    try {
      expect(schemaVersion(db)).toBe(6);
      expect(tableNames(db)).toEqual(
        expect.arrayContaining(['images', 'image_data', 'tags', 'tag_names', 'codes']),
      );
      const hash = 'a'.repeat(64);
      const addImage = db.prepare(
        `INSERT INTO images (hash, mime_type, width, height, byte_length, file_name, created_at, created_by)
         VALUES (?, 'image/jpeg', 10, 10, 100, 'x.jpg', '2024-08-28', 'x')`,
      );
      expect(() => addImage.run('short')).toThrow(/CHECK/);
      addImage.run(hash);
      // Bytes belong to a described image, and go with it.
      expect(() =>
        db.prepare("INSERT INTO image_data VALUES (?, x'00', x'00', 'image/webp')").run('b'.repeat(64)),
      ).toThrow(/FOREIGN KEY/);
      db.prepare("INSERT INTO image_data VALUES (?, x'ffd8', x'00', 'image/webp')").run(hash);
      db.prepare('DELETE FROM images WHERE hash = ?').run(hash);
      expect(db.prepare('SELECT count(*) AS n FROM image_data').get()).toEqual({ n: 0 });

      const addTag = db.prepare(
        `INSERT INTO tags (label, norm, type, created_at, updated_at) VALUES (?, ?, ?, '2024', '2024')`,
      );
      const id = Number(addTag.run('روسيا', 'روسيا', 'place').lastInsertRowid);
      expect(() => addTag.run('روسيا', 'روسيا', 'place')).toThrow(/UNIQUE/);
      expect(() => addTag.run('شيء', 'شيء', 'thing')).toThrow(/CHECK/);
      db.prepare('INSERT INTO tag_names (norm, tag_id) VALUES (?, ?)').run('روسيا', id);
      db.prepare('DELETE FROM tags WHERE id = ?').run(id);
      expect(db.prepare('SELECT count(*) AS n FROM tag_names').get()).toEqual({ n: 0 });

      const addCode = db.prepare("INSERT INTO codes (code, expansion, updated_at) VALUES (?, ?, '2024')");
      addCode.run('=لاف=', 'سيرجي لافروف');
      expect(() => addCode.run('=لاف=', 'آخر')).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(() => addCode.run('', 'فارغ')).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('7 adds the newsroom word list, seeded with the starter names, one entry per key', () => {
    const file = tmp.file('v6-then-v7.db');
    openDatabase(file, { targetVersion: 6 }).close();

    const db = openDatabase(file, { targetVersion: 7 });
    try {
      expect(schemaVersion(db)).toBe(7);
      const count = (): number =>
        (db.prepare('SELECT count(*) AS n FROM dictionary_words').get() as { n: number }).n;
      expect(count()).toBe(new Set(FIRST_STARTER_WORDS).size);
      expect(db.prepare('SELECT normalized FROM dictionary_words WHERE word = ?').get('لافروف')).toEqual({
        normalized: 'لافروف',
      });
      const add = db.prepare(
        "INSERT INTO dictionary_words (word, normalized, added_by, added_at) VALUES (?, ?, 'x', '2024')",
      );
      // The same name with diacritics is the same entry.
      expect(() => add.run('بِزِشْكِيان', 'بزشكيان')).toThrow(/UNIQUE/);
      add.run('مِيلوني', 'ميلوني');
      expect(() => add.run('', '')).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('9 adds the names new to the starter list; a starter word the desk removed stays removed', () => {
    const file = tmp.file('v8-then-v9.db');
    const v8 = openDatabase(file, { targetVersion: 8 });
    v8.prepare('DELETE FROM dictionary_words WHERE word = ?').run('لافروف');
    const listed = (db: typeof v8, word: string): boolean =>
      db.prepare('SELECT 1 FROM dictionary_words WHERE word = ?').get(word) !== undefined;
    expect(listed(v8, 'فلاديمير')).toBe(false);
    v8.close();

    const db = openDatabase(file, { targetVersion: 9 });
    try {
      expect(starterAdditions(9)).toEqual(expect.arrayContaining(['فلاديمير', 'قازان', 'الأوراسي']));
      for (const w of starterAdditions(9)) expect(listed(db, w)).toBe(true);
      expect(listed(db, 'لافروف')).toBe(false);
      const n = (db.prepare('SELECT count(*) AS n FROM dictionary_words').get() as { n: number }).n;
      expect(n).toBe(new Set(STARTER_WORDS).size - 1);
    } finally {
      db.close();
    }
  });

  it('8 packs every revision but the newest; each one reads back as it was saved', () => {
    const file = tmp.file('v7-then-v8.db');
    const v7 = openDatabase(file, { targetVersion: 7 });
    const corpus = loadCorpus().filter((a) => a.content.length > 2000);
    const random = seeded(8);
    const saved = new Map<string, V1Revision[]>();
    const at = '2024-08-28T10:00:00.000Z';
    // Three articles: one with a long history (keyframes and deltas), one with a few revisions, one with one.
    v7.transaction(() => {
      [150, 5, 1].forEach((count, i) => {
        const id = `a${i}`;
        insertV1Article(v7, id, at, 'x');
        const a = corpus[i]!;
        let content = contentOf(a.title, a.content.split(/\n+/).filter(Boolean));
        const revs: V1Revision[] = [];
        for (let seq = 1; seq <= count; seq++) {
          if (seq > 1) content = randomEdit(content, random);
          const plainText = contentToPlainText(content);
          revs.push({
            articleId: id,
            seq,
            createdAt: at,
            author: seq % 2 ? 'سارة' : 'x',
            reason: seq === 1 ? 'import' : 'manual',
            note: seq % 7 === 0 ? `ملاحظة ${seq}` : null,
            content,
            // One row's plain text was computed by an older rule: it is kept as it was, not re-derived.
            plainText: seq === 3 ? `${plainText} (قديم)` : plainText,
            chars: plainText.length,
            words: countWords(plainText),
          });
        }
        revs.forEach((r) => insertV1Revision(v7, r));
        saved.set(id, revs);
      });
    })();
    // An approval names an old revision: the migration must not disturb it.
    v7.prepare(
      `INSERT INTO approvals (article_id, revision_seq, content_hash, approved_at, approved_by)
       VALUES ('a0', 40, 'h', ?, 'x')`,
    ).run(at);
    const bytes = (db: Database.Database): number =>
      (
        db
          .prepare(
            `SELECT sum(length(CAST(content AS BLOB)) + length(CAST(plain_text AS BLOB))) AS n FROM revisions`,
          )
          .get() as { n: number }
      ).n;
    const before = bytes(v7);
    v7.close();

    const db = openDatabase(file, { targetVersion: 8 });
    try {
      expect(schemaVersion(db)).toBe(8);
      for (const [id, revs] of saved) {
        expect(listRevisionHeads(db, id).map((h) => h.seq)).toEqual(revs.map((r) => r.seq).reverse());
        for (const r of revs) {
          expect(getRevisionRecord(db, id, r.seq), `${id} revision ${r.seq}`).toEqual({
            ...r,
            content: ArticleContent.parse(r.content),
          });
        }
        // The newest revision is still a whole row: the same JSON as before, its plain text beside it.
        const last = revs[revs.length - 1]!;
        expect(
          db
            .prepare(
              'SELECT content, plain_text AS plainText, packed FROM revisions WHERE article_id = ? AND seq = ?',
            )
            .get(id, last.seq),
        ).toEqual({ content: JSON.stringify(last.content), plainText: last.plainText, packed: null });
      }
      // Older rows hold the JSON null; keyframes fall on the interval.
      const kinds = db
        .prepare<[], { seq: number; content: string; kind: number }>(
          `SELECT seq, content, unicode(CAST(substr(packed, 1, 1) AS TEXT)) AS kind FROM revisions
           WHERE article_id = 'a0' AND packed IS NOT NULL ORDER BY seq`,
        )
        .all();
      expect(kinds).toHaveLength(149);
      expect(kinds.every((k) => k.content === 'null')).toBe(true);
      expect(kinds.filter((k) => k.kind === 1).map((k) => k.seq)).toEqual(
        expect.arrayContaining([KEYFRAME_INTERVAL, 2 * KEYFRAME_INTERVAL]),
      );
      // Far fewer bytes for the same history.
      expect(
        (db.prepare('SELECT sum(length(packed)) AS n FROM revisions').get() as { n: number }).n + bytes(db),
      ).toBeLessThan(before / 10);
      // What reads the latest content in SQL still does; the approval is still there.
      expect(
        listArticleRows(db, false)
          .map((r) => r.headline)
          .sort(),
      ).toEqual([...saved.values()].map((revs) => revs[revs.length - 1]!.content.headline).sort());
      expect(db.prepare('SELECT revision_seq AS seq FROM approvals').all()).toEqual([{ seq: 40 }]);
      // Saving on top of a migrated history keeps every older revision readable.
      const revs = saved.get('a0')!;
      const next = randomEdit(revs[revs.length - 1]!.content, random);
      expect(saveRevision(db, { id: 'a0', content: next, reason: 'manual', author: 'x' }).revision.seq).toBe(
        151,
      );
      expect(getRevisionRecord(db, 'a0', 151)?.content).toEqual(ArticleContent.parse(next));
      for (const r of revs)
        expect(getRevisionRecord(db, 'a0', r.seq)?.content).toEqual(ArticleContent.parse(r.content));
    } finally {
      db.close();
    }
  });

  it('run all pending steps in one transaction: a failing step leaves the database as it was', () => {
    const db = new Database(tmp.file('atomic.db'));
    const failing: Migration[] = [
      MIGRATIONS[0]!,
      {
        version: 2,
        description: 'fails halfway',
        up(d) {
          d.exec('CREATE TABLE half_done (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, failing, 2)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
    db.close();
  });

  it('a fresh open sets WAL, foreign keys, busy timeout and synchronous=NORMAL; a second open changes nothing', () => {
    const file = tmp.file('pragmas.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(LATEST_VERSION);
    again.close();
  });
});
