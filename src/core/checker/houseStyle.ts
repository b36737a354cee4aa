// What a desk stores about its house style beside the settings (custom rules and edits of shipped rules, per-
// article ignores), and the pure operations the rule manager, the editor and the command line share on it:
// merging a rule set, validating a rule (schema, then the same compiler the engine uses, so an unsafe pattern
// is refused with its reason), running a rule's own examples, and a stable key for "ignore once".
import { z } from 'zod';
import { Checker } from './engine';
import { compileRule } from './compile';
import { Rule } from './ruleSchema';
import { RULE_FILES, RuleSetError, parseRuleFiles } from './ruleSet';
import { CheckSettings, type CheckSettingsInput } from './settings';
import type { Finding } from './types';

/** The desk's house style: settings (the language of messages follows the interface) and its own rules. */
export const HouseStyle = z.object({
  settings: CheckSettings.omit({ language: true }).default(CheckSettings.omit({ language: true }).parse({})),
  /** Added rules, and edited copies of shipped rules (same id: the copy replaces the shipped rule). */
  customRules: z.array(Rule).default([]),
});
export type HouseStyle = z.infer<typeof HouseStyle>;
export const DEFAULT_HOUSE_STYLE: HouseStyle = HouseStyle.parse({});

/** Per article: findings ignored once (by key) and rules ignored in this article. */
export const ArticleIgnores = z.object({
  findings: z.array(z.string()).default([]),
  rules: z.array(z.string()).default([]),
});
export type ArticleIgnores = z.infer<typeof ArticleIgnores>;

let shippedRules: Rule[] | null = null;
export function shippedRuleList(): readonly Rule[] {
  shippedRules ??= parseRuleFiles(RULE_FILES);
  return shippedRules;
}

/** Shipped rules with the desk's edits in place and its added rules after them. */
export function mergeRules(custom: readonly Rule[]): Rule[] {
  const byId = new Map(custom.map((r) => [r.id, r]));
  const merged = shippedRuleList().map((r) => byId.get(r.id) ?? r);
  const shippedIds = new Set(shippedRuleList().map((r) => r.id));
  return [...merged, ...custom.filter((r) => !shippedIds.has(r.id))];
}

let cached: { key: string; checker: Checker } | null = null;

/** The checker for a desk's rules; the shipped set alone is built once, a custom set once per change. */
export function checkerFor(custom: readonly Rule[]): Checker {
  const key = JSON.stringify(custom);
  if (cached?.key !== key) cached = { key, checker: new Checker(mergeRules(custom)) };
  return cached.checker;
}

/** Settings as the engine takes them, with the per-article ignored rules switched off. */
export function effectiveSettings(
  style: HouseStyle,
  language: 'ar' | 'en',
  ignores?: ArticleIgnores,
): CheckSettingsInput {
  const rules = { ...style.settings.rules };
  for (const id of ignores?.rules ?? []) rules[id] = false;
  return { ...style.settings, language, rules };
}

export type RuleCheck = { ok: true; rule: Rule } | { ok: false; message: string };

/** A rule as the user wrote it: the schema first, then the engine's compiler (unsafe patterns are refused). */
export function validateRule(input: unknown): RuleCheck {
  const parsed = Rule.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${issue.path.join('.') || 'rule'}: ${issue.message}` };
  }
  try {
    compileRule(parsed.data);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, rule: parsed.data };
}

/** A rule set as JSON ({ rules: [...] } or a bare array); throws RuleSetError naming the rule and the reason. */
export function parseRuleSetJson(json: string): Rule[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new RuleSetError(`Not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(list)) throw new RuleSetError('A rule set is { "rules": [ … ] }.');
  const ids = new Set<string>();
  return list.map((raw, i) => {
    const r = validateRule(raw);
    const id = (raw as { id?: unknown } | null)?.id;
    const name = typeof id === 'string' ? id : `#${i + 1}`;
    if (!r.ok) throw new RuleSetError(`Rule ${name}: ${r.message}`);
    if (ids.has(r.rule.id)) throw new RuleSetError(`Rule ${name} is defined twice.`);
    ids.add(r.rule.id);
    return r.rule;
  });
}

export function ruleSetJson(rules: readonly Rule[]): string {
  return JSON.stringify({ rules }, null, 2);
}

export type ExampleResult = {
  kind: 'incorrect' | 'correct';
  text: string;
  pass: boolean;
  /** What the rule made of it: the corrected text, or the flagged pieces of a correct example. */
  got: string;
  expected?: string;
};

function applyFirst(text: string, findings: readonly Finding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.from - a.from)) {
    const s = f.suggestions[0];
    if (s !== undefined) out = out.slice(0, f.from) + s + out.slice(f.to);
  }
  return out;
}

/**
 * A rule's own examples run with the rule alone (switched on): an incorrect example must be flagged and
 * fixed into its expected text, a correct one must stay silent. Lines are separate paragraphs.
 */
export function runExamples(rule: Rule, settings: CheckSettingsInput = {}): ExampleResult[] {
  const checker = new Checker([rule]);
  return rule.examples.map((e) => {
    const text = 'incorrect' in e ? e.incorrect : e.correct;
    const lines = text.split('\n');
    const units = lines.map((t, i) =>
      rule.scope === 'headline' ? { text: t, field: 'headline' as const } : { text: t, block: i },
    );
    const findings = checker.checkDocument(units, {
      ...settings,
      ...(e.settings as CheckSettingsInput | undefined),
      rules: { [rule.id]: true },
    });
    if ('incorrect' in e) {
      const got = lines
        .map((l, i) =>
          applyFirst(
            l,
            findings.filter((f) => (f.block ?? 0) === i || f.field),
          ),
        )
        .join('\n');
      return {
        kind: 'incorrect',
        text,
        pass: findings.length > 0 && got === e.expected,
        got,
        expected: e.expected,
      };
    }
    return {
      kind: 'correct',
      text,
      pass: findings.length === 0,
      got: findings.map((f) => f.text).join(' · '),
    };
  });
}

/**
 * "Ignore once": a finding's key survives edits elsewhere and reloads — the rule, the flagged text and a few
 * characters either side — but not a change of the flagged words themselves.
 */
export function findingKey(f: Pick<Finding, 'ruleId' | 'from' | 'to'>, unitText: string): string {
  const before = unitText.slice(Math.max(0, f.from - 12), f.from);
  const after = unitText.slice(f.to, f.to + 12);
  return `${f.ruleId}|${before}|${unitText.slice(f.from, f.to)}|${after}`;
}

/** Fixes that change spacing, punctuation spacing or invisible characters only: safe to apply without reading. */
export const SAFE_FIX_RULES: ReadonlySet<string> = new Set([
  'typography.double-space',
  'typography.edge-space',
  'typography.no-break-space',
  'typography.invisible',
  'typography.tatweel',
  'typography.presentation-forms',
  'typography.detached-waw',
  'punctuation.space-before',
  'punctuation.space-after',
  'punctuation.space-inside-brackets',
]);

export function isSafeFix(f: Pick<Finding, 'ruleId' | 'suggestions'>): boolean {
  return SAFE_FIX_RULES.has(f.ruleId) && f.suggestions.length > 0;
}
