// The command line end to end: real processes (node with tsx, as `npm run cli` runs it) on a database in a
// temp folder, --json output parsed as the pipelines parse it, and exit codes for bad input and bad usage
// with the database left byte-for-byte as it was.
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID, LATEST_VERSION } from '../../../src/node/store/migrations';
import { repoRoot, sharedPath, SEED_FILE, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-cli-');
afterAll(() => tmp.cleanup());

type Run = { code: number; stdout: string; stderr: string };

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/node/cli/main.ts', ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, TADQIQ_DB: tmp.file('env-default.db'), ...env },
        maxBuffer: 1 << 26,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const ARTICLE_KEYS = [
  'id',
  'headline',
  'standfirst',
  'dateline',
  'figures',
  'body',
  'tags',
  'suggestedTags',
  'related',
  'status',
  'warnings',
].sort();

const seed = sharedPath(SEED_FILE);
const db = tmp.file('library.db');

function expectOneLineError(r: Run, code: number): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^tadqiq: /);
}

describe('cli', () => {
  let id: string;

  it('import --dry-run prints the structured article with id null and creates no database', async () => {
    const file = tmp.file('dry.db');
    const r = await cli(['import', seed, '--dry-run', '--json', '--db', file]);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(Object.keys(a).sort()).toEqual(ARTICLE_KEYS);
    expect(a.id).toBeNull();
    expect(a.status).toBe('draft');
    expect(a.headline).toContain('لافروف');
    expect(Object.keys(a.dateline).sort()).toEqual(['place', 'sources']);
    for (const b of a.body) expect(Object.keys(b).sort()).toEqual(['text', 'type']);
    for (const f of a.figures)
      expect(Object.keys(f).sort()).toEqual(['altText', 'caption', 'credit', 'date', 'photographer']);
    expect(existsSync(file)).toBe(false);
  });

  it('import stores the article; list, show and search find it', async () => {
    const r = await cli(['import', seed, '--json', '--db', db, '--author', 'سارة']);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(Object.keys(a).sort()).toEqual(ARTICLE_KEYS);
    expect(a.id).toMatch(/^[a-z0-9]{10}$/);
    id = a.id;

    const [list, show, search] = await Promise.all([
      cli(['list', '--json', '--db', db]),
      cli(['show', id, '--json', '--db', db]),
      cli(['search', 'الإستراتيجيه', '--json', '--db', db]),
    ]);
    expect(JSON.parse(list.stdout).articles).toMatchObject([{ id, headline: a.headline, author: 'سارة' }]);
    const shown = JSON.parse(show.stdout);
    // show prints what import printed, the importer's warnings included: they stay with the article.
    expect(shown).toEqual(a);
    expect(shown.warnings.length).toBeGreaterThan(0);
    const hits = JSON.parse(search.stdout).hits;
    expect(hits).toMatchObject([{ id, headline: a.headline }]);
    expect(hits[0].snippet).toMatch(/الاستراتيجية/);
  });

  it('prints readable Arabic without --json', async () => {
    const r = await cli(['show', id, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('العنوان: لافروف');
    expect(r.stdout).toContain(`المعرّف: ${id}`);
    expect(r.stdout).toContain('الحالة: مسودة');
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('refuses duplicate content unless --allow-duplicate', async () => {
    const dup = await cli(['import', seed, '--json', '--db', db]);
    expectOneLineError(dup, 1);
    expect(dup.stderr).toContain(id);
    const forced = await cli(['import', seed, '--json', '--db', db, '--allow-duplicate']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout).id).not.toBe(id);
  });

  it('revise stores the file as a new revision with its reason; revisions lists the history', async () => {
    const updated = tmp.file('update.txt');
    writeFileSync(updated, readFileSync(seed, 'utf8').replace('لافروف:', 'لافروف (محدّث):'));
    const r = await cli([
      'revise',
      id,
      updated,
      '--reason',
      'تحديث من الوكالة',
      '--json',
      '--db',
      db,
      '--author',
      'خالد',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ saved: true, revision: { seq: 2, reason: 'revise' } });
    const again = await cli(['revise', id, updated, '--json', '--db', db]);
    expect(JSON.parse(again.stdout)).toMatchObject({ saved: false, revision: { seq: 2 } });

    const revs = JSON.parse((await cli(['revisions', id, '--json', '--db', db])).stdout);
    expect(revs.revisions).toMatchObject([
      { seq: 2, reason: 'revise', note: 'تحديث من الوكالة', author: 'خالد' },
      { seq: 1, reason: 'import', author: 'سارة' },
    ]);
    const shown = JSON.parse((await cli(['show', id, '--json', '--db', db])).stdout);
    expect(shown.headline).toContain('(محدّث)');
  });

  it('bad input and bad usage: one line on stderr, exit 1 or 2, and the database unchanged', async () => {
    const before = readFileSync(db);
    const cases: [string[], number][] = [
      [['show', 'nosuchid', '--json'], 1],
      [['revisions', 'nosuchid'], 1],
      [['import', tmp.file('missing.txt'), '--json'], 1],
      [['import', tmp.dir], 1],
      [['revise', 'nosuchid', seed], 1],
      [['frobnicate'], 2],
      [['list', '--no-such-flag'], 2],
      [['show'], 2],
      [['show', 'a', 'b'], 2],
      [['revise', id, seed, '--reason'], 2],
      [[], 2],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli([...args, '--db', db])));
    runs.forEach((r, i) => {
      const [args, code] = cases[i]!;
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expectOneLineError(r, code);
    });
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('refuses a database from a newer version and leaves it as it was', async () => {
    const file = tmp.file('newer.db');
    const d = new Database(file);
    d.pragma(`application_id = ${APPLICATION_ID}`);
    d.pragma(`user_version = ${LATEST_VERSION + 1}`);
    d.close();
    const before = readFileSync(file);
    const r = await cli(['list', '--json', '--db', file]);
    expectOneLineError(r, 1);
    expect(r.stderr).toContain(`version ${LATEST_VERSION + 1}`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('uses TADQIQ_DB when --db is not given, and --help exits 0', async () => {
    const envDb = tmp.file('from-env.db');
    const r = await cli(['list', '--json'], { TADQIQ_DB: envDb });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ articles: [] });
    expect(existsSync(envDb)).toBe(true);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['import', 'list', 'show', 'search', 'revise', 'revisions'])
      expect(help.stdout).toContain(c);
    const cmdHelp = await cli(['import', '--help']);
    expect(cmdHelp.code).toBe(0);
    expect(cmdHelp.stdout).toContain('--dry-run');
  });
});
