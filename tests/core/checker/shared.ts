// Finds the shared material (the seed article, the corpus) beside the repository; a missing file is a
// clear failure, never a skipped test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = path.resolve(repoRoot, '../shared');

function need(p: string): string {
  if (!fs.existsSync(p))
    throw new Error(`Missing shared test material: ${p} (shared/ must sit beside the repository).`);
  return p;
}

export function readSeedText(): string {
  return fs.readFileSync(need(path.join(shared, 'seed/000_a8186a127eafc528.txt')), 'utf8');
}

export type CorpusArticle = { source: string; url: string; title: string; content: string };

export function readCorpus(): CorpusArticle[] {
  const dir = need(path.join(shared, 'corpus/saudinewsnet'));
  const zips = fs.readdirSync(dir).filter((f) => f.endsWith('.zip'));
  if (zips.length === 0) throw new Error(`No corpus zips in ${dir}.`);
  const out: CorpusArticle[] = [];
  for (const z of zips) {
    for (const bytes of Object.values(unzipSync(fs.readFileSync(path.join(dir, z))))) {
      out.push(...(JSON.parse(strFromU8(bytes)) as CorpusArticle[]));
    }
  }
  return out;
}
