// Detectors written in code because a word list or one pattern cannot express them: typography that depends
// on neighbours, quotation-mark pairing, and the document-level rules that compare a whole article with itself.
// Each rule in resources/rules/ names one detector and configures it with options.
import { ARABIC_LETTER, hasArabic, isArabicLetter, stripMarks, words } from './arabicText';
import type { CheckSettings } from './settings';

/** A detector's hit in one text: offsets and suggestions; the engine adds rule id, message and location. */
export type Raw = { from: number; to: number; suggestions: string[] };
export type DocumentRaw = Raw & { unit: number };
/** `bare` is the unit's text without diacritics and tatweel, for cheap pre-checks before a full scan. */
export type UnitEnv = { settings: CheckSettings; bare?: string };
type Options = Record<string, unknown>;

export type Builtin =
  | { scope: 'unit'; run(text: string, options: Options, env: UnitEnv): Raw[] }
  | { scope: 'document'; run(texts: readonly string[], options: Options, env: UnitEnv): DocumentRaw[] };

const strings = (o: Options, key: string): string[] => {
  const v = o[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

const AR = new RegExp(ARABIC_LETTER, 'u');
type Match = RegExpMatchArray & { index: number };
/** Every match of a global pattern; matchAll always sets `index`, the lib typing does not say so. */
const all = (text: string, re: RegExp): Match[] => [...text.matchAll(re)] as Match[];

// ---------------------------------------------------------------- spacing and punctuation

/** `كلمة ،` → `كلمة،`: a space before punctuation (not before an ellipsis, a decimal or a time). */
function spaceBeforePunctuation(text: string): Raw[] {
  const out: Raw[] = [];
  for (const m of all(text, /(?<=[^\s])[ \t\u00A0\u202F]+([،؛؟!.:])/gu)) {
    const mark = m[1]!;
    const after = text[m.index + m[0].length];
    if ((mark === '.' || mark === ':') && after !== undefined && /[.\d]/u.test(after)) continue;
    // Punctuation standing alone between spaces inside Latin or numeric material is not Arabic prose.
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (!hasArabic(before) && !/["«»”]/u.test(before)) continue;
    out.push({ from: m.index, to: m.index + m[0].length, suggestions: [mark] });
  }
  return out;
}

/** `قال،وأضاف` → `قال، وأضاف`. A full stop counts only between real words (not د.محمد, not إيه.في.إل). */
function missingSpaceAfterPunctuation(text: string): Raw[] {
  const out: Raw[] = [];
  for (const m of all(text, /[،؛؟!:.](?=[\u0621-\u064A])/gu)) {
    const i = m.index;
    if (m[0] === '.' || m[0] === ':') {
      const prev = /[\u0621-\u0652]+$/u.exec(text.slice(0, i))?.[0] ?? '';
      const next = /^[\u0621-\u0652]+/u.exec(text.slice(i + 1))?.[0] ?? '';
      if (stripMarks(prev).length < 3 || stripMarks(next).length < 2) continue;
      if (text[i - prev.length - 1] === '.' || text[i + 1 + next.length] === '.') continue;
    }
    out.push({ from: i, to: i + 1, suggestions: [m[0] + ' '] });
  }
  return out;
}

const LATIN_TO_ARABIC: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' };

/** A Latin comma, semicolon or question mark after an Arabic word (not inside numbers like 1,000). */
function latinPunctuation(text: string): Raw[] {
  const out: Raw[] = [];
  for (const m of all(text, /(?<=[\u0621-\u0652]["»”)]?\s*)[,;?](?!\d)/gu)) {
    out.push({ from: m.index, to: m.index + 1, suggestions: [LATIN_TO_ARABIC[m[0]]!] });
  }
  return out;
}

function doubleSpace(text: string): Raw[] {
  return all(text, /(?<=\S)[ \t]{2,}(?=\S)/gu).map((m) => ({
    from: m.index,
    to: m.index + m[0].length,
    suggestions: [' '],
  }));
}

/** Whitespace (any kind, no-break spaces included) at the start or end of a paragraph. */
function edgeSpace(text: string): Raw[] {
  const out: Raw[] = [];
  const lead = /^[\s\u00A0\u202F\uFEFF]+/u.exec(text);
  if (lead && lead[0].length < text.length) out.push({ from: 0, to: lead[0].length, suggestions: [''] });
  const trail = /[\s\u00A0\u202F\uFEFF]+$/u.exec(text);
  if (trail && trail.index > 0) out.push({ from: trail.index, to: text.length, suggestions: [''] });
  return out;
}

/** A no-break space inside a paragraph (edges are edgeSpace's): it glues words and hides from search. */
function noBreakSpace(text: string): Raw[] {
  const start = /^[\s\u00A0\u202F]*/u.exec(text)![0].length;
  const end = text.length - /[\s\u00A0\u202F]*$/u.exec(text)![0].length;
  const out: Raw[] = [];
  for (const m of all(text, /[\u00A0\u202F]+/gu)) {
    if (m.index < start || m.index >= end) continue;
    const nearSpace = /\s/u.test(text[m.index - 1] ?? '') || /\s/u.test(text[m.index + m[0].length] ?? '');
    out.push({ from: m.index, to: m.index + m[0].length, suggestions: [nearSpace ? '' : ' '] });
  }
  return out;
}

/**
 * Joins hits that lie within `gap` characters of each other into one finding over the whole stretch, fixed
 * by `fix`: junk pasted in bulk (a PDF sentence, kashida-justified text) is one task for the editor, not one
 * finding per word.
 */
function mergeNearby(text: string, hits: readonly Match[], gap: number, fix: (hit: string) => string): Raw[] {
  const groups: Match[][] = [];
  for (const m of hits) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last && m.index - (last.index + last[0].length) <= gap) group.push(m);
    else groups.push([m]);
  }
  return groups.map((g) => {
    const from = g[0]!.index;
    let at = from;
    let fixed = '';
    for (const m of g) {
      fixed += text.slice(at, m.index) + fix(m[0]);
      at = m.index + m[0].length;
    }
    return { from, to: at, suggestions: [fixed] };
  });
}

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]+/gu;
const NEARBY = 40;

/** Zero-width and bidi control characters, soft hyphens and BOMs inside the text. */
function invisibles(text: string): Raw[] {
  return mergeNearby(text, all(text, INVISIBLE), NEARBY, () => '');
}

/** Kashida between two letters of a word; tatweel after a proclitic before a number or quote (لـ«) is fine. */
function tatweel(text: string): Raw[] {
  const re = new RegExp(`(?<=${ARABIC_LETTER}[\\u064B-\\u0652]*)\\u0640+(?=${ARABIC_LETTER})`, 'gu');
  return mergeNearby(text, all(text, re), NEARBY, () => '');
}

/** The same word twice in a row (`في في`), except words that repeat by nature (ولي ولي العهد). */
function repeatedWord(text: string, options: Options): Raw[] {
  const except = new Set(strings(options, 'except'));
  const ws = words(text);
  const out: Raw[] = [];
  for (let i = 1; i < ws.length; i++) {
    const a = ws[i - 1]!;
    const b = ws[i]!;
    if (a.bare !== b.bare || !hasArabic(a.bare) || except.has(a.bare)) continue;
    if (!/^[ \t]+$/u.test(text.slice(a.to, b.from))) continue;
    out.push({ from: a.from, to: b.to, suggestions: [a.word] });
    i++;
  }
  return out;
}

/**
 * `،،` → `،`. Two full stops are left alone: Arabic newspapers use `..` as a pause, a convention rather than
 * a slip.
 */
function repeatedPunctuation(text: string): Raw[] {
  return all(text, /،{2,}|؛{2,}/gu).map((m) => ({
    from: m.index,
    to: m.index + m[0].length,
    suggestions: [m[0][0]!],
  }));
}

/** `« نص »`, `( نص )`: no space just inside brackets and guillemets. */
function spaceInsideBrackets(text: string): Raw[] {
  const out: Raw[] = [];
  for (const m of all(text, /([«([])[ \t\u00A0]+(?=\S)/gu)) {
    out.push({ from: m.index, to: m.index + m[0].length, suggestions: [m[1]!] });
  }
  for (const m of all(text, /(?<=\S)[ \t\u00A0]+([»)\]])/gu)) {
    out.push({ from: m.index, to: m.index + m[0].length, suggestions: [m[1]!] });
  }
  return out;
}

/** `و الحكومة` → `والحكومة`: the conjunction و is written joined to the next word. */
function detachedConjunction(text: string): Raw[] {
  const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}\\u0640(])و[ \\t]+(?=${ARABIC_LETTER})`, 'gu');
  return all(text, re).map((m) => ({ from: m.index, to: m.index + m[0].length, suggestions: ['و'] }));
}

// ---------------------------------------------------------------- quotation marks

/** `depth` 0 is a top-level quotation; a quotation nested inside another may use the other style. */
type QuoteMark = { at: number; ch: string; role: 'open' | 'close'; depth: number };
const OPENERS: Record<string, string> = { '«': '»', '“': '”' };
const CLOSERS: Record<string, string> = { '»': '«', '”': '“' };

/**
 * Pairs the quotation marks of one paragraph. Straight quotes alternate, but a straight quote inside «…»
 * opens a nested quotation. Returns matched pairs, the marks left unmatched, and mismatched pairs («…").
 */
export function pairQuotes(text: string): {
  pairs: [QuoteMark, QuoteMark][];
  unmatched: QuoteMark[];
  mixed: [QuoteMark, QuoteMark][];
} {
  if (!/["«»“”]/u.test(text)) return { pairs: [], unmatched: [], mixed: [] };
  const stack: QuoteMark[] = [];
  const pairs: [QuoteMark, QuoteMark][] = [];
  const mixed: [QuoteMark, QuoteMark][] = [];
  const unmatched: QuoteMark[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch in OPENERS) stack.push({ at: i, ch, role: 'open', depth: stack.length });
    else if (ch === '"') {
      const top = stack[stack.length - 1];
      if (top?.ch === '"') pairs.push([stack.pop()!, { at: i, ch, role: 'close', depth: stack.length }]);
      else stack.push({ at: i, ch, role: 'open', depth: stack.length });
    } else if (ch in CLOSERS) {
      const close: QuoteMark = { at: i, ch, role: 'close', depth: Math.max(0, stack.length - 1) };
      const top = stack[stack.length - 1];
      if (top?.ch === CLOSERS[ch]) pairs.push([stack.pop()!, close]);
      else if (top) mixed.push([stack.pop()!, close]);
      else unmatched.push(close);
    }
  }
  // «…" at the end: a guillemet closed by a straight quote that was taken for a nested opener.
  while (stack.length >= 2) {
    const last = stack[stack.length - 1]!;
    const before = stack[stack.length - 2]!;
    if (last.ch !== '"' || before.ch === '"') break;
    stack.length -= 2;
    mixed.push([before, { ...last, role: 'close', depth: before.depth }]);
  }
  unmatched.push(...stack);
  return { pairs, unmatched: unmatched.sort((a, b) => a.at - b.at), mixed };
}

/** «…" or "…»: a quotation opened in one style and closed in another. */
function mixedQuotes(text: string): Raw[] {
  return pairQuotes(text).mixed.map(([open, close]) => {
    const closer = OPENERS[open.ch] ?? '"';
    return { from: close.at, to: close.at + 1, suggestions: [closer] };
  });
}

/**
 * An opening mark never closed, or a closing mark never opened, across the whole article: a quotation may
 * run over several paragraphs (opened in one, closed in a later one), so marks left unmatched inside their
 * paragraph are paired in reading order before anything is flagged.
 */
function unbalancedQuotes(texts: readonly string[]): DocumentRaw[] {
  type Loose = QuoteMark & { unit: number };
  const stack: Loose[] = [];
  const flagged: Loose[] = [];
  texts.forEach((text, unit) => {
    // A quotation running over paragraphs reopens each one with its mark: the paragraph continues the
    // quotation left open before, however its own marks then pair up.
    const lead = /^\s*(["«“])/u.exec(text)?.[1];
    const open = stack[stack.length - 1];
    if (lead && open && open.ch === lead && open.unit !== unit) stack.pop();
    for (const q of pairQuotes(text).unmatched) {
      const mark: Loose = { ...q, unit };
      const top = stack[stack.length - 1];
      if (q.ch === '"') {
        if (top?.ch === '"' && top.unit !== unit) stack.pop();
        else stack.push(mark);
      } else if (q.role === 'open') stack.push(mark);
      else if (top && top.ch === CLOSERS[q.ch] && top.unit !== unit) stack.pop();
      else flagged.push(mark);
    }
  });
  return [...flagged, ...stack].map((q) => ({ unit: q.unit, from: q.at, to: q.at + 1, suggestions: [] }));
}

type QuoteStyle = 'guillemets' | 'straight';
const styleOf = (ch: string): QuoteStyle => (ch === '«' || ch === '»' ? 'guillemets' : 'straight');
const convert = (q: QuoteMark, to: QuoteStyle): string =>
  to === 'straight' ? '"' : q.role === 'open' ? '«' : '»';

function quoteMarksOf(text: string): QuoteMark[] {
  const { pairs, mixed } = pairQuotes(text);
  return [...pairs, ...mixed].flat();
}

/** The house's quotation marks (settings.quotes) instead of the other style. */
function quotePreference(text: string, _o: Options, env: UnitEnv): Raw[] {
  const want = env.settings.quotes;
  if (want === 'any' || !hasArabic(text)) return [];
  return quoteMarksOf(text)
    .filter((q) => styleOf(q.ch) !== want)
    .map((q) => ({ from: q.at, to: q.at + 1, suggestions: [convert(q, want)] }));
}

/** One quotation-mark style per article: the less used style is flagged (a tie keeps guillemets). */
function quoteConsistency(texts: readonly string[], _o: Options, env: UnitEnv): DocumentRaw[] {
  if (env.settings.quotes !== 'any') return [];
  const marks = texts.map((t) => (hasArabic(t) ? quoteMarksOf(t).filter((q) => q.depth === 0) : []));
  let g = 0;
  let s = 0;
  for (const q of marks.flat()) {
    if (q.role !== 'open') continue;
    if (styleOf(q.ch) === 'guillemets') g++;
    else s++;
  }
  if (g === 0 || s === 0) return [];
  const minority: QuoteStyle = s <= g ? 'straight' : 'guillemets';
  const majority: QuoteStyle = minority === 'straight' ? 'guillemets' : 'straight';
  return marks.flatMap((qs, unit) =>
    qs
      .filter((q) => styleOf(q.ch) === minority)
      .map((q) => ({ unit, from: q.at, to: q.at + 1, suggestions: [convert(q, majority)] })),
  );
}

// ---------------------------------------------------------------- numbers and dates

const WESTERN = /[0-9]/u;
const INDIC = /[\u0660-\u0669\u06F0-\u06F9]/u;
const DIGIT_RUN = /[0-9\u0660-\u0669\u06F0-\u06F9]+/gu;
const toIndic = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
const toWestern = (s: string): string =>
  s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const cp = d.charCodeAt(0);
    return String(cp >= 0x06f0 ? cp - 0x06f0 : cp - 0x0660);
  });

/** A digit run inside a Latin word (F16, COVID-19, a URL) follows Latin conventions, not the article's. */
function digitRuns(text: string): Match[] {
  return all(text, DIGIT_RUN).filter((m) => {
    const before = text[m.index - 1] ?? '';
    const after = text[m.index + m[0].length] ?? '';
    return !/[A-Za-z\-/_]/u.test(before) && !/[A-Za-z]/u.test(after);
  });
}

/** One number written with digits of both systems: `2٠15`. */
function mixedDigitsInNumber(text: string): Raw[] {
  return digitRuns(text)
    .filter((m) => WESTERN.test(m[0]) && INDIC.test(m[0]))
    .map((m) => ({
      from: m.index,
      to: m.index + m[0].length,
      suggestions: [WESTERN.test(m[0][0]!) ? toWestern(m[0]) : toIndic(toWestern(m[0]))],
    }));
}

/** Digits of the house's system (settings.digits). */
function digitPreference(text: string, _o: Options, env: UnitEnv): Raw[] {
  const want = env.settings.digits;
  if (want === 'any' || !hasArabic(text)) return [];
  const wrong = want === 'western' ? INDIC : WESTERN;
  return digitRuns(text)
    .filter((m) => wrong.test(m[0]) && !(WESTERN.test(m[0]) && INDIC.test(m[0])))
    .map((m) => ({
      from: m.index,
      to: m.index + m[0].length,
      suggestions: [want === 'western' ? toWestern(m[0]) : toIndic(m[0])],
    }));
}

/** One digit system per article: runs in the less used system are flagged. */
function digitConsistency(texts: readonly string[], _o: Options, env: UnitEnv): DocumentRaw[] {
  if (env.settings.digits !== 'any') return [];
  const runs = texts.map((t) => (hasArabic(t) ? digitRuns(t) : []));
  let w = 0;
  let a = 0;
  for (const m of runs.flat()) {
    if (WESTERN.test(m[0]) && INDIC.test(m[0])) continue;
    if (WESTERN.test(m[0])) w++;
    else a++;
  }
  if (w === 0 || a === 0) return [];
  const minorityIndic = a <= w;
  return runs.flatMap((ms, unit) =>
    ms
      .filter((m) => !(WESTERN.test(m[0]) && INDIC.test(m[0])))
      .filter((m) => (minorityIndic ? INDIC.test(m[0]) : WESTERN.test(m[0])))
      .map((m) => ({
        unit,
        from: m.index,
        to: m.index + m[0].length,
        suggestions: [minorityIndic ? toWestern(m[0]) : toIndic(m[0])],
      })),
  );
}

type MonthHit = { from: number; to: number; set: 'gregorian' | 'syriac'; month: number; paired: boolean };

function monthTables(options: Options): { gregorian: string[][]; syriac: string[][] } {
  const table = (key: string): string[][] =>
    (Array.isArray(options[key]) ? (options[key] as unknown[]) : []).map((v) =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [],
    );
  return { gregorian: table('gregorian'), syriac: table('syriac') };
}

/**
 * Month names used as dates: a month name counts only next to a day number, a year, or after شهر — so
 * مارس (he practised), نيسان (the car) or تموز (the god) are never taken for months. `يونيو (حزيران)`
 * names both on purpose and is marked `paired`.
 */
type MonthPattern = { set: 'gregorian' | 'syriac'; month: number; re: RegExp };
const monthPatternCache = new WeakMap<Options, MonthPattern[]>();

/** One pattern per month name, compiled once per rule (the options object is the rule's own). */
function monthPatterns(options: Options): MonthPattern[] {
  const cached = monthPatternCache.get(options);
  if (cached) return cached;
  const { gregorian, syriac } = monthTables(options);
  const out: MonthPattern[] = [];
  for (const [set, table] of [
    ['gregorian', gregorian],
    ['syriac', syriac],
  ] as const) {
    table.forEach((names, month) => {
      for (const name of names) {
        const re = new RegExp(`(?<![\\p{L}\\p{M}])[وب]?${name}(?![\\p{L}\\p{M}])`, 'gu');
        out.push({ set, month, re });
      }
    });
  }
  monthPatternCache.set(options, out);
  return out;
}

function monthHits(text: string, options: Options): MonthHit[] {
  const hits: MonthHit[] = [];
  // A month name counts only beside a number or after شهر: text with neither has no dates.
  if (!/[0-9\u0660-\u0669]|شهر/u.test(text)) return hits;
  for (const { set, month, re } of monthPatterns(options)) {
    for (const m of all(text, re)) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      const dated =
        /[0-9\u0660-\u0669]\s*$/u.test(before) ||
        /^\s*\)?\s*(?:\(\s*\S+(?:\s\S+)?\s*\)\s*)?[0-9\u0660-\u0669]{4}/u.test(after) ||
        /شهر\s*$/u.test(before);
      if (!dated) continue;
      hits.push({ from: m.index, to: m.index + m[0].length, set, month, paired: false });
    }
  }
  const { gregorian, syriac } = monthTables(options);
  hits.sort((a, b) => a.from - b.from);
  for (let i = 1; i < hits.length; i++) {
    const a = hits[i - 1]!;
    const b = hits[i]!;
    if (a.set !== b.set && /^\s*[(\-–/]?\s*$/u.test(text.slice(a.to, b.from))) a.paired = b.paired = true;
  }
  // Without a date next to it, the second name of a pair (… يونيو (حزيران) 2015) is found through the first.
  for (const set of ['gregorian', 'syriac'] as const) {
    const table = set === 'gregorian' ? syriac : gregorian;
    for (const h of hits.filter((x) => x.set !== set && !x.paired)) {
      const tail = text.slice(h.to, h.to + 20);
      const m = /^\s*\(\s*([^)]+?)\s*\)/u.exec(tail);
      if (m && table.some((names) => names.includes(m[1]!))) h.paired = true;
    }
  }
  return hits;
}

const monthName = (options: Options, set: 'gregorian' | 'syriac', month: number): string =>
  monthTables(options)[set][month]?.[0] ?? '';

function keepPrefix(hit: string, replacement: string): string {
  const p = /^[وب]/u.exec(hit)?.[0] ?? '';
  return p + replacement;
}

/** Month names of the house's set (settings.months); paired names (يونيو (حزيران)) are left alone. */
function monthPreference(text: string, options: Options, env: UnitEnv): Raw[] {
  const want = env.settings.months;
  if (want === 'any') return [];
  return monthHits(text, options)
    .filter((h) => h.set !== want && !h.paired)
    .map((h) => ({
      from: h.from,
      to: h.to,
      suggestions: [keepPrefix(text.slice(h.from, h.to), monthName(options, want, h.month))],
    }));
}

/** One set of month names per article (pairs excepted); the less used set is flagged. */
function monthConsistency(texts: readonly string[], options: Options, env: UnitEnv): DocumentRaw[] {
  if (env.settings.months !== 'any') return [];
  const hits = texts.map((t) => monthHits(t, options).filter((h) => !h.paired));
  const g = hits.flat().filter((h) => h.set === 'gregorian').length;
  const s = hits.flat().filter((h) => h.set === 'syriac').length;
  if (g === 0 || s === 0) return [];
  const minority = s <= g ? 'syriac' : 'gregorian';
  const majority = minority === 'syriac' ? 'gregorian' : 'syriac';
  return hits.flatMap((hs, unit) =>
    hs
      .filter((h) => h.set === minority)
      .map((h) => ({
        unit,
        from: h.from,
        to: h.to,
        suggestions: [keepPrefix(texts[unit]!.slice(h.from, h.to), monthName(options, majority, h.month))],
      })),
  );
}

// ---------------------------------------------------------------- names

// Only the letters that render a foreign g (ج/غ/ق) are folded. Hamza seats, ة/ه and ى/ي are left out on
// purpose: إنها/أنها, طفلة/طفله and يدعى/يدعي are different words, and such slips are other rules' business.
const FOLD: Record<string, string> = { ج: 'G', غ: 'G', ق: 'G' };
const foldName = (w: string): string => [...w].map((c) => FOLD[c] ?? c).join('');
const CLITIC = /^(?:[وف]?[بل]?)/u;

/**
 * One spelling per name: two forms that differ only where transliteration of g wavers (ج/غ/ق) are taken for one name written two ways when each stands next to the same content word —
 * `سيرجي لافروف` and `سيرغي لافروف`. The less used form is flagged with the other as the suggestion.
 */
function nameConsistency(texts: readonly string[], options: Options): DocumentRaw[] {
  const stop = new Set(strings(options, 'stopwords'));
  const minLength = typeof options.minLength === 'number' ? options.minLength : 4;
  type Occ = { unit: number; from: number; to: number; prefix: string; form: string; neighbours: string[] };
  const byKey = new Map<string, Occ[]>();
  texts.forEach((text, unit) => {
    const ws = words(text);
    ws.forEach((t, i) => {
      if (!isArabicLetter(t.bare[0]) || /^ال/u.test(t.bare)) return;
      const prefix = t.bare.length > minLength + 1 ? (CLITIC.exec(t.bare)?.[0] ?? '') : '';
      const form = t.bare.slice(prefix.length);
      if (form.length < minLength || stop.has(form)) return;
      const content = (x: (typeof ws)[number] | undefined): string | null =>
        x && x.bare.length >= 3 && !stop.has(x.bare) && AR.test(x.bare) ? x.bare : null;
      const neighbours = [content(ws[i - 1]), content(ws[i + 1])]
        .map((n, k) => (n ? `${k}:${n}` : null))
        .filter((n): n is string => n !== null);
      const key = foldName(form);
      const list = byKey.get(key) ?? [];
      list.push({ unit, from: t.from, to: t.to, prefix, form, neighbours });
      byKey.set(key, list);
    });
  });
  const out: DocumentRaw[] = [];
  for (const occs of byKey.values()) {
    const forms = [...new Set(occs.map((o) => o.form))];
    if (forms.length < 2) continue;
    const count = (f: string): number => occs.filter((o) => o.form === f).length;
    const ranked = forms.sort((a, b) => count(b) - count(a));
    const main = ranked[0]!;
    const mainNeighbours = new Set(occs.filter((o) => o.form === main).flatMap((o) => o.neighbours));
    for (const variant of ranked.slice(1)) {
      const vs = occs.filter((o) => o.form === variant);
      if (!vs.some((o) => o.neighbours.some((n) => mainNeighbours.has(n)))) continue;
      for (const o of vs) out.push({ unit: o.unit, from: o.from, to: o.to, suggestions: [o.prefix + main] });
    }
  }
  return out;
}

/**
 * Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF), folded to ordinary letters by NFKC. A stretch of
 * such words (a pasted PDF sentence) is one finding, not one per word.
 */
function presentationForms(text: string): Raw[] {
  return mergeNearby(text, all(text, /[\uFB50-\uFDFF\uFE70-\uFEFE]+/gu), NEARBY, (f) => f.normalize('NFKC'));
}

/**
 * An article written throughout without hamza on alef (a wire-service convention: الى، ان، اكثر) is one
 * systematic deviation from the house style, like a second digit system. It is reported once, on the first
 * hamza-less form, when such forms are at least `minCount` and outnumber the written ones; the engine then
 * lowers the per-word findings of `options.demoteCategory` to info, so the copy editor sees one task.
 */
function hamzaConvention(texts: readonly string[], options: Options): DocumentRaw[] {
  const bare = new Set(strings(options, 'without'));
  const written = new Set(strings(options, 'with'));
  const minCount = typeof options.minCount === 'number' ? options.minCount : 8;
  let first: DocumentRaw | null = null;
  let without = 0;
  let withHamza = 0;
  texts.forEach((text, unit) => {
    for (const w of words(text)) {
      const form = w.bare.replace(/^[وف]/u, '');
      if (bare.has(w.bare) || bare.has(form)) {
        without++;
        first ??= { unit, from: w.from, to: w.to, suggestions: [] };
      } else if (written.has(w.bare) || written.has(form)) withHamza++;
    }
  });
  return first && without >= minCount && without > withHamza ? [first] : [];
}

export const BUILTINS: Record<string, Builtin> = {
  hamzaConvention: { scope: 'document', run: hamzaConvention },
  presentationForms: { scope: 'unit', run: presentationForms },
  spaceBeforePunctuation: { scope: 'unit', run: spaceBeforePunctuation },
  missingSpaceAfterPunctuation: { scope: 'unit', run: missingSpaceAfterPunctuation },
  latinPunctuation: { scope: 'unit', run: latinPunctuation },
  doubleSpace: { scope: 'unit', run: doubleSpace },
  edgeSpace: { scope: 'unit', run: edgeSpace },
  noBreakSpace: { scope: 'unit', run: noBreakSpace },
  invisibles: { scope: 'unit', run: invisibles },
  tatweel: { scope: 'unit', run: tatweel },
  repeatedWord: { scope: 'unit', run: repeatedWord },
  repeatedPunctuation: { scope: 'unit', run: repeatedPunctuation },
  spaceInsideBrackets: { scope: 'unit', run: spaceInsideBrackets },
  detachedConjunction: { scope: 'unit', run: detachedConjunction },
  mixedQuotes: { scope: 'unit', run: mixedQuotes },
  unbalancedQuotes: { scope: 'document', run: unbalancedQuotes },
  quotePreference: { scope: 'unit', run: quotePreference },
  quoteConsistency: { scope: 'document', run: quoteConsistency },
  mixedDigitsInNumber: { scope: 'unit', run: mixedDigitsInNumber },
  digitPreference: { scope: 'unit', run: digitPreference },
  digitConsistency: { scope: 'document', run: digitConsistency },
  monthPreference: { scope: 'unit', run: monthPreference },
  monthConsistency: { scope: 'document', run: monthConsistency },
  nameConsistency: { scope: 'document', run: nameConsistency },
};
