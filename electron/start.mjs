// `npm start`: makes sure the Electron binary and an Electron-ABI build of better-sqlite3 exist, then builds
// and opens the app. The SQLite build for Electron goes to node_modules/.tadqiq-electron so the Node build that
// the tests and the command line use is never replaced.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const nm = join(root, 'node_modules');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd: root,
    shell: process.platform === 'win32',
    ...opts,
  });
  return r.status === 0;
}
function fail(message) {
  console.error(`tadqiq: ${message}`);
  process.exit(1);
}

// 1. The Electron binary (downloaded on first use since Electron 42).
if (!existsSync(join(nm, 'electron/path.txt'))) {
  console.log('tadqiq: downloading Electron (first start)…');
  if (!run(process.execPath, [join(nm, 'electron/install.js')])) {
    fail(
      'Electron could not be downloaded. Connect to the internet and run `npx install-electron`, then `npm start`.',
    );
  }
}

// 2. better-sqlite3 built for Electron's ABI, beside (not instead of) the Node build.
const electronVersion = JSON.parse(readFileSync(join(nm, 'electron/package.json'), 'utf8')).version;
const target = join(nm, '.tadqiq-electron/better-sqlite3');
const stamp = join(target, `.electron-${electronVersion}`);
const binding = join(target, 'build/Release/better_sqlite3.node');
if (!existsSync(stamp) || !existsSync(binding)) {
  console.log(`tadqiq: preparing SQLite for Electron ${electronVersion}…`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, '..'), { recursive: true });
  cpSync(join(nm, 'better-sqlite3'), target, { recursive: true });
  rmSync(join(target, 'build'), { recursive: true, force: true });
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion };
  const ok =
    run(join(nm, '.bin/prebuild-install'), ['--runtime=electron', `--target=${electronVersion}`], {
      cwd: target,
      env,
    }) ||
    run(
      'npx',
      [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: target, env },
    );
  if (!ok || !existsSync(binding))
    fail('better-sqlite3 could not be built for Electron (see the output above).');
  writeFileSync(stamp, '');
}

// 3. Build and open.
const ok = run(join(nm, '.bin/electron-vite'), ['preview', ...process.argv.slice(2)], {
  env: { ...process.env, TADQIQ_SQLITE_BINDING: binding },
});
process.exit(ok ? 0 : 1);
