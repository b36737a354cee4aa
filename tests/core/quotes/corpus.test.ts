// Robustness on real copy: extraction runs over every article of the SaudiNewsNet sample, and the share of
// speech quotes it attributes stays at the level measured when the lists were last tuned.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes';
import { corpusBlocks, readCorpus } from './shared';

describe('the SaudiNewsNet sample', () => {
  it('extracts quotes from all 2,603 articles without throwing, with offsets that hold', () => {
    const articles = readCorpus();
    expect(articles).toHaveLength(2603);
    let speech = 0;
    let attributed = 0;
    let naming = 0;
    let claims = 0;
    const speakers = new Set<string>();
    for (const a of articles) {
      const blocks = corpusBlocks(a);
      const quotes = extractQuotes(blocks);
      for (const q of quotes) {
        for (const p of q.parts) {
          const text = blocks[p.block]!.text;
          if (!(p.from <= p.to && p.to <= text.length)) throw new Error(`bad offsets in ${a.url}: ${q.id}`);
        }
        if (q.parts.length === 1 && blocks[q.block]!.text.slice(q.from, q.to) !== q.text) {
          throw new Error(`quote text does not match its offsets in ${a.url}: ${q.id}`);
        }
        if (q.kind === 'naming') naming++;
        else if (q.kind === 'claim') claims++;
        else {
          speech++;
          if (q.speaker) {
            attributed++;
            speakers.add(q.speaker);
          }
        }
      }
    }
    const share = attributed / speech;
    console.log(
      `corpus: ${speech} speech quotes, ${(share * 100).toFixed(1)}% with a speaker, ` +
        `${speakers.size} distinct speakers, ${naming} quoted names, ${claims} claims`,
    );
    // Measured: 2,345 speech quotes, 75.0% attributed, 1,002 speakers (bounds set a little below).
    expect(speech).toBeGreaterThan(2200);
    expect(share).toBeGreaterThan(0.72);
    expect(speakers.size).toBeGreaterThan(900);
    expect(naming).toBeGreaterThan(4000);
  });
});
