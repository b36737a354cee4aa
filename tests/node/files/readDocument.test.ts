// readDocument: the file as the user picked it (bytes + name) to a structured article, or a clear AppError.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { MAX_IMPORT_BYTES, readDocument } from '../../../src/node/files/readDocument';
import { structureText } from '../../../src/core/import';
import { AppError, type ErrorCode } from '../../../src/core/ipc/contract';
import { readSeed } from '../../core/import/sharedMaterial';
import { buildDocx, encodeSingleByte, encodeUtf16, encodeUtf8 } from './encodeFixtures';

async function failure(bytes: Uint8Array, name: string): Promise<{ code: ErrorCode; message: string }> {
  try {
    await readDocument(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return { code: (e as AppError).code, message: (e as AppError).message };
  }
  throw new Error(`${name} was accepted`);
}

describe('readDocument', () => {
  const seed = readSeed();
  const expected = structureText(seed);

  it('reads the seed as UTF-8 text into the structured article', async () => {
    const doc = await readDocument(encodeUtf8(seed, false), 'seed.txt');
    expect(doc.format).toBe('text');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.bom).toBe(false);
    expect(doc.content).toEqual(expected.content);
    expect(doc.warnings).toEqual(expected.warnings);
  });

  it('gives the same article from every encoding of the seed', async () => {
    const encodings: [Uint8Array, string][] = [
      [encodeUtf8(seed, true), 'utf-8'],
      [encodeUtf16(seed, 'le', true), 'utf-16le'],
      [encodeUtf16(seed, 'be', false), 'utf-16be'],
    ];
    for (const [bytes, encoding] of encodings) {
      const doc = await readDocument(bytes, 'SEED.TXT');
      expect(doc.encoding).toBe(encoding);
      expect(doc.content).toEqual(expected.content);
    }
    // The code pages cannot hold U+00A0's neighbours or every mark; the structure must still come through.
    const cp = encodeSingleByte(seed, 'windows-1256');
    const doc = await readDocument(cp.bytes, 'seed.txt');
    expect(doc.encoding).toBe('windows-1256');
    expect(doc.content).toEqual(structureText(cp.representable).content);
    expect(doc.content.dateline).toEqual({ place: 'دبي', sources: ['الشرق', 'رويترز'] });
  });

  it('refuses empty, oversized and unsupported files with their own codes', async () => {
    expect((await failure(new Uint8Array(0), 'a.txt')).code).toBe('empty_file');
    expect((await failure(new Uint8Array(MAX_IMPORT_BYTES + 1), 'big.txt')).code).toBe('too_large');
    for (const name of ['report.pdf', 'photo.jpg', 'story.doc', 'story.rtf', 'archive.zip']) {
      const f = await failure(encodeUtf8('نص', false), name);
      expect(f.code).toBe('unsupported_file');
      expect(f.message).toContain(name);
    }
  });

  it('refuses binary content behind a text extension', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect((await failure(png, 'image.txt')).code).toBe('undecodable');
    expect((await failure(png, 'noext')).code).toBe('undecodable');
  });

  it('reads .md, .markdown, .html and .htm by their extension', async () => {
    const md = await readDocument(encodeUtf8('# عنوان\n\n## فرعي\n\nفقرة.', false), 'a.markdown');
    expect(md.format).toBe('markdown');
    expect(md.content.headline).toBe('عنوان');
    const html = await readDocument(encodeUtf8('<h1>عنوان</h1><p>فقرة أولى.</p>', false), 'page.HTM');
    expect(html.format).toBe('html');
    expect(html.content.body).toEqual([{ type: 'paragraph', text: 'فقرة أولى.' }]);
  });

  it('sniffs files without an extension: HTML, Markdown, DOCX and plain text', async () => {
    const html = await readDocument(
      encodeUtf8('<!doctype html><html><body><h1>عنوان</h1><p>فقرة.</p>', false),
      'page',
    );
    expect([html.format, html.content.headline]).toEqual(['html', 'عنوان']);
    const md = await readDocument(
      encodeUtf8('# عنوان\n\n> «اقتباس طويل من أربع كلمات على الأقل»\n', false),
      'notes',
    );
    expect([md.format, md.content.body[0]?.type]).toEqual(['markdown', 'blockquote']);
    const docx = await readDocument(
      buildDocx([{ text: 'عنوان', style: 'Title' }, { text: 'فقرة.' }]),
      'export',
    );
    expect([docx.format, docx.content.headline]).toEqual(['docx', 'عنوان']);
    const text = await readDocument(encodeUtf8(seed, false), 'README');
    expect(text.format).toBe('text');
    expect(text.content).toEqual(expected.content);
  });

  it('reads a Word document: title, subtitle as standfirst, headings, caption, dateline and body', async () => {
    const bytes = buildDocx([
      { text: 'روسيا وإيران توقعان اتفاقية الشراكة قريباً', style: 'Title' },
      { text: 'المعاهدة في مراحلها الأخيرة بحسب لافروف', style: 'Subtitle' },
      { text: 'لافروف في موسكو بروسيا. 27 أغسطس 2024 - Reuters' },
      { text: 'موسكو - تاس' },
      { text: 'أعلن وزير الخارجية الروسي أن الاتفاقية ستنجز قريباً & "قريباً جداً".' },
      { text: 'اجتماع مرتقب', style: 'Heading2' },
      { text: 'وكان الرئيس الروسي قد أعلن ذلك في قمة البريكس <في قازان>.' },
    ]);
    const doc = await readDocument(bytes, 'story.docx');
    expect(doc.format).toBe('docx');
    expect(doc.content.headline).toBe('روسيا وإيران توقعان اتفاقية الشراكة قريباً');
    expect(doc.content.standfirst).toBe('المعاهدة في مراحلها الأخيرة بحسب لافروف');
    expect(doc.content.figures.map((f) => [f.caption, f.date, f.credit])).toEqual([
      ['لافروف في موسكو بروسيا.', '27 أغسطس 2024', 'Reuters'],
    ]);
    expect(doc.content.dateline).toEqual({ place: 'موسكو', sources: ['تاس'] });
    expect(doc.content.body).toEqual([
      { type: 'paragraph', text: 'أعلن وزير الخارجية الروسي أن الاتفاقية ستنجز قريباً & "قريباً جداً".' },
      { type: 'subheading', text: 'اجتماع مرتقب' },
      { type: 'paragraph', text: 'وكان الرئيس الروسي قد أعلن ذلك في قمة البريكس <في قازان>.' },
    ]);
  });

  it('refuses damaged and fake Word documents with a clear message', async () => {
    const good = buildDocx([{ text: 'عنوان' }, { text: 'فقرة.' }]);
    const truncated = good.slice(0, Math.floor(good.length / 2));
    expect(['undecodable', 'unsupported_file']).toContain((await failure(truncated, 'cut.docx')).code);
    const notZip = await failure(encodeUtf8('هذا ليس ملف وورد', false), 'fake.docx');
    expect(notZip.code).toBe('unsupported_file');
    expect(notZip.message).toContain('not a ZIP');
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]);
    expect((await failure(ole, 'old.docx')).message).toContain('.doc');
    const otherZip = zipSync({ 'notes.txt': strToU8('نص') });
    expect((await failure(otherZip, 'other.docx')).code).toBe('unsupported_file');
    // Overwrite the start of document.xml's compressed data (just after its local header and name).
    const garbled = good.slice();
    const name = findBytes(garbled, strToU8('word/document.xml'));
    expect(name).toBeGreaterThan(30);
    garbled.fill(0xff, name + 'word/document.xml'.length, name + 'word/document.xml'.length + 40);
    expect(['undecodable', 'unsupported_file']).toContain((await failure(garbled, 'garbled.docx')).code);
  });

  it('refuses a Word package that claims to unpack to more than the limit, before unpacking it', async () => {
    const bomb = buildDocx([{ text: 'عنوان' }]);
    // Patch every central-directory entry's uncompressed size to 4 GB.
    const view = new DataView(bomb.buffer);
    for (let i = 0; i + 46 <= bomb.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true);
    }
    expect((await failure(bomb, 'bomb.docx')).code).toBe('too_large');
  });
});

function findBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
