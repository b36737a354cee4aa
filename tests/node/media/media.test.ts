// Photos end to end on real files: JPEG, PNG and WebP fixtures carrying IPTC IIM, XMP and EXIF (Arabic text
// included, written by exiftool), inserted into a real database through the services and the IPC dispatch;
// damaged, truncated, huge and foreign files refused with nothing stored.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/ipc/contract';
import { createDispatch } from '../../../src/core/ipc/dispatch';
import { openDatabase } from '../../../src/node/store/db';
import { countImages } from '../../../src/node/store/images';
import { windows1256Iim } from '../../../src/node/files/images';
import { createServices, importText, listRevisions, showArticle } from '../../../src/node/services';
import {
  addMedia,
  checkArticleCaptions,
  getMedia,
  getMediaThumbnail,
  pruneMedia,
  PRUNE_GRACE_HOURS,
  setCaptionStyle,
} from '../../../src/node/services/media';
import { trashArticle } from '../../../src/node/services/library';
import { repoRoot, seedBytes, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-media-');
afterAll(() => tmp.cleanup());

const fixture = (name: string): Buffer => readFileSync(path.join(repoRoot, 'tests/fixtures/images', name));
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

let db: Database.Database;
let dbFile: string;
let n = 0;
beforeEach(() => {
  dbFile = tmp.file(`media-${++n}.db`);
  db = openDatabase(dbFile);
  db.prepare("INSERT INTO settings (key, value) VALUES ('currentUser', 'null')").run();
  return () => db.close();
});

/** Everything in the database folder, to show a refusal writes no file. */
const filesBeside = (): string[] => readdirSync(path.dirname(dbFile)).sort();

async function expectRefused(
  bytes: Uint8Array,
  code: string,
  message: RegExp,
  articleId?: string,
): Promise<void> {
  const files = filesBeside();
  const revisionCount = (): unknown =>
    db.prepare('SELECT count(*) AS n FROM revisions WHERE article_id = ?').get(articleId ?? '');
  const revisions = revisionCount();
  const err = await addMedia(db, { bytes, fileName: 'photo.jpg', articleId, author: 'سارة' }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).message).toMatch(message);
  expect(countImages(db)).toBe(0);
  expect(db.prepare('SELECT count(*) AS n FROM image_data').get()).toEqual({ n: 0 });
  expect(filesBeside()).toEqual(files);
  expect(revisionCount()).toEqual(revisions);
}

/** A real PNG header declaring a picture of `width`×`height`, with one tiny compressed row: a few bytes. */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + width * 3))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

describe('inserting photos', () => {
  it('reads IPTC and XMP (Arabic) from an agency JPEG and prefills the figure', async () => {
    const bytes = fixture('agency-iptc-xmp.jpg');
    const before = sha256(bytes);
    const added = await addMedia(db, { bytes, fileName: 'agency.jpg', author: 'سارة' });
    expect(added).toMatchObject({
      hash: before,
      mimeType: 'image/jpeg',
      width: 480,
      height: 320,
      byteLength: bytes.length,
      isNew: true,
      figureIndex: null,
    });
    expect(added.metadata).toEqual({
      caption:
        'وزير الخارجية الروسي سيرجي لافروف يحضر مؤتمراً صحافياً مع وزير الخارجية اليمني شايع الزنداني بعد اجتماعهما في موسكو بروسيا.',
      headline: 'لافروف في موسكو',
      credit: 'Reuters',
      creator: 'Maxim Shemetov',
      copyright: '© Reuters 2024',
      dateCreated: '2024-08-27',
      city: 'موسكو',
      country: 'روسيا',
      altText: 'وزيران يقفان خلف منصتين أمام علمي روسيا واليمن',
      keywords: ['لافروف', 'روسيا'],
    });
    expect(added.figure).toEqual({
      image: before,
      caption: added.metadata.caption,
      credit: 'Reuters',
      photographer: 'Maxim Shemetov',
      date: '27 أغسطس 2024',
      altText: 'وزيران يقفان خلف منصتين أمام علمي روسيا واليمن',
    });
    // The original file is untouched and the stored bytes are exactly it.
    expect(sha256(fixture('agency-iptc-xmp.jpg'))).toBe(before);
    expect(Buffer.from(getMedia(db, before).dataBase64, 'base64').equals(bytes)).toBe(true);
  });

  it('reads IIM written in Windows-1256 without a declaration, and leaves a Latin-1 name as it is', async () => {
    const old = await addMedia(db, { bytes: fixture('iim-cp1256.jpg'), fileName: 'old-feed.jpg' });
    expect(old.metadata).toMatchObject({
      caption: 'متظاهرون أمام مبنى البرلمان في بيروت',
      credit: 'أ ف ب',
      creator: 'Zoë Müller',
      city: 'بيروت',
      country: 'لبنان',
    });
    // The decoder on its own: Arabic read back, European names in Latin-1 refused as not Arabic.
    expect(windows1256Iim('ÈíÑæÊ')).toBe('بيروت');
    expect(windows1256Iim('España')).toBeNull();
    expect(windows1256Iim('Zoë Müller')).toBeNull();
  });

  it('repairs IIM text declared UTF-8, and reads XMP-only and EXIF-only files', async () => {
    const iim = await addMedia(db, { bytes: fixture('iim-only.jpg'), fileName: 'iim.jpg' });
    expect(iim.metadata).toMatchObject({
      caption: 'الرئيس الإيراني مسعود بزشكيان خلال مؤتمر صحافي في طهران',
      credit: 'أ ف ب',
      creator: 'عطا كناره',
      dateCreated: '2024-10-23',
      city: 'طهران',
      country: 'إيران',
    });
    const xmp = await addMedia(db, { bytes: fixture('staff-xmp-only.jpg'), fileName: 'staff.jpg' });
    expect(xmp.figure).toMatchObject({
      caption: 'متظاهرون أمام مبنى البرلمان في بيروت',
      credit: 'الشرق',
      photographer: 'سارة الأحمد',
      date: '21 أكتوبر 2024',
    });
    const exif = await addMedia(db, { bytes: fixture('camera-exif.jpg'), fileName: 'camera.jpg' });
    expect(exif.metadata).toMatchObject({
      caption: 'Street market in Cairo',
      creator: 'Ahmed Hassan',
      dateCreated: '2024-09-03',
    });
    // EXIF orientation 6 (rotate 90°): the picture is shown 240 wide, 320 high, and so is its thumbnail.
    expect([exif.width, exif.height]).toEqual([240, 320]);
    const thumb = Buffer.from(getMediaThumbnail(db, exif.hash).dataBase64, 'base64');
    const t = await sharp(thumb).metadata();
    expect([t.format, t.width, t.height]).toEqual(['webp', 240, 320]);
  });

  it('accepts PNG and WebP, with WebP metadata read from its XMP and EXIF chunks', async () => {
    const png = await addMedia(db, { bytes: fixture('plain.png'), fileName: 'plain.png' });
    expect([png.mimeType, png.width, png.height, png.figure.caption]).toEqual(['image/png', 300, 200, '']);
    const webp = await addMedia(db, { bytes: fixture('xmp.webp'), fileName: 'x.webp' });
    expect(webp.mimeType).toBe('image/webp');
    expect(webp.metadata).toMatchObject({
      caption: 'سوق شعبي في القاهرة',
      credit: 'رويترز',
      altText: 'باعة خضار تحت مظلات ملونة',
      creator: 'Amr Abdallah Dalsh',
      dateCreated: '2024-09-03',
    });
    expect(countImages(db)).toBe(2);
  });

  it('makes a thumbnail no larger than 320 pixels, keeping the proportions', async () => {
    const added = await addMedia(db, { bytes: fixture('agency-iptc-xmp.jpg'), fileName: 'a.jpg' });
    const t = getMediaThumbnail(db, added.hash);
    expect(t.mimeType).toBe('image/webp');
    const m = await sharp(Buffer.from(t.dataBase64, 'base64')).metadata();
    expect([m.width, m.height]).toEqual([320, 213]);
  });

  it('stores the same bytes once', async () => {
    const a = await addMedia(db, { bytes: fixture('plain.png'), fileName: 'one.png' });
    const b = await addMedia(db, { bytes: fixture('plain.png'), fileName: 'two.png' });
    expect(b.hash).toBe(a.hash);
    expect(b.isNew).toBe(false);
    expect(b.fileName).toBe('one.png');
    expect(countImages(db)).toBe(1);
  });

  it('adds the photo to an article as a new figure in a new revision', async () => {
    const imported = importText(db, seedBytes().toString('utf8'), 'text', { author: 'سارة' });
    if (imported.kind !== 'imported') throw new Error('seed not imported');
    const added = await addMedia(db, {
      bytes: fixture('agency-iptc-xmp.jpg'),
      fileName: 'a.jpg',
      articleId: imported.id,
      author: 'سارة',
    });
    expect(added.figureIndex).toBe(1);
    expect(added.revision?.seq).toBe(2);
    const { article } = showArticle(db, imported.id);
    expect(article.figures).toHaveLength(2);
    expect(article.figures[1]).toEqual(added.figure);
    expect(listRevisions(db, imported.id).map((r) => r.reason)).toEqual(['manual', 'import']);
  });
});

describe('refusing photos', () => {
  it('a truncated JPEG', async () => {
    const jpg = fixture('agency-iptc-xmp.jpg');
    await expectRefused(
      jpg.subarray(0, Math.floor(jpg.length * 0.7)),
      'undecodable',
      /damaged or incomplete/,
    );
  });

  it('a truncated PNG and a WebP with a broken header', async () => {
    const png = fixture('plain.png');
    await expectRefused(png.subarray(0, Math.floor(png.length / 2)), 'undecodable', /damaged/);
    const webp = Buffer.from(fixture('plain.webp'));
    webp.fill(0x41, 12, 40);
    await expectRefused(webp, 'undecodable', /damaged/);
  });

  it('a JPEG signature followed by garbage', async () => {
    const junk = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x5a)]);
    await expectRefused(junk, 'undecodable', /damaged/);
  });

  it('a picture of more than 100 megapixels, before decoding it', async () => {
    const huge = pngDeclaring(20_000, 10_000);
    expect(huge.length).toBeLessThan(100_000);
    await expectRefused(huge, 'too_large', /20000×10000 \(200 megapixels\).*up to 100 megapixels/);
  });

  it('a file over 40 MB', async () => {
    const big = Buffer.alloc(40 * 1024 * 1024 + 1);
    fixture('plain.png').copy(big);
    await expectRefused(big, 'too_large', /up to 40 MB/);
  });

  it('files that are not JPEG, PNG or WebP, and empty files', async () => {
    await expectRefused(Buffer.from('GIF89a……'), 'unsupported_file', /not a JPEG, PNG or WebP/);
    await expectRefused(seedBytes(), 'unsupported_file', /not a JPEG, PNG or WebP/);
    await expectRefused(new Uint8Array(0), 'empty_file', /empty/);
  });

  it('a photo for an article that does not exist stores nothing; a damaged one leaves the article as it was', async () => {
    await expectRefused(fixture('plain.png'), 'not_found', /No article/, 'missing-article');
    const imported = importText(db, seedBytes().toString('utf8'));
    if (imported.kind !== 'imported') throw new Error('seed not imported');
    const jpg = fixture('agency-iptc-xmp.jpg');
    await expectRefused(jpg.subarray(0, 3000), 'undecodable', /damaged/, imported.id);
  });
});

describe('captions through the services', () => {
  it('checks the seed’s captions with the desk’s style', () => {
    const imported = importText(db, seedBytes().toString('utf8'));
    if (imported.kind !== 'imported') throw new Error('seed not imported');
    const latin = (): string[] =>
      checkArticleCaptions(db, imported.id)
        .findings.filter((f) => f.ruleId === 'caption.agency-latin')
        .map((f) => f.suggestions[0]!);
    expect(latin()).toEqual(['رويترز']);
    setCaptionStyle(db, { agencyNames: 'latin' });
    expect(latin()).toEqual([]);
  });
});

describe('removing photos no revision shows', () => {
  it('keeps what any revision of any article shows (trash too) and what is fresh; removes the rest', async () => {
    const a = importText(db, seedBytes().toString('utf8'));
    if (a.kind !== 'imported') throw new Error('seed not imported');
    // P1 on the article, then replaced by P2 on the same figure: P1 lives on in the history only.
    const p1 = await addMedia(db, {
      bytes: fixture('agency-iptc-xmp.jpg'),
      fileName: 'p1.jpg',
      articleId: a.id,
    });
    await addMedia(db, { bytes: fixture('iim-only.jpg'), fileName: 'p2.jpg', articleId: a.id, figure: 1 });
    // P3 stored but never used by any article (inserted, then the editor dropped it before a save).
    const p3 = await addMedia(db, { bytes: fixture('camera-exif.jpg'), fileName: 'p3.jpg' });
    // P4 on an article that is now in the trash.
    const b = importText(db, seedBytes().toString('utf8').replace('لافروف:', 'لافروف يقول:'), 'text', {
      allowDuplicate: true,
    });
    if (b.kind !== 'imported') throw new Error('second article not imported');
    await addMedia(db, { bytes: fixture('staff-xmp-only.jpg'), fileName: 'p4.jpg', articleId: b.id });
    trashArticle(db, b.id);
    expect(countImages(db)).toBe(4);

    // Within the grace period nothing goes: an open editor may not have saved its photo yet.
    expect(pruneMedia(db, { now: new Date(Date.now() + 3_600_000) }).removed).toEqual([]);

    const later = new Date(Date.now() + (PRUNE_GRACE_HOURS + 1) * 3_600_000);
    const dry = pruneMedia(db, { now: later, dryRun: true });
    expect(dry.removed.map((r) => r.hash)).toEqual([p3.hash]);
    expect(dry.bytes).toBe(fixture('camera-exif.jpg').length);
    expect(countImages(db)).toBe(4);

    const done = pruneMedia(db, { now: later });
    expect(done).toMatchObject({ removed: [{ hash: p3.hash, fileName: 'p3.jpg' }], kept: 3, dryRun: false });
    expect(countImages(db)).toBe(3);
    expect(db.prepare('SELECT count(*) AS n FROM image_data').get()).toEqual({ n: 3 });
    // The photo of the replaced figure still opens with its revision.
    expect(getMedia(db, p1.hash).dataBase64.length).toBeGreaterThan(0);
    expect(pruneMedia(db, { now: later }).removed).toEqual([]);
  });
});

describe('through the IPC dispatch', () => {
  it('media:add, media:get, media:thumbnail and captions:check', async () => {
    const internal: unknown[] = [];
    const dispatch = createDispatch(createServices(db), (_c, e) => internal.push(e));
    const bytes = fixture('agency-iptc-xmp.jpg');
    const added = await dispatch('media:add', { fileName: 'a.jpg', dataBase64: bytes.toString('base64') });
    expect(added.ok).toBe(true);
    const hash = (added as { value: { hash: string } }).value.hash;
    const got = await dispatch('media:get', { hash });
    expect(
      got.ok && Buffer.from((got.value as { dataBase64: string }).dataBase64, 'base64').equals(bytes),
    ).toBe(true);
    const thumb = await dispatch('media:thumbnail', { hash });
    expect(thumb).toMatchObject({ ok: true, value: { mimeType: 'image/webp' } });
    const bad = await dispatch('media:add', {
      fileName: 'x.jpg',
      dataBase64: bytes.subarray(0, 2000).toString('base64'),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'undecodable' } });
    expect(await dispatch('media:get', { hash: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await dispatch('media:get', { hash: '0'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const style = await dispatch('captions:setStyle', { creditFormat: 'parentheses' });
    expect(style).toMatchObject({ ok: true, value: { creditFormat: 'parentheses', agencyNames: 'arabic' } });
    expect(internal).toEqual([]);
  });
});
