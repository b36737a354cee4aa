// The shape of a rule file in resources/rules/: every rule is data (id, category, severity, a message that
// teaches, its own examples) and names one of four matcher kinds. Validated with zod when the set is loaded.
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from './types';

const RuleId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)+$/, 'a rule id is dotted lower-case, e.g. "hamza.ila"');

const Message = z.object({ ar: z.string().min(1), en: z.string().min(1) }).strict();

/** A rule's own examples: `incorrect` must be flagged and fixed into `expected`; `correct` must stay silent. */
export const RuleExample = z.union([
  z
    .object({
      incorrect: z.string().min(1),
      expected: z.string(),
      settings: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
  z.object({ correct: z.string().min(1), settings: z.record(z.string(), z.unknown()).optional() }).strict(),
]);
export type RuleExample = z.infer<typeof RuleExample>;

/** Turns a rule on only under some house-style settings (e.g. agency names wanted in Arabic). */
const When = z
  .object({
    quotes: z.enum(['any', 'guillemets', 'straight']).optional(),
    digits: z.enum(['any', 'western', 'arabic-indic']).optional(),
    months: z.enum(['any', 'gregorian', 'syriac']).optional(),
    agencyNames: z.enum(['arabic', 'latin']).optional(),
  })
  .strict();
export type When = z.infer<typeof When>;

const WordList = z.array(z.string().min(1)).min(1);

const base = {
  id: RuleId,
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  message: Message,
  default: z.enum(['on', 'off']),
  /** Which finding wins when two rules flag overlapping text; higher wins. Each kind has a sensible default. */
  priority: z.number().int().min(-100).max(100).optional(),
  when: When.optional(),
  /** Which texts the rule reads: the body only, or every field (headline, captions …). Default: all. */
  scope: z.enum(['all', 'body', 'headline']).default('all'),
  examples: z.array(RuleExample).min(2),
};

/**
 * Words or phrases (wrong → suggestions), matched between Arabic-aware boundaries. `clitics` says which
 * proclitics may stand before the word (kept in the suggestion): none, و ف (conj), و ف ب ل (prep) or
 * و ف ب ك ل (all — ك is left out of long lists, where كامل would read as ك + امل); `article` whether ال may, or must, stand
 * there; `suffixes` which endings may follow (also kept). Neighbour conditions look at the whole words
 * before and after, compared without diacritics.
 */
export const WordsRule = z
  .object({
    ...base,
    kind: z.literal('words'),
    words: z.record(z.string().min(1), z.array(z.string()).min(1)),
    clitics: z.enum(['none', 'conj', 'prep', 'all']).default('conj'),
    article: z.enum(['none', 'optional', 'required']).default('none'),
    suffixes: z.array(z.string().min(1)).optional(),
    after: WordList.optional(),
    notAfter: WordList.optional(),
    before: WordList.optional(),
    notBefore: WordList.optional(),
    /** Whole words the pattern would take apart wrongly (واحد is not و + احد). */
    exceptWords: WordList.optional(),
  })
  .strict();

/**
 * A regular expression with replacement templates ($1 …). `{<}` and `{>}` stand for Arabic-aware word
 * boundaries, `{A}` for one Arabic letter. Checked for catastrophic shapes when loaded.
 */
export const PatternRule = z
  .object({
    ...base,
    kind: z.literal('pattern'),
    pattern: z.string().min(1).max(400),
    replace: z.array(z.string()),
    /** Words (without diacritics) that, when they are the whole match's first group, are left alone. */
    except: z.array(z.string()).optional(),
  })
  .strict();

/**
 * A word decided by what governs it a few words back: e.g. أنّ after a form of قال must be إنّ. Walking back
 * from a target, up to `maxGap` words (the subject) and one clause between commas of up to `maxClause` words
 * may separate it from a trigger; any other punctuation, a quotation mark or a blocker ends the search.
 */
export const ContextRule = z
  .object({
    ...base,
    kind: z.literal('context'),
    triggers: WordList,
    targets: z.record(z.string().min(1), z.array(z.string()).min(1)),
    maxGap: z.number().int().min(0).max(8),
    maxClause: z.number().int().min(0).max(30),
    /** Words that end the search anywhere outside a comma clause (other verbs, relative pronouns). */
    blockers: z.array(z.string()).default([]),
    /** Words that, right before the target, govern it themselves (بعد أن، في أن). */
    notAfter: z.array(z.string()).default([]),
    /**
     * A word in the gap matching this pattern is taken for a verb that governs the target itself (an
     * imperfect verb: يعتقد أن), unless listed in verbExceptions (names, months: يوسف، يونيو).
     */
    verbPattern: z.string().max(100).optional(),
    verbExceptions: z.array(z.string()).default([]),
    /** Words that, right after the target, show it is something else (إن كان: conditional إن). */
    targetNotBefore: z.array(z.string()).default([]),
  })
  .strict();

/** A detector written in code (typography, quotation marks, document consistency), configured by data. */
export const BuiltinRule = z
  .object({
    ...base,
    kind: z.literal('builtin'),
    detector: z.string().min(1),
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export const Rule = z.discriminatedUnion('kind', [WordsRule, PatternRule, ContextRule, BuiltinRule]);
export type Rule = z.infer<typeof Rule>;
export type RuleInput = z.input<typeof Rule>;
export type WordsRule = z.infer<typeof WordsRule>;
export type PatternRule = z.infer<typeof PatternRule>;
export type ContextRule = z.infer<typeof ContextRule>;
export type BuiltinRule = z.infer<typeof BuiltinRule>;

/** A rule file: a named group of rules. */
export const RuleFile = z.object({ $comment: z.string().optional(), rules: z.array(Rule) }).strict();
