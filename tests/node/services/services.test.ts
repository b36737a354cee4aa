// The services on a real database file: import (with duplicates), open, save, identical saves, autosave
// coalescing, restore, trash, users and settings, and every channel through the same dispatcher Electron
// main and the e2e harness use.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/core/article/model';
import { AppError, CHANNELS, WINDOW_CHANNELS } from '../../../src/core/ipc/contract';
import { createDispatch } from '../../../src/core/ipc/dispatch';
import { readDocument } from '../../../src/node/files/readDocument';
import {
  createServices,
  getRevision,
  getUser,
  importDocument,
  importText,
  listArticles,
  listRevisions,
  restoreRevision,
  saveRevision,
  setUser,
  showArticle,
  trashArticle,
  untrashArticle,
} from '../../../src/node/services';
import { openDatabase } from '../../../src/node/store/db';
import { seedBytes, tempDir } from '../store/testFiles';

const tmp = tempDir();
let db: Database.Database;
afterAll(() => tmp.cleanup());

function edited(c: ArticleContent, text: string): ArticleContent {
  return { ...c, body: [...c.body, { type: 'paragraph', text }] };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('article life cycle', () => {
  let id: string;
  let imported: ArticleContent;

  beforeAll(() => {
    db = openDatabase(tmp.file('life.db'));
  });
  afterAll(() => db.close());

  it('imports the seed article as a draft whose first revision is exactly what the importer produced', async () => {
    const outcome = await importDocument(
      db,
      { bytes: seedBytes(), fileName: 'seed.txt' },
      { author: 'سارة' },
    );
    expect(outcome.kind).toBe('imported');
    if (outcome.kind !== 'imported') return;
    id = outcome.id;
    expect(id).toMatch(/^[a-z0-9]{10}$/);
    const parsed = await readDocument(seedBytes(), 'seed.txt');
    const open = showArticle(db, id);
    imported = open.article;
    expect(open.article).toMatchObject({ id, status: 'draft' });
    // Tags suggested from the text (the importer found none in its تصنيفات section).
    expect(open.article.tags).toEqual([]);
    expect(open.article.suggestedTags.slice(0, 2)).toEqual(['روسيا', 'إيران']);
    // What the importer noticed stays with the article (the seed repeats its caption and glues its dateline).
    expect(open.article.warnings).toEqual(parsed.warnings);
    expect(open.article.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['caption_repeated', 'dateline_glued']),
    );
    expect(open.article.headline).toBe(parsed.content.headline);
    expect(open.article.body).toEqual(parsed.content.body);
    expect(open.article.headline).toContain('لافروف');
    expect(open.revision).toMatchObject({ seq: 1, reason: 'import', author: 'سارة', note: null });
    expect(open.revision.words).toBeGreaterThan(250);
  });

  it('recognises the same content as a duplicate, unless asked to import it again', async () => {
    const again = await importDocument(db, { bytes: seedBytes(), fileName: 'copy.txt' });
    expect(again).toEqual({ kind: 'duplicate', existingId: id, existingHeadline: imported.headline });
    expect(listArticles(db)).toHaveLength(1);
    const forced = await importDocument(
      db,
      { bytes: seedBytes(), fileName: 'copy.txt' },
      { allowDuplicate: true },
    );
    expect(forced.kind).toBe('imported');
    expect(listArticles(db)).toHaveLength(2);
    if (forced.kind === 'imported') trashArticle(db, forced.id);
  });

  it('refuses empty text without storing anything', () => {
    expect(codeOf(() => importText(db, ' \n\u00a0\n'))).toBe('empty_file');
    expect(listArticles(db)).toHaveLength(1);
  });

  it('stores a manual save as the next revision and ignores a save of identical content', () => {
    const first = saveRevision(db, {
      id,
      content: edited(imported, 'فقرة أولى'),
      reason: 'manual',
      author: 'سارة',
    });
    expect(first).toMatchObject({ saved: true, revision: { seq: 2, reason: 'manual', author: 'سارة' } });
    const same = saveRevision(db, {
      id,
      content: edited(imported, 'فقرة أولى'),
      reason: 'manual',
      author: 'سارة',
    });
    expect(same).toMatchObject({ saved: false, revision: { seq: 2 } });
    expect(listRevisions(db, id).map((r) => r.seq)).toEqual([2, 1]);
  });

  it('folds consecutive autosaves by the same author into one revision, but never a manual save', () => {
    const base = edited(imported, 'فقرة أولى');
    const a1 = saveRevision(db, { id, content: edited(base, 'م'), reason: 'autosave', author: 'سارة' });
    const a2 = saveRevision(db, { id, content: edited(base, 'مسو'), reason: 'autosave', author: 'سارة' });
    const a3 = saveRevision(db, { id, content: edited(base, 'مسودة'), reason: 'autosave', author: 'سارة' });
    expect([a1.revision.seq, a2.revision.seq, a3.revision.seq]).toEqual([3, 3, 3]);
    expect(getRevision(db, id, 3).content.body.at(-1)!.text).toBe('مسودة');
    // The manual save before them (seq 2) is untouched.
    expect(getRevision(db, id, 2).content.body.at(-1)!.text).toBe('فقرة أولى');
    // Another author's autosave starts its own revision.
    const other = saveRevision(db, {
      id,
      content: edited(base, 'مسودة خالد'),
      reason: 'autosave',
      author: 'خالد',
    });
    expect(other.revision.seq).toBe(4);
    // A manual save after an autosave is a new revision, and the next autosave does not replace it.
    const manual = saveRevision(db, { id, content: edited(base, 'نهائي'), reason: 'manual', author: 'خالد' });
    const after = saveRevision(db, {
      id,
      content: edited(base, 'نهائي ٢'),
      reason: 'autosave',
      author: 'خالد',
    });
    expect([manual.revision.seq, after.revision.seq]).toEqual([5, 6]);
    expect(getRevision(db, id, 5).content.body.at(-1)!.text).toBe('نهائي');
    // Ctrl+S on content an autosave already holds: that autosave becomes the named manual revision.
    const named = saveRevision(db, {
      id,
      content: edited(base, 'نهائي ٢'),
      reason: 'manual',
      note: 'بعد المراجعة',
      author: 'خالد',
    });
    expect(named).toMatchObject({
      saved: true,
      revision: { seq: 6, reason: 'manual', note: 'بعد المراجعة' },
    });
    // … but only the same author's autosave: nothing changed, nothing else to store.
    const again = saveRevision(db, {
      id,
      content: edited(base, 'نهائي ٢'),
      reason: 'manual',
      author: 'سارة',
    });
    expect(again.saved).toBe(false);
    expect(listRevisions(db, id).map((r) => r.reason)).toEqual([
      'manual',
      'manual',
      'autosave',
      'autosave',
      'manual',
      'import',
    ]);
  });

  it('restores an earlier revision as a new one, keeping the history as it was', () => {
    const before = listRevisions(db, id);
    const restored = restoreRevision(db, { id, seq: 1, author: 'منى' });
    expect(restored).toMatchObject({ seq: 7, reason: 'restore', author: 'منى' });
    expect(restored.note).toContain('1');
    expect(showArticle(db, id).article.body).toEqual(imported.body);
    expect(listRevisions(db, id).slice(1)).toEqual(before);
    // Restoring what is already current stores nothing.
    expect(restoreRevision(db, { id, seq: 1 }).seq).toBe(7);
    expect(codeOf(() => restoreRevision(db, { id, seq: 99 }))).toBe('not_found');
  });

  it('trash hides the article from the library, refuses saves, and untrash brings it back', () => {
    trashArticle(db, id);
    expect(listArticles(db).map((a) => a.id)).not.toContain(id);
    expect(listArticles(db, { trash: true }).map((a) => a.id)).toContain(id);
    expect(listArticles(db, { trash: true }).find((a) => a.id === id)!.deletedAt).not.toBeNull();
    expect(codeOf(() => saveRevision(db, { id, content: edited(imported, 'x'), reason: 'manual' }))).toBe(
      'conflict',
    );
    untrashArticle(db, id);
    const back = listArticles(db).find((a) => a.id === id)!;
    expect(back).toMatchObject({ id, headline: imported.headline, deletedAt: null, author: 'سارة' });
  });

  it('answers unknown ids with not_found', () => {
    expect(codeOf(() => showArticle(db, 'nope'))).toBe('not_found');
    expect(codeOf(() => listRevisions(db, 'nope'))).toBe('not_found');
    expect(codeOf(() => trashArticle(db, 'nope'))).toBe('not_found');
  });

  it('keeps everything across closing and reopening the file', () => {
    const seqs = listRevisions(db, id).map((r) => r.seq);
    db.close();
    db = openDatabase(tmp.file('life.db'));
    expect(listRevisions(db, id).map((r) => r.seq)).toEqual(seqs);
    expect(showArticle(db, id).article.body).toEqual(imported.body);
  });
});

describe('authors', () => {
  it('a revision is by the stored user when no author is given, else by the OS account', () => {
    const udb = openDatabase(tmp.file('users.db'));
    try {
      expect(getUser(udb)).toBeNull();
      const o = importText(udb, 'عنوان\nنص الخبر');
      if (o.kind !== 'imported') throw new Error('expected an import');
      const osName = listRevisions(udb, o.id)[0]!.author;
      expect(osName.length).toBeGreaterThan(0);
      setUser(udb, '  ليلى  ');
      expect(getUser(udb)).toEqual({ name: 'ليلى' });
      const content = showArticle(udb, o.id).article;
      const saved = saveRevision(udb, {
        id: o.id,
        content: { ...content, headline: 'عنوان جديد' },
        reason: 'manual',
      });
      expect(saved.revision.author).toBe('ليلى');
    } finally {
      udb.close();
    }
  });
});

describe('through createDispatch', () => {
  let ddb: Database.Database;
  let dispatch: ReturnType<typeof createDispatch>;
  const internal: unknown[] = [];

  beforeAll(() => {
    ddb = openDatabase(tmp.file('dispatch.db'));
    dispatch = createDispatch(createServices(ddb), (_c, e) => internal.push(e));
  });
  afterAll(() => ddb.close());

  it('implements every data channel of the contract', () => {
    const table = createServices(ddb);
    const windowOnly: readonly string[] = WINDOW_CHANNELS;
    for (const c of CHANNELS.filter((ch) => !windowOnly.includes(ch))) {
      expect(typeof (table as Record<string, unknown>)[c], c).toBe('function');
    }
  });

  it('refuses a malformed argument with bad_request and stores nothing', async () => {
    expect(
      await dispatch('article:save', { id: 'x', content: { headline: 1 }, reason: 'manual' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await dispatch('library:list', { trash: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await dispatch('library:importText', { text: 'x', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await dispatch('no:such', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(
      await dispatch('library:importFile', { fileName: 'a.txt', dataBase64: '%%% not base64 %%%' }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await dispatch('library:list', {})).toEqual({ ok: true, value: [] });
  });

  it('runs the whole cycle through the channels, each result valid against the contract', async () => {
    const imported = await dispatch('library:importFile', {
      fileName: 'seed.txt',
      dataBase64: seedBytes().toString('base64'),
    });
    expect(imported).toMatchObject({ ok: true, value: { kind: 'imported' } });
    const id = (imported as { value: { id: string } }).value.id;
    const dup = await dispatch('library:importText', { text: seedBytes().toString('utf8') });
    expect(dup).toMatchObject({ ok: true, value: { kind: 'duplicate', existingId: id } });

    const open = (await dispatch('article:open', { id })) as { ok: true; value: { article: ArticleContent } };
    expect(open.ok).toBe(true);
    const content = { ...open.value.article, headline: 'عنوان معدّل' };
    for (const k of ['id', 'status', 'suggestedTags', 'warnings'])
      delete (content as Record<string, unknown>)[k];
    expect(await dispatch('user:set', { name: 'هدى' })).toEqual({ ok: true, value: { name: 'هدى' } });
    expect(await dispatch('user:get', {})).toEqual({ ok: true, value: { name: 'هدى' } });
    expect(await dispatch('article:save', { id, content, reason: 'manual' })).toMatchObject({
      ok: true,
      value: { saved: true, revision: { seq: 2, author: 'هدى' } },
    });
    expect(await dispatch('revisions:list', { id })).toMatchObject({
      ok: true,
      value: [{ seq: 2 }, { seq: 1 }],
    });
    expect(await dispatch('revisions:get', { id, seq: 2 })).toMatchObject({
      ok: true,
      value: { articleId: id, content: { headline: 'عنوان معدّل' } },
    });
    expect(await dispatch('revisions:restore', { id, seq: 1 })).toMatchObject({
      ok: true,
      value: { seq: 3, reason: 'restore' },
    });
    expect(await dispatch('library:search', { query: 'الإستراتيجيه' })).toMatchObject({
      ok: true,
      value: [{ id }],
    });
    expect(await dispatch('library:trash', { id })).toEqual({ ok: true, value: { ok: true } });
    expect(await dispatch('library:list', { trash: true })).toMatchObject({ ok: true, value: [{ id }] });
    expect(await dispatch('library:untrash', { id })).toEqual({ ok: true, value: { ok: true } });
    expect(await dispatch('article:open', { id: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch('settings:get', {})).toEqual({ ok: true, value: { language: 'ar' } });
    expect(await dispatch('settings:set', { language: 'en' })).toEqual({
      ok: true,
      value: { language: 'en' },
    });
    expect(await dispatch('settings:get', {})).toEqual({ ok: true, value: { language: 'en' } });
    expect(internal).toEqual([]);
  });
});
