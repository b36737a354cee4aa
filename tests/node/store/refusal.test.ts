// A database Tadqiq must not open is refused with a clear message and left byte-for-byte as it was:
// one from a newer version, a file that is not SQLite at all, and another application's SQLite file.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/ipc/contract';
import { openDatabase } from '../../../src/node/store/db';
import { APPLICATION_ID, LATEST_VERSION } from '../../../src/node/store/migrations';
import { seedBytes, tempDir } from './testFiles';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function refusal(file: string): AppError {
  try {
    openDatabase(file).close();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error(`${file} was opened, but it should have been refused`);
}

function newerDatabase(file: string, journal: 'delete' | 'wal'): void {
  const db = new Database(file);
  db.pragma(`journal_mode = ${journal}`);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.exec('CREATE TABLE articles (id TEXT PRIMARY KEY, something_new TEXT)');
  db.prepare("INSERT INTO articles VALUES ('x', 'from the future')").run();
  db.pragma(`user_version = ${LATEST_VERSION + 7}`);
  db.close();
}

describe('openDatabase refuses and does not touch', () => {
  for (const journal of ['delete', 'wal'] as const) {
    it(`a database from a newer version (${journal} journal), naming both versions`, () => {
      const file = tmp.file(`newer-${journal}.db`);
      newerDatabase(file, journal);
      const before = readFileSync(file);
      const e = refusal(file);
      expect(e.code).toBe('database');
      expect(e.message).toContain(`version ${LATEST_VERSION + 7}`);
      expect(e.message).toContain(`up to ${LATEST_VERSION}`);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(existsSync(`${file}-wal`)).toBe(false);
      // Still readable as it was by the version that wrote it.
      const check = new Database(file, { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 7);
      check.close();
    });
  }

  it('a file that is not a SQLite database (the seed article saved as .db)', () => {
    const file = tmp.file('article.db');
    writeFileSync(file, seedBytes());
    const before = readFileSync(file);
    const e = refusal(file);
    expect(e.code).toBe('database');
    expect(e.message).toMatch(/not a Tadqiq database/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a file with a SQLite header but a corrupt body', () => {
    const file = tmp.file('corrupt.db');
    const bytes = Buffer.alloc(8192, 0xab);
    bytes.write('SQLite format 3\0', 0, 'latin1');
    writeFileSync(file, bytes);
    const e = refusal(file);
    expect(e.code).toBe('database');
    expect(e.message).toMatch(/not a Tadqiq database/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("another application's SQLite database", () => {
    const file = tmp.file('other-app.db');
    const db = new Database(file);
    db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone');");
    db.close();
    const before = readFileSync(file);
    const e = refusal(file);
    expect(e.code).toBe('database');
    expect(e.message).toMatch(/not a Tadqiq database/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('but opens an empty file as a new database', () => {
    const file = tmp.file('empty.db');
    writeFileSync(file, '');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });
});
