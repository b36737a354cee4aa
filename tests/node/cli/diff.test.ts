// `diff ID REV_A REV_B` end to end: a real process on a database in a temp folder. The seed article is
// imported, a copy editor's corrections are stored with `revise`, and the diff shows exactly those corrections.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, sharedPath, SEED_FILE, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-cli-diff-');
afterAll(() => tmp.cleanup());

type Run = { code: number; stdout: string; stderr: string };

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/node/cli/main.ts', ...args],
      { cwd: repoRoot, env: { ...process.env, TADQIQ_DB: tmp.file('unused.db') }, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

const db = tmp.file('library.db');
const seed = readFileSync(sharedPath(SEED_FILE), 'utf8');
// The seed's real copy errors, corrected: إنّ after قال, and no space before the full stop.
const WRONG = 'في مينسك، أن "التوقيع';
const RIGHT = 'في مينسك، إنّ "التوقيع';
const corrected = seed.replace(WRONG, RIGHT).replace('"تاس" .', '"تاس".');

function expectOneLineError(r: Run, code: number): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^tadqiq: /);
}

describe('cli diff', () => {
  let id: string;

  beforeAll(async () => {
    expect(seed).toContain(WRONG);
    expect(seed).toContain('"تاس" .');
    const imported = await cli(['import', sharedPath(SEED_FILE), '--json', '--db', db]);
    expect(imported.code, imported.stderr).toBe(0);
    id = JSON.parse(imported.stdout).id;
    const file = tmp.file('corrected.txt');
    writeFileSync(file, corrected);
    const revised = await cli(['revise', id, file, '--reason', 'تدقيق لغوي', '--json', '--db', db]);
    expect(revised.code, revised.stderr).toBe(0);
    expect(JSON.parse(revised.stdout).revision.seq).toBe(2);
  });

  it('--json prints the article diff with { article, from, to } and only the two corrections', async () => {
    const r = await cli(['diff', id, '1', '2', '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(Object.keys(d).sort()).toEqual(['article', 'blocks', 'coarse', 'from', 'summary', 'to']);
    expect(d).toMatchObject({ article: id, from: 1, to: 2, coarse: false });
    expect(d.summary).toEqual({ wordsAdded: 0, wordsRemoved: 0, wordsChanged: 1 });
    const changed = d.blocks.filter((b: { op: string }) => b.op !== 'equal');
    expect(changed).toHaveLength(2);
    expect(
      changed.every((b: { op: string; field: string }) => b.op === 'changed' && b.field === 'body'),
    ).toBe(true);
    const edits = changed.flatMap((b: { words: { op: string }[] }) =>
      b.words.filter((w) => w.op !== 'equal'),
    );
    expect(edits).toEqual([
      { op: 'delete', text: 'أن' },
      {
        op: 'insert',
        text: 'إنّ',
        chars: [
          { op: 'delete', text: 'أ' },
          { op: 'insert', text: 'إ' },
          { op: 'delete', text: 'ن' },
          { op: 'insert', text: 'نّ' },
        ],
      },
      { op: 'delete', text: ' ' },
    ]);
  });

  it('prints a readable inline rendering with the summary', async () => {
    const r = await cli(['diff', id, '1', '2', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('معدّلة: 1');
    expect(r.stdout).toContain('{~أن→إنّ~}');
    expect(r.stdout).toContain('"تاس"[- -].');
    const same = await cli(['diff', id, '2', '2', '--db', db]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('لا فروق بين المراجعتين.');
  });

  it('ignores what the flags say to ignore', async () => {
    const r = await cli(['diff', id, '1', '2', '--fold', '--ignore-diacritics', '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    // أن/إنّ fold to the same word; the removed space before the full stop is still a change.
    expect(d.summary).toEqual({ wordsAdded: 0, wordsRemoved: 0, wordsChanged: 0 });
    expect(d.blocks.filter((b: { op: string }) => b.op !== 'equal')).toHaveLength(1);
  });

  it('bad revision numbers, a missing revision and an unknown article give one line on stderr', async () => {
    expectOneLineError(await cli(['diff', id, 'one', '2', '--db', db]), 2);
    expectOneLineError(await cli(['diff', id, '1', '--db', db]), 2);
    const missing = await cli(['diff', id, '1', '9', '--db', db]);
    expectOneLineError(missing, 1);
    expect(missing.stderr).toContain('no revision 9');
    expectOneLineError(await cli(['diff', 'no-such-article', '1', '2', '--db', db]), 1);
  });
});
