// The compact history: a 5,000-word article saved 1,000 times through the services, one small word edit each
// time, beside the same 1,000 revisions stored as full snapshots (the whole JSON and plain text per row, as
// schema version 7 stored them, in a version-7 database). Reported: bytes per revision (the row payload, the
// pages SQLite uses for the table, and those pages after a VACUUM), and the time to open an old revision — revision 500 and the one
// farthest from a keyframe — beside reading and parsing a full snapshot.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ArticleContent, contentToPlainText, countWords } from '../../../src/core/article/model';
import { contentHash, saveRevision, storeImport } from '../../../src/node/services';
import { openDatabase } from '../../../src/node/store/db';
import { getRevisionRecord } from '../../../src/node/store/revisions';
import { KEYFRAME_INTERVAL } from '../../../src/node/store/revisionCodec';
import { plain, vs, type BenchModule, type Result } from '../benchmark';
import { longArticle } from '../support/corpus';
import { BENCH_AUTHOR } from '../support/library';
import { percentile, seededRandom } from '../support/stats';

const WORDS = 5_000;
const EDITS = 1_000;
const READS = 300;
const OLD_REVISION = 500;
const NEW_WORDS = ['جديد', 'الرسمي', 'أمس', 'كذلك', 'المحلية', 'السابق', 'ذلك', 'اليوم', 'الأولى', 'إنّ'];

function firstWords(c: ArticleContent, words: number): ArticleContent {
  let total = countWords(c.headline);
  const body = [];
  for (const b of c.body) {
    if (total >= words) break;
    body.push(b);
    total += countWords(b.text);
  }
  return { ...c, body };
}

/** Each version one small word edit (inserted, replaced or removed) away from the one before. */
function edits(start: ArticleContent, count: number): ArticleContent[] {
  const random = seededRandom(5000);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: ArticleContent[] = [];
  let current = start;
  for (let i = 0; i < count; i++) {
    const body = [...current.body];
    const at = Math.floor(random() * body.length);
    const words = body[at]!.text.split(' ');
    const w = Math.floor(random() * words.length);
    const op = random();
    if (op < 0.4) words.splice(w, 0, pick(NEW_WORDS));
    else if (op < 0.8) {
      const word = pick(NEW_WORDS);
      // Replacing a word by itself would be no edit: insert it instead.
      if (words[w] === word) words.splice(w, 0, word);
      else words[w] = word;
    } else if (words.length > 3) words.splice(w, 1);
    else words.push(pick(NEW_WORDS));
    body[at] = { type: body[at]!.type, text: words.join(' ') };
    current = { ...current, body };
    out.push(current);
  }
  return out;
}

/** Bytes of the revisions rows' content columns, and of the pages SQLite holds the table in. */
function stored(db: Database.Database, packed: boolean): { payload: number; pages: number } {
  const payload = db
    .prepare<[], { n: number }>(
      `SELECT sum(length(CAST(content AS BLOB)) + length(CAST(plain_text AS BLOB))${
        packed ? ' + coalesce(length(packed), 0)' : ''
      }) AS n FROM revisions`,
    )
    .get()!.n;
  const pages = db
    .prepare<[], { n: number }>("SELECT sum(pgsize) AS n FROM dbstat WHERE name = 'revisions'")
    .get()!.n;
  return { payload, pages };
}

export const historyStorage: BenchModule = {
  name: 'history',
  async run(ctx) {
    const article = firstWords(await longArticle(ctx), WORDS);
    const words = countWords(contentToPlainText(article));
    const versions = edits(article, EDITS);

    // Compact: the real save path in a current database.
    const db = openDatabase(path.join(ctx.tmpDir, 'history.db'));
    ctx.defer(() => db.close());
    const imported = storeImport(
      db,
      { content: article, warnings: [], hash: contentHash(article) },
      { author: BENCH_AUTHOR },
    );
    if (imported.kind !== 'imported') throw new Error('The 5,000-word article was not imported.');
    const id = imported.id;
    ctx.log(`${EDITS} saves of a ${words}-word article, one word edit each …`);
    const t0 = performance.now();
    for (const content of versions) {
      if (!saveRevision(db, { id, content, reason: 'manual', author: BENCH_AUTHOR }).saved)
        throw new Error('A save stored nothing.');
    }
    ctx.log(`saved in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Full snapshots: the same revisions as a version-7 database stored them.
    const full = openDatabase(path.join(ctx.tmpDir, 'history-snapshots.db'), { targetVersion: 7 });
    ctx.defer(() => full.close());
    full
      .prepare(
        `INSERT INTO articles (id, created_at, updated_at, status, content_hash, author)
         VALUES ('a', '2026-01-01', '2026-01-01', 'draft', 'h', 'bench')`,
      )
      .run();
    const insert = full.prepare(
      `INSERT INTO revisions (article_id, seq, created_at, author, reason, note, content, plain_text, chars, words)
       VALUES ('a', ?, '2026-01-01', 'bench', 'manual', NULL, ?, ?, ?, ?)`,
    );
    full.transaction(() => {
      [article, ...versions].forEach((c, i) => {
        const text = contentToPlainText(c);
        insert.run(i + 1, JSON.stringify(c), text, text.length, countWords(text));
      });
    })();

    const revisions = EDITS + 1;
    const compact = stored(db, true);
    const snapshots = stored(full, false);

    // Reading: revision 500, and the revision farthest below a keyframe (the longest delta chain).
    const readSnapshot = full.prepare<[number], { content: string; plainText: string }>(
      `SELECT content, plain_text AS plainText FROM revisions WHERE article_id = 'a' AND seq = ?`,
    );
    const worst = KEYFRAME_INTERVAL * 3 + 1;
    const expectSame = (seq: number): void => {
      const got = getRevisionRecord(db, id, seq)!;
      const want = ArticleContent.parse(JSON.parse(readSnapshot.get(seq)!.content));
      if (
        JSON.stringify(got.content) !== JSON.stringify(want) ||
        got.plainText !== readSnapshot.get(seq)!.plainText
      )
        throw new Error(`Revision ${seq} does not read back as saved.`);
    };
    expectSame(OLD_REVISION);
    expectSame(worst);
    const samples = { old: [] as number[], worst: [] as number[], snapshot: [] as number[] };
    for (let i = 0; i < READS + 20; i++) {
      const a = performance.now();
      getRevisionRecord(db, id, OLD_REVISION);
      const b = performance.now();
      getRevisionRecord(db, id, worst);
      const c = performance.now();
      const row = readSnapshot.get(OLD_REVISION)!;
      ArticleContent.parse(JSON.parse(row.content));
      const d = performance.now();
      if (i < 20) continue;
      samples.old.push(b - a);
      samples.worst.push(c - b);
      samples.snapshot.push(d - c);
    }

    // Shrinking the row that was newest leaves room in its page that SQLite reuses only over time; VACUUM
    // (after the reads, which it would otherwise disturb) gives the settled figure.
    db.exec('VACUUM');
    full.exec('VACUUM');
    const compactVacuumed = stored(db, true).pages;
    const snapshotsVacuumed = stored(full, false).pages;

    const results: Result[] = [
      plain('history.articleWords', words, 'words'),
      plain('history.revisions', revisions, 'revisions'),
      plain('history.fullSnapshot.bytesPerRevision', snapshots.payload / revisions, 'B'),
      vs(
        'history.compact.bytesPerRevision',
        compact.payload / revisions,
        'B',
        'history.fullSnapshot.bytesPerRevision',
      ),
      plain('history.fullSnapshot.tableBytesPerRevision', snapshots.pages / revisions, 'B'),
      vs(
        'history.compact.tableBytesPerRevision',
        compact.pages / revisions,
        'B',
        'history.fullSnapshot.tableBytesPerRevision',
      ),
      plain('history.fullSnapshot.vacuumedTableBytesPerRevision', snapshotsVacuumed / revisions, 'B'),
      vs(
        'history.compact.vacuumedTableBytesPerRevision',
        compactVacuumed / revisions,
        'B',
        'history.fullSnapshot.vacuumedTableBytesPerRevision',
      ),
    ];
    for (const p of [50, 95]) {
      const base = `history.readFullSnapshot.p${p}`;
      results.push(
        plain(base, percentile(samples.snapshot, p), 'ms'),
        vs(`history.readRevision${OLD_REVISION}.p${p}`, percentile(samples.old, p), 'ms', base),
        vs(`history.readLongestChain.p${p}`, percentile(samples.worst, p), 'ms', base),
      );
    }
    return results;
  },
};
