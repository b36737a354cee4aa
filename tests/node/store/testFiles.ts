// Shared by the node tests: temp folders for real database files, and the shared test material (seed
// article, corpus) found beside the repository, failing loudly when it is missing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import type { ArticleContent } from '../../../src/core/article/model';
import { emptyContent } from '../../../src/core/article/model';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function sharedPath(rel: string): string {
  const p = path.resolve(repoRoot, '../shared', rel);
  if (!existsSync(p)) {
    throw new Error(`Test material missing: ${p}. The tests expect a copy of shared/ beside the repository.`);
  }
  return p;
}

export const SEED_FILE = 'seed/000_a8186a127eafc528.txt';

export function seedBytes(): Buffer {
  return readFileSync(sharedPath(SEED_FILE));
}

/** A fresh folder per test file; removed by the returned cleanup. */
export function tempDir(prefix = 'tadqiq-test-'): {
  dir: string;
  file(name: string): string;
  cleanup(): void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    file: (name) => path.join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type CorpusArticle = { source: string; url: string; title: string; author: string; content: string };

/** Articles of one corpus day (2015-07-23 or 2015-08-01), as published. */
export function loadCorpus(day = '2015-07-23'): CorpusArticle[] {
  const zip = unzipSync(readFileSync(sharedPath(`corpus/saudinewsnet/${day}.zip`)));
  const entry = zip[`${day}.json`];
  if (!entry) throw new Error(`corpus/saudinewsnet/${day}.zip holds no ${day}.json`);
  return JSON.parse(strFromU8(entry)) as CorpusArticle[];
}

/** Content built directly (no structure detection), so store tests do not depend on the importer. */
export function contentOf(
  headline: string,
  paragraphs: string[],
  extra: Partial<ArticleContent> = {},
): ArticleContent {
  return {
    ...emptyContent(),
    headline,
    body: paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
    ...extra,
  };
}
