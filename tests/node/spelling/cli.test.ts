// `check` on the command line with spelling: real processes (node with tsx, as `npm run cli` runs it), the
// real dictionary, the library's word list with --db, --no-spelling, and a missing dictionary.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-spelling-cli-');
afterAll(() => tmp.cleanup());

type Run = { code: number; stdout: string; stderr: string };
type Finding = { ruleId: string; category: string; severity: string; text: string; suggestions: string[] };
type Out = { findings: Finding[]; warnings?: string[] };

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/node/cli/main.ts', ...args],
      { cwd: repoRoot, env: { ...process.env, TADQIQ_DB: tmp.file('default.db'), ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const file = tmp.file('story.txt');
writeFileSync(file, 'وقال لافروف وديمرتاش بعد تاكيد الخبر إن الاستراتيجية واضحة.\n');
const spelling = (o: Out): Finding[] => o.findings.filter((f) => f.ruleId === 'spelling.unknown');

describe('check with spelling', () => {
  it('flags unknown words with suggestions; the starter names are known', async () => {
    const r = await cli(['check', file, '--plain', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.warnings).toBeUndefined();
    const found = spelling(out);
    expect(found.map((f) => f.text).sort()).toEqual(['تاكيد', 'وديمرتاش']);
    expect(found.find((f) => f.text === 'تاكيد')).toMatchObject({
      category: 'spelling',
      severity: 'warning',
      suggestions: expect.arrayContaining(['تأكيد']) as unknown,
    });
    expect(found.find((f) => f.text === 'تاكيد')!.suggestions[0]).toBe('تأكيد');
  });

  it("uses the library's word list with --db: a word added there is no longer flagged", async () => {
    const db = tmp.file('desk.db');
    // The word goes in through the services, as 'dictionary:add' puts it.
    const { openDatabase } = await import('../../../src/node/store/db');
    const { addWord } = await import('../../../src/node/services/spelling');
    const handle = openDatabase(db);
    addWord(handle, 'ديمرتاش');
    handle.close();
    const r = await cli(['check', file, '--plain', '--json', '--db', db]);
    expect(r.code).toBe(0);
    expect(spelling(JSON.parse(r.stdout) as Out).map((f) => f.text)).toEqual(['تاكيد']);
  });

  it('--no-spelling checks house style only', async () => {
    const r = await cli(['check', file, '--plain', '--json', '--no-spelling']);
    expect(r.code).toBe(0);
    expect(spelling(JSON.parse(r.stdout) as Out)).toEqual([]);
  });

  it('a missing dictionary leaves the rest of the check working, with a warning that says why', async () => {
    const r = await cli(['check', file, '--plain', '--json'], { TADQIQ_DICTIONARY_DIR: tmp.dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(spelling(out)).toEqual([]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings![0]).toMatch(/TADQIQ_DICTIONARY_DIR is ".*", which holds no ar\.aff and ar\.dic/);
    const text = await cli(['check', file, '--plain'], { TADQIQ_DICTIONARY_DIR: tmp.dir });
    expect(text.stdout).toContain('Spelling is not checked');
  });
});
