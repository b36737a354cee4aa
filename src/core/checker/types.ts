// The checker's public shapes: findings (PRODUCT.md's JSON), the units it checks, and the spelling provider
// that a dictionary engine plugs in through, so the engine itself stays free of any dictionary.

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'spelling',
  'hamza',
  'grammar',
  'punctuation',
  'typography',
  'numbers',
  'quotes',
  'style',
  'names',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Lang = 'ar' | 'en';

/** Where a finding sits: a body block (by index) or another field of the article. */
export type FieldName = 'headline' | 'standfirst' | `figures.${number}.caption` | `figures.${number}.altText`;

export type Finding = {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  /** Index in the article body; absent when the finding is in another field. */
  block?: number;
  field?: FieldName;
  /** UTF-16 offsets in that block's (or field's) text. */
  from: number;
  to: number;
  /** The flagged substring: text.slice(from, to). */
  text: string;
  /** Replacements for `text`, best first; empty when the fix needs a person. */
  suggestions: string[];
};

/** One piece of text to check, as the document rules see it. */
export type TextUnit = { text: string; block?: number; field?: FieldName };

/**
 * A dictionary engine (Hunspell in the app) seen through the smallest interface the checker needs. Synchronous
 * because the engine answers in microseconds and the editor checks one block at a time.
 */
export interface SpellingProvider {
  /** True when the word (letters only, clitics included) is known. */
  isCorrect(word: string): boolean;
  /** Replacements, best first; may be empty. */
  suggest(word: string): string[];
}
