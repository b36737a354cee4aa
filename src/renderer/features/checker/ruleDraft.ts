// The rule editor's form as plain text fields, and its translation into rule data for the engine to judge.
import type { Category, Rule, Severity } from '../../../core/checker';

export type RuleDraft = {
  id: string;
  kind: 'words' | 'pattern';
  category: Category;
  severity: Severity;
  messageAr: string;
  messageEn: string;
  /** One line per word: "wrong = right, other right". */
  words: string;
  pattern: string;
  replace: string;
  /** One line per example: "wrong => right", or a correct text. */
  examples: string;
};

export const EMPTY_DRAFT: RuleDraft = {
  id: 'custom.',
  kind: 'words',
  category: 'style',
  severity: 'warning',
  messageAr: '',
  messageEn: '',
  words: '',
  pattern: '',
  replace: '',
  examples: '',
};

function examples(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [wrong, right] = l.split('=>').map((s) => s.trim());
      return right === undefined ? { correct: wrong! } : { incorrect: wrong!, expected: right };
    });
}

export function draftToRule(d: RuleDraft): unknown {
  const base = {
    id: d.id.trim(),
    category: d.category,
    severity: d.severity,
    message: { ar: d.messageAr.trim(), en: d.messageEn.trim() || d.messageAr.trim() },
    default: 'on',
    examples: examples(d.examples),
  };
  if (d.kind === 'pattern') return { ...base, kind: 'pattern', pattern: d.pattern, replace: [d.replace] };
  const words: Record<string, string[]> = {};
  for (const line of d.words.split('\n')) {
    const [wrong, right] = line.split('=').map((s) => s.trim());
    if (!wrong) continue;
    words[wrong] = (right ?? '')
      .split(/[,،]/u)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return { ...base, kind: 'words', words };
}

/** A shipped or custom rule in the form, when the form can express it (word lists and patterns). */
export function ruleToDraft(r: Rule): RuleDraft | null {
  if (r.kind !== 'words' && r.kind !== 'pattern') return null;
  const ex = r.examples
    .map((e) => ('incorrect' in e ? `${e.incorrect} => ${e.expected}` : e.correct))
    .join('\n');
  const base = {
    ...EMPTY_DRAFT,
    id: r.id,
    kind: r.kind,
    category: r.category,
    severity: r.severity,
    messageAr: r.message.ar,
    messageEn: r.message.en,
    examples: ex,
  };
  if (r.kind === 'pattern') return { ...base, pattern: r.pattern, replace: r.replace[0] ?? '' };
  return {
    ...base,
    words: Object.entries(r.words)
      .map(([w, rights]) => `${w} = ${rights.join('، ')}`)
      .join('\n'),
  };
}
