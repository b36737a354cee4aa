// Queries on the code replacement table (code → expansion).
import type Database from 'better-sqlite3';
import type { CodeEntry } from '../../core/codes/codes';

type Db = Database.Database;

export function listCodes(db: Db): (CodeEntry & { updatedAt: string })[] {
  return db
    .prepare<[], CodeEntry & { updatedAt: string }>(
      'SELECT code, expansion, updated_at AS updatedAt FROM codes ORDER BY code',
    )
    .all();
}

export function getCode(db: Db, code: string): string | undefined {
  return db.prepare<[string], { expansion: string }>('SELECT expansion FROM codes WHERE code = ?').get(code)
    ?.expansion;
}

export function putCode(db: Db, entry: CodeEntry, at: string): void {
  db.prepare(
    `INSERT INTO codes (code, expansion, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET expansion = excluded.expansion, updated_at = excluded.updated_at`,
  ).run(entry.code, entry.expansion, at);
}

export function deleteCode(db: Db, code: string): boolean {
  return db.prepare('DELETE FROM codes WHERE code = ?').run(code).changes > 0;
}

export function clearCodes(db: Db): void {
  db.prepare('DELETE FROM codes').run();
}
