// Where the Electron-ABI build of better-sqlite3 lives. The Node build in node_modules serves the tests, the
// command line and the e2e harness; Electron needs its own, prepared by `npm start` (electron/start.mjs) in a
// separate folder so the two never overwrite each other. A packaged app ships only the Electron build.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';

export function electronSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidates = [
    process.env.TADQIQ_SQLITE_BINDING,
    join(app.getAppPath(), 'node_modules/.tadqiq-electron/better-sqlite3/build/Release/better_sqlite3.node'),
  ];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}
