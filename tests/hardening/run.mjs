// `npm run test:hardening`: the hardening suite and its figures. Builds the app, runs the Vitest part (crash
// loop, IPC fuzzing, files and databases, concurrency, Electronegativity, packaging config), then the hostile
// content and two-window specs in Chromium, and prints every figure at the end.
// Flags: --reduced (CI counts; also when CI=true), --no-build (reuse the build in TADQIQ_OUT_DIR or out/).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const reduced = args.has('--reduced') || process.env.CI === 'true';
const figures = path.join(root, 'test-results/hardening/figures.jsonl');
mkdirSync(path.dirname(figures), { recursive: true });
rmSync(figures, { force: true });

const env = {
  ...process.env,
  TADQIQ_HARDENING_FIGURES: figures,
  ...(reduced ? { TADQIQ_HARDENING_REDUCED: '1' } : {}),
};
const bin = (name) =>
  path.join(root, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** Runs a step with its output shown; lines starting with [hardening] are also kept as figures. */
function step(name, cmd, cmdArgs) {
  console.log(`\n── hardening: ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      rest += chunk;
      const lines = rest.split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const m = /^\[hardening\] (.*)$/.exec(line.trim());
        // Vitest's figures are written to the file by the tests themselves; Playwright's are read from here.
        if (m && name === 'chromium') extra.push(m[1]);
      }
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const extra = [];
const failures = [];
if (!args.has('--no-build')) {
  if ((await step('build', bin('electron-vite'), ['build'])) !== 0) failures.push('build');
}
if ((await step('vitest', bin('vitest'), ['run', '-c', 'tests/hardening/vitest.config.ts'])) !== 0) {
  failures.push('vitest');
}
// Read now: Playwright empties its output folder (test-results/, where the file lives) when it starts.
let lines = [];
try {
  lines = readFileSync(figures, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
} catch (e) {
  console.error(`hardening: the figures file could not be read (${e instanceof Error ? e.message : e})`);
  failures.push('figures');
}
const pw = await step('chromium', bin('playwright'), [
  'test',
  '-c',
  'tests/e2e/playwright.config.ts',
  'hostile',
]);
if (pw !== 0) failures.push('chromium');

console.log(`\n══ hardening figures (${reduced ? 'reduced counts' : 'full counts'})`);
let area = '';
for (const f of lines) {
  if (f.area !== area) {
    area = f.area;
    console.log(`\n${area}`);
  }
  console.log(`  ${f.name}: ${f.value}${f.detail ? `  (${f.detail})` : ''}`);
}
if (extra.length) {
  console.log('\nchromium');
  for (const e of extra) console.log(`  ${e}`);
}
if (failures.length) {
  console.error(`\nhardening: failed: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('\nhardening: all checks passed');
