// Property tests: whatever text, HTML or Markdown arrives, import returns a valid article and never throws;
// plain-text import never invents or rewrites a paragraph's text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  IMPORT_WARNING_CODES,
  structureHtml,
  structureMarkdown,
  structureText,
} from '../../../src/core/import';
import { ArticleContent } from '../../../src/core/article/model';

/** Pieces that exercise the detectors: captions, datelines, markers, quotes, separators, markup, line breaks. */
const PIECES = [
  'لافروف',
  'روسيا وإيران',
  '27 أغسطس 2024',
  ' - Reuters',
  'دبي-الشرقرويترز',
  'القاهرة (أ ف ب) -',
  'تصنيفات',
  'اقرأ أيضاً:',
  'قصص قد تهمك',
  '«',
  '»',
  '"',
  '.',
  '،',
  ':',
  ' ',
  '\u00a0',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '<p>',
  '</p>',
  '<h1>',
  '<script>',
  '<!--',
  '&amp;',
  '# ',
  '## ',
  '> ',
  '![صورة](a.jpg "تعليق. 1 مايو 2024 - رويترز")',
  '- ',
  '[رابط](javascript:x)',
  'ـ',
  '\u200f',
];
const documents = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join('')),
);

describe('import on arbitrary input', () => {
  it('structureText: valid article, every block verbatim from the input', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const { content, warnings } = structureText(text);
        expect(ArticleContent.safeParse(content).success).toBe(true);
        const squash = (s: string): string => s.replace(/\s+/g, ' ');
        const joined = warnings.some((w) => w.code === 'lines_joined');
        for (const b of content.body) {
          if (joined) expect(squash(text)).toContain(squash(b.text));
          else expect(text).toContain(b.text);
        }
        for (const w of warnings) expect(IMPORT_WARNING_CODES).toContain(w.code);
      }),
      { numRuns: 400 },
    );
  });

  it('structureHtml and structureMarkdown: valid article, no markup or script link in the result', () => {
    fc.assert(
      fc.property(documents, (text) => {
        for (const r of [structureHtml(text), structureMarkdown(text)]) {
          expect(ArticleContent.safeParse(r.content).success).toBe(true);
          for (const rel of r.content.related) if (rel.url) expect(rel.url).toMatch(/^https?:\/\//);
        }
        const html = JSON.stringify(structureHtml(text).content);
        expect(html).not.toMatch(/<script|<p>|<h1>/);
      }),
      { numRuns: 300 },
    );
  });
});
