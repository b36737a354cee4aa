// The checker's entry point: the shipped rule set behind checkBlock / checkDocument, plus the pieces a UI or a
// custom rule set needs (settings, finding types, the Checker class itself).
import { Checker, type CheckContext, type DocumentInput } from './engine';
import { RULE_FILES, parseRuleFiles } from './ruleSet';
import type { CheckSettingsInput } from './settings';
import type { Finding, SpellingProvider, TextUnit } from './types';

export { Checker, documentUnits, marksConvention } from './engine';
export type { CheckContext, CheckReport, CheckerOptions, DocumentInput } from './engine';
export { parseRuleFiles, RULE_FILES, RuleSetError } from './ruleSet';
export { Rule, RuleFile, RuleExample } from './ruleSchema';
export type { RuleInput } from './ruleSchema';
export { CheckSettings, DEFAULT_SETTINGS, resolveSettings } from './settings';
export type { CheckSettingsInput } from './settings';
export { UnsafePatternError, unsafeReason } from './safeRegex';
export * from './types';

let shipped: Checker | null = null;

/** The checker with the shipped rules, built once on first use. */
export function defaultChecker(): Checker {
  shipped ??= new Checker(parseRuleFiles(RULE_FILES));
  return shipped;
}

export function checkBlock(text: string, ctx?: CheckContext): Finding[] {
  return defaultChecker().checkBlock(text, ctx);
}

/** A whole article; with a spelling provider (Hunspell in the app), unknown words are reported too. */
export function checkDocument(
  doc: DocumentInput | readonly TextUnit[],
  settings?: CheckSettingsInput,
  spelling?: SpellingProvider,
): Finding[] {
  return defaultChecker().checkDocument(doc, settings, spelling);
}
export {
  ArticleIgnores,
  DEFAULT_HOUSE_STYLE,
  HouseStyle,
  SAFE_FIX_RULES,
  checkerFor,
  effectiveSettings,
  findingKey,
  isSafeFix,
  mergeRules,
  parseRuleSetJson,
  ruleSetJson,
  runExamples,
  shippedRuleList,
  validateRule,
} from './houseStyle';
export type { ExampleResult, RuleCheck } from './houseStyle';
