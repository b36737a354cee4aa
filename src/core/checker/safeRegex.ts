// Guards the editor against a rule that could hang it: a pattern is refused when it has a shape known to
// backtrack catastrophically, and every pattern runs inside a length and time box.

export class UnsafePatternError extends Error {
  constructor(
    readonly ruleId: string,
    reason: string,
  ) {
    super(`Rule ${ruleId}: unsafe pattern (${reason}).`);
    this.name = 'UnsafePatternError';
  }
}

const MAX_REPEAT = 100;

/**
 * Refuses backreferences, quantified groups that contain a quantifier (star height above one: `(a+)+`),
 * quantified groups with alternatives (`(a|a)*`) and large counted repeats. Lookarounds are allowed:
 * they do not multiply backtracking on their own. Returns the reason or null.
 */
export function unsafeReason(source: string): string | null {
  if (/\\[1-9]|\\k</.test(source)) return 'backreference';
  // Walk the pattern keeping, for each open group, whether it holds a quantifier or an alternation.
  type Frame = { quantified: boolean; alternation: boolean };
  const stack: Frame[] = [{ quantified: false, alternation: false }];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      // \p{…} and \u{…} carry braces that are not counted repeats.
      if (source[i + 2] === '{') i = source.indexOf('}', i);
      else i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      continue;
    }
    const top = stack[stack.length - 1]!;
    if (ch === '(') {
      stack.push({ quantified: false, alternation: false });
      continue;
    }
    if (ch === '|') {
      top.alternation = true;
      continue;
    }
    const isQuant =
      ch === '*' || ch === '+' || ch === '?' || (ch === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)));
    if (ch === '{' && isQuant) {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(i))!;
      const hi = m[2] === undefined ? Number(m[1]) : m[2] === '' ? Infinity : Number(m[2]);
      if (hi > MAX_REPEAT && hi !== Infinity) return `counted repeat above ${MAX_REPEAT}`;
    }
    if (ch === ')') {
      const closed = stack.pop();
      if (!closed || stack.length === 0) return 'unbalanced parentheses';
      const next = source[i + 1];
      const quantifiedGroup =
        next === '*' || next === '+' || (next === '{' && /^\{\d/.test(source.slice(i + 1)));
      if (quantifiedGroup && closed.quantified) return 'nested quantifier';
      if (quantifiedGroup && closed.alternation) return 'quantified alternation';
      const parent = stack[stack.length - 1]!;
      if (closed.quantified || quantifiedGroup) parent.quantified = true;
      continue;
    }
    // `?` after a quantifier makes it lazy; `?` right after `(` is group syntax: neither is a new repeat.
    if (ch === '?' && (source[i - 1] === '(' || /[*+?}]/.test(source[i - 1] ?? ''))) continue;
    if (isQuant && (ch === '*' || ch === '+' || ch === '{')) top.quantified = true;
  }
  if (stack.length !== 1) return 'unbalanced parentheses';
  return null;
}

/** Longest text a pattern rule reads in one go; longer blocks are read in overlapping windows. */
export const MAX_PATTERN_INPUT = 20_000;
/** Milliseconds one rule may spend on one check of a document before it is set aside for that check. */
export const RULE_TIME_BUDGET_MS = 200;
