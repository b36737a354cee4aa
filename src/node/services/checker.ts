// Copy editing as services: the desk's house style (settings and custom rules) and per-article ignores, kept
// in the settings table; rule sets imported and exported as JSON, validated by the checker engine itself.
import type Database from 'better-sqlite3';
import {
  RuleSetError,
  parseRuleSetJson,
  ruleSetJson,
  type ArticleIgnores,
  type HouseStyle,
  type Rule,
} from '../../core/checker';
import { AppError } from '../../core/ipc/contract';
import type { ServiceTable } from '../../core/ipc/dispatch';
import { readHouseStyle, readIgnores, writeHouseStyle, writeIgnores } from '../store/checkerConfig';
import { getArticleRow } from '../store/articles';

type Db = Database.Database;

function validRules(raw: unknown[]): Rule[] {
  try {
    return parseRuleSetJson(JSON.stringify({ rules: raw }));
  } catch (e) {
    if (e instanceof RuleSetError) throw new AppError('bad_request', e.message);
    throw e;
  }
}

export function setHouseStyle(
  db: Db,
  patch: { settings?: HouseStyle['settings']; customRules?: unknown[] },
): HouseStyle {
  return db.transaction(() => {
    const current = readHouseStyle(db);
    const next: HouseStyle = {
      settings: patch.settings ?? current.settings,
      customRules: patch.customRules ? validRules(patch.customRules) : current.customRules,
    };
    writeHouseStyle(db, next);
    return next;
  })();
}

function requireArticle(db: Db, id: string): void {
  if (!getArticleRow(db, id)) throw new AppError('not_found', `No article with id ${id}.`);
}

export function ignoreFinding(
  db: Db,
  arg: { id: string; key?: string; ruleId?: string; undo: boolean },
): ArticleIgnores {
  if (!arg.key && !arg.ruleId)
    throw new AppError('bad_request', 'Give the finding key or the rule id to ignore.');
  return db.transaction(() => {
    requireArticle(db, arg.id);
    const ig = readIgnores(db, arg.id);
    const edit = (list: string[], v: string | undefined): string[] =>
      v === undefined ? list : arg.undo ? list.filter((x) => x !== v) : [...new Set([...list, v])];
    const next = { findings: edit(ig.findings, arg.key), rules: edit(ig.rules, arg.ruleId) };
    writeIgnores(db, arg.id, next);
    return next;
  })();
}

export function importRules(db: Db, json: string, replace: boolean): { imported: number; style: HouseStyle } {
  let rules: Rule[];
  try {
    rules = parseRuleSetJson(json);
  } catch (e) {
    if (e instanceof RuleSetError) throw new AppError('bad_request', e.message);
    throw e;
  }
  return db.transaction(() => {
    const current = readHouseStyle(db);
    const ids = new Set(rules.map((r) => r.id));
    const kept = replace ? [] : current.customRules.filter((r) => !ids.has(r.id));
    const style = { ...current, customRules: [...kept, ...rules] };
    writeHouseStyle(db, style);
    return { imported: rules.length, style };
  })();
}

type CheckerChannels =
  | 'checker:getConfig'
  | 'checker:setConfig'
  | 'checker:ignores'
  | 'checker:ignore'
  | 'checker:rules:export'
  | 'checker:rules:import';

export function checkerServices(db: Db): Pick<ServiceTable, CheckerChannels> {
  return {
    'checker:getConfig': () => readHouseStyle(db),
    'checker:setConfig': (patch) => setHouseStyle(db, patch),
    'checker:ignores': ({ id }) => readIgnores(db, id),
    'checker:ignore': (arg) => ignoreFinding(db, arg),
    'checker:rules:export': () => ({ json: ruleSetJson(readHouseStyle(db).customRules) }),
    'checker:rules:import': ({ json, replace }) => importRules(db, json, replace),
  };
}
