// The real seed article: the copy errors PRODUCT.md lists must be found, and nothing else raised as an
// error or warning — checked on the structured article and on its raw paragraphs.
import { describe, expect, it } from 'vitest';
import { structureText } from '../../../src/core/import';
import { checkDocument, type Finding } from '../../../src/core/checker';
import { readSeedText } from './shared';

const seed = readSeedText();
const structured = structureText(seed).content;
const rawParagraphs = seed
  .split(/\r?\n\s*\n/)
  .map((p) => p.replace(/^\r?\n+|\r?\n+$/g, ''))
  .filter((p) => p.trim());

const variants: [string, { texts: string[]; findings: Finding[] }][] = [
  [
    'structured article',
    {
      texts: structured.body.map((b) => b.text),
      findings: checkDocument(structured).filter((f) => f.block !== undefined),
    },
  ],
  [
    'raw paragraphs',
    {
      texts: rawParagraphs,
      findings: checkDocument(rawParagraphs.map((text, block) => ({ text, block }))),
    },
  ],
];

describe.each(variants)('the seed (%s)', (_name, { texts, findings }) => {
  const at = (f: Finding): string => texts[f.block!]!;

  it('flags أن after «وقال لافروف، …،» and suggests إن', () => {
    const hits = findings.filter((f) => f.ruleId === 'grammar.inna-after-qala');
    expect(hits).toHaveLength(1);
    const [f] = hits;
    expect(at(f!).startsWith('وقال لافروف،')).toBe(true);
    expect(f!.text).toBe('أن');
    expect(f!.severity).toBe('error');
    expect(f!.suggestions[0]).toBe('إن');
    expect(at(f!).slice(f!.to, f!.to + 10)).toBe(' "التوقيع ');
  });

  it('leaves أنّ after أعلن، اعتبر and أشار إلى alone', () => {
    for (const opener of ['أعلن وزير الخارجية', 'واعتبر لافروف', 'وكان الرئيس الروسي']) {
      const i = texts.findIndex((t) => t.startsWith(opener));
      expect(i, opener).toBeGreaterThanOrEqual(0);
      expect(findings.filter((f) => f.block === i && f.category === 'grammar')).toEqual([]);
    }
  });

  it('flags the space before the full stop in «"تاس" .»', () => {
    const f = findings.find((x) => x.ruleId === 'punctuation.space-before');
    expect(f).toBeDefined();
    expect(f!.text).toBe(' .');
    expect(at(f!).slice(f!.from - 5, f!.from)).toBe('"تاس"');
    expect(f!.suggestions).toEqual(['.']);
  });

  it('flags every no-break space and the trailing space', () => {
    const nbsp = texts.flatMap((t, block) => [...t.matchAll(/\u00a0/g)].map((m) => ({ block, at: m.index })));
    expect(nbsp.length).toBeGreaterThan(0);
    for (const n of nbsp) {
      const covering = findings.find((f) => f.block === n.block && f.from <= n.at && n.at < f.to);
      expect(covering?.ruleId, `no-break space at ${n.block}:${n.at}`).toMatch(
        /^typography\.(no-break-space|edge-space)$/,
      );
    }
    const trailing = texts.findIndex((t) => /جداً\.[\s\u00a0]+$/u.test(t));
    expect(trailing).toBeGreaterThanOrEqual(0);
    const f = findings.find((x) => x.block === trailing && x.ruleId === 'typography.edge-space');
    expect(f?.to).toBe(texts[trailing]!.length);
  });

  it('raises no other error or warning', () => {
    const expected = new Set([
      'grammar.inna-after-qala',
      'punctuation.space-before',
      'typography.no-break-space',
      'typography.edge-space',
      // Only in the raw text, where the caption keeps its Latin credit «… 2024 - Reuters».
      'names.agency-reuters',
    ]);
    const others = findings.filter((f) => f.severity !== 'info' && !expected.has(f.ruleId));
    expect(others.map((f) => `${f.ruleId}: ${f.text}`)).toEqual([]);
  });
});

describe('the seed as raw text', () => {
  it('asks for the agency name in Arabic in the caption line (house style)', () => {
    const caption = rawParagraphs.findIndex((p) => p.includes('- Reuters'));
    const hits = variants[1]![1].findings.filter((f) => f.ruleId === 'names.agency-reuters');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((f) => f.block === caption && f.suggestions[0] === 'رويترز')).toBe(true);
  });
});

describe('the seed headline and captions', () => {
  it('are checked as fields and stay clean', () => {
    const fields = checkDocument(structured).filter((f) => f.field !== undefined && f.severity !== 'info');
    expect(fields.map((f) => `${f.field} ${f.ruleId} ${f.text}`)).toEqual([]);
  });
});
