// Precision on professionally edited text: over every article of the best-edited outlets in the corpus, the
// default settings may raise at most 3 error-or-warning findings per 1,000 words (spelling, which comes
// with the dictionary, is not counted). On failure the top rules are printed with examples, so a false
// alarm can be told from a real error in the copy.
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../src/core/article/model';
import { checkDocument, type Finding } from '../../../src/core/checker';
import { readCorpus, type CorpusArticle } from './shared';

const MAX_PER_1000_WORDS = 3;
const corpus = readCorpus();

type Measure = { words: number; findings: { f: Finding; paragraph: string }[] };

function measure(articles: readonly CorpusArticle[]): Measure {
  const m: Measure = { words: 0, findings: [] };
  for (const a of articles) {
    const body = a.content
      .split('\n')
      .filter((p) => p.trim())
      .map((text) => ({ type: 'paragraph' as const, text }));
    m.words += countWords(a.content);
    for (const f of checkDocument({ headline: a.title, body })) {
      if (f.severity === 'info' || f.category === 'spelling') continue;
      m.findings.push({ f, paragraph: f.block !== undefined ? body[f.block]!.text : a.title });
    }
  }
  return m;
}

function report(outlet: string, m: Measure): string {
  const byRule = new Map<string, Measure['findings']>();
  for (const x of m.findings) byRule.set(x.f.ruleId, [...(byRule.get(x.f.ruleId) ?? []), x]);
  const lines = [`${outlet}: ${m.findings.length} findings in ${m.words} words`];
  for (const [rule, xs] of [...byRule].sort((a, b) => b[1].length - a[1].length).slice(0, 10)) {
    lines.push(`  ${rule}: ${xs.length}`);
    for (const { f, paragraph } of xs.slice(0, 3)) {
      const context = `${paragraph.slice(Math.max(0, f.from - 40), f.from)}⟦${f.text}⟧${paragraph.slice(f.to, f.to + 30)}`;
      lines.push(`    …${context}… → ${JSON.stringify(f.suggestions)}`);
    }
  }
  return lines.join('\n');
}

describe('false alarms on professionally edited copy', () => {
  it.each(['aawsat', 'alwatan'])('%s: at most 3 errors or warnings per 1,000 words', (outlet) => {
    const articles = corpus.filter((a) => a.source === outlet);
    expect(articles.length, `no ${outlet} articles in the corpus`).toBeGreaterThan(100);
    const m = measure(articles);
    const rate = (m.findings.length / m.words) * 1000;
    expect(rate, report(outlet, m)).toBeLessThanOrEqual(MAX_PER_1000_WORDS);
  });
});
