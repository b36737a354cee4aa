// The installers' configuration (electron-builder.yml), checked without building (electron-builder needs to
// download Electron, which a closed build machine cannot): product name and icon, AppImage/deb/NSIS/DMG,
// better-sqlite3's native addon and hunspell-asm unpacked from the archive, the dictionary as an extra
// resource where the spelling code looks for it, and the same main entry as `npm start` with Electron's
// fuses closed, so the packaged app keeps every security setting.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { recordFigure, repoRoot } from './figures';

type Config = {
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  extraMetadata?: Record<string, unknown>;
  linux: { icon: string; target: string[] };
  win: { icon: string; target: string[] };
  mac: { icon: string; target: string[] };
};

// js-yaml comes with the lint tooling; electron-builder itself reads the same file.
const yaml = createRequire(import.meta.url)('js-yaml') as { load: (s: string) => unknown };
const config = yaml.load(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
};

/** Whether a path inside the app is matched by electron-builder-style globs (a leading ! excludes). */
function matched(file: string, globs: string[]): boolean {
  let hit = false;
  for (const g of globs) {
    if (g.startsWith('!')) {
      if (path.matchesGlob(file, g.slice(1))) hit = false;
    } else if (path.matchesGlob(file, g)) hit = true;
  }
  return hit;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(path.join(repoRoot, d))) {
      const rel = `${d}/${n}`;
      if (statSync(path.join(repoRoot, rel)).isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk(dir);
  return out;
}

describe('electron-builder configuration', () => {
  it('builds Tadqiq as AppImage and deb, NSIS and DMG, with its icon', async () => {
    expect(config.productName).toBe('Tadqiq');
    expect(pkg.productName).toBe('Tadqiq');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
    for (const icon of new Set([config.linux.icon, config.win.icon, config.mac.icon])) {
      const meta = await sharp(path.join(repoRoot, icon)).metadata();
      expect(meta.format).toBe('png');
      // macOS needs 512 px or more, Windows 256 px.
      expect(Math.min(meta.width ?? 0, meta.height ?? 0)).toBeGreaterThanOrEqual(512);
    }
    recordFigure({
      area: 'packaging',
      name: 'installer targets',
      value: [...config.linux.target, ...config.win.target, ...config.mac.target].join(', '),
    });
  });

  it('ships the built app under the same main entry, with Electron fuses closed', () => {
    expect(config.extraMetadata?.main).toBeUndefined();
    expect(matched(pkg.main, config.files)).toBe(true);
    expect(matched('out/preload/index.cjs', config.files)).toBe(true);
    expect(matched('out/renderer/index.html', config.files)).toBe(true);
    expect(matched('out/main/index.js.map', config.files)).toBe(false);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it("unpacks better-sqlite3's native addon and hunspell-asm from the archive", () => {
    expect(config.asar).toBe(true);
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(existsSync(path.join(repoRoot, addon))).toBe(true);
    expect(matched(addon, config.asarUnpack)).toBe(true);
    const hunspell = filesUnder('node_modules/hunspell-asm/dist');
    expect(hunspell.length).toBeGreaterThan(0);
    expect(hunspell.filter((f) => !matched(f, config.asarUnpack))).toEqual([]);
  });

  it('puts the dictionary where the spelling code looks in a packaged app', () => {
    const dict = config.extraResources.find((r) => r.from === 'resources/dictionaries');
    expect(dict?.to).toBe('dictionaries');
    for (const f of ['ar/ar.aff', 'ar/ar.dic', 'ar/COPYRIGHT', 'newsroom.json']) {
      expect(existsSync(path.join(repoRoot, 'resources/dictionaries', f)), f).toBe(true);
    }
    // The spelling code reads <resourcesPath>/dictionaries/ar.
    const location = readFileSync(path.join(repoRoot, 'src/node/spelling/dictionaryLocation.ts'), 'utf8');
    expect(location).toContain("path.join('dictionaries', 'ar')");
    expect(location).toContain('resourcesPath');
  });
});
