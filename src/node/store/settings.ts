// Queries on settings (JSON values by key) and on the users who author revisions.
import type Database from 'better-sqlite3';

type Db = Database.Database;

export function getSetting(db: Db, key: string): unknown {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
}

export function setSetting(db: Db, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

/** The user row for a name, created on first use. */
export function ensureUser(db: Db, name: string, at: string): { id: number; name: string } {
  db.prepare('INSERT INTO users (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(
    name,
    at,
  );
  return db
    .prepare<[string], { id: number; name: string }>('SELECT id, name FROM users WHERE name = ?')
    .get(name)!;
}

export function getUserName(db: Db, id: number): string | undefined {
  return db.prepare<[number], { name: string }>('SELECT name FROM users WHERE id = ?').get(id)?.name;
}
