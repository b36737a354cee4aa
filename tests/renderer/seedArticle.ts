// The seed article's structure, built from the real seed text: what structure detection yields for it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleContent } from '../../src/core/article/model';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED_PATH = path.resolve(repoRoot, '../shared/seed/000_a8186a127eafc528.txt');

export function readSeed(): string {
  if (!fs.existsSync(SEED_PATH)) {
    throw new Error(
      `The seed article is missing: expected ${SEED_PATH} (shared/ must sit beside the repository).`,
    );
  }
  return fs.readFileSync(SEED_PATH, 'utf8');
}

/** Headline, one figure, dateline دبي (الشرق، رويترز), the sub-heading اجتماع مرتقب and eight paragraphs. */
export function seedContent(): ArticleContent {
  const lines = readSeed()
    .split(/\r?\n/)
    .map((l) => l.replace(/\u00a0/g, ' ').trim())
    .filter(Boolean);
  const [headline, captionLine, , , ...rest] = lines;
  const m = /^(.*?)\s+(\d{1,2} \S+ \d{4}) - (\S+)$/u.exec(captionLine ?? '');
  if (!headline || !m) throw new Error('The seed does not have the expected layout (headline, caption).');
  const bodyLines = rest.slice(0, rest.indexOf('تصنيفات'));
  return {
    headline,
    standfirst: null,
    figures: [{ image: null, caption: m[1]!, date: m[2]!, credit: m[3]!, photographer: '', altText: m[1]! }],
    dateline: { place: 'دبي', sources: ['الشرق', 'رويترز'] },
    body: bodyLines.map((text) => ({ type: text === 'اجتماع مرتقب' ? 'subheading' : 'paragraph', text })),
    tags: [],
    related: [],
  };
}
