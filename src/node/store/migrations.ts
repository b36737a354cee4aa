// The database schema as an append-only list of migrations. Each version is applied once, in order, inside
// the single transaction openDatabase() opens; PRAGMA user_version records the last one applied.
// Never edit a released migration: add a new one (databases in the field already ran the old ones).
import type Database from 'better-sqlite3';

export type Migration = {
  version: number;
  /** Why the step exists, for the log and the tests. */
  description: string;
  up(db: Database.Database): void;
};

/** Marks a file as ours in the SQLite header (PRAGMA application_id), so foreign SQLite files are refused. */
export const APPLICATION_ID = 0x54616471; // 'Tadq'

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'users, settings, articles and their revisions',
    up(db) {
      db.exec(`
        CREATE TABLE users (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL
        );
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL CHECK (json_valid(value))
        );
        -- status is free text (validated in code) so later workflow states need no table rebuild.
        CREATE TABLE articles (
          id TEXT PRIMARY KEY,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'draft',
          deleted_at TEXT,
          content_hash TEXT NOT NULL,
          author TEXT NOT NULL
        );
        CREATE INDEX articles_content_hash ON articles (content_hash);
        CREATE INDEX articles_updated_at ON articles (updated_at);
        -- reason is free text for the same reason as status; the contract's zod enum guards it.
        CREATE TABLE revisions (
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          seq INTEGER NOT NULL CHECK (seq > 0),
          created_at TEXT NOT NULL,
          author TEXT NOT NULL,
          reason TEXT NOT NULL,
          note TEXT,
          content TEXT NOT NULL CHECK (json_valid(content)),
          plain_text TEXT NOT NULL,
          chars INTEGER NOT NULL,
          words INTEGER NOT NULL,
          PRIMARY KEY (article_id, seq)
        );
      `);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    },
  },
  {
    version: 2,
    description: 'full-text search over headline, captions and body, Arabic-normalised on both sides',
    up(db) {
      // FTS5 sees only normalised tokens (with clitic-stripped forms), so unicode61 needs no Arabic smarts.
      // search_docs gives each article a stable integer rowid for the FTS table (an implicit rowid may be
      // renumbered by VACUUM).
      db.exec(`
        CREATE TABLE search_docs (
          rowid INTEGER PRIMARY KEY,
          article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE
        );
        CREATE VIRTUAL TABLE article_fts USING fts5 (
          headline, captions, body,
          tokenize = 'unicode61 remove_diacritics 0'
        );
      `);
      // Filled by ensureSearchIndex() right after the migrations, the same way it is rebuilt whenever the
      // Arabic folding changes.
    },
  },
  {
    version: 3,
    description: "what the importer noticed about an article, kept for the article's whole life",
    up(db) {
      db.exec(`
        ALTER TABLE articles ADD COLUMN import_warnings TEXT NOT NULL DEFAULT '[]'
          CHECK (json_valid(import_warnings));
      `);
    },
  },
];

/** The schema version that introduced the search tables. */
export const SEARCH_INDEX_VERSION = 2;

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
