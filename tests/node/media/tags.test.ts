// The tag vocabulary in a real database: the shipped starter entries, Arabic-folded autocomplete, usage counted
// across articles (tags imported from the تصنيفات section of a text), rename and merge rewriting the articles
// that carry a tag, suggestions in `show` / article:open; and the code replacement table with TSV exchange.
import type Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/ipc/contract';
import { createDispatch } from '../../../src/core/ipc/dispatch';
import { createServices, importText, listRevisions, showArticle } from '../../../src/node/services';
import {
  exportCodesTsv,
  importCodesTsv,
  listCodeEntries,
  listTags,
  mergeTags,
  renameTag,
  searchTags,
  setCodeEntry,
  suggestTagsForArticle,
  upsertTag,
} from '../../../src/node/services/tags';
import { openDatabase } from '../../../src/node/store/db';
import { seedBytes, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-tags-');
afterAll(() => tmp.cleanup());

let db: Database.Database;
let n = 0;
beforeEach(() => {
  db = openDatabase(tmp.file(`tags-${++n}.db`));
  return () => db.close();
});

const seedText = (): string => seedBytes().toString('utf8');
/** The seed with its تصنيفات section filled, as news sites publish it. */
const withTags = (tags: string[], variant = ''): string =>
  seedText().replace('تصنيفات\n', `تصنيفات\n${tags.join('\n')}\n`) + variant;

function imported(text: string): string {
  const r = importText(db, text, 'text', { allowDuplicate: true, author: 'سارة' });
  if (r.kind !== 'imported') throw new Error('not imported');
  return r.id;
}

const tagId = (label: string): number => listTags(db).tags.find((t) => t.label === label)!.id;

describe('tag vocabulary', () => {
  it('ships the Media Topics and the gazetteer; search folds Arabic spelling and finds words inside names', () => {
    const { tags } = listTags(db);
    expect(tags.filter((t) => t.type === 'topic')).toHaveLength(17);
    expect(tags.find((t) => t.mediaTopic === 'medtop:15000000')?.label).toBe('رياضة');
    expect(searchTags(db, 'ايران')[0]?.label).toBe('إيران');
    expect(searchTags(db, 'روس')[0]?.label).toBe('روسيا');
    // A word inside a name (المتحدة) and an alias (بوتين).
    expect(searchTags(db, 'المتحده').map((t) => t.label)).toEqual(
      expect.arrayContaining(['الولايات المتحدة', 'الأمم المتحدة']),
    );
    expect(searchTags(db, 'بوتين').map((t) => t.label)).toEqual(['فلاديمير بوتين']);
    expect(searchTags(db, '  ')).toEqual([]);
    expect(searchTags(db, 'غير موجود إطلاقا')).toEqual([]);
  });

  it('import keeps the تصنيفات tags; usage counts them across live articles', () => {
    const a = imported(withTags(['روسيا', 'إيران']));
    imported(withTags(['روسيا', 'دبلوماسية']));
    expect(showArticle(db, a).article.tags).toEqual(['روسيا', 'إيران']);
    const list = listTags(db);
    expect(list.tags.find((t) => t.label === 'روسيا')?.usage).toBe(2);
    expect(list.tags.find((t) => t.label === 'إيران')?.usage).toBe(1);
    expect(list.unlisted).toEqual([{ label: 'دبلوماسية', usage: 1 }]);
  });

  it('upsert adds tags and aliases; a second tag with the same label is a conflict', () => {
    const t = upsertTag(db, { label: 'دبلوماسية', type: 'topic', aliases: ['الدبلوماسية', 'دبلوماسيه'] });
    // دبلوماسيه is the label under Arabic folding; الدبلوماسية is kept as written.
    expect(t.aliases).toEqual(['الدبلوماسية']);
    expect(() => upsertTag(db, { label: 'دبلوماسيّة', type: 'topic' })).toThrow(AppError);
    const updated = upsertTag(db, {
      id: t.id,
      label: 'دبلوماسية',
      type: 'topic',
      aliases: ['علاقات خارجية'],
    });
    expect(searchTags(db, 'علاقات')[0]?.id).toBe(updated.id);
    expect(() => upsertTag(db, { label: 'x', type: 'topic', mediaTopic: 'medtop:1' })).toThrow(/Media Topic/);
  });

  it('rename rewrites the articles that carry the tag and keeps the old label as an alias', () => {
    const a = imported(withTags(['روسيا', 'إيران']));
    const b = imported(withTags(['إيران']));
    const r = renameTag(db, tagId('إيران'), 'جمهورية إيران الإسلامية');
    expect(r.articlesUpdated.sort()).toEqual([a, b].sort());
    expect(r.tag).toMatchObject({ label: 'جمهورية إيران الإسلامية', usage: 2 });
    expect(r.tag.aliases).toContain('إيران');
    expect(showArticle(db, a).article.tags).toEqual(['روسيا', 'جمهورية إيران الإسلامية']);
    const [latest] = listRevisions(db, a);
    expect(latest).toMatchObject({ reason: 'revise', note: 'Tag renamed: إيران → جمهورية إيران الإسلامية' });
    expect(() => renameTag(db, tagId('روسيا'), 'جمهورية إيران الإسلامية')).toThrow(/merge/);
  });

  it('merge moves articles to one tag, without duplicates, and removes the others', () => {
    const a = imported(withTags(['روسيا', 'روسيا الاتحادية الجديدة']));
    const extra = upsertTag(db, { label: 'روسيا الاتحادية الجديدة', type: 'place' });
    const r = mergeTags(db, [extra.id], tagId('روسيا'));
    expect(r.articlesUpdated).toEqual([a]);
    expect(showArticle(db, a).article.tags).toEqual(['روسيا']);
    expect(r.tag.aliases).toContain('روسيا الاتحادية الجديدة');
    expect(listTags(db).tags.some((t) => t.id === extra.id)).toBe(false);
    expect(() => mergeTags(db, [tagId('روسيا')], tagId('روسيا'))).toThrow(AppError);
  });

  it('show and article:open suggest tags from the text; tags:suggest explains them', async () => {
    const id = imported(seedText());
    const { article } = showArticle(db, id);
    for (const want of ['روسيا', 'إيران', 'سيرجي لافروف', 'فلاديمير بوتين', 'مسعود بزشكيان']) {
      expect(article.suggestedTags).toContain(want);
    }
    const dispatch = createDispatch(createServices(db), (_c, e) => {
      throw e;
    });
    const opened = await dispatch('article:open', { id });
    expect(
      opened.ok && (opened.value as { article: { suggestedTags: string[] } }).article.suggestedTags,
    ).toEqual(article.suggestedTags);
    const s = await dispatch('tags:suggest', { id });
    expect(s).toMatchObject({ ok: true });
    const first = (s as { value: { label: string; type: string; count: number }[] }).value[0]!;
    expect(first).toMatchObject({ label: 'روسيا', type: 'place' });
    expect(first.count).toBeGreaterThan(5);
    // A tag the article already carries is no longer suggested.
    const tagged = imported(withTags(['روسيا']));
    expect(suggestTagsForArticle(db, tagged).map((x) => x.label)).not.toContain('روسيا');
  });
});

describe('code replacements', () => {
  it('set, list, delete and refuse malformed codes', async () => {
    const dispatch = createDispatch(createServices(db), (_c, e) => {
      throw e;
    });
    expect(
      await dispatch('codes:set', { code: '=لاف=', expansion: 'وزير الخارجية الروسي سيرجي لافروف' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await dispatch('codes:list', {})).toEqual({
      ok: true,
      value: [{ code: '=لاف=', expansion: 'وزير الخارجية الروسي سيرجي لافروف' }],
    });
    expect(await dispatch('codes:set', { code: 'لاف', expansion: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await dispatch('codes:delete', { code: '=لاف=' })).toEqual({ ok: true, value: { deleted: true } });
    expect(listCodeEntries(db)).toEqual([]);
  });

  it('imports TSV (good lines stored, bad ones reported by line) and exports it back', () => {
    setCodeEntry(db, { code: '=قديم=', expansion: 'يبقى' });
    const r = importCodesTsv(db, 'code\texpansion\n=لاف=\tسيرجي لافروف\nبلا تبويب\n=بوت=\tفلاديمير بوتين\n');
    expect(r).toEqual({ imported: 2, problems: [{ line: 3, message: expect.stringMatching(/tab/) }] });
    expect(listCodeEntries(db).map((c) => c.code)).toEqual(['=bوت='.replace('b', 'ب'), '=قديم=', '=لاف=']);
    const { tsv } = exportCodesTsv(db);
    expect(tsv.split('\n').slice(0, 2)).toEqual(['code\texpansion', '=بوت=\tفلاديمير بوتين']);
    importCodesTsv(db, tsv.replace('=قديم=\tيبقى\n', ''), { replace: true });
    expect(listCodeEntries(db).map((c) => c.code)).toEqual(['=بوت=', '=لاف=']);
  });

  it('a table with no good line stores nothing', () => {
    setCodeEntry(db, { code: '=أ=', expansion: 'أول' });
    const r = importCodesTsv(db, 'سطر بلا تبويب\n=ب=\t\n', { replace: true });
    expect(r.imported).toBe(0);
    expect(r.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(listCodeEntries(db)).toEqual([{ code: '=أ=', expansion: 'أول' }]);
  });
});
