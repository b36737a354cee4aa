// Where the Arabic dictionary is taken from on each platform, and what is said when there is none.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSpeller,
  DictionaryMissingError,
  locateDictionary,
  SYSTEM_DICTIONARY_DIR,
} from '../../../src/node/spelling';
import { repoRoot, tempDir } from '../store/testFiles';

const bundledResources = path.join(repoRoot, 'resources');
const bundled = path.join(bundledResources, 'dictionaries', 'ar');
const tmp = tempDir('tadqiq-dict-');
afterAll(() => tmp.cleanup());

const only =
  (...present: string[]) =>
  (file: string): boolean =>
    present.some((dir) => file.startsWith(dir + path.sep));

describe('locateDictionary', () => {
  it('on Linux prefers the system hunspell-ar, then the bundled copy', () => {
    const both = only(SYSTEM_DICTIONARY_DIR, bundled);
    const opts = { env: {}, platform: 'linux' as const, resourceDirs: [bundledResources] };
    expect(locateDictionary({ ...opts, exists: both })).toMatchObject({
      dir: SYSTEM_DICTIONARY_DIR,
      source: 'system',
    });
    expect(locateDictionary({ ...opts, exists: only(bundled) })).toMatchObject({
      dir: bundled,
      source: 'bundled',
    });
  });

  it('elsewhere uses the bundled copy, which the repository holds', () => {
    expect(existsSync(path.join(bundled, 'ar.aff')) && existsSync(path.join(bundled, 'ar.dic'))).toBe(true);
    expect(locateDictionary({ env: {}, platform: 'win32', resourceDirs: [bundledResources] })).toMatchObject({
      dir: bundled,
      aff: path.join(bundled, 'ar.aff'),
      source: 'bundled',
    });
  });

  it('TADQIQ_DICTIONARY_DIR overrides both, and a wrong one is an error rather than a silent fallback', () => {
    const env = { TADQIQ_DICTIONARY_DIR: bundled };
    expect(locateDictionary({ env, platform: 'linux' })).toMatchObject({ dir: bundled, source: 'env' });
    expect(() => locateDictionary({ env: { TADQIQ_DICTIONARY_DIR: tmp.dir }, platform: 'linux' })).toThrow(
      new RegExp(`TADQIQ_DICTIONARY_DIR is "${tmp.dir}", which holds no ar.aff and ar.dic`),
    );
  });

  it('with no dictionary anywhere, names the places tried and how to fix it', () => {
    const none = { env: {}, resourceDirs: [tmp.dir], exists: () => false };
    const linux = (): unknown => locateDictionary({ ...none, platform: 'linux' });
    expect(linux).toThrow(DictionaryMissingError);
    expect(linux).toThrow(
      /not found in \/usr\/share\/hunspell, .*apt-get install hunspell-ar.*TADQIQ_DICTIONARY_DIR/,
    );
    expect(() => locateDictionary({ ...none, platform: 'darwin' })).toThrow(/Reinstall the app/);
  });

  it('the bundled copy is a working dictionary', async () => {
    const speller = createSpeller({ dictionaryDir: bundled });
    try {
      expect(await speller.check(['الاستراتيجية', 'انشاء'])).toEqual([
        { word: 'الاستراتيجية', correct: true },
        { word: 'انشاء', correct: false },
      ]);
    } finally {
      await speller.close();
    }
  });
});
