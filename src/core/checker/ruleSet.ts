// The shipped rule set: every JSON file of resources/rules/ imported statically (so the renderer bundles it
// and core stays free of file access), validated with zod, with errors that name the file and the rule.

import hamza from '../../../resources/rules/hamza.json';
import letters from '../../../resources/rules/letters.json';
import spelling from '../../../resources/rules/spelling.json';
import grammar from '../../../resources/rules/grammar.json';
import punctuation from '../../../resources/rules/punctuation.json';
import typography from '../../../resources/rules/typography.json';
import quotes from '../../../resources/rules/quotes.json';
import numbers from '../../../resources/rules/numbers.json';
import names from '../../../resources/rules/names.json';
import style from '../../../resources/rules/style.json';
import generated from '../../../resources/rules/generated.json';
import { RuleFile, type Rule } from './ruleSchema';

export const RULE_FILES: Readonly<Record<string, unknown>> = {
  'hamza.json': hamza,
  'letters.json': letters,
  'spelling.json': spelling,
  'grammar.json': grammar,
  'punctuation.json': punctuation,
  'typography.json': typography,
  'quotes.json': quotes,
  'numbers.json': numbers,
  'names.json': names,
  'style.json': style,
  'generated.json': generated,
};

export class RuleSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSetError';
  }
}

/** Validates rule files (name → parsed JSON); the message names the file, the rule and the field. */
export function parseRuleFiles(files: Readonly<Record<string, unknown>>): Rule[] {
  const rules: Rule[] = [];
  for (const [name, data] of Object.entries(files)) {
    const parsed = RuleFile.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const at = issue.path;
      const index = at[0] === 'rules' && typeof at[1] === 'number' ? at[1] : null;
      const raw = index !== null ? (data as { rules?: { id?: unknown }[] }).rules?.[index]?.id : undefined;
      const rule = typeof raw === 'string' ? ` rule ${raw}` : index !== null ? ` rule #${index}` : '';
      throw new RuleSetError(`${name}:${rule} ${at.join('.')}: ${issue.message}`);
    }
    rules.push(...parsed.data.rules);
  }
  return rules;
}
