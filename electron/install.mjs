// After `npm install`: fetch the Electron binary so `npm start` works at once on an online machine.
// Offline (or behind a registry-only mirror) the download fails; that must never fail the install,
// because the tests, the command line and the benchmarks do not need Electron at all.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (process.env.CI || process.env.TADQIQ_SKIP_ELECTRON_DOWNLOAD) {
  console.log('tadqiq: skipping the Electron download (CI or TADQIQ_SKIP_ELECTRON_DOWNLOAD set).');
  process.exit(0);
}
let electronDir;
try {
  electronDir = require.resolve('electron/package.json').replace(/package\.json$/, '');
} catch {
  process.exit(0);
}
if (existsSync(`${electronDir}path.txt`)) process.exit(0);
const installer = `${electronDir}install.js`;
if (!existsSync(installer)) {
  console.log(
    'tadqiq: Electron will be downloaded on first start (run `npx install-electron` to do it now).',
  );
  process.exit(0);
}
const r = spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 120_000 });
if (r.status !== 0) {
  console.warn(
    'tadqiq: the Electron binary could not be downloaded now (offline?). Tests and the command line',
  );
  console.warn('work without it; run `npx install-electron` once you are online, then `npm start`.');
}
process.exit(0);
