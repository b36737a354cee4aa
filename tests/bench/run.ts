// `npm run bench`: runs every registered benchmark module and prints each figure beside its baseline, measured
// in the same run on the same input. `--json` prints one JSON object per line; `--only <substring>` keeps the
// modules whose name contains it. A module that throws fails the run (exit 1) after the others have run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext, BenchModule, Line, Result } from './benchmark';
import { MODULES } from './modules';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Options = { json: boolean; only: string | null };

const USAGE = 'usage: npm run bench -- [--json] [--only <substring of a module name>]';

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { json: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--only') {
      const value = argv[++i];
      if (!value || value.startsWith('--'))
        throw new UsageError('--only needs a substring of a module name.');
      options.only = value;
    } else if (arg.startsWith('--only=')) options.only = arg.slice('--only='.length);
    else throw new UsageError(`Unknown argument: ${arg}`);
  }
  return options;
}

/** Resolves each result's baseline within its module; a missing or non-finite figure is a module bug. */
function toLines(module: string, results: readonly Result[]): Line[] {
  const byName = new Map<string, Result>();
  for (const r of results) {
    if (byName.has(r.name)) throw new Error(`${module}: two results are named ${r.name}.`);
    if (!Number.isFinite(r.value))
      throw new Error(`${module}: ${r.name} is not a finite number (${r.value}).`);
    byName.set(r.name, r);
  }
  return results.map((r) => {
    if (r.baseline === null) return { ...r, baselineValue: null, ratio: null };
    const base = byName.get(r.baseline);
    if (!base)
      throw new Error(`${module}: ${r.name} names the baseline ${r.baseline}, which it did not report.`);
    if (base.baseline !== null)
      throw new Error(`${module}: the baseline ${base.name} has a baseline itself.`);
    if (base.unit !== r.unit)
      throw new Error(`${module}: ${r.name} is in ${r.unit}, its baseline in ${base.unit}.`);
    return { ...r, baselineValue: base.value, ratio: base.value === 0 ? null : r.value / base.value };
  });
}

/** Four significant digits: enough to compare, without the noise of the last bits. */
function round(n: number | null): number | null {
  return n === null ? null : Number(n.toPrecision(4));
}

function jsonLine(l: Line): string {
  return JSON.stringify({
    name: l.name,
    value: round(l.value),
    unit: l.unit,
    baseline: l.baseline,
    baselineValue: round(l.baselineValue),
    ratio: round(l.ratio),
  });
}

function formatNumber(n: number | null): string {
  if (n === null) return '';
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(lines: readonly Line[]): string {
  const head = ['name', 'value', 'unit', 'baseline', 'baseline value', 'ratio'];
  const rows = lines.map((l) => [
    l.name,
    formatNumber(l.value),
    l.unit,
    l.baseline ?? '',
    formatNumber(l.baselineValue),
    l.ratio === null ? '' : `${l.ratio.toFixed(2)}×`,
  ]);
  const numeric = [false, true, false, false, true, true];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n${USAGE}`);
    return 2;
  }
  const only = options.only;
  const selected: BenchModule[] = only === null ? [...MODULES] : MODULES.filter((m) => m.name.includes(only));
  if (selected.length === 0) {
    console.error(
      `No benchmark module matches "${only}". Modules: ${MODULES.map((m) => m.name).join(', ')}.`,
    );
    return 2;
  }

  const tmpDir = mkdtempSync(path.join(tmpdir(), 'tadqiq-bench-'));
  const cleanups: (() => unknown)[] = [];
  const fixtures = new Map<string, Promise<unknown>>();
  const log = (message: string) => console.error(`  ${message}`);
  const ctx: BenchContext = {
    repoRoot,
    tmpDir,
    log,
    defer: (cleanup) => cleanups.push(cleanup),
    shared: <T>(key: string, build: () => T | Promise<T>): Promise<T> => {
      let fixture = fixtures.get(key) as Promise<T> | undefined;
      if (!fixture) {
        fixture = Promise.resolve().then(build);
        fixtures.set(key, fixture);
      }
      return fixture;
    },
  };

  const all: Line[] = [];
  const failures: string[] = [];
  try {
    for (const m of selected) {
      console.error(`[bench] ${m.name}`);
      const t0 = performance.now();
      try {
        const lines = toLines(m.name, await m.run(ctx));
        all.push(...lines);
        if (options.json) for (const l of lines) console.log(jsonLine(l));
        console.error(
          `[bench] ${m.name}: ${lines.length} figures in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
      } catch (e) {
        failures.push(m.name);
        console.error(`[bench] ${m.name} FAILED:`, e);
      }
    }
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (e) {
        console.error('[bench] cleanup failed:', e);
      }
    }
    rmSync(tmpDir, { recursive: true, force: true });
  }

  if (!options.json && all.length > 0) console.log(table(all));
  if (failures.length > 0) {
    console.error(`[bench] ${failures.length} of ${selected.length} modules failed: ${failures.join(', ')}.`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error('[bench] the runner itself failed:', e);
    process.exitCode = 1;
  },
);
