// Real articles for the diff tests: the SaudiNewsNet sample beside the repository, turned into article content
// (title as headline, one body block per paragraph, and a caption and dateline so those fields are diffed too).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { ArticleContent } from '../../../src/core/article/model';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ZIPS = ['2015-07-23.zip', '2015-08-01.zip'];

type Raw = { source: string; title: string; content: string };

let cache: Raw[] | undefined;

/** Every article of the sample, in file order; throws with a clear message when the material is missing. */
export function corpus(): Raw[] {
  if (cache) return cache;
  const out: Raw[] = [];
  for (const zip of ZIPS) {
    const file = path.resolve(repoRoot, '../shared/corpus/saudinewsnet', zip);
    if (!existsSync(file)) {
      throw new Error(
        `Shared test material is missing: ${file}. Place a copy of shared/ beside the repository.`,
      );
    }
    for (const bytes of Object.values(unzipSync(readFileSync(file)))) {
      out.push(...(JSON.parse(strFromU8(bytes)) as Raw[]));
    }
  }
  cache = out;
  return out;
}

export function paragraphs(raw: Raw): string[] {
  return raw.content
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A corpus article as the content of a revision. */
export function contentOf(raw: Raw): ArticleContent {
  const body = paragraphs(raw);
  return {
    headline: raw.title.trim(),
    standfirst: null,
    dateline: { place: 'الرياض', sources: [raw.source] },
    figures: [
      {
        image: null,
        caption: body[0]?.split(/\s+/).slice(0, 12).join(' ') ?? '',
        credit: 'واس',
        photographer: '',
        date: '',
        altText: '',
      },
    ],
    body: body.map((text) => ({ type: 'paragraph' as const, text })),
    tags: [],
    related: [],
  };
}

/** The corpus articles with several paragraphs: the ones edits can move around in. */
export function multiParagraph(minParagraphs = 4): Raw[] {
  return corpus().filter((a) => paragraphs(a).length >= minParagraphs);
}

/**
 * About `words` words of real running text from consecutive articles starting at `start`, in paragraphs of
 * whole sentences of at most ~80 words (some corpus articles are one long line).
 */
export function longText(start: number, words: number): string[] {
  const all = corpus();
  const out: string[] = [];
  let count = 0;
  for (let i = start; count < words; i = (i + 1) % all.length) {
    for (const p of paragraphs(all[i]!)) {
      let chunk: string[] = [];
      const flush = (): void => {
        if (chunk.length) out.push(chunk.join(' '));
        chunk = [];
      };
      for (const sentence of p.split(/(?<=[.!؟])\s+/)) {
        const ws = sentence
          .split(/\s+/)
          .filter(Boolean)
          .slice(0, words - count);
        if (chunk.length + ws.length > 80) flush();
        chunk.push(...ws);
        count += ws.length;
        if (count >= words) break;
      }
      flush();
      if (count >= words) break;
    }
  }
  return out;
}
