// The one generic test over the shipped rule set: every rule's own examples. An `incorrect` example must be
// flagged by its rule and, with each finding's first suggestion applied, become `expected`; a `correct`
// example must leave the rule silent. Lines of an example are separate paragraphs (for document rules).
import { describe, expect, it } from 'vitest';
import { Checker, RULE_FILES, parseRuleFiles, type Finding, type Rule } from '../../../src/core/checker';

const rules = parseRuleFiles(RULE_FILES);

/** Applies the first suggestion of every finding, last first so earlier offsets stay valid. */
function applyFirstSuggestions(text: string, findings: readonly Finding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.from - a.from)) {
    const s = f.suggestions[0];
    if (s !== undefined) out = out.slice(0, f.from) + s + out.slice(f.to);
  }
  return out;
}

function run(
  rule: Rule,
  text: string,
  settings: Record<string, unknown> = {},
): { findings: Finding[]; lines: string[] } {
  const checker = new Checker([rule]);
  const lines = text.split('\n');
  const units = lines.map((t, i) =>
    rule.scope === 'headline' ? { text: t, field: 'headline' as const } : { text: t, block: i },
  );
  // The rule under test is switched on even when it is opt-in by default.
  const findings = checker.checkDocument(units, { ...settings, rules: { [rule.id]: true } });
  return { findings, lines };
}

describe('the shipped rule set', () => {
  it('has at least 150 rules with unique, stable ids', () => {
    expect(rules.length).toBeGreaterThanOrEqual(150);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('gives every rule at least one incorrect and one correct example', () => {
    const lacking = rules.filter(
      (r) => !r.examples.some((e) => 'incorrect' in e) || !r.examples.some((e) => 'correct' in e),
    );
    expect(lacking.map((r) => r.id)).toEqual([]);
  });

  it('keeps purist word-choice rules opt-in', () => {
    const onStyle = rules.filter(
      (r) => r.category === 'style' && r.default === 'on' && r.severity !== 'info',
    );
    expect(onStyle.map((r) => r.id)).toEqual(['style.headline-full-stop']);
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  const incorrect = rule.examples.filter((e) => 'incorrect' in e);
  const correct = rule.examples.filter((e) => 'correct' in e);

  it.each(incorrect.map((e) => [e.incorrect, e] as const))('flags and fixes: %s', (_t, e) => {
    const { findings, lines } = run(rule, e.incorrect, e.settings);
    expect(findings.length, 'the rule raised no finding').toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.ruleId).toBe(rule.id);
      const unit = f.field !== undefined ? lines[0]! : lines[f.block!]!;
      expect(f.text).toBe(unit.slice(f.from, f.to));
    }
    const fixed = lines.map((line, i) =>
      applyFirstSuggestions(
        line,
        findings.filter((f) => (rule.scope === 'headline' ? true : f.block === i)),
      ),
    );
    expect(fixed.join('\n')).toBe(e.expected);
  });

  it.each(correct.map((e) => [e.correct, e] as const))('stays silent: %s', (_t, e) => {
    const { findings } = run(rule, e.correct, e.settings);
    expect(findings.map((f) => f.text)).toEqual([]);
  });
});
