// Finds the shared test material (seed article, corpus) that CI places beside the repository, and fails with
// a clear message when it is missing rather than letting a test pass without it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function sharedPath(...parts: string[]): string {
  const p = path.resolve(repoRoot, '../shared', ...parts);
  if (!existsSync(p)) {
    throw new Error(`Shared test material is missing: ${p}. Place a copy of shared/ beside the repository.`);
  }
  return p;
}

export const SEED_FILE = '000_a8186a127eafc528.txt';

export function readSeed(): string {
  return readFileSync(sharedPath('seed', SEED_FILE), 'utf8');
}

export type CorpusArticle = {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  author: string;
  content: string;
};

export const CORPUS_ZIPS = ['2015-07-23.zip', '2015-08-01.zip'];

/** Every article of the SaudiNewsNet sample, in file order. */
export function readCorpus(): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (const zip of CORPUS_ZIPS) {
    const files = unzipSync(readFileSync(sharedPath('corpus', 'saudinewsnet', zip)));
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('.json')) out.push(...(JSON.parse(strFromU8(bytes)) as CorpusArticle[]));
    }
  }
  return out;
}

/** The text an article arrives as: its title line, a blank line, then the content. */
export const corpusText = (a: CorpusArticle): string => `${a.title}\n\n${a.content}`;
