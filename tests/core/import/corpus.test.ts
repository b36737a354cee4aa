// All 2,603 real articles of the corpus must import: no error, a valid article, a body whenever the source has
// any text, and every block's text found verbatim in the source (structure detection never rewrites wording).
import { describe, expect, it } from 'vitest';
import { IMPORT_WARNING_CODES, structureText } from '../../../src/core/import';
import { ArticleContent } from '../../../src/core/article/model';
import { corpusText, readCorpus } from './sharedMaterial';

const squash = (s: string): string => s.replace(/\s+/g, ' ');

describe('structureText over the SaudiNewsNet corpus', () => {
  const corpus = readCorpus();

  it('holds all 2,603 articles', () => {
    expect(corpus).toHaveLength(2603);
  });

  it('imports every article into a valid article without rewriting its text', () => {
    const failures: string[] = [];
    let withBody = 0;
    let withoutText = 0;
    for (const [i, a] of corpus.entries()) {
      const text = corpusText(a);
      const { content, warnings } = structureText(text);
      const where = `#${i} ${a.url}`;
      if (!ArticleContent.safeParse(content).success) failures.push(`${where}: invalid article`);
      if (content.headline !== a.title.trim()) failures.push(`${where}: headline`);
      for (const w of warnings) {
        if (!(IMPORT_WARNING_CODES as readonly string[]).includes(w.code))
          failures.push(`${where}: ${w.code}`);
      }
      // Hard-wrapped text (one article here) has its lines joined: only the line breaks may differ.
      const joined = warnings.some((w) => w.code === 'lines_joined');
      for (const b of content.body) {
        if (joined ? !squash(text).includes(squash(b.text)) : !text.includes(b.text)) {
          failures.push(`${where}: rewritten block`);
        }
      }
      if (/\p{L}/u.test(a.content)) {
        if (content.body.length > 0) withBody++;
        else failures.push(`${where}: empty body`);
      } else {
        // 38 scraped pages hold no text at all (content is "" or blanks): the importer must say so.
        withoutText++;
        expect(content.body).toEqual([]);
        expect(warnings.map((w) => w.code).some((c) => c === 'empty_body' || c === 'empty')).toBe(true);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(withBody + withoutText).toBe(corpus.length);
    expect(withoutText).toBeLessThan(50);
  });

  it('splits the agency datelines that open Sabq stories', () => {
    const sabq = corpus.filter(
      (a) => a.source === 'sabq' && /^\s*\S+[^:\n]{0,40}-\s*سبق\s*-\s*[^:\n]{2,30}:/u.test(a.content),
    );
    expect(sabq.length).toBeGreaterThan(20);
    for (const a of sabq) {
      const { content } = structureText(corpusText(a));
      expect(content.dateline.sources).toContain('سبق');
      const firstLine = a.content.split('\n').find((l) => l.trim())!;
      expect(content.body[0]!.text).toBe(firstLine.slice(firstLine.indexOf(':') + 1).trimStart());
    }
  });
});
