// The sources library on a real database file: pasted text and files (text, HTML, DOCX, PDF) with their
// metadata, reuse across articles, search with Arabic spelling variants, a source of more than 1 MB, and the
// refusal of a damaged PDF.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/ipc/contract';
import { importText } from '../../../src/node/services';
import {
  addSourceFile,
  addSourceText,
  attachSourceToArticle,
  detachSourceFromArticle,
  getSource,
  listSources,
  readSourceFile,
  removeSource,
  searchSources,
} from '../../../src/node/services/factcheckSources';
import { openDatabase } from '../../../src/node/store/db';
import { buildDocx, encodeSingleByte } from '../files/encodeFixtures';
import { loadCorpus, tempDir } from '../store/testFiles';
import { buildPdf } from './pdfFixture';

const tmp = tempDir('tadqiq-sources-');
let db: Database.Database;
let a: string;
let b: string;

async function codeOf(fn: () => unknown): Promise<[string, string]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return [e.code, e.message];
    throw e;
  }
  throw new Error('expected an AppError');
}

function imported(text: string): string {
  const o = importText(db, text, 'text', { author: 'سارة', allowDuplicate: true });
  if (o.kind !== 'imported') throw new Error('not imported');
  return o.id;
}

beforeAll(() => {
  db = openDatabase(tmp.file('sources.db'));
  a = imported('روسيا وإيران\n\nقال الوزير إن الاتفاقية قريبة.');
  b = imported('أسعار النفط\n\nارتفعت أسعار النفط اليوم.');
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

const STATEMENT =
  'وقال لافروف ان التوقيع المرتقب علي معاهده الشراكه الإستراتيجيه الشامله بين روسيا وايران سيعزز العلاقات. ' +
  'وأكد المسؤول أن والنفط والغاز من مجالات التعاون.';

describe('sources library', () => {
  it('adds pasted text with its metadata, attached to an article', () => {
    const r = addSourceText(db, {
      articleId: a,
      title: 'بيان الخارجية الروسية',
      url: 'https://example.org/statement',
      publisher: 'وزارة الخارجية',
      language: 'ar',
      publishedAt: '2024-10-31',
      text: STATEMENT,
      author: 'منى',
    });
    expect(r.reused).toBe(false);
    expect(r.source).toMatchObject({
      title: 'بيان الخارجية الروسية',
      url: 'https://example.org/statement',
      publisher: 'وزارة الخارجية',
      language: 'ar',
      publishedAt: '2024-10-31',
      kind: 'pasted',
      chars: STATEMENT.length,
      author: 'منى',
      articles: 1,
    });
    expect(listSources(db, { articleId: a }).map((s) => s.id)).toEqual([r.source.id]);
    expect(listSources(db, { articleId: b })).toEqual([]);
    expect(getSource(db, r.source.id).text).toBe(STATEMENT);
  });

  it('reuses the same text for a second article instead of storing it twice', () => {
    // Other hamza forms and spacing: still the same source.
    const again = addSourceText(db, {
      articleId: b,
      title: 'نسخة أخرى',
      text: STATEMENT.replace('الإستراتيجيه', 'الاستراتيجيه').replace(/ /g, '  '),
    });
    expect(again.reused).toBe(true);
    const first = listSources(db, { articleId: a })[0]!;
    expect(again.source.id).toBe(first.id);
    expect(again.source.title).toBe('بيان الخارجية الروسية');
    expect(getSource(db, first.id).articleIds.sort()).toEqual([a, b].sort());
    expect(listSources(db).filter((s) => s.id === first.id)).toHaveLength(1);
    expect(listSources(db, { articleId: b })[0]!.articles).toBe(2);
  });

  it('attaches and detaches a library source; a source in use cannot be deleted', async () => {
    const s = addSourceText(db, { title: 'مصدر منفصل', text: 'نص مستقل عن أي مقال.' }).source;
    expect(s.articles).toBe(0);
    expect(attachSourceToArticle(db, { articleId: b, sourceId: s.id }).map((x) => x.id)).toContain(s.id);
    // Attaching twice changes nothing.
    expect(
      attachSourceToArticle(db, { articleId: b, sourceId: s.id }).filter((x) => x.id === s.id),
    ).toHaveLength(1);
    expect((await codeOf(() => removeSource(db, s.id)))[0]).toBe('conflict');
    expect(detachSourceFromArticle(db, { articleId: b, sourceId: s.id }).map((x) => x.id)).not.toContain(
      s.id,
    );
    expect(removeSource(db, s.id)).toEqual({ ok: true });
    expect((await codeOf(() => getSource(db, s.id)))[0]).toBe('not_found');
    expect(searchSources(db, 'مستقل')).toEqual([]);
    expect((await codeOf(() => attachSourceToArticle(db, { articleId: 'nope', sourceId: s.id })))[0]).toBe(
      'not_found',
    );
  });

  it('refuses a source without title or text, and a URL that is not a web address', async () => {
    expect((await codeOf(() => addSourceText(db, { title: '  ', text: 'نص' })))[0]).toBe('bad_request');
    expect((await codeOf(() => addSourceText(db, { title: 'عنوان', text: ' \n ' })))[0]).toBe('empty_file');
    expect(
      (await codeOf(() => addSourceText(db, { title: 'ع', text: 'نص', url: 'javascript:alert(1)' })))[0],
    ).toBe('bad_request');
  });

  it('searches sources with hamza, taa marbuta and clitic variants folded', () => {
    const id = listSources(db, { articleId: a })[0]!.id;
    for (const q of ['الاستراتيجية', 'الإستراتيجيّة', 'مسؤول', 'المسؤول', 'النفط', 'معاهدة', 'إيران']) {
      const hits = searchSources(db, q);
      expect(
        hits.map((h) => h.id),
        q,
      ).toContain(id);
    }
    const hit = searchSources(db, 'معاهدة الشراكة')[0]!;
    expect(hit.snippet).toContain('معاهده الشراكه');
    expect(searchSources(db, 'الفضاء')).toEqual([]);
    expect(searchSources(db, '"*')).toEqual([]);
  });

  it('stores and searches a source of more than 1 MB', () => {
    const corpus = loadCorpus();
    const parts: string[] = [];
    let size = 0;
    for (const c of corpus) {
      parts.push(c.content);
      size += Buffer.byteLength(c.content, 'utf8');
      if (size > 1_200_000) break;
    }
    const marker = 'زقزوقيةٌ نادرة';
    const text = [...parts.slice(0, parts.length >> 1), marker, ...parts.slice(parts.length >> 1)].join(
      '\n\n',
    );
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(1_000_000);
    const r = addSourceText(db, { articleId: a, title: 'أرشيف', text });
    expect(getSource(db, r.source.id).text).toBe(text);
    expect(r.source.chars).toBe(text.length);
    const hits = searchSources(db, 'زقزوقية');
    expect(hits.map((h) => h.id)).toEqual([r.source.id]);
    expect(hits[0]!.snippet).toContain('زقزوقيةٌ');
  });
});

describe('source files', () => {
  it('reads a Windows-1256 text file and takes its name as title', async () => {
    const { bytes } = encodeSingleByte('قال الوزير إن المفاوضات مستمرة.', 'windows-1256');
    const r = await addSourceFile(db, { bytes, fileName: 'محضر.txt', articleId: b });
    expect(r.source.kind).toBe('text');
    expect(r.source.title).toBe('محضر');
    expect(getSource(db, r.source.id).text).toBe('قال الوزير إن المفاوضات مستمرة.');
  });

  it('reads an HTML page: its title, every paragraph, no script or style', async () => {
    const html =
      '<!doctype html><html><head><title>بيان &amp; تصريح</title><style>p{color:red}</style>' +
      '<script>var secret = "لا يظهر";</script></head><body><nav>القائمة</nav><p>الفقرة الأولى.</p>' +
      '<div>الفقرة <b>الثانية</b>.</div></body></html>';
    const f = await readSourceFile(new TextEncoder().encode(html), 'page.html');
    expect(f).toEqual({
      kind: 'html',
      title: 'بيان & تصريح',
      text: 'القائمة\nالفقرة الأولى.\nالفقرة الثانية.',
    });
    const r = await addSourceFile(db, {
      bytes: new TextEncoder().encode(html),
      fileName: 'page.html',
      title: 'عنوان آخر',
    });
    expect(r.source.title).toBe('عنوان آخر');
  });

  it('reads a Word document', async () => {
    const bytes = buildDocx([
      { text: 'محضر الاجتماع', style: 'Title' },
      { text: 'قال المتحدث إن الموعد لم يحدد.' },
    ]);
    const f = await readSourceFile(bytes, 'minutes.docx');
    expect(f.kind).toBe('docx');
    expect(f.text).toBe('محضر الاجتماع\nقال المتحدث إن الموعد لم يحدد.');
  });

  it('reads the Arabic text of a PDF in reading order', async () => {
    const quote = 'التوقيع المرتقب على معاهدة الشراكة الاستراتيجية الشاملة';
    const bytes = buildPdf([`وقال لافروف: ${quote}`, 'TASS 2024']);
    const f = await readSourceFile(bytes, 'tass.pdf');
    expect(f.kind).toBe('pdf');
    expect(f.text).toContain(quote);
    expect(f.text).toContain('TASS 2024');
    const r = await addSourceFile(db, { bytes, fileName: 'tass.pdf', articleId: b });
    expect(r.source).toMatchObject({ kind: 'pdf', title: 'tass' });
    expect(searchSources(db, 'معاهده').map((h) => h.id)).toContain(r.source.id);
  });

  it('refuses a damaged PDF, a non-PDF named .pdf and an unknown file type with clear messages', async () => {
    const good = buildPdf(['نص']);
    const [code, message] = await codeOf(() => readSourceFile(good.slice(0, 60), 'cut.pdf'));
    expect(code).toBe('undecodable');
    expect(message).toMatch(/^cut\.pdf: the PDF is damaged/);
    expect((await codeOf(() => readSourceFile(new TextEncoder().encode('hello'), 'fake.pdf')))[0]).toBe(
      'unsupported_file',
    );
    expect((await codeOf(() => readSourceFile(new Uint8Array([1, 2, 3]), 'x.exe')))[0]).toBe(
      'unsupported_file',
    );
    expect((await codeOf(() => readSourceFile(new Uint8Array(), 'empty.txt')))[0]).toBe('empty_file');
    const before = listSources(db).length;
    await codeOf(() => addSourceFile(db, { bytes: good.slice(0, 60), fileName: 'cut.pdf', articleId: a }));
    expect(listSources(db)).toHaveLength(before);
  });
});
