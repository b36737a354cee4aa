// Quote extraction: finds the quoted passages of an article's body, tells speech from quoted names, attributes
// speech to its speaker through Arabic reporting verbs, and lists indirect statements (قال X إن …) as claims.
// Works on plain block texts and UTF-16 offsets, so the editor and the CLI share it unchanged.
import {
  defaultLexicon,
  isComplementizer,
  isParticiple,
  isSourceWord,
  isTitle,
  isVerb,
  type QuoteLexicon,
} from './lexicon';
import { findQuoteSpans, leadingOpener, type QuoteSpan } from './marks';
import type { Quote, QuoteKind, QuotePart } from './model';
import { bareNoun, isDefinite, tokenize, withoutConjunction, type Token } from './tokens';

/** What extraction needs of a block: its text (the article model's Block fits). */
export type TextBlock = { readonly text: string };

type Pos = { block: number; at: number };
const before = (a: Pos, b: Pos): boolean => a.block < b.block || (a.block === b.block && a.at < b.at);

type BlockInfo = {
  text: string;
  tokens: Token[];
  spans: QuoteSpan[];
};

type Speaker = { name: string; how: 'explicit' | 'carried' } | null;

// Punctuation that ends a sentence, and punctuation that ends a phrase (a subject, a name).
const SENTENCE_END = /[.!?؟;؛…]/u;
const PHRASE_END = /[^\s\u00A0\u0640]/u;
const MAX_SUBJECT_WORDS = 9;
const MAX_NAME_WORDS = 5;
const MAX_VERB_TO_COMPLEMENTIZER = 24;
/** Shorter statements after أن are rarely claims worth checking (أكد أن ذلك صحيح). */
const MIN_CLAIM_WORDS = 3;

/** FNV-1a over the folded words: a short, stable fingerprint for quote ids. */
function fingerprint(tokens: readonly Token[]): string {
  let h = 0x811c9dc5;
  for (const t of tokens) {
    for (let i = 0; i < t.key.length; i++) {
      h ^= t.key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x20;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Text between two tokens (or from a token to an offset): where punctuation lives. */
function gap(text: string, from: number, to: number): string {
  return text.slice(from, Math.max(from, to));
}

/** Names of people the article introduces with a title or role, in reading order. */
class NameRegistry {
  private entries: { keys: string[]; name: string; pos: Pos }[] = [];

  add(tokens: readonly Token[], name: string, pos: Pos): void {
    if (tokens.length < 2) return;
    this.entries.push({ keys: tokens.map((t) => t.key), name, pos });
  }

  /** The latest full name before `pos` that ends with (or, for one word, contains) the given words. */
  resolve(keys: readonly string[], pos: Pos): string | null {
    let best: string | null = null;
    let bestPos: Pos | null = null;
    for (const e of this.entries) {
      if (!before(e.pos, pos) || e.keys.length <= keys.length) continue;
      const tail = e.keys.slice(e.keys.length - keys.length);
      const fits =
        tail.every((k, i) => k === keys[i]) || (keys.length === 1 && e.keys.slice(1).includes(keys[0]!));
      if (fits && (!bestPos || before(bestPos, e.pos))) {
        best = e.name;
        bestPos = e.pos;
      }
    }
    return best;
  }
}

/** Extraction over one article body. */
class Extractor {
  private readonly names = new NameRegistry();
  private lastSpeaker: string | null = null;

  constructor(
    private readonly blocks: BlockInfo[],
    private readonly lex: QuoteLexicon,
  ) {}

  run(): Quote[] {
    this.collectTitledNames();
    const quotes: Quote[] = [];
    const continuedFrom = this.linkContinuations();
    for (let b = 0; b < this.blocks.length; b++) {
      const info = this.blocks[b]!;
      const top = info.spans.filter((s) => s.depth === 0);
      const events: ({ at: number } & (
        { quote: QuoteSpan } | { claimVerb: number } | { mention: number }
      ))[] = [];
      for (const s of top) {
        if (continuedFrom.has(`${b}:${s.open}`)) continue; // part of a quote opened in an earlier paragraph
        events.push({ at: s.open, quote: s });
      }
      const claimVerbs = this.claimVerbs(info);
      for (const v of claimVerbs) events.push({ at: info.tokens[v]!.from, claimVerb: v });
      for (const v of this.mentions(info)) {
        if (!claimVerbs.includes(v)) events.push({ at: info.tokens[v]!.from, mention: v });
      }
      events.sort((x, y) => x.at - y.at);
      for (const ev of events) {
        if ('quote' in ev) quotes.push(...this.quote(b, ev.quote, continuedFrom));
        else if ('mention' in ev) this.mention(b, ev.mention);
        else {
          const claim = this.claim(b, ev.claimVerb);
          if (claim) quotes.push(claim);
        }
      }
    }
    return quotes.sort((x, y) => x.block - y.block || x.from - y.from);
  }

  // ---- names -------------------------------------------------------------------------------------------

  /** Registers every `title … Name` in the article (وزير الخارجية الروسي سيرجي لافروف → سيرجي لافروف). */
  private collectTitledNames(): void {
    for (let b = 0; b < this.blocks.length; b++) {
      const { tokens, text } = this.blocks[b]!;
      for (let i = 0; i < tokens.length; i++) {
        if (!isTitle(this.lex, tokens[i]!.key)) continue;
        const name = this.nameAfterTitle(text, tokens, i, tokens.length);
        if (name)
          this.names.add(name, text.slice(name[0]!.from, name[name.length - 1]!.to), {
            block: b,
            at: name[0]!.from,
          });
      }
    }
  }

  /** The name that follows the title at `t`, skipping the role's qualifiers (الخارجية الروسي، في روسيا). */
  private nameAfterTitle(text: string, tokens: readonly Token[], t: number, end: number): Token[] | null {
    let i = t + 1;
    let prepositions = 0;
    while (i < end) {
      if (PHRASE_END.test(gap(text, tokens[i - 1]!.to, tokens[i]!.from))) return null;
      const k = tokens[i]!.key;
      if (isDefinite(k) || this.lex.orgNouns.has(bareNoun(k)) || isTitle(this.lex, k)) {
        i++;
        continue;
      }
      // A place inside the role: السفير الإيراني في روسيا كاظم جلالي.
      if ((k === 'في' || k === 'لدي') && prepositions === 0 && i + 2 < end) {
        prepositions++;
        i += 2;
        continue;
      }
      break;
    }
    const name = this.nameRun(text, tokens, i, end);
    return name.length ? name : null;
  }

  /** The longest plausible personal name starting at `i` (at most `end`). */
  private nameRun(text: string, tokens: readonly Token[], i: number, end: number): Token[] {
    const run: Token[] = [];
    for (let j = i; j < end && run.length < MAX_NAME_WORDS; j++) {
      const t = tokens[j]!;
      if (run.length && PHRASE_END.test(gap(text, tokens[j - 1]!.to, t.from))) break;
      const k = t.key;
      if (this.lex.notNames.has(k) || isComplementizer(this.lex, k) || isVerb(this.lex, k)) break;
      if (isParticiple(this.lex, k) || isSourceWord(this.lex, k) || isTitle(this.lex, k)) break;
      if (/[\u064B\u064C\u064D]/u.test(t.text) || /\p{N}/u.test(k) || /[a-z]/.test(k)) break; // tanween, digits, Latin
      const prev = run[run.length - 1];
      if (isDefinite(k)) {
        // A family name with ال follows a first name or a particle (عادل الجبير، عبد الله), nothing else.
        if (!prev || (run.length > 1 && !this.lex.nameParticles.has(prev.key))) break;
      }
      // A third word in ي/ت is far more often the verb after the name (سيرجي لافروف يحضر) than a name.
      if (run.length >= 2 && /^[يت]/.test(k) && k.length >= 4) break;
      run.push(t);
    }
    // A name does not end on a particle (عبد، أبو).
    while (run.length && this.lex.nameParticles.has(run[run.length - 1]!.key)) run.pop();
    return run;
  }

  // ---- speakers ----------------------------------------------------------------------------------------

  /** Index just past any adverbs (حينها، أيضاً، من جهته) starting at `i`. */
  private skipAdverbs(tokens: readonly Token[], i: number, end: number): number {
    let moved = true;
    while (moved && i < end) {
      moved = false;
      for (const phrase of this.lex.adverbs) {
        if (i + phrase.length <= end && phrase.every((k, n) => tokens[i + n]!.key === k)) {
          i += phrase.length;
          moved = true;
          break;
        }
      }
    }
    return i;
  }

  /** The subject after a reporting verb at `v`: tokens up to punctuation, a complementizer or `end`. */
  private subjectAfter(info: BlockInfo, v: number, end: number): Token[] {
    const { tokens, text } = info;
    let i = this.skipAdverbs(tokens, v + 1, end);
    if (i < end && PHRASE_END.test(gap(text, tokens[i - 1]!.to, tokens[i]!.from))) return [];
    const out: Token[] = [];
    let titled = false;
    for (; i < end && out.length < MAX_SUBJECT_WORDS; i++) {
      const t = tokens[i]!;
      if (out.length && PHRASE_END.test(gap(text, tokens[i - 1]!.to, t.from))) break;
      const k = t.key;
      if (isComplementizer(this.lex, k) || isVerb(this.lex, k) || isParticiple(this.lex, k)) break;
      if (k.startsWith('لل') || this.lex.notNames.has(k)) {
        // Only a place inside a role may continue: السفير الإيراني في روسيا كاظم جلالي.
        if (titled && (k === 'في' || k === 'لدي') && i + 2 < end) {
          out.push(t, tokens[i + 1]!);
          i++;
          continue;
        }
        break;
      }
      if (isTitle(this.lex, k)) titled = true;
      out.push(t);
    }
    return out;
  }

  /** The subject written before a reporting verb (`X قال إن …`), from the clause's start. */
  private subjectBefore(info: BlockInfo, clauseStart: number, v: number): Token[] {
    const { tokens, text } = info;
    // The words right before the verb, back to punctuation or to a word that cannot be part of a subject.
    let i = v;
    while (i > clauseStart && v - i < MAX_SUBJECT_WORDS) {
      const k = tokens[i - 1]!.key;
      if (i < v && PHRASE_END.test(gap(text, tokens[i - 1]!.to, tokens[i]!.from))) break;
      if (isVerb(this.lex, k) || isComplementizer(this.lex, k) || isParticiple(this.lex, k)) break;
      if (this.lex.notNames.has(k) || this.lex.notNames.has(withoutConjunction(k))) break;
      i--;
    }
    if (i < v && PHRASE_END.test(gap(text, tokens[v - 1]!.to, tokens[v]!.from))) return [];
    // Auxiliaries and connectives that open the clause are not the subject (وكان الرئيس … أعلن).
    while (i < v && /^(و|ف)?(كان|كانت|قد|لقد|ثم|كما)$/.test(tokens[i]!.key)) i++;
    return tokens.slice(i, v);
  }

  /** Turns a subject phrase into a speaker: the titled name, the resolved full name, or the phrase itself. */
  private speakerOf(info: BlockInfo, b: number, phrase: Token[]): string | null {
    if (!phrase.length) return null;
    const { text } = info;
    const pos = { block: b, at: phrase[0]!.from };
    const t = phrase.findIndex((x) => isTitle(this.lex, x.key));
    let name: Token[] | null = null;
    if (t >= 0) {
      name = this.nameAfterTitle(text, phrase, t, phrase.length);
      // The name may come first, the role after it (جون بينر رئيس مجلس النواب).
      if (!name && t > 0 && !isDefinite(phrase[0]!.key)) {
        const run = this.nameRun(text, phrase, 0, t);
        if (run.length === t) name = run;
      }
    } else if (!isDefinite(phrase[0]!.key)) {
      const run = this.nameRun(text, phrase, 0, phrase.length);
      if (run.length) name = run;
    }
    if (name) {
      const written = text.slice(name[0]!.from, name[name.length - 1]!.to);
      const full = this.names.resolve(
        name.map((x) => x.key),
        pos,
      );
      if (full) return full;
      this.names.add(name, written, pos);
      return written;
    }
    // No name: the speaker is what the article says (البيان، مصدر مسؤول، المتحدث باسم الوزارة), without
    // what follows a preposition (في «زيفير» …).
    let last = 0;
    while (
      last + 1 < phrase.length &&
      last + 1 < MAX_NAME_WORDS &&
      !this.lex.notNames.has(phrase[last + 1]!.key)
    ) {
      last++;
    }
    return text.slice(phrase[0]!.from, phrase[last]!.to);
  }

  /** Index of the first token of the clause that contains token `i` (after sentence punctuation or a quote). */
  private clauseStart(info: BlockInfo, i: number): number {
    const { tokens, text, spans } = info;
    for (let j = i; j > 0; j--) {
      const g = gap(text, tokens[j - 1]!.to, tokens[j]!.from);
      if (SENTENCE_END.test(g)) return j;
      // A quoted statement that closes between the two words ends the clause too (a quoted name does not).
      const closing = spans.find(
        (s) => s.depth === 0 && s.close >= tokens[j - 1]!.to && s.close < tokens[j]!.from,
      );
      if (closing && wordsIn(tokens, closing) > this.lex.namingMaxWords) return j;
    }
    return 0;
  }

  /**
   * Who says a quote or claim introduced by the reporting word at `v`: the subject after the verb, or before it,
   * or — for a verb with no subject written (`وأضاف:`، `وقال حينها`) and for participles — the last speaker.
   */
  private speakerForVerb(info: BlockInfo, b: number, v: number, end: number): Speaker {
    const k = info.tokens[v]!.key;
    if (isSourceWord(this.lex, k)) {
      // بحسب X / وفقاً لـ X / نقلاً عن X
      let i = v + 1;
      while (i < end && /^(ل|لما|عن|ما|لـ)$/.test(info.tokens[i]!.key)) i++;
      const phrase = this.subjectAfter(info, i - 1, end);
      const name = this.speakerOf(info, b, phrase);
      return name ? { name, how: 'explicit' } : null;
    }
    if (isVerb(this.lex, k)) {
      const after = this.subjectAfter(info, v, end);
      let name = this.speakerOf(info, b, after);
      if (!name) {
        const start = this.clauseStart(info, v);
        name = this.speakerOf(info, b, this.subjectBefore(info, start, v));
      }
      if (name) return { name, how: 'explicit' };
    }
    return this.lastSpeaker ? { name: this.lastSpeaker, how: 'carried' } : null;
  }

  // ---- quotes ------------------------------------------------------------------------------------------

  /**
   * Links a quote left open at a paragraph's end to the quote that opens the next paragraph (the typographic
   * convention for quotes over several paragraphs). Returns the set of `block:open` of continuation spans.
   */
  private linkContinuations(): Set<string> {
    const continued = new Set<string>();
    for (let b = 0; b + 1 < this.blocks.length; b++) {
      const last = this.blocks[b]!.spans.filter((s) => s.depth === 0).pop();
      if (!last?.openAtEnd) continue;
      const next = this.blocks[b + 1]!;
      if (!leadingOpener(next.text)) continue;
      const first = next.spans.find((s) => s.depth === 0);
      if (first && first.open === next.text.search(/\S/u)) continued.add(`${b + 1}:${first.open}`);
    }
    return continued;
  }

  /** The paragraphs of the quote that starts with `span` in block `b`. */
  private partsOf(
    b: number,
    span: QuoteSpan,
    continued: Set<string>,
  ): { parts: QuotePart[]; unclosed: boolean } {
    const parts: QuotePart[] = [
      { block: b, from: span.from, to: trimEnd(this.blocks[b]!.text, span.from, span.to) },
    ];
    let cur = span;
    let block = b;
    while (cur.openAtEnd) {
      const next = this.blocks[block + 1];
      const first = next?.spans.find((s) => s.depth === 0);
      if (!next || !first || !continued.has(`${block + 1}:${first.open}`)) return { parts, unclosed: true };
      block++;
      cur = first;
      parts.push({ block, from: cur.from, to: trimEnd(next.text, cur.from, cur.to) });
    }
    return { parts, unclosed: false };
  }

  private quote(b: number, span: QuoteSpan, continued: Set<string>): Quote[] {
    const info = this.blocks[b]!;
    const { parts, unclosed } = this.partsOf(b, span, continued);
    const words = parts.flatMap((p) =>
      this.blocks[p.block]!.tokens.filter((t) => t.from >= p.from && t.to <= p.to),
    );
    const kind = this.kindOf(info, span, words.length);
    let speaker: Speaker = null;
    if (kind === 'speech') {
      speaker = this.attribute(info, b, span);
      if (speaker) this.lastSpeaker = speaker.name;
    }
    const outer = this.make(kind, b, parts, words, speaker, unclosed, null);
    const out = [outer];
    // Quotes inside the quote: kept (a fact-checker may need them), never attributed on their own.
    for (const p of parts) {
      for (const s of this.blocks[p.block]!.spans) {
        if (s.depth === 0 || s.open < p.from || s.close > p.to) continue;
        const inner = this.blocks[p.block]!.tokens.filter((t) => t.from >= s.from && t.to <= s.to);
        if (!inner.length) continue;
        const innerKind: QuoteKind = this.kindOf(this.blocks[p.block]!, s, inner.length);
        const innerPart = {
          block: p.block,
          from: s.from,
          to: trimEnd(this.blocks[p.block]!.text, s.from, s.to),
        };
        out.push(this.make(innerKind, p.block, [innerPart], inner, null, s.openAtEnd, outer.id));
      }
    }
    return out;
  }

  private make(
    kind: QuoteKind,
    b: number,
    parts: QuotePart[],
    words: Token[],
    speaker: Speaker,
    unclosed: boolean,
    parent: string | null,
  ): Quote {
    const first = parts[0]!;
    const text = parts.map((p) => this.blocks[p.block]!.text.slice(p.from, p.to)).join('\n');
    return {
      id: `q${b}-${first.from}-${fingerprint(words)}`,
      text,
      kind,
      speaker: speaker?.name ?? null,
      block: b,
      from: first.from,
      to: first.to,
      parts,
      parent,
      attribution: speaker?.how ?? 'none',
      unclosed,
      verification: null,
    };
  }

  /** Speech, or a quoted name or term (`"تاس"`، حزب «العدالة والتنمية», a word in scare quotes). */
  private kindOf(info: BlockInfo, span: QuoteSpan, words: number): QuoteKind {
    if (words === 0) return 'naming';
    const { tokens, text } = info;
    const prevIdx = lastIndexBefore(tokens, span.open);
    const prev = prevIdx >= 0 ? tokens[prevIdx]! : undefined;
    const lead = gap(text, prev ? prev.to : 0, span.open);
    const next = tokens[firstIndexFrom(tokens, span.close)];
    const trail = next ? gap(text, span.close + 1, next.from) : '';

    const cue =
      prev !== undefined &&
      !/[:،,]/u.test(lead) &&
      (this.lex.namingCues.has(bareNoun(prev.key)) ||
        this.lex.multiWordNamingCues.some(
          (ph) =>
            prevIdx + 1 >= ph.length &&
            ph.every((k, n) => bareNoun(tokens[prevIdx + 1 - ph.length + n]!.key) === k),
        ));
    if (cue && words <= 12) return 'naming';
    if (words > this.lex.namingMaxWords) return 'speech';
    // A short quote is speech only when something says so: a colon, إن/أن, قائلاً …, or a verb after it.
    if (/:/.test(lead)) return 'speech';
    // After إن/أن or قائلاً a short quote is speech when it is the whole statement (`أكد أن «…».`), and a
    // quoted subject when the sentence goes on (`أكد أن «النصرة» أفادت …`).
    const endsClause = !next || /[.،,:;؛!?؟]/u.test(trail);
    if (prev && !/[،,.]/u.test(lead) && endsClause) {
      if (isComplementizer(this.lex, prev.key) || isParticiple(this.lex, prev.key)) return 'speech';
      if (/^(ب|و|ف)?(قوله|قولها|القول|بالقول)$/.test(prev.key)) return 'speech';
    }
    if (
      next &&
      /^[\s،,]*$/u.test(trail) &&
      isVerb(this.lex, next.key) &&
      /^[وف]?(قال|قالت|يقول|تقول|اضاف|اضافت|تابع|تابعت|ختم|ختمت)$/.test(next.key)
    ) {
      return 'speech';
    }
    return 'naming';
  }

  /** Finds the speaker of a speech quote: a reporting word before it in its clause, or a verb right after it. */
  private attribute(info: BlockInfo, b: number, span: QuoteSpan): Speaker {
    const { tokens, text } = info;
    const end = firstIndexFrom(tokens, span.open);
    const start = end > 0 ? this.clauseStart(info, end - 1) : 0;
    for (let v = end - 1; v >= start; v--) {
      const k = tokens[v]!.key;
      if (isVerb(this.lex, k) || isParticiple(this.lex, k) || isSourceWord(this.lex, k)) {
        return this.speakerForVerb(info, b, v, end);
      }
    }
    // `"…"، قال X` or `"…" بحسب X`: the reporting word right after the closing mark.
    const n = firstIndexFrom(tokens, span.close);
    if (n < tokens.length) {
      const between = gap(text, span.close + 1, tokens[n]!.from);
      const k = tokens[n]!.key;
      if (!SENTENCE_END.test(between) && (isVerb(this.lex, k) || isSourceWord(this.lex, k))) {
        const sentenceEnd = this.sentenceEnd(info, n);
        return this.speakerForVerb(info, b, n, sentenceEnd);
      }
    }
    return null;
  }

  private sentenceEnd(info: BlockInfo, i: number): number {
    const { tokens, text } = info;
    for (let j = i + 1; j < tokens.length; j++) {
      if (SENTENCE_END.test(gap(text, tokens[j - 1]!.to, tokens[j]!.from))) return j;
    }
    return tokens.length;
  }

  // ---- mentions ---------------------------------------------------------------------------------------

  /** Reporting words outside quotes: each may name who speaks next (`وذكر الوزير …`، `بحسب الوزير`). */
  private mentions(info: BlockInfo): number[] {
    const out: number[] = [];
    info.tokens.forEach((t, v) => {
      if ((isVerb(this.lex, t.key) || isSourceWord(this.lex, t.key)) && !insideQuote(info, t.from))
        out.push(v);
    });
    return out;
  }

  /** A reporting verb with its subject written makes that subject the one a later `وأضاف:` refers to. */
  private mention(b: number, v: number): void {
    const info = this.blocks[b]!;
    const end = this.sentenceEnd(info, v);
    let i = v;
    if (isSourceWord(this.lex, info.tokens[v]!.key)) {
      while (i + 1 < end && /^(ل|لما|عن|ما)$/.test(info.tokens[i + 1]!.key)) i++;
    }
    const name = this.speakerOf(info, b, this.subjectAfter(info, i, end));
    if (name) this.lastSpeaker = name;
  }

  // ---- claims ------------------------------------------------------------------------------------------

  /** Reporting verbs and participles that open an indirect statement (قال X إن …) rather than a quote. */
  private claimVerbs(info: BlockInfo): number[] {
    const out: number[] = [];
    for (let v = 0; v < info.tokens.length; v++) {
      const k = info.tokens[v]!.key;
      if (!isVerb(this.lex, k) && !isParticiple(this.lex, k)) continue;
      if (insideQuote(info, info.tokens[v]!.from)) continue;
      if (this.complementizerAfter(info, v) !== null) out.push(v);
    }
    return out;
  }

  /** The complementizer that a reporting verb at `v` governs, when no quote opens right after it. */
  private complementizerAfter(info: BlockInfo, v: number): number | null {
    const { tokens, text } = info;
    const limit = Math.min(tokens.length, v + 1 + MAX_VERB_TO_COMPLEMENTIZER);
    for (let i = v + 1; i < limit; i++) {
      const g = gap(text, tokens[i - 1]!.to, tokens[i]!.from);
      if (SENTENCE_END.test(g) || /[«»"“”„]/u.test(g)) return null;
      const k = tokens[i]!.key;
      if (i > v + 1 && (isVerb(this.lex, k) || isParticiple(this.lex, k))) return null;
      if (isComplementizer(this.lex, k)) {
        const next = tokens[i + 1];
        if (!next) return null;
        // `أن "…"`: the quote itself is the statement, already listed as speech.
        if (/[«"“„”]/u.test(gap(text, tokens[i]!.to, next.from))) return null;
        return i;
      }
    }
    return null;
  }

  private claim(b: number, v: number): Quote | null {
    const info = this.blocks[b]!;
    const { tokens, text } = info;
    const c = this.complementizerAfter(info, v);
    if (c === null) return null;
    const first = c + 1;
    let last = first;
    for (let i = first + 1; i < tokens.length; i++) {
      const g = gap(text, tokens[i - 1]!.to, tokens[i]!.from);
      if (SENTENCE_END.test(g) || /[«"“„]/u.test(g)) break;
      // `يذكر أن كيندال حذرت من أن …`: the statement is the inner one.
      if (isVerb(this.lex, tokens[i]!.key) && this.complementizerAfter(info, i) !== null) break;
      // `…، حسبما ذكرت …` / `…، وفقاً لما …`: the attribution is not part of the statement.
      // `…، وأشار X إلى أن …`: a new reporting verb starts a new statement.
      const k = tokens[i]!.key;
      if (/[،,]/u.test(g) && (isSourceWord(this.lex, k) || isVerb(this.lex, k) || isParticiple(this.lex, k)))
        break;
      last = i;
    }
    const words = tokens.slice(first, last + 1);
    if (words.length < MIN_CLAIM_WORDS) return null;
    const speaker = this.speakerForVerb(info, b, v, c);
    if (speaker) this.lastSpeaker = speaker.name;
    const part = { block: b, from: words[0]!.from, to: words[words.length - 1]!.to };
    return this.make('claim', b, [part], words, speaker, false, null);
  }
}

function wordsIn(tokens: readonly Token[], span: QuoteSpan): number {
  return firstIndexFrom(tokens, span.to) - firstIndexFrom(tokens, span.from);
}

function insideQuote(info: BlockInfo, at: number): boolean {
  return info.spans.some((s) => at >= s.from && at < s.to);
}

/** Index of the last token that ends at or before `at`, or -1. */
function lastIndexBefore(tokens: readonly Token[], at: number): number {
  let i = firstIndexFrom(tokens, at) - 1;
  while (i >= 0 && tokens[i]!.to > at) i--;
  return i;
}

/** Index of the first token that starts at or after `at` (tokens.length when none). */
function firstIndexFrom(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.from < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** End offset without trailing spaces (a quote left open runs to the paragraph's end, spaces and all). */
function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && /\s/u.test(text[e - 1]!)) e--;
  return e;
}

/**
 * Extracts the quotes and claims of an article body (`blocks` in reading order; indexes in the result are
 * indexes into it). Pure and total: any text gives a list, possibly empty.
 */
export function extractQuotes(
  blocks: readonly TextBlock[],
  lexicon: QuoteLexicon = defaultLexicon(),
): Quote[] {
  return stableQuoteIds(extractQuotesPositional(blocks, lexicon));
}

/**
 * The same quotes with positional ids (`q<block>-<from>-<words>`): what an incremental reader of a live
 * document needs, since it re-extracts a window of blocks and puts the ids together itself (then calls
 * stableQuoteIds over the whole list, as extractQuotes does).
 */
export function extractQuotesPositional(
  blocks: readonly TextBlock[],
  lexicon: QuoteLexicon = defaultLexicon(),
): Quote[] {
  const infos: BlockInfo[] = blocks.map((blk) => ({
    text: blk.text,
    tokens: tokenize(blk.text),
    spans: findQuoteSpans(blk.text),
  }));
  return new Extractor(infos, lexicon).run();
}

/**
 * Ids that depend on the quote's own words only, so a fact-checker's review stays with its quote when text
 * is edited before it or paragraphs are added above it: `q<words>`, and `q<words>.2`, `.3` … for later
 * quotes with the same words, in reading order. Editing the quote's words gives a new id — a new quote,
 * which must be checked again. Takes positional ids (see extractQuotesPositional), in reading order.
 */
export function stableQuoteIds(quotes: readonly Quote[]): Quote[] {
  const seen = new Map<string, number>();
  const ids = new Map<string, string>();
  for (const q of quotes) {
    const words = q.id.slice(q.id.lastIndexOf('-') + 1);
    const n = (seen.get(words) ?? 0) + 1;
    seen.set(words, n);
    ids.set(q.id, n === 1 ? `q${words}` : `q${words}.${n}`);
  }
  return quotes.map((q) => ({
    ...q,
    id: ids.get(q.id)!,
    parent: q.parent === null ? null : (ids.get(q.parent) ?? q.parent),
  }));
}
