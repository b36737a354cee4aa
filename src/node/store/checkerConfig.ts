// The desk's house style and each article's ignored findings, as JSON values in the settings table.
import type Database from 'better-sqlite3';
import { ArticleIgnores, DEFAULT_HOUSE_STYLE, HouseStyle } from '../../core/checker';
import { getSetting, setSetting } from './settings';

type Db = Database.Database;

const STYLE_KEY = 'checker.houseStyle';
const ignoresKey = (articleId: string): string => `checker.ignores.${articleId}`;

/** A stored value that no longer parses (an older shape) falls back to the defaults rather than failing. */
export function readHouseStyle(db: Db): HouseStyle {
  const parsed = HouseStyle.safeParse(getSetting(db, STYLE_KEY) ?? {});
  return parsed.success ? parsed.data : DEFAULT_HOUSE_STYLE;
}

export function writeHouseStyle(db: Db, style: HouseStyle): void {
  setSetting(db, STYLE_KEY, style);
}

export function readIgnores(db: Db, articleId: string): ArticleIgnores {
  const parsed = ArticleIgnores.safeParse(getSetting(db, ignoresKey(articleId)) ?? {});
  return parsed.success ? parsed.data : { findings: [], rules: [] };
}

export function writeIgnores(db: Db, articleId: string, ignores: ArticleIgnores): void {
  setSetting(db, ignoresKey(articleId), ignores);
}
