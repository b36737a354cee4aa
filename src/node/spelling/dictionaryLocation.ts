// Where the Arabic Hunspell dictionary (ar.aff + ar.dic) is found: TADQIQ_DICTIONARY_DIR when set; on Linux the
// system's copy (Debian/Ubuntu package hunspell-ar) when installed, so distribution updates reach the app; else
// the copy bundled in resources/dictionaries/ar (tri-licensed, shipped under the MPL-1.1).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/ipc/contract';

export const DICTIONARY_ENV = 'TADQIQ_DICTIONARY_DIR';
export const SYSTEM_DICTIONARY_DIR = '/usr/share/hunspell';
export const DICTIONARY_NAME = 'ar';
/** Inside the resources folder (the repository's, or a packaged app's process.resourcesPath). */
const BUNDLED_SUBDIR = path.join('dictionaries', 'ar');

export type DictionarySource = 'env' | 'system' | 'bundled';
export type DictionaryLocation = {
  dir: string;
  aff: string;
  dic: string;
  source: DictionarySource;
};

export type LocateOptions = {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Resources folders to look in for the bundled copy, first match wins. */
  resourceDirs?: string[];
  exists?: (file: string) => boolean;
};

/** No usable dictionary: checking goes on without spelling, and this message says how to fix it. */
export class DictionaryMissingError extends AppError {
  constructor(message: string) {
    super('not_found', message);
    this.name = 'DictionaryMissingError';
  }
}

/** The dictionary files in a folder, or null when either is missing. */
export function dictionaryIn(
  dir: string,
  exists: (file: string) => boolean = existsSync,
): { aff: string; dic: string } | null {
  const aff = path.join(dir, `${DICTIONARY_NAME}.aff`);
  const dic = path.join(dir, `${DICTIONARY_NAME}.dic`);
  return exists(aff) && exists(dic) ? { aff, dic } : null;
}

/**
 * Resources folders that may hold the bundled dictionary: a packaged Electron app's resourcesPath, then the
 * nearest `resources` folder above this module (the repository when run from source or from out/main).
 */
export function defaultResourceDirs(exists: (file: string) => boolean = existsSync): string[] {
  const dirs: string[] = [];
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) dirs.push(packaged);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources');
    if (exists(path.join(candidate, BUNDLED_SUBDIR))) {
      dirs.push(candidate);
      break;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dirs;
}

/** Finds the dictionary or throws DictionaryMissingError naming every place that was tried. */
export function locateDictionary(options: LocateOptions = {}): DictionaryLocation {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  const override = env[DICTIONARY_ENV]?.trim();
  if (override) {
    const found = dictionaryIn(override, exists);
    if (found) return { dir: override, ...found, source: 'env' };
    // An explicit choice that does not work is an error, not a reason to pick another dictionary silently.
    throw new DictionaryMissingError(
      `The Arabic dictionary was not found: ${DICTIONARY_ENV} is "${override}", which holds no ` +
        `${DICTIONARY_NAME}.aff and ${DICTIONARY_NAME}.dic. Spelling is not checked.`,
    );
  }
  const tried: string[] = [];
  if (platform === 'linux') {
    const found = dictionaryIn(SYSTEM_DICTIONARY_DIR, exists);
    if (found) return { dir: SYSTEM_DICTIONARY_DIR, ...found, source: 'system' };
    tried.push(SYSTEM_DICTIONARY_DIR);
  }
  for (const resources of options.resourceDirs ?? defaultResourceDirs(exists)) {
    const dir = path.join(resources, BUNDLED_SUBDIR);
    const found = dictionaryIn(dir, exists);
    if (found) return { dir, ...found, source: 'bundled' };
    tried.push(dir);
  }
  const hint =
    platform === 'linux'
      ? ' Install the hunspell-ar package (apt-get install hunspell-ar) or'
      : ' Reinstall the app, or';
  throw new DictionaryMissingError(
    `The Arabic dictionary (${DICTIONARY_NAME}.aff, ${DICTIONARY_NAME}.dic) was not found` +
      (tried.length ? ` in ${tried.join(', ')}` : '') +
      `.${hint} set ${DICTIONARY_ENV} to a folder holding both files. Spelling is not checked.`,
  );
}
