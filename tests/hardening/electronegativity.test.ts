// Electron's configuration checked statically with Electronegativity (offline): the main process sources with
// the renderer's index.html (where the Content-Security-Policy lives, as a meta tag) and, when built, the
// bundled output. No high or medium finding may remain. A finding the source marks as reviewed
// (`eng-disable CHECK_ID` beside the line, with the reason) is accepted in the bundle too, where the bundler
// has dropped the comment. The check that downloads Electron's release list is left out (no network).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../node/store/testFiles';
import { recordFigure, repoRoot } from './figures';

const tmp = tempDir('tadqiq-electronegativity-');
afterAll(() => tmp.cleanup());

const BIN = path.join(repoRoot, 'node_modules/.bin/electronegativity');
const ELECTRON_VERSION = (
  JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const OUT_DIR = path.resolve(repoRoot, process.env.TADQIQ_OUT_DIR ?? 'out');

type Finding = { id: string; severity: string; confidence: string; file: string; location: string };

function scan(input: string, name: string): Finding[] {
  const csv = tmp.file(`${name}.csv`);
  const r = spawnSync(
    BIN,
    ['-i', input, '-e', ELECTRON_VERSION, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-o', csv],
    { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 },
  );
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  expect(existsSync(csv), `no report: ${r.stdout}\n${r.stderr}`).toBe(true);
  const lines = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const cells = line
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    return {
      id: cells[0]!,
      severity: cells[1]!,
      confidence: cells[2]!,
      file: cells[3]!,
      location: cells[4]!,
    };
  });
}

/** Check ids the main process sources mark as reviewed. */
function reviewedInSource(): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const p = path.join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else
        for (const m of readFileSync(p, 'utf8').matchAll(/eng-disable\s+([A-Z_ ]+)/g)) {
          for (const id of m[1]!.trim().split(/\s+/)) ids.add(id);
        }
    }
  };
  walk(path.join(repoRoot, 'electron'));
  return ids;
}

const serious = (f: Finding) => f.severity === 'HIGH' || f.severity === 'MEDIUM';
const show = (f: Finding) => `${f.id} ${f.severity} ${f.file}:${f.location}`;

describe('Electronegativity', () => {
  it('finds nothing high or medium in the main process sources and the renderer page', () => {
    const stage = tmp.file('sources');
    mkdirSync(stage);
    cpSync(path.join(repoRoot, 'electron'), path.join(stage, 'electron'), { recursive: true });
    cpSync(path.join(repoRoot, 'src/renderer/index.html'), path.join(stage, 'index.html'));
    const findings = scan(stage, 'sources');
    recordFigure({
      area: 'electron',
      name: 'Electronegativity on the sources: high/medium findings',
      value: findings.filter(serious).length,
      detail: `${findings.length} findings in all (${findings.map((f) => `${f.id} ${f.severity}`).join(', ') || 'none'})`,
    });
    expect(findings.filter(serious).map(show)).toEqual([]);
    // The CSP was found (a missing one is a medium finding of its own).
    expect(findings.some((f) => f.id === 'CSP_GLOBAL_CHECK' && f.severity !== 'LOW')).toBe(false);
  });

  it.runIf(existsSync(path.join(OUT_DIR, 'main')))('finds nothing unreviewed in the built app', () => {
    const findings = scan(OUT_DIR, 'built');
    const reviewed = reviewedInSource();
    const open = findings.filter(serious).filter((f) => !reviewed.has(f.id));
    recordFigure({
      area: 'electron',
      name: 'Electronegativity on the built app: unreviewed high/medium findings',
      value: open.length,
      detail: `${findings.filter(serious).length} high/medium reviewed in the source (${[
        ...new Set(findings.filter(serious).map((f) => f.id)),
      ].join(', ')})`,
    });
    expect(open.map(show)).toEqual([]);
  });
});
