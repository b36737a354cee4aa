// The hardening run's figures: every test records what it measured (counts, not timings) as one JSON line
// in a report file, and the runner prints them all at the end. Also printed as the test goes.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the figures go; the runner sets it, a bare Vitest run writes beside the other test results. */
export const FIGURES_FILE =
  process.env.TADQIQ_HARDENING_FIGURES ?? path.join(repoRoot, 'test-results/hardening/figures.jsonl');

/** Reduced counts for CI (CI=true or TADQIQ_HARDENING_REDUCED=1); the full run otherwise. */
export const REDUCED = process.env.CI === 'true' || process.env.TADQIQ_HARDENING_REDUCED === '1';

/** A count from the environment, else the full or the reduced default. */
export function count(envName: string, full: number, reduced: number): number {
  const raw = process.env[envName];
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${envName} must be a positive integer, not ${raw}`);
    return n;
  }
  return REDUCED ? reduced : full;
}

export type Figure = { area: string; name: string; value: number | string; detail?: string };

export function recordFigure(f: Figure): void {
  mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  appendFileSync(FIGURES_FILE, JSON.stringify(f) + '\n');
  console.log(`[hardening] ${f.area}: ${f.name} = ${f.value}${f.detail ? ` (${f.detail})` : ''}`);
}
