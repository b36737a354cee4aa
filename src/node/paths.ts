// Where the app keeps its database: Electron's userData folder for an app named "Tadqiq", computed without
// Electron so the command line and the desktop app share one library. TADQIQ_DB overrides it.
import { homedir } from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Tadqiq';
export const DATABASE_FILE = 'tadqiq.db';

export type PathEnv = {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
};

/** The folder Electron's app.getPath('userData') returns for this app on each platform. */
export function userDataDir({
  env = process.env,
  platform = process.platform,
  home = homedir(),
}: PathEnv = {}): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  const config = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  return path.posix.join(config, APP_NAME);
}

export function defaultDatabasePath(options: PathEnv = {}): string {
  const env = options.env ?? process.env;
  if (env.TADQIQ_DB) return env.TADQIQ_DB;
  const dir = userDataDir(options);
  return (options.platform ?? process.platform) === 'win32'
    ? path.win32.join(dir, DATABASE_FILE)
    : path.posix.join(dir, DATABASE_FILE);
}
