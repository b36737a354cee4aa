// Runs the Electron-only specs when an Electron binary is present; otherwise says why they are skipped.
// The binary cannot be downloaded on an offline machine, and these specs need the real app (window, preload).
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const pathTxt = join(root, 'node_modules/electron/path.txt');
const binary = existsSync(pathTxt)
  ? join(root, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim())
  : null;
const binding = join(root, 'node_modules/.tadqiq-electron/better-sqlite3/build/Release/better_sqlite3.node');

if (!binary || !existsSync(binary)) {
  console.log(
    'electron specs skipped: the Electron binary is absent (offline install). Run `npx install-electron` online, then `npm run test:electron`.',
  );
  console.log('electron: 0 passed, 0 failed, 3 skipped');
  process.exit(0);
}
if (!existsSync(binding)) {
  console.log(
    'electron specs skipped: no Electron build of better-sqlite3 yet. Run `npm start` once to prepare it.',
  );
  console.log('electron: 0 passed, 0 failed, 3 skipped');
  process.exit(0);
}
const display = process.env.DISPLAY || process.platform !== 'linux' ? [] : ['xvfb-run', '-a'];
const cmd = [
  ...display,
  join(root, 'node_modules/.bin/playwright'),
  'test',
  '-c',
  'tests/electron/playwright.config.ts',
];
const r = spawnSync(cmd[0], cmd.slice(1), {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, TADQIQ_SQLITE_BINDING: binding },
});
process.exit(r.status ?? 1);
