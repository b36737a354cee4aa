// The seed article through the whole workflow on a real database file: corrected in a new revision, moved
// step by step, approved (overriding the gates that legitimately fail), exported to every format, changed after
// approval, and refused export when not approved unless an editor overrides with a reason.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/core/article/model';
import { diffArticles } from '../../../src/core/diff';
import { createDispatch } from '../../../src/core/ipc/dispatch';
import { runCli } from '../../../src/node/cli/run';
import {
  createServices,
  getRevision,
  importDocument,
  saveRevision,
  showArticle,
} from '../../../src/node/services';
import { prepareExport, recordExport } from '../../../src/node/services/export';
import {
  approveArticle,
  moveArticle,
  setRole,
  workflowAudit,
  workflowState,
} from '../../../src/node/services/workflow';
import { openDatabase, type Database } from '../../../src/node/store/db';
import { ninjsValidator } from '../../core/export/ninjsSchema';
import { seedBytes, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-workflow-');
const EDITOR = 'هالة (محررة)';
const COPY = 'سامر (مدقق)';
let db: Database.Database;
let id: string;
let corrected: ArticleContent;

/**
 * Words only, in order: PDF text extraction reorders combining marks, adds bidi controls and moves neutral
 * punctuation (: ،) across the space beside it; the letters of each word and the order of the words stay.
 */
function letters(s: string): string {
  return s
    .replace(/[\u064B-\u0652\u0670]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function pdfText(file: string): string {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftotext is not installed: install poppler-utils (apt-get install poppler-utils).');
  }
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  db = openDatabase(tmp.file('desk.db'));
  setRole(db, { role: 'editor', name: EDITOR });
  setRole(db, { role: 'copy-editor', name: COPY });
  const out = await importDocument(db, { bytes: seedBytes(), fileName: 'seed.txt' }, { author: COPY });
  if (out.kind !== 'imported') throw new Error('seed not imported');
  id = out.id;
});

afterAll(() => {
  db.close();
  tmp.cleanup();
});

describe('the seed article, corrected and approved', () => {
  it('is corrected in a new revision (إنّ after قال, no space before the full stop)', () => {
    // Before the correction the checker gate holds exactly these two copy errors open.
    const gate = workflowState(db, id, EDITOR).gates.find((g) => g.id === 'checker')!;
    expect(gate).toMatchObject({ ok: false, skipped: false });
    expect(gate.items.map((i) => i.target)).toEqual([
      expect.objectContaining({ kind: 'block', block: 1 }),
      expect.objectContaining({ kind: 'block', block: 3 }),
    ]);
    const before = showArticle(db, id).article;
    const i = before.body.findIndex((b) => b.text.includes('مينسك، أن "'));
    const j = before.body.findIndex((b) => b.text.includes('"تاس" .'));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(j).toBeGreaterThanOrEqual(0);
    const body = before.body.map((b, k) =>
      k === i
        ? { ...b, text: b.text.replace('مينسك، أن "', 'مينسك، إنّ "') }
        : k === j
          ? { ...b, text: b.text.replace('"تاس" .', '"تاس".') }
          : b,
    );
    const { id: _id, status: _s, suggestedTags: _t, warnings: _w, ...content } = before;
    corrected = { ...content, body };
    const saved = saveRevision(db, { id, content: corrected, reason: 'manual', note: 'تصحيح', author: COPY });
    expect(saved).toMatchObject({ saved: true, revision: { seq: 2 } });
    expect(workflowState(db, id, EDITOR).gates.find((g) => g.id === 'checker')).toMatchObject({ ok: true });
  });

  it('moves forward one step at a time, each move in the audit trail', () => {
    expect(() => moveArticle(db, { id, to: 'ready', author: COPY })).toThrow(
      /cannot move from draft to ready/,
    );
    moveArticle(db, { id, to: 'copy-editing', author: COPY });
    moveArticle(db, { id, to: 'fact-checking', author: COPY });
    // Handing on from fact-checking is the fact-checker's (or the editor's) call.
    expect(() => moveArticle(db, { id, to: 'ready', author: COPY })).toThrow(/may not move/);
    moveArticle(db, { id, to: 'ready', author: EDITOR, reason: 'جاهز للاعتماد' });
    expect(() => moveArticle(db, { id, to: 'approved', author: EDITOR })).toThrow(/Only an approval/);
    const moves = workflowAudit(db, id).filter((a) => a.action === 'status');
    expect(moves.map((m) => [m.actor, m.detail.from, m.detail.to])).toEqual([
      [COPY, 'draft', 'copy-editing'],
      [COPY, 'copy-editing', 'fact-checking'],
      [EDITOR, 'fact-checking', 'ready'],
    ]);
    expect(moves[2]!.detail.reason).toBe('جاهز للاعتماد');
  });

  it('refuses export before approval, unless an editor overrides with a reason', async () => {
    await expect(prepareExport(db, { id, format: 'html', author: EDITOR })).rejects.toThrow(
      /is not approved \(status ready\); only approved articles are exported/,
    );
    await expect(prepareExport(db, { id, format: 'html', override: 'عاجل', author: COPY })).rejects.toThrow(
      /only an editor may export it anyway/,
    );
    const p = await prepareExport(db, {
      id,
      format: 'txt',
      override: 'نشر عاجل بقرار رئيس التحرير',
      author: EDITOR,
    });
    expect(p.overrideReason).toBe('نشر عاجل بقرار رئيس التحرير');
    recordExport(db, p, null);
    const row = db
      .prepare('SELECT override_reason AS r, exported_by AS by FROM exports WHERE article_id = ?')
      .get(id);
    expect(row).toEqual({ r: 'نشر عاجل بقرار رئيس التحرير', by: EDITOR });
    expect(workflowAudit(db, id).at(-1)).toMatchObject({
      action: 'export',
      detail: { override: 'نشر عاجل بقرار رئيس التحرير' },
    });
    // The override export moved it on; put it back to ready for the approval below.
    expect(showArticle(db, id).article.status).toBe('exported');
    moveArticle(db, { id, to: 'ready', author: EDITOR, reason: 'للاعتماد' });
  });

  it('is approved only by an editor and only with a written reason for each failing gate', () => {
    expect(() => approveArticle(db, { id, author: COPY })).toThrow(/Only an editor approves/);
    const state = workflowState(db, id, EDITOR);
    const failing = state.gates.filter((g) => !g.ok).map((g) => g.id);
    // The seed has no tags and nobody verified its three speech quotes yet.
    expect(failing).toEqual(expect.arrayContaining(['tags', 'quotes']));
    expect(state.moves.find((m) => m.kind === 'approve')?.blockedBy).toEqual(failing);
    expect(() => approveArticle(db, { id, author: EDITOR })).toThrow(/cannot be approved: .*tags/);
    const out = approveArticle(db, {
      id,
      author: EDITOR,
      overrides: failing.map((gate) => ({ gate, reason: 'مادة وكالة موثوقة؛ الوسوم تضاف في نظام النشر' })),
    });
    expect(out.approval).toMatchObject({ revisionSeq: 2, approvedBy: EDITOR, changedSince: false });
    const stored = db.prepare('SELECT overrides FROM approvals WHERE article_id = ?').get(id) as {
      overrides: string;
    };
    expect(JSON.parse(stored.overrides).map((o: { gate: string }) => o.gate)).toEqual(failing);
    expect(
      workflowAudit(db, id)
        .filter((a) => a.action === 'override')
        .map((a) => a.detail.gate),
    ).toEqual(failing);
    expect(workflowState(db, id, EDITOR)).toMatchObject({ status: 'approved', exportable: true });
  });

  it('exports to every format', async () => {
    const files: Record<string, string> = {};
    for (const format of ['html', 'md', 'txt', 'ninjs', 'newsml', 'docx', 'pdf', 'factcheck'] as const) {
      const p = await prepareExport(db, { id, format, author: EDITOR });
      const file = path.join(tmp.dir, p.fileName);
      writeFileSync(file, p.bytes);
      recordExport(db, p, file);
      files[format] = file;
    }
    const html = readFileSync(files.html!, 'utf8');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('مينسك، إنّ &quot;');
    const ninjs = JSON.parse(readFileSync(files.ninjs!, 'utf8'));
    expect(ninjsValidator('3.1')(ninjs)).toEqual([]);
    expect(ninjs.version).toBe('2');
    const docXml = strFromU8(unzipSync(readFileSync(files.docx!))['word/document.xml']!);
    const paras = docXml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? [];
    expect(paras.length).toBeGreaterThanOrEqual(corrected.body.length + 1);
    for (const p of paras) {
      expect(p).toContain('<w:bidi/>');
      expect(p).toContain('<w:rtl/>');
    }
    expect(docXml).toContain('إنّ');
    const report = readFileSync(files.factcheck!, 'utf8');
    expect(report).toContain('التوقيع المرتقب على معاهدة الشراكة');
    expect(files.factcheck).toMatch(/-factcheck\.html$/);
    const text = pdfText(files.pdf!);
    expect(letters(text)).toContain(letters(corrected.headline));
    expect(letters(text)).toContain(letters('وقال لافروف، خلال الجلسة العامة'));
    expect(showArticle(db, id).article.status).toBe('exported');
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
  });

  it('becomes changed-after-approval on a later save, offering the approved revision to diff against', () => {
    const changed = { ...corrected, tags: ['روسيا'] };
    saveRevision(db, { id, content: changed, reason: 'autosave', author: EDITOR });
    const state = workflowState(db, id, EDITOR);
    expect(state).toMatchObject({ status: 'changed-after-approval', exportable: false, latestSeq: 3 });
    expect(state.approval).toMatchObject({ revisionSeq: 2, changedSince: true });
    const diff = diffArticles(
      getRevision(db, id, state.approval!.revisionSeq).content,
      getRevision(db, id, 3).content,
    );
    expect(
      diff.blocks
        .filter((b) => b.op !== 'equal')
        .map((b) => [b.op, b.field, b.op === 'changed' ? null : b.text]),
    ).toEqual([['insert', 'tag', 'روسيا']]);
  });

  it('never rewrites an approved autosave when the next autosave comes', () => {
    // Approve revision 3 (an autosave), then autosave again as the same author.
    const failing = workflowState(db, id, EDITOR)
      .gates.filter((g) => !g.ok)
      .map((g) => ({ gate: g.id, reason: 'كما سبق' }));
    approveArticle(db, { id, author: EDITOR, overrides: failing });
    const approvedText = JSON.stringify(getRevision(db, id, 3).content);
    const next = { ...corrected, tags: ['روسيا', 'إيران'] };
    const out = saveRevision(db, { id, content: next, reason: 'autosave', author: EDITOR });
    expect(out.revision.seq).toBe(4);
    expect(JSON.stringify(getRevision(db, id, 3).content)).toBe(approvedText);
    expect(workflowState(db, id, EDITOR).approval).toMatchObject({ revisionSeq: 3, changedSince: true });
    // Two autosaves in a row that no approval names still fold into one.
    saveRevision(db, {
      id,
      content: { ...next, tags: ['روسيا', 'إيران', 'موسكو'] },
      reason: 'autosave',
      author: EDITOR,
    });
    expect(showArticle(db, id).revision.seq).toBe(4);
  });

  it('refuses export after a change, and is approved again when the approved text is restored', async () => {
    await expect(prepareExport(db, { id, format: 'md', author: EDITOR })).rejects.toThrow(
      /changed after its approval/,
    );
    saveRevision(db, { id, content: getRevision(db, id, 3).content, reason: 'restore', author: EDITOR });
    expect(workflowState(db, id, EDITOR)).toMatchObject({ status: 'approved', exportable: true });
  });
});

describe('through the IPC table and the command line', () => {
  it('workflow:state and export:article answer through dispatch', async () => {
    const dispatch = createDispatch(createServices(db), () => undefined);
    setRole(db, { role: 'editor', name: EDITOR });
    db.prepare(
      "INSERT INTO settings (key, value) VALUES ('currentUser', (SELECT id FROM users WHERE name = ?)) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(EDITOR);
    const state = await dispatch('workflow:state', { id });
    expect(state).toMatchObject({ ok: true, value: { status: 'approved', role: 'editor', user: EDITOR } });
    const res = (await dispatch('export:article', { id, format: 'newsml' })) as {
      ok: true;
      value: { fileName: string; dataBase64: string; mimeType: string };
    };
    expect(res.ok).toBe(true);
    expect(Buffer.from(res.value.dataBase64, 'base64').toString('utf8')).toContain('<newsItem');
    expect(res.value.fileName).toMatch(/^لافروف روسيا وإيران .*-[a-z0-9]+\.xml$/);
    expect(await dispatch('export:article', { id, format: 'rtf' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('status and export commands: one-line errors and exit codes, files only where --out says', async () => {
    const dbFile = tmp.file('cli.db');
    const run = async (...argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(['--db', dbFile, '--author', EDITOR, ...argv], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: {},
        cwd: tmp.dir,
      });
      return { code, stdout, stderr };
    };
    const cliDb = openDatabase(dbFile);
    setRole(cliDb, { role: 'editor', name: EDITOR });
    const imp = await importDocument(cliDb, { bytes: seedBytes(), fileName: 'seed.txt' }, { author: EDITOR });
    cliDb.close();
    const cid = imp.kind === 'imported' ? imp.id : '';
    const outDir = tmp.file('batch');
    const refused = await run('export', cid, '--format', 'html', '--out', tmp.file('x.html'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^tadqiq: Article \w+ is not approved \(status draft\); only approved articles are exported\..*\n$/,
    );
    expect(existsSync(tmp.file('x.html'))).toBe(false);
    expect((await run('status', cid, 'published')).code).toBe(2);
    for (const s of ['copy-editing', 'fact-checking', 'ready'])
      expect((await run('status', cid, s)).code).toBe(0);
    const noReason = await run('status', cid, 'approved');
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('--reason');
    const ok = await run('--json', 'status', cid, 'approved', '--reason', 'خبر وكالة؛ يُستكمل لاحقًا');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'approved', approval: { revisionSeq: 1 } });
    const batch = await run('--json', 'export', '--all-approved', '--format', 'ninjs', '--out', outDir);
    expect(batch.code).toBe(0);
    const written = readdirSync(outDir);
    expect(written).toHaveLength(1);
    expect(ninjsValidator('3.1')(JSON.parse(readFileSync(path.join(outDir, written[0]!), 'utf8')))).toEqual(
      [],
    );
    const v22 = await run(
      'export',
      cid,
      '--format',
      'ninjs',
      '--ninjs-version',
      '2.2',
      '--out',
      tmp.file('item22.json'),
    );
    expect(v22.code).toBe(0);
    expect(ninjsValidator('2.2')(JSON.parse(readFileSync(tmp.file('item22.json'), 'utf8')))).toEqual([]);
    expect((await run('export', cid, '--format', 'pdf')).code).toBe(2);
  });
});
