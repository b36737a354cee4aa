// Hostile and damaged files: encoding detection on the corpus sample; truncated or corrupt DOCX, PDF and
// images, zero-byte and 100 MB files, each refused with an AppError code and a message naming the file;
// damaged, foreign and newer databases refused with a copy kept and the file left as it was; exports into a
// read-only folder or onto a full disk (/dev/full) refused with a message and nothing recorded.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from '../../src/core/ipc/contract';
import { createDispatch } from '../../src/core/ipc/dispatch';
import { decodeText } from '../../src/node/files/encoding';
import { readImage } from '../../src/node/files/images';
import { pdfToText } from '../../src/node/files/pdfText';
import { readDocument } from '../../src/node/files/readDocument';
import { createServices } from '../../src/node/services';
import { setRole } from '../../src/node/services/workflow';
import { openDatabase } from '../../src/node/store/db';
import { LATEST_VERSION } from '../../src/node/store/migrations';
import { corpusText, readCorpus, readSeed } from '../core/import/sharedMaterial';
import { encodeSingleByte, encodeUtf16, encodeUtf8 } from '../node/files/encodeFixtures';
import { tempDir } from '../node/store/testFiles';
import { count, recordFigure, repoRoot } from './figures';

const tmp = tempDir('tadqiq-hardfiles-');
afterAll(() => tmp.cleanup());

function sha(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

async function refusal(fn: () => Promise<unknown> | unknown): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw new Error(`expected an AppError, got ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  throw new Error('expected a refusal, but it was accepted');
}

/** The command line as a user runs it; as another user when asked (root ignores folder permissions). */
function cli(args: string[], asUser?: { uid: number; gid: number }) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/node/cli/main.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(asUser ?? {}),
  });
}

describe('encoding detection on the corpus sample', () => {
  it('decodes UTF-8, UTF-16, Windows-1256 and ISO-8859-6 exactly on at least 98% of 200 articles', () => {
    const sample = readCorpus()
      .filter((a) => /\p{L}/u.test(a.content))
      .filter((_, i) => i % 12 === 0)
      .slice(0, 200);
    expect(sample).toHaveLength(200);
    const variants: [string, string, (t: string) => { bytes: Uint8Array; text: string }][] = [
      ['UTF-8', 'utf-8', (t) => ({ bytes: encodeUtf8(t, false), text: t })],
      ['UTF-16 LE', 'utf-16le', (t) => ({ bytes: encodeUtf16(t, 'le', false), text: t })],
      ['UTF-16 BE with BOM', 'utf-16be', (t) => ({ bytes: encodeUtf16(t, 'be', true), text: t })],
      [
        'Windows-1256',
        'windows-1256',
        (t) => {
          const e = encodeSingleByte(t, 'windows-1256');
          return { bytes: e.bytes, text: e.representable };
        },
      ],
      [
        'ISO-8859-6',
        'iso-8859-6',
        (t) => {
          const e = encodeSingleByte(t, 'iso-8859-6');
          return { bytes: e.bytes, text: e.representable };
        },
      ],
    ];
    const seed = readSeed();
    let total = 0;
    let correctAll = 0;
    for (const [name, encoding, make] of variants) {
      let correct = 0;
      for (const text of [seed, ...sample.map(corpusText)]) {
        const e = make(text);
        const d = decodeText(e.bytes, 'article.txt');
        if (d.encoding === encoding && d.text === e.text) correct++;
      }
      const n = sample.length + 1;
      total += n;
      correctAll += correct;
      recordFigure({
        area: 'files',
        name: `encoding ${name}`,
        value: `${((100 * correct) / n).toFixed(1)}%`,
      });
      expect(correct / n, name).toBeGreaterThanOrEqual(0.98);
    }
    recordFigure({
      area: 'files',
      name: 'encoding detection, all',
      value: `${((100 * correctAll) / total).toFixed(1)}%`,
      detail: `${correctAll}/${total}`,
    });
  });
});

describe('damaged, empty and huge files', () => {
  let docx: Uint8Array;
  let pdf: Uint8Array;
  const jpeg = readFileSync(path.join(repoRoot, 'tests/fixtures/images/camera-exif.jpg'));
  const png = readFileSync(path.join(repoRoot, 'tests/fixtures/images/plain.png'));

  beforeAll(async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('لافروف: اتفاقية الشراكة مع إيران قريباً')] }),
            new Paragraph({ children: [new TextRun('قال وزير الخارجية الروسي إن الاتفاقية ستوقع قريباً.')] }),
          ],
        },
      ],
    });
    docx = new Uint8Array(await Packer.toBuffer(doc));
    expect((await readDocument(docx, 'ok.docx')).content.headline).toContain('لافروف');
    // A real PDF: the app's own export of the seed article.
    const db = openDatabase(':memory:');
    const dispatch = createDispatch(createServices(db), (c, e) => {
      throw new Error(`${c}: ${String(e)}`);
    });
    await dispatch('user:setRole', { role: 'editor' });
    const imported = await dispatch('library:importText', { text: readSeed() });
    if (!imported.ok) throw new Error(imported.error.message);
    const id = (imported.value as { id: string }).id;
    const exported = await dispatch('export:article', { id, format: 'pdf', override: 'hardening test' });
    if (!exported.ok) throw new Error(exported.error.message);
    pdf = Buffer.from((exported.value as { dataBase64: string }).dataBase64, 'base64');
    db.close();
    // The exported PDF holds its Arabic glyphs in visual order, so the Latin credit is what reads back as is.
    expect((await pdfToText(pdf, 'ok.pdf')).text).toContain('Reuters');
  });

  function damaged(bytes: Uint8Array, seed: number): [string, Uint8Array][] {
    const rnd = random(seed);
    const corrupt = bytes.slice();
    for (let i = 0; i < 32; i++) {
      const at = Math.floor(bytes.length * (0.1 + 0.8 * rnd()));
      for (let j = 0; j < 16 && at + j < corrupt.length; j++) corrupt[at + j] = Math.floor(rnd() * 256);
    }
    return [
      ['empty', new Uint8Array(0)],
      ['truncated to 10 bytes', bytes.slice(0, 10)],
      ['truncated to a third', bytes.slice(0, Math.floor(bytes.length / 3))],
      ['truncated by one byte', bytes.slice(0, bytes.length - 1)],
      ['random bytes overwritten', corrupt],
    ];
  }

  const outcomes: string[] = [];
  function expectClear(e: AppError, name: string, label: string): void {
    outcomes.push(`${label}: ${e.code}`);
    expect(ERROR_CODES).toContain(e.code);
    expect(e.code, `${label}: ${e.message}`).not.toBe('internal');
    expect(e.message, label).toContain(name);
  }

  it('refuses damaged DOCX files with a clear message', async () => {
    for (const [label, bytes] of damaged(docx, 1)) {
      // A one-byte truncation may still leave a readable package: that is fine if it reads correctly.
      try {
        const doc = await readDocument(bytes, 'story.docx');
        expect(label, 'only a mildly damaged package may still read').toBe('truncated by one byte');
        expect(doc.content.headline).toContain('لافروف');
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        expectClear(e, 'story.docx', `docx ${label}`);
      }
    }
  });

  it('refuses damaged PDF files with a clear message', async () => {
    for (const [label, bytes] of damaged(pdf, 2)) {
      try {
        const text = await pdfToText(bytes, 'source.pdf');
        // pdf.js repairs some damage; what it reads must then still be the text.
        expect(label, `read ${text.text.length} characters`).not.toBe('empty');
        expect(label).not.toBe('truncated to 10 bytes');
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        expectClear(e, 'source.pdf', `pdf ${label}`);
      }
    }
  });

  it('refuses damaged images with a clear message', async () => {
    for (const [kind, bytes, name] of [
      ['jpeg', jpeg, 'photo.jpg'],
      ['png', png, 'photo.png'],
    ] as const) {
      for (const [label, b] of damaged(bytes, 3)) {
        if (label === 'random bytes overwritten' || label === 'truncated by one byte') {
          // Image decoders tolerate damaged scan data (a grey band); only a refusal must be an AppError.
          try {
            await readImage(b, name);
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            expectClear(e, name, `${kind} ${label}`);
          }
          continue;
        }
        expectClear(await refusal(() => readImage(b, name)), name, `${kind} ${label}`);
      }
    }
  });

  it('refuses zero-byte and 100 MB files on the command line with one line on stderr', () => {
    const db = tmp.file('cli.db');
    const cases: [string, number, string][] = [];
    for (const ext of ['txt', 'html', 'docx', 'pdf']) {
      const empty = tmp.file(`empty.${ext}`);
      writeFileSync(empty, '');
      cases.push([empty, 0, 'empty_file']);
      const huge = tmp.file(`huge.${ext}`);
      // Sparse: 100 MB on the reader's side, next to nothing on the disk.
      writeFileSync(huge, '');
      truncateSync(huge, 100 * 1024 * 1024);
      cases.push([huge, 100 * 1024 * 1024, 'too_large']);
    }
    for (const [file] of cases) {
      const r = cli(['import', file, '--db', db]);
      expect(r.status, `${file}: ${r.stderr}`).not.toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toContain(path.basename(file));
      outcomes.push(`cli import ${path.basename(file)}: ${lines[0]!.slice(0, 100)}`);
    }
    const list = cli(['list', '--json', '--db', db]);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({ articles: [] });
  });

  it('refuses 100 MB documents and photos in the services with too_large', async () => {
    const big = new Uint8Array(100 * 1024 * 1024);
    for (const name of ['huge.txt', 'huge.docx', 'huge.html']) {
      const e = await refusal(() => readDocument(big, name));
      expectClear(e, name, `service ${name}`);
      expect(e.code).toBe('too_large');
    }
    const e = await refusal(() => readImage(big, 'huge.jpg'));
    expectClear(e, 'huge.jpg', 'service huge.jpg');
    expect(['too_large', 'unsupported_file']).toContain(e.code);
  });

  afterAll(() => {
    recordFigure({
      area: 'files',
      name: 'damaged/empty/huge file cases refused clearly',
      value: outcomes.length,
    });
  });
});

describe('refused databases', () => {
  const VARIANTS = count('TADQIQ_CORRUPT_DB_VARIANTS', 30, 6);
  let pristine: Buffer;
  const PAGE = 4096;

  beforeAll(async () => {
    const file = tmp.file('pristine.db');
    const db = openDatabase(file);
    const dispatch = createDispatch(createServices(db), (c, e) => {
      throw new Error(`${c}: ${String(e)}`);
    });
    for (const a of readCorpus().slice(0, 40)) {
      await dispatch('library:importText', { text: corpusText(a), allowDuplicate: true });
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    db.close();
    pristine = readFileSync(file);
    expect(pristine.length / PAGE).toBeGreaterThan(20);
  });

  function backupsOf(file: string): string[] {
    const base = path.basename(file);
    return readdirSync(path.dirname(file))
      .filter((n) => n.startsWith(`${base}.refused-`) && n.endsWith('.bak'))
      .map((n) => path.join(path.dirname(file), n));
  }

  /** Opens the file; must be refused with a database error naming a kept copy equal to the file. */
  function expectRefusedWithCopy(file: string, what: RegExp): string {
    const before = readFileSync(file);
    const copiesBefore = backupsOf(file);
    let error: unknown;
    try {
      openDatabase(file).close();
    } catch (e) {
      error = e;
    }
    expect(error, `${file} was opened`).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe('database');
    expect(e.message).toMatch(what);
    const copies = backupsOf(file).filter((c) => !copiesBefore.includes(c));
    expect(copies, e.message).toHaveLength(1);
    expect(e.message).toContain(copies[0]);
    expect(sha(readFileSync(copies[0]!))).toBe(sha(before));
    // Nothing was written to the refused file, and the older copies are as they were.
    expect(sha(readFileSync(file))).toBe(sha(before));
    return copies[0]!;
  }

  it(`refuses ${VARIANTS} databases with random bytes written into their pages, keeping a copy`, () => {
    const rnd = random(77);
    let refused = 0;
    for (let v = 0; v < VARIANTS; v++) {
      const file = tmp.file(`corrupt-${v}.db`);
      const bytes = Buffer.from(pristine);
      const pages = bytes.length / PAGE;
      // One variant in five damages the first page (the header); the others whole pages further in.
      if (v % 5 === 0) {
        for (let i = 0; i < 24; i++) bytes[Math.floor(rnd() * 100)] = Math.floor(rnd() * 256);
      } else {
        for (let k = 0; k < 1 + (v % 3); k++) {
          const page = 1 + Math.floor(rnd() * (pages - 1));
          for (let i = 0; i < PAGE; i++) bytes[page * PAGE + i] = Math.floor(rnd() * 256);
        }
      }
      writeFileSync(file, bytes);
      expectRefusedWithCopy(file, /damaged|not a Tadqiq database|not a SQLite/);
      refused++;
    }
    recordFigure({ area: 'database', name: 'damaged databases refused with a copy kept', value: refused });
  });

  it('refuses a database from a newer version, keeps a copy, and never overwrites an earlier copy', () => {
    const file = tmp.file('newer.db');
    writeFileSync(file, pristine);
    const fd = openSync(file, 'r+');
    const v = Buffer.alloc(4);
    v.writeUInt32BE(LATEST_VERSION + 1);
    writeSync(fd, v, 0, 4, 60); // user_version in the header
    closeSync(fd);
    const first = expectRefusedWithCopy(file, /newer version/);
    const firstBytes = sha(readFileSync(first));
    const second = expectRefusedWithCopy(file, /newer version/);
    expect(second).not.toBe(first);
    expect(sha(readFileSync(first))).toBe(firstBytes);
    recordFigure({ area: 'database', name: 'newer database refused, copies kept', value: 2 });
  });

  it('says so on the command line, in one line, and keeps the copy', () => {
    const file = tmp.file('cli-corrupt.db');
    const bytes = Buffer.from(pristine);
    for (let i = 0; i < PAGE * 2; i++) bytes[PAGE * 3 + i] = (i * 131) & 0xff;
    writeFileSync(file, bytes);
    const r = cli(['list', '--db', file]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/refused-.*\.bak/);
    expect(backupsOf(file)).toHaveLength(1);
  });
});

describe('exports that cannot be written', () => {
  const root = process.getuid?.() === 0;
  // Root writes into read-only folders; the command then runs as an ordinary user.
  const nobody = { uid: 65534, gid: 65534 };
  // Only when that user can read the checkout (a clone inside /root cannot be).
  const canDrop =
    root &&
    spawnSync(process.execPath, ['-e', "require('fs').readdirSync('node_modules/tsx')"], {
      cwd: repoRoot,
      ...nobody,
    }).status === 0;
  const asUser = canDrop ? nobody : undefined;
  let db: string;
  let id: string;
  let readOnly: string;

  beforeAll(() => {
    chmodSync(tmp.dir, 0o777);
    db = tmp.file('export.db');
    const seedFile = tmp.file('seed.txt');
    writeFileSync(seedFile, readSeed());
    chmodSync(seedFile, 0o644);
    const r = cli(['import', seedFile, '--json', '--db', db], asUser);
    expect(r.status, r.stderr).toBe(0);
    id = (JSON.parse(r.stdout) as { id: string }).id;
    // An unapproved article is exported by an editor with a reason: give the command's user that role.
    const store = openDatabase(db);
    setRole(store, { role: 'editor', name: asUser ? 'nobody' : userInfo().username });
    store.close();
    for (const f of readdirSync(tmp.dir).filter((n) => n.startsWith('export.db'))) {
      chmodSync(tmp.file(f), 0o666);
    }
    readOnly = tmp.file('read-only');
    const mk = spawnSync('mkdir', ['-m', '0555', readOnly]);
    expect(mk.status).toBe(0);
  });

  function status(): string {
    const r = cli(['show', id, '--json', '--db', db], asUser);
    expect(r.status, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { status: string }).status;
  }

  it.runIf(!root || canDrop)(
    'refuses an export into a read-only folder with a message and records nothing',
    () => {
      const before = status();
      const r = cli(
        ['export', id, '--format', 'html', '--override', 'hardening test', '--out', readOnly, '--db', db],
        asUser,
      );
      expect(r.status).not.toBe(0);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toContain(readOnly);
      expect(r.stderr).toMatch(/EACCES|EPERM|EROFS/);
      expect(readdirSync(readOnly)).toEqual([]);
      expect(status()).toBe(before);
      recordFigure({ area: 'files', name: 'export into a read-only folder', value: r.stderr.trim() });
    },
  );

  it.runIf(existsSync('/dev/full'))(
    'refuses an export onto a full disk with a message and records nothing',
    () => {
      const before = status();
      const r = cli(
        ['export', id, '--format', 'html', '--override', 'hardening test', '--out', '/dev/full', '--db', db],
        asUser,
      );
      expect(r.status).not.toBe(0);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(/ENOSPC/);
      expect(status()).toBe(before);
      recordFigure({ area: 'files', name: 'export onto a full disk', value: r.stderr.trim() });
    },
  );
});
