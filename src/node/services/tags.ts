// The tag vocabulary (search, upsert, rename and merge with usage counts across articles), tag suggestions
// from an article's text, and the code replacement table: the metadata-entry helpers of the photo desk.
import type Database from 'better-sqlite3';
import type { ArticleContent } from '../../core/article/model';
import {
  CodeTable,
  codeProblem,
  expansionProblem,
  formatCodesTsv,
  parseCodesTsv,
  type CodeEntry,
  type TsvProblem,
} from '../../core/codes/codes';
import { AppError } from '../../core/ipc/contract';
import { suggestTags, type TagSuggestion } from '../../core/tags/suggest';
import { VocabularyMatcher } from '../../core/tags/match';
import {
  MediaTopicCode,
  STARTER_VOCABULARY_VERSION,
  cleanLabel,
  starterVocabulary,
  tagKey,
  type TagType,
  type VocabularyEntry,
} from '../../core/tags/vocabulary';
import { clearCodes, deleteCode, listCodes, putCode } from '../store/codes';
import { latestRevision } from '../store/revisions';
import { getSetting, setSetting } from '../store/settings';
import {
  articleTagLists,
  deleteTag,
  getTag,
  getTagByLabelKey,
  insertTag,
  listTagRows,
  searchTagRows,
  updateTag,
  type TagRow,
} from '../store/tags';
import { saveRevision } from './articles';
import { nowIso } from './content';
import { requireArticle } from './library';

type Db = Database.Database;

const VOCABULARY_SETTING = 'tagVocabularyVersion';

export type TagInfo = {
  id: number;
  label: string;
  type: TagType;
  aliases: string[];
  mediaTopic: string | null;
  labelEn: string | null;
  /** Live articles whose newest revision carries the tag (by its label or an alias). */
  usage: number;
};

/** Loads the shipped starter vocabulary once per version; tags already there (same label key) are kept as they are. */
export function ensureStarterVocabulary(db: Db): void {
  const v = getSetting(db, VOCABULARY_SETTING);
  if (typeof v === 'number' && v >= STARTER_VOCABULARY_VERSION) return;
  db.transaction(() => {
    const at = nowIso();
    for (const e of starterVocabulary()) {
      insertTag(
        db,
        {
          label: e.label,
          type: e.type,
          aliases: e.aliases,
          mediaTopic: e.mediaTopic ?? null,
          labelEn: e.labelEn ?? null,
        },
        at,
      );
    }
    setSetting(db, VOCABULARY_SETTING, STARTER_VOCABULARY_VERSION);
  })();
}

function vocabulary(db: Db): VocabularyEntry[] {
  ensureStarterVocabulary(db);
  return listTagRows(db).map((r) => ({ label: r.label, type: r.type, aliases: r.aliases }));
}

/** How many live articles carry each tag key (as written in content.tags, folded). */
function usageByKey(db: Db): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { articleId, tags } of articleTagLists(db)) {
    for (const t of tags) {
      const k = tagKey(t);
      if (!k) continue;
      const s = out.get(k) ?? new Set<string>();
      s.add(articleId);
      out.set(k, s);
    }
  }
  return out;
}

function usageOf(row: TagRow, usage: Map<string, Set<string>>): number {
  const articles = new Set<string>();
  for (const name of [row.label, ...row.aliases])
    for (const a of usage.get(tagKey(name)) ?? []) articles.add(a);
  return articles.size;
}

function info(row: TagRow, usage: Map<string, Set<string>>): TagInfo {
  return {
    id: row.id,
    label: row.label,
    type: row.type,
    aliases: row.aliases,
    mediaTopic: row.mediaTopic,
    labelEn: row.labelEn,
    usage: usageOf(row, usage),
  };
}

function requireTag(db: Db, id: number): TagRow {
  const row = getTag(db, id);
  if (!row) throw new AppError('not_found', `No tag with id ${id}.`);
  return row;
}

/** Autocomplete: tags whose label, alias or one of their words starts with the prefix (Arabic-folded). */
export function searchTags(db: Db, prefix: string, limit = 20): TagInfo[] {
  ensureStarterVocabulary(db);
  const key = tagKey(prefix);
  if (!key) return [];
  const usage = usageByKey(db);
  return searchTagRows(db, key, limit).map((r) => info(r, usage));
}

export type TagList = { tags: TagInfo[]; unlisted: { label: string; usage: number }[] };

/** The whole vocabulary with usage counts, and the labels articles carry that are not in it. */
export function listTags(db: Db): TagList {
  ensureStarterVocabulary(db);
  const usage = usageByKey(db);
  const rows = listTagRows(db);
  const known = new Set(rows.flatMap((r) => [r.label, ...r.aliases].map(tagKey)));
  const written = new Map<string, string>();
  for (const { tags } of articleTagLists(db))
    for (const t of tags) if (!written.has(tagKey(t))) written.set(tagKey(t), t);
  const unlisted = [...usage.entries()]
    .filter(([k]) => !known.has(k))
    .map(([k, s]) => ({ label: written.get(k) ?? k, usage: s.size }))
    .sort((a, b) => b.usage - a.usage || a.label.localeCompare(b.label, 'ar'));
  return { tags: rows.map((r) => info(r, usage)), unlisted };
}

export type TagInput = {
  id?: number | null;
  label: string;
  type: TagType;
  aliases?: string[];
  mediaTopic?: string | null;
  labelEn?: string | null;
};

/** Creates a tag, or updates the one with `id`. A label another tag already has is a conflict. */
export function upsertTag(db: Db, input: TagInput): TagInfo {
  const label = cleanLabel(input.label);
  if (!tagKey(label)) throw new AppError('bad_request', 'A tag needs a label with letters or digits.');
  if (
    input.mediaTopic !== undefined &&
    input.mediaTopic !== null &&
    !MediaTopicCode.safeParse(input.mediaTopic).success
  ) {
    throw new AppError(
      'bad_request',
      `${input.mediaTopic} is not an IPTC Media Topic code (medtop:01000000).`,
    );
  }
  const aliases = dedupeNames(label, input.aliases ?? []);
  ensureStarterVocabulary(db);
  return db
    .transaction(() => {
      const at = nowIso();
      const same = getTagByLabelKey(db, tagKey(label));
      const fields = {
        label,
        type: input.type,
        aliases,
        mediaTopic: input.mediaTopic ?? null,
        labelEn: input.labelEn?.trim() || null,
      };
      let id: number;
      if (input.id !== undefined && input.id !== null) {
        const row = requireTag(db, input.id);
        if (same && same.id !== row.id) {
          throw new AppError(
            'conflict',
            `Another tag is already called «${same.label}»; merge the two instead.`,
          );
        }
        if (tagKey(row.label) !== tagKey(label)) {
          throw new AppError(
            'bad_request',
            'Use rename to change a tag’s label (its articles change with it).',
          );
        }
        updateTag(db, row.id, fields, at);
        id = row.id;
      } else {
        if (same) throw new AppError('conflict', `The tag «${same.label}» already exists.`);
        id = insertTag(db, fields, at)!;
      }
      return info(requireTag(db, id), usageByKey(db));
    })
    .immediate();
}

function dedupeNames(label: string, aliases: readonly string[]): string[] {
  const seen = new Set([tagKey(label)]);
  const out: string[] = [];
  for (const a of aliases.map(cleanLabel)) {
    const k = tagKey(a);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

export type TagChange = { tag: TagInfo; articlesUpdated: string[] };

/**
 * Replaces tags in every live article that carries one of `fromKeys`, by `label`, as a new revision (reason
 * 'revise', with a note saying why). Returns the ids of the articles changed.
 */
function retagArticles(
  db: Db,
  fromKeys: Set<string>,
  label: string,
  note: string,
  author?: string | null,
): string[] {
  const changed: string[] = [];
  const targetKey = tagKey(label);
  for (const { articleId, tags } of articleTagLists(db)) {
    if (!tags.some((t) => fromKeys.has(tagKey(t)))) continue;
    const head = latestRevision(db, articleId);
    if (!head) continue;
    const next: string[] = [];
    const seen = new Set<string>();
    for (const t of head.content.tags) {
      const k = fromKeys.has(tagKey(t)) ? targetKey : tagKey(t);
      if (seen.has(k)) continue;
      seen.add(k);
      next.push(k === targetKey ? label : t);
    }
    const r = saveRevision(db, {
      id: articleId,
      content: { ...head.content, tags: next },
      reason: 'revise',
      note,
      author,
    });
    if (r.saved) changed.push(articleId);
  }
  return changed;
}

/** Renames a tag; the old label stays as an alias, and every article carrying the old label gets the new one. */
export function renameTag(db: Db, id: number, newLabel: string, author?: string | null): TagChange {
  const label = cleanLabel(newLabel);
  if (!tagKey(label)) throw new AppError('bad_request', 'A tag needs a label with letters or digits.');
  ensureStarterVocabulary(db);
  return db
    .transaction((): TagChange => {
      const row = requireTag(db, id);
      const other = getTagByLabelKey(db, tagKey(label));
      if (other && other.id !== id) {
        throw new AppError(
          'conflict',
          `Another tag is already called «${other.label}»; merge the two instead.`,
        );
      }
      const aliases = dedupeNames(label, [row.label, ...row.aliases]);
      updateTag(db, id, { ...row, label, aliases }, nowIso());
      const updated =
        row.label === label
          ? []
          : retagArticles(
              db,
              new Set([tagKey(row.label)]),
              label,
              `Tag renamed: ${row.label} → ${label}`,
              author,
            );
      return { tag: info(requireTag(db, id), usageByKey(db)), articlesUpdated: updated };
    })
    .immediate();
}

/** Merges tags into one: their labels and aliases become its aliases, their articles carry it instead. */
export function mergeTags(db: Db, from: number[], into: number, author?: string | null): TagChange {
  const sources = [...new Set(from)].filter((x) => x !== into);
  if (!sources.length) throw new AppError('bad_request', 'Name at least one tag to merge into another.');
  ensureStarterVocabulary(db);
  return db
    .transaction((): TagChange => {
      const target = requireTag(db, into);
      const rows = sources.map((s) => requireTag(db, s));
      const keys = new Set(rows.flatMap((r) => [r.label, ...r.aliases].map(tagKey)));
      for (const r of rows) deleteTag(db, r.id);
      const aliases = dedupeNames(target.label, [
        ...target.aliases,
        ...rows.flatMap((r) => [r.label, ...r.aliases]),
      ]);
      updateTag(db, target.id, { ...target, aliases }, nowIso());
      keys.delete(tagKey(target.label));
      const names = rows.map((r) => r.label).join('، ');
      const updated = retagArticles(
        db,
        keys,
        target.label,
        `Tags merged: ${names} → ${target.label}`,
        author,
      );
      return { tag: info(requireTag(db, into), usageByKey(db)), articlesUpdated: updated };
    })
    .immediate();
}

/** Removes a tag from the vocabulary; articles keep the label they carry. */
export function removeTag(db: Db, id: number): { ok: true } {
  db.transaction(() => {
    requireTag(db, id);
    deleteTag(db, id);
  }).immediate();
  return { ok: true };
}

/** Suggestions for content, against this database's vocabulary. */
export function suggestTagsForContent(db: Db, content: ArticleContent, limit?: number): TagSuggestion[] {
  const entries = vocabulary(db).filter((e) => e.type !== 'topic');
  return suggestTags(content, new VocabularyMatcher(entries), { limit });
}

export function suggestTagsForArticle(db: Db, id: string): TagSuggestion[] {
  requireArticle(db, id);
  const head = latestRevision(db, id);
  if (!head) throw new AppError('database', `Article ${id} has no revisions; the database is inconsistent.`);
  return suggestTagsForContent(db, head.content);
}

/** What `show` and 'article:open' print as suggestedTags: the labels, best first. */
export function suggestedTagLabels(db: Db, content: ArticleContent): string[] {
  return suggestTagsForContent(db, content, 12).map((s) => s.label);
}

// ---- code replacements ----------------------------------------------------------------------------------

export function listCodeEntries(db: Db): CodeEntry[] {
  return listCodes(db).map(({ code, expansion }) => ({ code, expansion }));
}

export function setCodeEntry(db: Db, entry: CodeEntry): CodeEntry {
  const code = entry.code.trim().normalize('NFC');
  const expansion = entry.expansion.trim();
  const problem = codeProblem(code) ?? expansionProblem(expansion);
  if (problem) throw new AppError('bad_request', `${code}: ${problem}`);
  db.transaction(() => putCode(db, { code, expansion }, nowIso())).immediate();
  return { code, expansion };
}

export function deleteCodeEntry(db: Db, code: string): { deleted: boolean } {
  return { deleted: db.transaction(() => deleteCode(db, code.trim().normalize('NFC'))).immediate() };
}

export type CodesImport = { imported: number; problems: TsvProblem[] };

/**
 * Imports a TSV code table in one transaction: good lines are stored (replacing codes of the same name, or
 * the whole table with `replace`), bad ones reported by line number. A file with no good line stores nothing.
 */
export function importCodesTsv(db: Db, tsv: string, options: { replace?: boolean } = {}): CodesImport {
  const { entries, problems } = parseCodesTsv(tsv);
  if (!entries.length) {
    if (!problems.length) throw new AppError('empty_file', 'The code table is empty.');
    return { imported: 0, problems };
  }
  db.transaction(() => {
    const at = nowIso();
    if (options.replace) clearCodes(db);
    for (const e of entries) putCode(db, e, at);
  }).immediate();
  return { imported: entries.length, problems };
}

export function exportCodesTsv(db: Db): { tsv: string } {
  return { tsv: formatCodesTsv(listCodeEntries(db)) };
}

/** The stored table, ready for expandAt (for the editor's bridge and the command line). */
export function codeTable(db: Db): CodeTable {
  return new CodeTable(listCodeEntries(db));
}
