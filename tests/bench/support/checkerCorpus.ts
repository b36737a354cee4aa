// False alarms of the checker on professionally edited copy: error-or-warning findings (spelling aside, it
// comes with the dictionary) per 1,000 words of an outlet, with the rules that raise them and an example
// each. Shared by the checker's corpus test (a ceiling) and the bench (the figures per outlet).
import { countWords } from '../../../src/core/article/model';
import { checkDocument, type Finding } from '../../../src/core/checker';

export type CorpusText = { source: string; title: string; content: string };
export type FalseAlarms = { words: number; findings: { f: Finding; paragraph: string }[] };

export function measureFalseAlarms(articles: readonly CorpusText[]): FalseAlarms {
  const m: FalseAlarms = { words: 0, findings: [] };
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

export function perThousandWords(m: FalseAlarms): number {
  return m.words ? (m.findings.length / m.words) * 1000 : 0;
}

/** The most frequent rules, each with its count and up to `examples` findings in their context. */
export function topRules(
  m: FalseAlarms,
  n = 10,
  examples = 1,
): { rule: string; count: number; examples: string[] }[] {
  const byRule = new Map<string, FalseAlarms['findings']>();
  for (const x of m.findings) byRule.set(x.f.ruleId, [...(byRule.get(x.f.ruleId) ?? []), x]);
  return [...byRule]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, n)
    .map(([rule, xs]) => ({
      rule,
      count: xs.length,
      examples: xs.slice(0, examples).map(({ f, paragraph }) => {
        const context = `${paragraph.slice(Math.max(0, f.from - 40), f.from)}⟦${f.text}⟧${paragraph.slice(f.to, f.to + 30)}`;
        return `…${context}… → ${JSON.stringify(f.suggestions)}`;
      }),
    }));
}

export function falseAlarmReport(outlet: string, m: FalseAlarms, examples = 3): string {
  const lines = [`${outlet}: ${m.findings.length} findings in ${m.words} words`];
  for (const r of topRules(m, 10, examples)) {
    lines.push(`  ${r.rule}: ${r.count}`);
    for (const e of r.examples) lines.push(`    ${e}`);
  }
  return lines.join('\n');
}
