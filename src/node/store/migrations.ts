// The database schema as an append-only list of migrations. Each version is applied once, in order, inside
// the single transaction openDatabase() opens; PRAGMA user_version records the last one applied.
// Never edit a released migration: add a new one (databases in the field already ran the old ones).
import type Database from 'better-sqlite3';
import { FIRST_STARTER_WORDS, seedStarterWords, starterAdditions } from './dictionary';
import { compactHistory } from './revisions';

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
  {
    version: 4,
    description: 'fact-checking: a sources library, quote reviews, comment threads and an audit trail',
    up(db) {
      // Sources are shared across articles (article_sources links them); a source still attached somewhere
      // cannot be deleted. Comment anchors live as marks in the document, so they move with edits; the table
      // holds the threads. quote_key is the quote's stable id from src/core/quotes. The audit trail is one
      // table for every recorded act (quote status, waiver, status move, approval, override, export).
      db.exec(`
        CREATE TABLE sources (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          url TEXT,
          publisher TEXT,
          language TEXT NOT NULL DEFAULT 'ar',
          published_at TEXT,
          kind TEXT NOT NULL,
          text TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          created_at TEXT NOT NULL,
          author TEXT NOT NULL
        );
        CREATE INDEX sources_content_hash ON sources (content_hash);
        CREATE TABLE source_docs (
          rowid INTEGER PRIMARY KEY,
          source_id TEXT NOT NULL UNIQUE REFERENCES sources (id) ON DELETE CASCADE
        );
        CREATE VIRTUAL TABLE source_fts USING fts5 (
          title, body,
          tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE TABLE article_sources (
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE RESTRICT,
          attached_at TEXT NOT NULL,
          attached_by TEXT NOT NULL,
          PRIMARY KEY (article_id, source_id)
        );
        CREATE TABLE quote_reviews (
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          quote_key TEXT NOT NULL,
          status TEXT NOT NULL,
          speaker TEXT,
          reason TEXT,
          source_id TEXT REFERENCES sources (id) ON DELETE SET NULL,
          score REAL,
          evidence TEXT CHECK (evidence IS NULL OR json_valid(evidence)),
          note TEXT,
          checked_by TEXT NOT NULL,
          checked_at TEXT NOT NULL,
          PRIMARY KEY (article_id, quote_key)
        );
        CREATE TABLE comments (
          id TEXT PRIMARY KEY,
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          thread_id TEXT NOT NULL,
          author TEXT NOT NULL,
          created_at TEXT NOT NULL,
          body TEXT NOT NULL,
          resolved_at TEXT,
          resolved_by TEXT
        );
        CREATE INDEX comments_thread ON comments (article_id, thread_id, created_at);
        CREATE TABLE audit (
          id INTEGER PRIMARY KEY,
          article_id TEXT REFERENCES articles (id) ON DELETE CASCADE,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
        );
        CREATE INDEX audit_article ON audit (article_id, id);
      `);
    },
  },
  {
    version: 5,
    description: 'workflow: user roles, approval snapshots and the export log',
    up(db) {
      // An approval names the exact revision and its content hash, so "changed after approval" is a
      // comparison, never a guess. Status moves and overrides are recorded in audit (version 4).
      db.exec(`
        ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'copy-editor';
        CREATE TABLE approvals (
          id INTEGER PRIMARY KEY,
          article_id TEXT NOT NULL,
          revision_seq INTEGER NOT NULL,
          content_hash TEXT NOT NULL,
          approved_at TEXT NOT NULL,
          approved_by TEXT NOT NULL,
          overrides TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(overrides)),
          FOREIGN KEY (article_id, revision_seq) REFERENCES revisions (article_id, seq) ON DELETE CASCADE
        );
        CREATE INDEX approvals_article ON approvals (article_id, id);
        CREATE TABLE exports (
          id INTEGER PRIMARY KEY,
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          revision_seq INTEGER NOT NULL,
          format TEXT NOT NULL,
          path TEXT,
          exported_at TEXT NOT NULL,
          exported_by TEXT NOT NULL,
          override_reason TEXT
        );
      `);
    },
  },
  {
    version: 6,
    description: 'photos (originals and thumbnails), the tag vocabulary and code replacements',
    up(db) {
      // Images live in the database, content-addressed by the SHA-256 of their bytes: the desk's one SQLite
      // file stays the whole library (a copy is a complete backup), and storing an image is atomic with the
      // rows that describe it. The bytes sit in their own table so listing metadata never pages through them.
      // Tags are a controlled vocabulary; which article carries which tag stays in the article's content
      // (content.tags), so usage is counted from the latest revisions. tag_names indexes the normalised label
      // and aliases for prefix search and exact lookup.
      db.exec(`
        CREATE TABLE images (
          hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
          mime_type TEXT NOT NULL,
          width INTEGER NOT NULL CHECK (width > 0),
          height INTEGER NOT NULL CHECK (height > 0),
          byte_length INTEGER NOT NULL CHECK (byte_length > 0),
          file_name TEXT NOT NULL,
          metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
          created_at TEXT NOT NULL,
          created_by TEXT NOT NULL
        );
        CREATE TABLE image_data (
          hash TEXT PRIMARY KEY REFERENCES images (hash) ON DELETE CASCADE,
          original BLOB NOT NULL,
          thumbnail BLOB NOT NULL,
          thumbnail_mime TEXT NOT NULL
        );
        CREATE TABLE tags (
          id INTEGER PRIMARY KEY,
          label TEXT NOT NULL,
          norm TEXT NOT NULL UNIQUE,
          type TEXT NOT NULL CHECK (type IN ('person', 'organisation', 'place', 'topic')),
          aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
          media_topic TEXT,
          label_en TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE TABLE tag_names (
          norm TEXT NOT NULL,
          tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
          PRIMARY KEY (norm, tag_id)
        );
        CREATE INDEX tag_names_tag ON tag_names (tag_id);
        CREATE TABLE codes (
          code TEXT PRIMARY KEY CHECK (length(code) > 0),
          expansion TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 7,
    description: 'the newsroom word list for spelling, seeded with the starter list of names',
    up(db) {
      // Words the desk accepts that the Arabic dictionary lacks (mostly names). `normalized` is the lookup key
      // (diacritics and tatweel removed): one entry per key. The starter list is seeded here, once; a word the
      // desk removes stays removed.
      db.exec(`
        CREATE TABLE dictionary_words (
          word TEXT PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 200),
          normalized TEXT NOT NULL UNIQUE CHECK (length(normalized) BETWEEN 1 AND 100),
          added_by TEXT NOT NULL,
          added_at TEXT NOT NULL
        );
      `);
      seedStarterWords(db, new Date().toISOString(), FIRST_STARTER_WORDS);
    },
  },
  {
    version: 8,
    description: 'compact history: older revisions as compressed keyframes and small deltas',
    up(db) {
      // The newest revision of each article stays a whole row (content JSON and plain text), so every query
      // over the latest content reads it as before. Older rows keep their head columns; their content moves
      // into `packed` (a brotli keyframe every 64 seqs, else a reverse delta from the next revision), their
      // content column becomes the JSON null and their plain text is derived from the content on reading
      // (kept in the column when it differs from what the content gives). The blob format is append-only
      // (revisionCodec.ts), so later versions still read what this step wrote.
      db.exec('ALTER TABLE revisions ADD COLUMN packed BLOB');
      compactHistory(db);
    },
  },
  {
    version: 9,
    description: 'names added to the starter word list (Vladimir, Kazan, Eurasian …)',
    up(db) {
      // Only the names this step adds: a starter word the desk removed before stays removed.
      seedStarterWords(db, new Date().toISOString(), starterAdditions(9));
    },
  },
];
/** The schema version that introduced the search tables. */
export const SEARCH_INDEX_VERSION = 2;

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
