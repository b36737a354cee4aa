// Every fact-checking channel through the dispatcher Electron main and the e2e harness use: malformed
// arguments are refused as bad_request before any service runs, and a whole check goes through end to end.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/core/ipc/contract';
import { createDispatch, type Dispatch } from '../../../src/core/ipc/dispatch';
import { createServices } from '../../../src/node/services';
import { openDatabase } from '../../../src/node/store/db';
import { seedBytes, tempDir } from '../store/testFiles';
import { buildPdf } from './pdfFixture';

const tmp = tempDir('tadqiq-fc-channels-');
let db: Database.Database;
let dispatch: Dispatch;
const internal: unknown[] = [];

beforeAll(() => {
  db = openDatabase(tmp.file('channels.db'));
  dispatch = createDispatch(createServices(db), (_c, e) => internal.push(e));
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

const MALFORMED: Record<string, unknown[]> = {
  'sources:add': [
    {},
    { title: 'ع' },
    { title: 'ع', text: 5 },
    { title: '', text: 'x' },
    { title: 'ع', text: 'x', extra: 1 },
    { title: 'ع', text: 'x', language: 'arabic!' },
    { title: 'ع', text: 'x', publishedAt: 'yesterday' },
  ],
  'sources:addFile': [
    { fileName: 'a.txt' },
    { fileName: '', dataBase64: '' },
    { fileName: 'a.txt', dataBase64: 42 },
  ],
  'sources:list': [{ articleId: '' }, { articleId: 3 }, { other: true }],
  'sources:get': [{}, { id: '' }, { id: 'x'.repeat(65) }],
  'sources:attach': [{ articleId: 'a' }, { sourceId: 'b' }, { articleId: 1, sourceId: 2 }],
  'sources:detach': [{ articleId: 'a' }, {}],
  'sources:search': [{}, { query: 7 }, { query: 'x'.repeat(501) }],
  'sources:delete': [{}, { id: null }],
  'quotes:list': [{}, { id: '' }, 'id'],
  'quotes:verify': [{}, { id: 5 }],
  'quotes:update': [
    { id: 'a' },
    { id: 'a', quoteId: 'q', status: 'done' },
    { id: 'a', quoteId: 'q', note: 5 },
  ],
  'quotes:claim': [
    { id: 'a', block: 0, from: 0 },
    { id: 'a', block: -1, from: 0, to: 1 },
    { id: 'a', block: 0, from: 0.5, to: 1 },
  ],
  'comments:list': [{}, { id: [] }],
  'comments:add': [
    { id: 'a' },
    { id: 'a', body: '' },
    { id: 'a', body: 'x'.repeat(10_001) },
    { id: 'a', body: 'x', threadId: '' },
  ],
  'comments:resolve': [{ id: 'a' }, { threadId: 't' }],
  'comments:reopen': [{ id: 'a' }, { id: 'a', threadId: 9 }],
  'audit:list': [{}, { id: '' }],
  'factcheck:report': [{ id: 'a' }, { id: 'a', format: 'pdf' }],
};

describe('fact-checking channels', () => {
  it('are all in the contract and implemented', () => {
    for (const c of Object.keys(MALFORMED)) expect(CHANNELS).toContain(c);
    const table = createServices(db) as Record<string, unknown>;
    for (const c of Object.keys(MALFORMED)) expect(typeof table[c], c).toBe('function');
  });

  it('refuse malformed arguments with bad_request', async () => {
    for (const [channel, args] of Object.entries(MALFORMED)) {
      for (const arg of args) {
        const r = await dispatch(channel, arg);
        expect(r.ok, `${channel} ${JSON.stringify(arg).slice(0, 80)}`).toBe(false);
        if (!r.ok) expect(r.error.code, channel).toBe('bad_request');
      }
    }
    expect(internal).toEqual([]);
  });

  it('carry a whole check: import, add a PDF source, verify, review, comment, report', async () => {
    const imported = await dispatch('library:importFile', {
      fileName: 'seed.txt',
      dataBase64: seedBytes().toString('base64'),
    });
    if (!imported.ok) throw new Error(imported.error.message);
    const id = (imported.value as { id: string }).id;
    const pdf = buildPdf([
      'قال لافروف:',
      // A quote set over two lines, as a page breaks it.
      'التوقيع المرتقب علي معاهده الشراكه الاستراتيجيه الشامله بين روسيا وايران',
      'من شانه ان يعزز العلاقات الروسيه الايرانيه بشكل كبير',
    ]);
    const added = await dispatch('sources:addFile', {
      articleId: id,
      fileName: 'tass.pdf',
      dataBase64: Buffer.from(pdf).toString('base64'),
      url: 'https://tass.example/1',
      publishedAt: '2024-10-31',
    });
    expect(added).toMatchObject({ ok: true, value: { reused: false, source: { kind: 'pdf', articles: 1 } } });
    const bad = await dispatch('sources:addFile', { fileName: 'x.pdf', dataBase64: 'JVBERi0xLjQK***' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const verified = await dispatch('quotes:verify', { id });
    if (!verified.ok) throw new Error(verified.error.message);
    const quotes = verified.value as { id: string; kind: string; status: string; speaker: string | null }[];
    expect(quotes.filter((q) => q.kind === 'speech').map((q) => q.status)).toEqual([
      'verified',
      'not_found',
      'not_found',
    ]);

    const ushakov = quotes.find((q) => q.kind === 'speech' && q.speaker === 'يوري أوشاكوف')!;
    expect(await dispatch('quotes:update', { id, quoteId: ushakov.id, status: 'waived' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(
      await dispatch('quotes:update', { id, quoteId: ushakov.id, status: 'waived', waivedReason: 'مقابلة' }),
    ).toMatchObject({ ok: true, value: { status: 'waived' } });
    expect(await dispatch('quotes:claim', { id, block: 0, from: 0, to: 5 })).toMatchObject({
      ok: true,
      value: { kind: 'claim' },
    });
    const thread = await dispatch('comments:add', { id, body: 'تحقق من التاريخ' });
    expect(thread).toMatchObject({ ok: true, value: { resolved: false } });
    const threadId = (thread as { value: { threadId: string } }).value.threadId;
    expect(await dispatch('comments:resolve', { id, threadId })).toMatchObject({
      ok: true,
      value: { resolved: true },
    });
    expect(await dispatch('comments:list', { id })).toMatchObject({
      ok: true,
      value: [{ threadId, resolved: true }],
    });
    const audit = await dispatch('audit:list', { id });
    if (!audit.ok) throw new Error(audit.error.message);
    expect((audit.value as { action: string }[]).map((r) => r.action)).toEqual(
      expect.arrayContaining(['source.attach', 'quote.status', 'quote.claim', 'comment.resolve']),
    );
    const search = await dispatch('sources:search', { query: 'معاهدة الشراكة' });
    expect(search).toMatchObject({ ok: true, value: [{ title: 'tass' }] });
    const html = await dispatch('factcheck:report', { id, format: 'html' });
    expect(html.ok && typeof html.value === 'string' && html.value.includes('dir="rtl"')).toBe(true);
    // The export of the fact-check report (with an editor's recorded override: the article is not approved).
    await dispatch('user:set', { name: 'رئيس التحرير' });
    await dispatch('user:setRole', { role: 'editor' });
    const exported = await dispatch('export:article', {
      id,
      format: 'factcheck',
      override: 'للمراجعة الداخلية',
    });
    if (!exported.ok) throw new Error(exported.error.message);
    const file = exported.value as { fileName: string; dataBase64: string };
    expect(file.fileName).toContain('-factcheck');
    expect(Buffer.from(file.dataBase64, 'base64').toString('utf8')).toContain('تقرير التحقق من الاقتباسات');
    expect(await dispatch('quotes:list', { id: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(internal).toEqual([]);
  });
});
