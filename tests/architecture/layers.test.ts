// Keeps the layer boundaries of STYLE.md honest: scans every import in the tree and fails on a forbidden one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

/** Every module specifier a file imports, re-exports or requires. */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re =
    /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

type Rule = { area: string; forbid: (spec: string, resolved: string | null) => string | null };

const area = (p: string): string => relative(root, p).split('/').slice(0, 2).join('/');
const resolvedArea = (file: string, spec: string): string | null =>
  spec.startsWith('.') ? area(resolve(dirname(file), spec)) : null;

const PURE_FORBIDDEN = /^(electron|react|react-dom|@tiptap\/|prosemirror-|better-sqlite3|mammoth|fflate)/;

const rules: Rule[] = [
  {
    area: 'src/core',
    forbid: (spec, to) => {
      if (NODE_BUILTINS.has(spec)) return 'Node built-in in pure core';
      if (PURE_FORBIDDEN.test(spec)) return 'DOM/Node/Electron/React/ProseMirror/SQLite package in pure core';
      if (to && to !== 'src/core' && !to.startsWith('resources')) return `core imports ${to}`;
      return null;
    },
  },
  {
    area: 'src/node',
    forbid: (spec, to) => {
      if (/^(electron|react|react-dom|@tiptap\/|prosemirror-)/.test(spec))
        return 'UI or Electron package in src/node';
      if (to === 'src/renderer' || to === 'electron/main' || to === 'electron/preload')
        return `src/node imports ${to}`;
      return null;
    },
  },
  {
    area: 'src/renderer',
    forbid: (spec, to) => {
      if (NODE_BUILTINS.has(spec)) return 'Node built-in in the renderer';
      if (/^(electron|better-sqlite3|mammoth)$/.test(spec)) return 'main-process package in the renderer';
      if (to === 'src/node' || to?.startsWith('electron')) return `renderer imports ${to}`;
      return null;
    },
  },
  {
    area: 'tests',
    forbid: (spec, _to) => (spec === 'electron' ? 'only electron/ may import electron' : null),
  },
];

describe('layer boundaries', () => {
  const files = ['src', 'tests'].flatMap((d) => walk(join(root, d)));

  it('finds the areas it guards', () => {
    expect(files.some((f) => area(f) === 'src/core')).toBe(true);
  });

  it('no module imports across a forbidden boundary', () => {
    const violations: string[] = [];
    for (const file of files) {
      const rel = relative(root, file);
      const rule = rules.find((r) => rel.startsWith(r.area + '/'));
      if (!rule) continue;
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const why = rule.forbid(spec, resolvedArea(file, spec));
        if (why) violations.push(`${rel}: '${spec}' — ${why}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the scanner sees static, type-only, dynamic and require imports', () => {
    const src = `import a from 'x';\nimport type { B } from "y";\nexport * from './z';\nconst c = await import('w');\nrequire('v');`;
    expect(importsOf(src)).toEqual(['x', 'y', './z', 'w', 'v']);
  });

  it('would catch a Node import in core', () => {
    const rule = rules[0]!;
    expect(rule.forbid('node:fs', null)).not.toBeNull();
    expect(rule.forbid('../../node/store/db', 'src/node')).not.toBeNull();
    expect(rule.forbid('zod', null)).toBeNull();
  });
});
