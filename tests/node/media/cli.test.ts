// The command line for tags and codes, as pipelines run it: `import` keeps the تصنيفات tags, `show` prints
// suggestedTags, `tags list` counts usage, `tags suggest ID`, `codes import FILE.tsv` reports bad lines, and
// `figures read|add|check|prune` read a photo's metadata, insert it (or attach it to a figure with --figure),
// run the caption rules and leave fresh photos alone when pruning.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, seedBytes, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-cli-tags-');
afterAll(() => tmp.cleanup());
const db = tmp.file('library.db');

type Run = { code: number; stdout: string; stderr: string };

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/node/cli/main.ts', ...args, '--db', db],
      { cwd: repoRoot, env: { ...process.env, TADQIQ_DB: tmp.file('unused.db') }, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

async function json<T>(args: string[]): Promise<T> {
  const r = await cli([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

type ArticleJson = { id: string; tags: string[]; suggestedTags: string[]; figures: { credit: string }[] };

describe('cli: tags and codes', () => {
  it('import keeps the تصنيفات tags; show suggests tags; tags list and tags suggest', async () => {
    const file = tmp.file('tagged.txt');
    writeFileSync(file, seedBytes().toString('utf8').replace('تصنيفات\n', 'تصنيفات\nروسيا\nدبلوماسية\n'));
    const imported = await json<ArticleJson>(['import', file]);
    expect(imported.tags).toEqual(['روسيا', 'دبلوماسية']);
    expect(imported.figures[0]!.credit).toBe('Reuters');
    const shown = await json<ArticleJson>(['show', imported.id]);
    for (const want of ['إيران', 'سيرجي لافروف', 'فلاديمير بوتين', 'مسعود بزشكيان']) {
      expect(shown.suggestedTags).toContain(want);
    }
    // Already a tag of the article: not suggested again.
    expect(shown.suggestedTags).not.toContain('روسيا');

    const list = await json<{
      tags: { label: string; usage: number }[];
      unlisted: { label: string; usage: number }[];
    }>(['tags', 'list']);
    expect(list.tags.find((t) => t.label === 'روسيا')?.usage).toBe(1);
    expect(list.unlisted).toEqual([{ label: 'دبلوماسية', usage: 1 }]);

    const suggest = await json<{ suggestions: { label: string }[] }>(['tags', 'suggest', imported.id]);
    // show prints the best of the same suggestions.
    expect(suggest.suggestions.map((s) => s.label).slice(0, shown.suggestedTags.length)).toEqual(
      shown.suggestedTags,
    );
    const text = await cli(['tags', 'suggest', imported.id]);
    expect(text.stdout).toContain('مسعود بزشكيان');

    const missing = await cli(['tags', 'suggest', 'no-such-article']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('codes import FILE.tsv stores good lines and reports bad ones by number', async () => {
    const file = tmp.file('codes.tsv');
    writeFileSync(file, 'code\texpansion\n=لاف=\tوزير الخارجية الروسي سيرجي لافروف\nلاف\tبلا محدد\n');
    const r = await json<{ imported: number; problems: { line: number }[] }>(['codes', 'import', file]);
    expect(r).toMatchObject({ imported: 1, problems: [{ line: 3 }] });
    const listed = await json<{ codes: { code: string }[] }>(['codes', 'list']);
    expect(listed.codes.map((c) => c.code)).toEqual(['=لاف=']);
    writeFileSync(file, 'nothing useful here\n');
    const bad = await cli(['codes', 'import', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 1/);
    expect((await json<{ codes: unknown[] }>(['codes', 'list'])).codes).toHaveLength(1);
  });

  it('figures read, add and check; a damaged photo is refused with the article unchanged', async () => {
    const photo = path.join(repoRoot, 'tests/fixtures/images/agency-iptc-xmp.jpg');
    const read = await json<{ metadata: { credit: string; city: string }; figure: { date: string } }>([
      'figures',
      'read',
      photo,
    ]);
    expect(read.metadata).toMatchObject({ credit: 'Reuters', city: 'موسكو' });
    expect(read.figure.date).toBe('27 أغسطس 2024');

    const file = tmp.file('plain-seed.txt');
    writeFileSync(file, seedBytes());
    const { id } = await json<ArticleJson>(['import', file, '--allow-duplicate']);
    const added = await json<{ figureIndex: number; figure: { caption: string } }>([
      'figures',
      'add',
      id,
      photo,
    ]);
    expect(added.figureIndex).toBe(1);
    const shown = await json<ArticleJson>(['show', id]);
    expect(shown.figures.map((f) => f.credit)).toEqual(['Reuters', 'Reuters']);
    const check = await json<{ findings: { ruleId: string; field: string; suggestions: string[] }[] }>([
      'figures',
      'check',
      id,
    ]);
    expect(
      check.findings
        .filter((f) => f.ruleId === 'caption.agency-latin')
        .map((f) => [f.field, f.suggestions[0]]),
    ).toEqual([
      ['figures.0.credit', 'رويترز'],
      ['figures.1.credit', 'رويترز'],
    ]);

    const broken = tmp.file('broken.jpg');
    writeFileSync(broken, readFileSync(photo).subarray(0, 4000));
    const r = await cli(['figures', 'add', id, broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/broken\.jpg: the image is damaged/);
    expect((await json<ArticleJson>(['show', id])).figures).toHaveLength(2);
  });

  it('figures add --figure N puts the photo on a caption already there, keeping what it says', async () => {
    const photo = path.join(repoRoot, 'tests/fixtures/images/iim-only.jpg');
    const file = tmp.file('attach-seed.txt');
    writeFileSync(file, seedBytes());
    const { id } = await json<ArticleJson>(['import', file, '--allow-duplicate']);
    type Figure = { image: string | null; caption: string; credit: string; photographer: string };
    const before = (await json<{ figures: Figure[] }>(['show', id])).figures;
    expect(before).toHaveLength(1);
    expect(before[0]!.image ?? null).toBeNull(); // no photo yet: the shape leaves `image` out

    const added = await json<{ figureIndex: number; hash: string; figure: Figure }>([
      'figures',
      'add',
      id,
      photo,
      '--figure',
      '1',
    ]);
    expect(added.figureIndex).toBe(0);
    const after = (await json<{ figures: Figure[] }>(['show', id])).figures;
    expect(after).toHaveLength(1);
    // The seed's caption and credit stay; the photographer it did not name comes from the file. (The
    // article shape of `show` leaves the image out; the answer of `figures add` names it.)
    expect(after[0]).toEqual({ ...before[0], photographer: 'عطا كناره' });
    const { image, ...placed } = added.figure;
    expect(image).toBe(added.hash);
    expect(placed).toEqual(after[0]);

    const none = await cli(['figures', 'add', id, photo, '--figure', '2']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/has 1 figure\(s\); there is no figure 2/);
    const bad = await cli(['figures', 'add', id, photo, '--figure', 'first']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--figure takes a figure number from 1/);
    expect((await json<{ figures: Figure[] }>(['show', id])).figures).toEqual(after);

    // Photos stored today are never pruned: an open editor may not have saved them yet.
    const pruned = await json<{ removed: unknown[]; kept: number; dryRun: boolean }>(['figures', 'prune']);
    expect(pruned).toMatchObject({ removed: [], dryRun: false });
    expect(pruned.kept).toBeGreaterThanOrEqual(1);
    const stray = await cli(['figures', 'prune', id]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/figures prune: unexpected argument/);
  });
});
