// Opens the one local database: refuses files that are not ours or come from a newer Tadqiq without writing a
// byte to them, sets the connection up (WAL, foreign keys, busy timeout) and runs pending migrations.
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../core/ipc/contract';
import { keepRefusedCopy } from './backup';
import {
  APPLICATION_ID,
  LATEST_VERSION,
  MIGRATIONS,
  SEARCH_INDEX_VERSION,
  type Migration,
} from './migrations';
import { ensureSearchIndex } from './search';

export type { Database };
type Db = Database.Database;

const SQLITE_MAGIC = 'SQLite format 3\0';

export type OpenOptions = {
  /** Path to a better-sqlite3 addon built for another runtime (the Electron main process). */
  nativeBinding?: string;
  /** For tests: migrate only up to this version. */
  targetVersion?: number;
};

/**
 * Opens (creating when missing) a Tadqiq database file and brings its schema up to date.
 * Throws AppError('database') for a file that is not a SQLite database, a SQLite file of another
 * application, a damaged database, or one written by a newer Tadqiq; in all these cases the file is left
 * untouched and a copy of it is kept beside it (`<name>.refused-<timestamp>.bak`, named in the message).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const inMemory = path === ':memory:' || path === '';
  let existing = false;
  if (!inMemory) {
    try {
      existing = inspectExisting(path, options);
    } catch (e) {
      throw withRefusedCopy(path, e);
    }
  }
  let db: Db;
  try {
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { nativeBinding: options.nativeBinding });
  } catch (e) {
    throw new AppError('database', `Cannot open the database ${path}: ${messageOf(e)}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // A damaged file is refused before anything writes to it (the checks below only read).
    if (existing) checkStructure(db, path);
    // WAL: readers never block the writer and a committed transaction survives a crash of the process.
    // synchronous=NORMAL in WAL mode keeps the database consistent on power loss too, at the price of
    // possibly losing the last commits before it (the crash test holds the process-crash guarantee).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const version = migrate(db, MIGRATIONS, options.targetVersion ?? LATEST_VERSION);
    if (version >= SEARCH_INDEX_VERSION) ensureSearchIndex(db);
    return db;
  } catch (e) {
    db.close();
    if (existing && isDamage(e)) {
      throw withRefusedCopy(path, refusal(`${path} is damaged and cannot be opened (${messageOf(e)}).`));
    }
    if (refusals.has(e as object)) throw withRefusedCopy(path, e);
    if (e instanceof AppError) throw e;
    throw new AppError('database', `Cannot open the database ${path}: ${messageOf(e)}`);
  }
}

/** Refusals of a file as it is (damaged, newer, not ours): these keep a copy of the file before reporting. */
const refusals = new WeakSet<object>();

function refusal(message: string): AppError {
  const e = new AppError('database', message);
  refusals.add(e);
  return e;
}

/** SQLite's own verdicts on a damaged file (as opposed to a locked or unreadable one). */
function isDamage(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** Keeps a copy of a refused file and names it in the message; other errors pass through unchanged. */
function withRefusedCopy(path: string, e: unknown): unknown {
  if (!refusals.has(e as object) && !isDamage(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  let note: string;
  try {
    const copy = keepRefusedCopy(path);
    note = copy ? ` A copy of the file as it was is kept at ${copy}.` : '';
  } catch (copyError) {
    note = ` No copy of it could be kept (${messageOf(copyError)}).`;
  }
  return new AppError('database', `${message}${note}`);
}

/** PRAGMA quick_check: every page and record of the file is readable and well-formed (it only reads). */
function checkStructure(db: Db, path: string): void {
  const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  const found = problems.map((r) => r.quick_check).filter((m) => m !== 'ok');
  if (found.length > 0) {
    throw refusal(
      `${path} is damaged and cannot be opened safely (SQLite's check found: ${found.join('; ').slice(0, 500)}).`,
    );
  }
}

/**
 * Reads an existing file strictly read-only and refuses it before anything can write to it.
 * Returns whether there was an existing, non-empty database file.
 */
function inspectExisting(path: string, options: OpenOptions): boolean {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new AppError('database', `${path} is not a file.`);
    size = st.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false; // a new database
    if (e instanceof AppError) throw e;
    throw new AppError('database', `Cannot read the database ${path}: ${messageOf(e)}`);
  }
  // An empty file is what SQLite itself treats as a new, empty database.
  if (size === 0) return false;
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || head.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw refusal(`${path} is not a Tadqiq database (it is not a SQLite database file).`);
  }
  // Without a write-ahead log beside it the file header is authoritative: refuse a newer or foreign
  // database from the header alone, so SQLite never even creates a -wal/-shm file next to it.
  if (!walHasContent(path)) {
    const appId = head.readUInt32BE(68);
    refuseForeignOrNewer(path, head.readUInt32BE(60), appId, -1);
    // Ours, and not newer: nothing more to learn before opening it for writing.
    if (appId === APPLICATION_ID) return true;
  }
  let version: number;
  let appId: number;
  let tables: number;
  let ro: Db | undefined;
  try {
    ro = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    version = ro.pragma('user_version', { simple: true }) as number;
    appId = ro.pragma('application_id', { simple: true }) as number;
    tables = (ro.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  } catch (e) {
    throw refusal(`${path} is not a Tadqiq database (${messageOf(e)}).`);
  } finally {
    ro?.close();
  }
  refuseForeignOrNewer(path, version, appId, tables);
  return true;
}

function walHasContent(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new AppError('database', `Cannot read ${path}-wal: ${messageOf(e)}`);
  }
}

/** `tables` is -1 when not known yet (read from the header only). */
function refuseForeignOrNewer(path: string, version: number, appId: number, tables: number): void {
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw refusal(`${path} is not a Tadqiq database (it belongs to another application).`);
  }
  if (version === 0 && appId !== APPLICATION_ID && tables > 0) {
    throw refusal(`${path} is not a Tadqiq database (it holds tables of another application).`);
  }
  if (version > LATEST_VERSION) {
    throw refusal(
      `${path} was written by a newer version of Tadqiq (database version ${version}; this version ` +
        `understands up to ${LATEST_VERSION}). Update Tadqiq to open it; the file was not changed.`,
    );
  }
}

/** Runs the pending migrations up to `target` in one immediate transaction: all of them or none. */
export function migrate(db: Db, migrations: readonly Migration[], target: number): number {
  // Nothing pending: do not take the write lock at all (another window may be writing).
  const before = schemaVersion(db);
  if (!migrations.some((m) => m.version > before && m.version <= target)) return before;
  const run = db.transaction(() => {
    // Read again under the write lock: another process may have migrated meanwhile.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > LATEST_VERSION) {
      throw refusal(
        `The database was written by a newer version of Tadqiq (database version ${current}; this version ` +
          `understands up to ${LATEST_VERSION}).`,
      );
    }
    let version = current;
    for (const m of migrations) {
      if (m.version <= current || m.version > target) continue;
      m.up(db);
      version = m.version;
    }
    if (version !== current) db.pragma(`user_version = ${version}`);
    return version;
  });
  return run.immediate();
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
