// Test material shared with the rest of the desk (the seed article, the SaudiNewsNet sample), found next to the
// repository; a clear failure when it is missing rather than a silently skipped test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

const repoRoot = path.resolve(__dirname, '../../..');
const sharedDir = path.resolve(repoRoot, '../shared');

function sharedPath(...parts: string[]): string {
  const p = path.resolve(sharedDir, ...parts);
  if (!existsSync(p))
    throw new Error(`Test material missing: ../shared/${parts.join('/')} next to the repository.`);
  return p;
}

export function readSeed(): string {
  return readFileSync(sharedPath('seed', '000_a8186a127eafc528.txt'), 'utf8');
}

export type CorpusArticle = {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  author: string;
  content: string;
};

let corpus: CorpusArticle[] | undefined;

/** Every article of the SaudiNewsNet sample (one JSON array per zip). */
export function readCorpus(): CorpusArticle[] {
  if (corpus) return corpus;
  const dir = sharedPath('corpus', 'saudinewsnet');
  const out: CorpusArticle[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.zip'))
    .sort()) {
    const files = unzipSync(readFileSync(path.join(dir, name)));
    for (const data of Object.values(files)) out.push(...(JSON.parse(strFromU8(data)) as CorpusArticle[]));
  }
  if (!out.length) throw new Error('The SaudiNewsNet sample holds no articles.');
  corpus = out;
  return out;
}

/** An article as the robustness tests read it: title, blank line, content, one paragraph per line. */
export function corpusBlocks(a: CorpusArticle): { text: string }[] {
  return (a.title + '\n\n' + a.content)
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((text) => ({ text }));
}
