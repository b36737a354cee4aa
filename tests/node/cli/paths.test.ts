// The default database lives where Electron's userData folder would be for the app "Tadqiq", so the
// command line and the desktop app open the same library; TADQIQ_DB overrides it.
import { describe, expect, it } from 'vitest';
import { defaultDatabasePath } from '../../../src/node/paths';

describe('defaultDatabasePath', () => {
  it('follows XDG on Linux, falling back to ~/.config', () => {
    expect(defaultDatabasePath({ platform: 'linux', home: '/home/sara', env: {} })).toBe(
      '/home/sara/.config/Tadqiq/tadqiq.db',
    );
    expect(
      defaultDatabasePath({ platform: 'linux', home: '/home/sara', env: { XDG_CONFIG_HOME: '/cfg' } }),
    ).toBe('/cfg/Tadqiq/tadqiq.db');
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(defaultDatabasePath({ platform: 'darwin', home: '/Users/sara', env: {} })).toBe(
      '/Users/sara/Library/Application Support/Tadqiq/tadqiq.db',
    );
    expect(
      defaultDatabasePath({
        platform: 'win32',
        home: 'C:\\Users\\sara',
        env: { APPDATA: 'C:\\Users\\sara\\AppData\\Roaming' },
      }),
    ).toBe('C:\\Users\\sara\\AppData\\Roaming\\Tadqiq\\tadqiq.db');
  });

  it('is overridden by TADQIQ_DB', () => {
    expect(defaultDatabasePath({ platform: 'linux', home: '/h', env: { TADQIQ_DB: '/data/desk.db' } })).toBe(
      '/data/desk.db',
    );
  });
});
