// The person at this desk (author of every revision they make) and the app's settings.
import type Database from 'better-sqlite3';
import { userInfo } from 'node:os';
import { Settings } from '../../core/ipc/contract';
import { ensureUser, getSetting, getUserName, setSetting } from '../store/settings';
import { nowIso } from './content';

type Db = Database.Database;

const DEFAULT_SETTINGS: Settings = { language: 'ar' };

export function getUser(db: Db): { name: string } | null {
  const id = getSetting(db, 'currentUser');
  if (typeof id !== 'number') return null;
  const name = getUserName(db, id);
  return name === undefined ? null : { name };
}

export function setUser(db: Db, name: string): { name: string } {
  const clean = name.trim();
  return db.transaction(() => {
    const user = ensureUser(db, clean, nowIso());
    setSetting(db, 'currentUser', user.id);
    return { name: user.name };
  })();
}

/** Who a revision is by: the name given (CLI --author), else the stored user, else the OS account. */
export function resolveAuthor(db: Db, given?: string | null): string {
  const explicit = given?.trim();
  if (explicit) return explicit;
  const stored = getUser(db);
  if (stored) return stored.name;
  return osUserName();
}

function osUserName(): string {
  try {
    const name = userInfo().username.trim();
    if (name) return name;
  } catch (e) {
    // userInfo() throws when the account has no passwd entry (some containers); the environment still knows.
    const fallback = process.env.USER ?? process.env.USERNAME;
    if (fallback) return fallback;
    throw e;
  }
  return process.env.USER ?? process.env.USERNAME ?? 'unknown';
}

export function getSettings(db: Db): Settings {
  const stored: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    const v = getSetting(db, key);
    if (v !== undefined) stored[key] = v;
  }
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  // A value written by a newer version that this one does not know falls back to the default.
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function setSettings(db: Db, patch: Partial<Settings>): Settings {
  return db.transaction(() => {
    // A key given as undefined (it survives IPC) changes nothing, like a missing key.
    const given = Object.entries(patch).filter(([, v]) => v !== undefined);
    const next = Settings.parse({ ...getSettings(db), ...Object.fromEntries(given) });
    for (const [k, v] of given) setSetting(db, k, v);
    return next;
  })();
}
