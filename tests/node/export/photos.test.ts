// Photos in the standalone exports: HTML and PDF embed each figure's photo (oriented, scaled to 1,600 pixels,
// JPEG or PNG with transparency) and DOCX carries it as a picture with its alt text. The stored original is
// never changed, and a photo missing from the database stops the export with a message.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument, saveRevision, showArticle } from '../../../src/node/services';
import { addMedia } from '../../../src/node/services/media';
import { prepareExport } from '../../../src/node/services/export';
import { setRole } from '../../../src/node/services/workflow';
import { openDatabase, type Database } from '../../../src/node/store/db';
import { getImageOriginal } from '../../../src/node/store/images';
import { seedBytes, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-photos-');
const EDITOR = 'هالة (محررة)';
const OVERRIDE = 'معاينة الصور قبل الاعتماد';
let db: Database.Database;
let id: string;
let wide: Buffer;
let wideHash: string;

/** A 3,000×2,000 photo stored sideways with EXIF orientation 6: shown upright it is 2,000 wide, 3,000 high. */
async function sidewaysPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .jpeg({ quality: 80 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const dataUrls = (html: string): { mime: string; bytes: Buffer; alt: string }[] =>
  [...html.matchAll(/<img src="data:([^;]+);base64,([^"]+)" alt="([^"]*)"/g)].map((m) => ({
    mime: m[1]!,
    bytes: Buffer.from(m[2]!, 'base64'),
    alt: m[3]!,
  }));

beforeAll(async () => {
  db = openDatabase(tmp.file('desk.db'));
  setRole(db, { role: 'editor', name: EDITOR });
  const out = await importDocument(db, { bytes: seedBytes(), fileName: 'seed.txt' }, { author: EDITOR });
  if (out.kind !== 'imported') throw new Error('seed not imported');
  id = out.id;
  wide = await sidewaysPhoto();
  const added = await addMedia(db, { bytes: wide, fileName: 'lavrov.jpg', author: EDITOR });
  wideHash = added.hash;
  // The seed's figure gets the photo and an alt text.
  const { id: _i, status: _s, suggestedTags: _t, warnings: _w, ...content } = showArticle(db, id).article;
  content.figures[0] = { ...content.figures[0]!, image: wideHash, altText: 'لافروف والزنداني في موسكو' };
  saveRevision(db, { id, content, reason: 'manual', note: 'صورة', author: EDITOR });
});

afterAll(() => {
  db.close();
  tmp.cleanup();
});

describe('a figure with a photo', () => {
  it('is embedded in the HTML export upright, scaled to 1,600 pixels, with its alt text', async () => {
    const p = await prepareExport(db, { id, format: 'html', override: OVERRIDE, author: EDITOR });
    const html = new TextDecoder().decode(p.bytes);
    const imgs = dataUrls(html);
    expect(imgs).toHaveLength(1);
    expect(imgs[0]!.mime).toBe('image/jpeg');
    expect(imgs[0]!.alt).toBe('لافروف والزنداني في موسكو');
    const meta = await sharp(imgs[0]!.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1067, height: 1600 });
    expect(meta.orientation ?? 1).toBe(1);
    // The caption still follows the photo inside the same figure.
    expect(html).toMatch(/<figure><img [^>]+\/><figcaption>وزير الخارجية الروسي/);
    // The stored original is untouched.
    expect(getImageOriginal(db, wideHash)!.equals(wide)).toBe(true);
  });

  it('is a picture in the DOCX export, with its alt text, inside a right-to-left paragraph', async () => {
    const p = await prepareExport(db, { id, format: 'docx', override: OVERRIDE, author: EDITOR });
    const zip = unzipSync(p.bytes);
    const media = Object.keys(zip).filter((k) => k.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect((await sharp(Buffer.from(zip[media[0]!]!)).metadata()).format).toBe('jpeg');
    const xml = strFromU8(zip['word/document.xml']!);
    expect(xml).toMatch(/<wp:docPr [^>]*descr="لافروف والزنداني في موسكو"/);
    const pictureParagraph = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*<w:drawing>[\s\S]*?<\/w:p>/)?.[0] ?? '';
    expect(pictureParagraph).toContain('<w:bidi/>');
  });

  it('is printed in the PDF export', async () => {
    const p = await prepareExport(db, { id, format: 'pdf', override: OVERRIDE, author: EDITOR });
    const file = tmp.file('photo.pdf');
    writeFileSync(file, p.bytes);
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n');
    // Two header lines, then one line per image drawn on the pages.
    expect(list.slice(2)).toHaveLength(1);
  });

  it('keeps transparency: a PNG with an alpha channel is embedded as PNG', async () => {
    const png = await sharp({
      create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const added = await addMedia(db, { bytes: png, fileName: 'logo.png', articleId: id, author: EDITOR });
    const p = await prepareExport(db, { id, format: 'html', override: OVERRIDE, author: EDITOR });
    const imgs = dataUrls(new TextDecoder().decode(p.bytes));
    expect(imgs.map((i) => i.mime)).toEqual(['image/jpeg', 'image/png']);
    const meta = await sharp(imgs[1]!.bytes).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 400, height: 300, hasAlpha: true });
    expect(added.figureIndex).toBe(1);
  });

  it('stops the export with a message when its photo is missing from the database', async () => {
    db.prepare('DELETE FROM image_data WHERE hash = ?').run(wideHash);
    await expect(
      prepareExport(db, { id, format: 'docx', override: OVERRIDE, author: EDITOR }),
    ).rejects.toThrow(/photo of figure 1 .* is missing from the database/);
    // Formats that carry no photo bytes still export.
    const md = await prepareExport(db, { id, format: 'md', override: OVERRIDE, author: EDITOR });
    expect(md.bytes.length).toBeGreaterThan(0);
  });
});
