// Turns validated rule data into matchers. Words and context rules share one Arabic-aware notion of a word;
// pattern rules are refused here when their shape could hang the editor.
import {
  ARABIC_LETTER,
  END_BOUNDARY,
  START_BOUNDARY,
  hasArabic,
  literalWithMarks,
  pieces,
  stripMarks,
  words,
  type Piece,
} from './arabicText';
import { BUILTINS, type Raw, type UnitEnv, type DocumentRaw } from './builtins';
import type { ContextRule, PatternRule, Rule, WordsRule } from './ruleSchema';
import { MAX_PATTERN_INPUT, UnsafePatternError, unsafeReason } from './safeRegex';

export type Matcher =
  | { rule: Rule; scope: 'unit'; run(text: string, env: UnitEnv): Raw[] }
  | { rule: Rule; scope: 'document'; run(texts: readonly string[], env: UnitEnv): DocumentRaw[] };

export class RuleCompileError extends Error {
  constructor(
    readonly ruleId: string,
    message: string,
  ) {
    super(`Rule ${ruleId}: ${message}`);
    this.name = 'RuleCompileError';
  }
}

const DEFAULT_PRIORITY: Record<Rule['kind'], number> = { context: 30, words: 10, pattern: 10, builtin: 5 };

export function priorityOf(rule: Rule): number {
  return rule.priority ?? DEFAULT_PRIORITY[rule.kind];
}

function prefixSource(rule: WordsRule): string {
  const conj = rule.clitics === 'none' ? '' : '[وف]?';
  const preps = rule.clitics === 'all' ? 'بكل' : rule.clitics === 'prep' ? 'بل' : '';
  const withArticle = preps.replace('ل', '');
  const art = withArticle ? `(?:[${withArticle}]?ال|لل)` : preps ? '(?:ال|لل)' : 'ال';
  switch (rule.article) {
    case 'none':
      return conj + (preps ? `[${preps}]?` : '');
    case 'optional':
      return conj + (preps ? `(?:${art}|[${preps}])?` : '(?:ال)?');
    case 'required':
      return conj + art;
  }
}

const byLengthDesc = (a: string, b: string): number => b.length - a.length;

const MARK = /[\u064B-\u0652\u0670]/u;

/**
 * Carries the author's diacritics (a shadda, a tanween) over to the correction: letter by letter when the
 * correction has as many letters as the matched word (اخيرًا → أخيرًا, انّ → أنّ), otherwise only the marks
 * on the last letter. A correction that brings its own marks keeps them.
 */
export function carryMarks(matched: string, right: string): string {
  if (MARK.test(right)) return right;
  const letters: { ch: string; marks: string }[] = [];
  for (const ch of matched) {
    const last = letters[letters.length - 1];
    if (MARK.test(ch) && last) last.marks += ch;
    else if (ch !== '\u0640') letters.push({ ch, marks: '' });
  }
  const target = [...right];
  if (target.length === letters.length) return target.map((ch, i) => ch + letters[i]!.marks).join('');
  return right + (letters[letters.length - 1]?.marks ?? '');
}

function compileWords(rule: WordsRule): Matcher {
  const keys = Object.keys(rule.words).sort(byLengthDesc);
  const lookup = new Map<string, string[]>();
  for (const k of keys) lookup.set(stripMarks(k).replace(/\s+/gu, ' '), rule.words[k]!);
  const suffixes = [...(rule.suffixes ?? [])].sort(byLengthDesc);
  const suffix = suffixes.length ? `((?:${suffixes.map(literalWithMarks).join('|')})?)` : '()';
  const source =
    `${START_BOUNDARY}(${prefixSource(rule)})(${keys.map(literalWithMarks).join('|')})${suffix}` +
    END_BOUNDARY;
  const re = new RegExp(source, 'gu');
  // A Latin form (an agency's name) is wrong only inside Arabic text.
  const latin = keys.every((k) => !hasArabic(k));
  const norm = (s: string): string => stripMarks(s);
  const exceptWords = new Set((rule.exceptWords ?? []).map(norm));
  // The first word of each form, without marks: when none occurs in the text, the full scan is skipped.
  const anchors = keys.map((k) => stripMarks(k).split(/\s+/u)[0]!);
  return {
    rule,
    scope: 'unit',
    run(text, env) {
      if (latin && !hasArabic(text)) return [];
      const bare = env.bare ?? stripMarks(text);
      if (!anchors.some((a) => bare.includes(a))) return [];
      const out: Raw[] = [];
      const toks = rule.after || rule.notAfter || rule.before || rule.notBefore ? words(text) : [];
      for (const m of text.matchAll(re)) {
        const [whole, pre = '', stem = '', suf = ''] = m;
        const rights = lookup.get(stripMarks(stem).replace(/\s+/gu, ' '));
        if (!rights || exceptWords.has(stripMarks(whole))) continue;
        const from = m.index;
        const to = from + whole.length;
        if (toks.length) {
          const prev = toks.filter((t) => t.to <= from).pop();
          const next = toks.find((t) => t.from >= to);
          const prevWord = prev ? norm(prev.word) : '';
          const nextWord = next ? norm(next.word) : '';
          if (rule.after && !rule.after.includes(prevWord)) continue;
          if (rule.notAfter?.includes(prevWord)) continue;
          if (rule.before && !rule.before.includes(nextWord)) continue;
          if (rule.notBefore?.includes(nextWord)) continue;
        }
        out.push({ from, to, suggestions: rights.map((r) => pre + carryMarks(stem, r) + suf) });
      }
      return out;
    },
  };
}

const MACROS: Record<string, string> = { '{<}': START_BOUNDARY, '{>}': END_BOUNDARY, '{A}': ARABIC_LETTER };

/** Expands $1…$9 and $& in a replacement template from one match. */
function expand(template: string, m: RegExpMatchArray): string {
  return template.replace(/\$(\d|&)/g, (_, g: string) => (g === '&' ? m[0] : (m[Number(g)] ?? '')));
}

function compilePattern(rule: PatternRule): Matcher {
  const source = rule.pattern.replace(/\{[<>A]\}/g, (k) => MACROS[k] ?? k);
  const reason = unsafeReason(source);
  if (reason) throw new UnsafePatternError(rule.id, reason);
  let re: RegExp;
  try {
    re = new RegExp(source, 'gu');
  } catch (e) {
    throw new RuleCompileError(rule.id, `invalid pattern: ${(e as Error).message}`);
  }
  const except = new Set(rule.except ?? []);
  const scan = (text: string, offset: number, out: Raw[]): void => {
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      if (except.size && except.has(stripMarks(m[1] ?? m[0]))) continue;
      out.push({
        from: offset + m.index,
        to: offset + m.index + m[0].length,
        suggestions: rule.replace.map((t) => expand(t, m)),
      });
    }
  };
  return {
    rule,
    scope: 'unit',
    run(text) {
      const out: Raw[] = [];
      if (text.length <= MAX_PATTERN_INPUT) {
        scan(text, 0, out);
        return out;
      }
      // Length box: very long blocks are read in overlapping windows, so no single match attempt sees more
      // than MAX_PATTERN_INPUT characters; matches found twice in the overlap are kept once.
      const overlap = 500;
      const seen = new Set<string>();
      for (let start = 0; start < text.length; start += MAX_PATTERN_INPUT - overlap) {
        const part: Raw[] = [];
        scan(text.slice(start, start + MAX_PATTERN_INPUT), start, part);
        for (const r of part) {
          const key = `${r.from}:${r.to}`;
          if (!seen.has(key)) out.push(r);
          seen.add(key);
        }
      }
      return out;
    },
  };
}

/** Sentence-internal punctuation that may open or close a clause between the trigger and the target. */
const CLAUSE_COMMA = new Set(['،', ',']);

function compileContext(rule: ContextRule): Matcher {
  const bare = (s: string): string => stripMarks(s);
  const triggers = new Set(rule.triggers.map(bare));
  // Keys that differ only by diacritics (أن / أنّ) share one entry: the first, unmarked one wins, and the
  // author's own marks are carried over to the suggestion.
  const targets = new Map<string, string[]>();
  for (const [k, v] of Object.entries(rule.targets)) if (!targets.has(bare(k))) targets.set(bare(k), v);
  const notAfter = new Set(rule.notAfter.map(bare));
  const verbLike = rule.verbPattern ? new RegExp(rule.verbPattern, 'u') : null;
  const exempt = new Set(rule.verbExceptions.map(bare));
  // Another complementiser on the way back means the target belongs to a nested clause.
  const blockers = new Set([...rule.blockers.map(bare), ...targets.keys()]);
  const notBefore = new Set(rule.targetNotBefore.map(bare));

  const governed = (ps: Piece[], at: number): boolean => {
    let gap = 0;
    let clause = 0;
    let commas = 0;
    for (let i = at - 1; i >= 0; i--) {
      const p = ps[i]!;
      if (p.kind === 'punct') {
        if (!CLAUSE_COMMA.has(p.text) || commas === 2) return false;
        commas++;
        continue;
      }
      if (triggers.has(p.bare)) return true;
      if (i === at - 1 && notAfter.has(p.bare)) return false;
      // Prepositions only govern the word right after them; verbs and complementisers anywhere on the way
      // back mean the target belongs to them, not to the trigger.
      if (targets.has(p.bare) || blockers.has(p.bare)) return false;
      if (verbLike && verbLike.test(p.bare) && !exempt.has(p.bare)) return false;
      if (commas === 1) {
        if (++clause > rule.maxClause) return false;
      } else if (++gap > rule.maxGap) return false;
    }
    return false;
  };

  return {
    rule,
    scope: 'unit',
    run(text) {
      const out: Raw[] = [];
      const ps = pieces(text);
      ps.forEach((p, i) => {
        if (p.kind !== 'word') return;
        const rights = targets.get(p.bare);
        if (!rights) return;
        const next = ps[i + 1];
        if (next?.kind === 'word' && notBefore.has(next.bare)) return;
        if (!governed(ps, i)) return;
        const marks = /[\u064B-\u0652]*$/u.exec(p.word)?.[0] ?? '';
        out.push({ from: p.from, to: p.to, suggestions: rights.map((r) => stripMarks(r) + marks) });
      });
      return out;
    },
  };
}

export function compileRule(rule: Rule): Matcher {
  switch (rule.kind) {
    case 'words':
      return compileWords(rule);
    case 'pattern':
      return compilePattern(rule);
    case 'context':
      return compileContext(rule);
    case 'builtin': {
      const b = BUILTINS[rule.detector];
      if (!b) throw new RuleCompileError(rule.id, `unknown detector "${rule.detector}"`);
      const options = rule.options;
      if (b.scope === 'unit') return { rule, scope: 'unit', run: (text, env) => b.run(text, options, env) };
      return { rule, scope: 'document', run: (texts, env) => b.run(texts, options, env) };
    }
  }
}
