// The fact-checking command line as pipelines use it: real processes on a database in a temp folder —
// `sources add/list/search`, `quotes --article ID [--verify]` — JSON on stdout, one-line errors on stderr.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, sharedPath, SEED_FILE, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-fc-cli-');
afterAll(() => tmp.cleanup());

type Run = { code: number; stdout: string; stderr: string };

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/node/cli/main.ts', '--db', tmp.file('cli.db'), '--author', 'منى', ...args],
      { cwd: repoRoot, env: { ...process.env }, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function expectOneLineError(r: Run, code: number): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^tadqiq: /);
}

const LAVROV_SOURCE =
  'وقال لافروف: «التوقيع المرتقب علي معاهده الشراكه الإستراتيجيه الشامله بين روسيا وايران من شانه ان يعزز العلاقات الروسيه الايرانيه بشكل كبير».';

describe('sources and quotes on the command line', () => {
  let id: string;

  it('adds a source file to an article, lists it, verifies and stores the results', async () => {
    const imported = await cli(['import', sharedPath(SEED_FILE), '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    id = (JSON.parse(imported.stdout) as { id: string }).id;

    const file = tmp.file('tass.txt');
    writeFileSync(file, LAVROV_SOURCE);
    const added = await cli([
      'sources',
      'add',
      file,
      '--article',
      id,
      '--title',
      'تاس',
      '--url',
      'https://tass.example/x',
      '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const source = (
      JSON.parse(added.stdout) as {
        source: { id: string; title: string; url: string; kind: string; author: string };
      }
    ).source;
    expect(source).toMatchObject({
      title: 'تاس',
      url: 'https://tass.example/x',
      kind: 'text',
      author: 'منى',
    });

    const listed = await cli(['sources', 'list', '--article', id, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { sources: { id: string }[] }).sources.map((s) => s.id)).toEqual([
      source.id,
    ]);
    const all = await cli(['sources', 'list']);
    expect(all.stdout).toContain('تاس');

    const before = await cli(['quotes', '--article', id, '--json']);
    const pending = JSON.parse(before.stdout) as { quotes: { kind: string; status: string }[] };
    expect(pending.quotes.filter((q) => q.kind === 'speech').map((q) => q.status)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);

    const verified = await cli(['quotes', '--article', id, '--verify', '--json']);
    expect(verified.code, verified.stderr).toBe(0);
    type Q = {
      id: string;
      kind: string;
      status: string;
      checkedBy: string;
      verification: { source: string } | null;
    };
    const quotes = (JSON.parse(verified.stdout) as { quotes: Q[] }).quotes.filter((q) => q.kind === 'speech');
    expect(quotes.map((q) => q.status)).toEqual(['verified', 'not_found', 'not_found']);
    expect(quotes[0]).toMatchObject({ checkedBy: 'منى', verification: { source: source.id } });

    // Stored: listing again without --verify shows the same statuses, and the text view names them.
    const again = JSON.parse((await cli(['quotes', '--article', id, '--json'])).stdout) as { quotes: Q[] };
    expect(again.quotes.filter((q) => q.kind === 'speech').map((q) => q.status)).toEqual([
      'verified',
      'not_found',
      'not_found',
    ]);
    const text = await cli(['quotes', '--article', id]);
    expect(text.stdout).toContain('الحالة: مطابق — منى');

    const found = await cli(['sources', 'search', 'الاستراتيجية', '--json']);
    expect((JSON.parse(found.stdout) as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual([
      source.id,
    ]);
  });

  it('checks extra source files with the stored reviews without storing them', async () => {
    const extra = tmp.file('kremlin.txt');
    writeFileSync(
      extra,
      '«تم التوصل إلى مثل هذا الاتفاق من أجل عدم التوقيع على هذه الوثيقة المهمة على عجل، وتقرر أن يتم التوقيع عليها خلال زيارة الرئيس الإيراني الجديد إلى موسكو، وأعتقد أن الأطراف سوف تتفق على الفترة الزمنية للزيارة، في المستقبل القريب جداً»',
    );
    const r = await cli(['quotes', '--article', id, '--source', extra, '--json']);
    expect(r.code, r.stderr).toBe(0);
    type Q = { kind: string; status: string; verification: { status: string } | null };
    const speech = (JSON.parse(r.stdout) as { quotes: Q[] }).quotes.filter((q) => q.kind === 'speech');
    expect(speech.map((q) => q.verification?.status)).toEqual(['verified', 'not_found', 'verified']);
    // The stored status of the Ushakov quote did not change.
    expect(speech[2]!.status).toBe('not_found');
  });

  it('gives one-line errors and usage codes', async () => {
    expectOneLineError(await cli(['sources', 'add', tmp.file('missing.txt'), '--article', id]), 1);
    expectOneLineError(await cli(['sources', 'add', sharedPath(SEED_FILE), '--article', 'nope']), 1);
    const broken = tmp.file('broken.pdf');
    writeFileSync(broken, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog');
    const pdf = await cli(['sources', 'add', broken, '--article', id]);
    expectOneLineError(pdf, 1);
    expect(pdf.stderr).toContain('broken.pdf: the PDF is damaged');
    expectOneLineError(await cli(['sources', 'frob']), 2);
    expectOneLineError(await cli(['sources', 'add']), 2);
    expectOneLineError(await cli(['quotes', '--verify', sharedPath(SEED_FILE)]), 2);
    expectOneLineError(
      await cli(['quotes', '--article', id, '--verify', '--source', sharedPath(SEED_FILE)]),
      2,
    );
    expectOneLineError(await cli(['quotes', '--article', 'nope']), 1);
  });
});
