// The checker engine: runs compiled rules over one block (as the editor re-checks a changed paragraph) or a
// whole article (adding the rules that compare the article with itself), resolves overlapping findings and
// returns them in reading order.
import type { ArticleContent } from '../article/model';
import { hasArabic, stripMarks, words } from './arabicText';
import type { DocumentRaw, Raw } from './builtins';
import { compileRule, priorityOf, type Matcher } from './compile';
import type { Rule } from './ruleSchema';
import { RULE_TIME_BUDGET_MS } from './safeRegex';
import { resolveSettings, type CheckSettings, type CheckSettingsInput } from './settings';
import type { FieldName, Finding, Severity, SpellingProvider, TextUnit } from './types';

export type CheckContext = {
  settings?: CheckSettingsInput;
  /** Index in the article body; ignored when `field` is given. Default 0. */
  block?: number;
  field?: FieldName;
  spelling?: SpellingProvider;
  /**
   * Categories a document rule has found written by a convention across the article (no hamza anywhere):
   * their findings in this block are lowered to info, as a whole-article check would.
   */
  demoted?: ReadonlySet<string>;
};

export type DocumentInput = Pick<ArticleContent, 'headline' | 'body'> &
  Partial<Pick<ArticleContent, 'standfirst' | 'figures'>>;

export type CheckReport = {
  findings: Finding[];
  /** Rules set aside during this check because they ran past their time budget. */
  skipped: string[];
  /** Categories lowered to info because a document rule reported them as the article's convention. */
  demoted: string[];
};

type Passes = { unitRules: boolean; documentRules: boolean; demoted?: ReadonlySet<string> };

export type CheckerOptions = {
  /** Milliseconds since some epoch; injectable so the time box can be tested without timing. */
  clock?: () => number;
  ruleTimeBudgetMs?: number;
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const SPELLING_MESSAGE = {
  ar: 'كلمة غير موجودة في المعجم: تحقّق من كتابتها أو أضفها إلى قائمة الكلمات.',
  en: 'Word not in the dictionary: check its spelling or add it to the word list.',
};

/** The units of an article in reading order: headline, standfirst, captions, then the body. */
export function documentUnits(doc: DocumentInput): TextUnit[] {
  const units: TextUnit[] = [{ text: doc.headline, field: 'headline' }];
  if (doc.standfirst) units.push({ text: doc.standfirst, field: 'standfirst' });
  (doc.figures ?? []).forEach((f, i) => {
    if (f.caption) units.push({ text: f.caption, field: `figures.${i}.caption` });
    if (f.altText && f.altText !== f.caption) units.push({ text: f.altText, field: `figures.${i}.altText` });
  });
  doc.body.forEach((b, i) => units.push({ text: b.text, block: i }));
  return units;
}

type Candidate = Raw & { matcher: Matcher };

export class Checker {
  readonly rules: readonly Rule[];
  private readonly matchers: Matcher[];
  private readonly clock: () => number;
  private readonly budget: number;

  constructor(rules: readonly Rule[], options: CheckerOptions = {}) {
    const ids = new Set<string>();
    for (const r of rules) {
      if (ids.has(r.id)) throw new Error(`Rule ${r.id} is defined twice; rule ids must be unique.`);
      ids.add(r.id);
    }
    this.rules = rules;
    this.matchers = rules.map(compileRule);
    this.clock = options.clock ?? (() => Date.now());
    this.budget = options.ruleTimeBudgetMs ?? RULE_TIME_BUDGET_MS;
  }

  /** Whether a rule runs under these settings: per-rule override, else its default (strict turns on all). */
  isActive(rule: Rule, settings: CheckSettings): boolean {
    const override = settings.rules[rule.id];
    const on = override ?? (rule.default === 'on' || settings.strictness === 'strict');
    if (!on) return false;
    if (!rule.when) return true;
    return Object.entries(rule.when).every(([k, v]) => settings[k as keyof typeof rule.when] === v);
  }

  /** One block (or field) on its own: every rule except those that compare the whole article. */
  checkBlock(text: string, ctx: CheckContext = {}): Finding[] {
    const settings = resolveSettings(ctx.settings);
    const unit: TextUnit = ctx.field ? { text, field: ctx.field } : { text, block: ctx.block ?? 0 };
    const passes = { unitRules: true, documentRules: false, demoted: ctx.demoted };
    return this.run([unit], settings, ctx.spelling, passes).findings;
  }

  /**
   * Only the rules that compare the article with itself (one spelling per name, one digit system, quotation
   * marks left open across paragraphs …), for an editor that checks its blocks one at a time and adds these
   * when the author pauses. `demoted` tells the block checks which categories to lower to info.
   */
  checkDocumentRules(units: readonly TextUnit[], settings: CheckSettingsInput = {}): CheckReport {
    return this.run(units, resolveSettings(settings), undefined, { unitRules: false, documentRules: true });
  }

  /** A whole article: every block and field, plus the document rules (one spelling per name …). */
  checkDocument(
    doc: DocumentInput | readonly TextUnit[],
    settings: CheckSettingsInput = {},
    spelling?: SpellingProvider,
  ): Finding[] {
    return this.checkDocumentReport(doc, settings, spelling).findings;
  }

  checkDocumentReport(
    doc: DocumentInput | readonly TextUnit[],
    settings: CheckSettingsInput = {},
    spelling?: SpellingProvider,
  ): CheckReport {
    const units = Array.isArray(doc) ? (doc as readonly TextUnit[]) : documentUnits(doc as DocumentInput);
    return this.run(units, resolveSettings(settings), spelling, { unitRules: true, documentRules: true });
  }

  private run(
    units: readonly TextUnit[],
    settings: CheckSettings,
    spelling: SpellingProvider | undefined,
    passes: Passes,
  ): CheckReport {
    const spent = new Map<string, number>();
    const skipped: string[] = [];
    const perUnit: Candidate[][] = units.map(() => []);
    const timed = <T>(m: Matcher, f: () => T): T | null => {
      const id = m.rule.id;
      if (skipped.includes(id)) return null;
      const start = this.clock();
      const result = f();
      const total = (spent.get(id) ?? 0) + (this.clock() - start);
      spent.set(id, total);
      if (total > this.budget) skipped.push(id);
      return result;
    };
    const active = this.matchers.filter((m) => this.isActive(m.rule, settings));
    // Units outer, rules inner: each unit's text is prepared once (marks stripped) for every rule's quick
    // pre-check.
    units.forEach((u, i) => {
      if (!passes.unitRules) return;
      const env = { settings, bare: stripMarks(u.text) };
      for (const m of active) {
        if (m.scope !== 'unit' || !inScope(m.rule, u)) continue;
        const raws = timed(m, () => m.run(u.text, env));
        for (const r of raws ?? []) perUnit[i]!.push({ ...r, matcher: m });
      }
    });
    if (passes.documentRules) {
      for (const m of active) {
        if (m.scope !== 'document') continue;
        const scoped = units.map((u) => (inScope(m.rule, u) ? u.text : ''));
        const raws: DocumentRaw[] = timed(m, () => m.run(scoped, { settings })) ?? [];
        for (const r of raws) perUnit[r.unit]?.push({ ...r, matcher: m });
      }
    }
    // A document rule that reports a systematic convention (e.g. no hamza on alef anywhere) lowers the
    // per-word findings of that category to info: one warning for the article, every instance still shown.
    const demoted = new Set<string>(passes.demoted);
    for (const cands of perUnit) {
      for (const c of cands) {
        const r = c.matcher.rule;
        const category = conventionCategory(r);
        if (category !== null) demoted.add(category);
      }
    }
    const findings: Finding[] = [];
    units.forEach((u, i) => {
      const kept = resolveOverlaps(perUnit[i]!);
      for (const c of kept) {
        const f = this.toFinding(c, u, settings);
        const r = c.matcher.rule;
        const reporter = r.kind === 'builtin' && r.options.demoteCategory === f.category;
        if (demoted.has(f.category) && !reporter) f.severity = 'info';
        findings.push(f);
      }
      if (spelling) findings.push(...spellingFindings(u, kept, spelling, settings));
    });
    return { findings: sortFindings(findings, units), skipped, demoted: [...demoted] };
  }

  private toFinding(c: Candidate, u: TextUnit, settings: CheckSettings): Finding {
    const r = c.matcher.rule;
    return {
      ruleId: r.id,
      category: r.category,
      severity: r.severity,
      message: r.message[settings.language],
      ...location(u),
      from: c.from,
      to: c.to,
      text: u.text.slice(c.from, c.to),
      suggestions: [...new Set(c.suggestions)].filter((s) => s !== u.text.slice(c.from, c.to)),
    };
  }
}

/**
 * A rule that reports a convention across the article (no hamza anywhere): its finding marks a place, not an
 * edit, so it never competes with the findings under it, and it lowers its category to info.
 */
export function marksConvention(rule: Rule): boolean {
  return conventionCategory(rule) !== null;
}

/** The category a convention rule lowers to info, or null for any other rule. */
function conventionCategory(rule: Rule): string | null {
  return rule.kind === 'builtin' && typeof rule.options.demoteCategory === 'string'
    ? rule.options.demoteCategory
    : null;
}

function location(u: TextUnit): Pick<Finding, 'block' | 'field'> {
  return u.field !== undefined ? { field: u.field } : { block: u.block ?? 0 };
}

function inScope(rule: Rule, u: TextUnit): boolean {
  if (rule.scope === 'all') return true;
  if (rule.scope === 'headline') return u.field === 'headline';
  return u.field === undefined;
}

/**
 * No two findings of one text overlap: the editor could not apply both. The stronger claim wins — higher
 * priority (a context rule over a bare word list), then severity, then the longer span.
 */
function resolveOverlaps(cands: Candidate[]): Candidate[] {
  // A finding that reports a convention across the article marks a place, not an edit: it never competes.
  const marker = (c: Candidate): boolean => marksConvention(c.matcher.rule);
  const ranked = [...cands]
    .filter((c) => !marker(c))
    .sort(
      (a, b) =>
        priorityOf(b.matcher.rule) - priorityOf(a.matcher.rule) ||
        SEVERITY_RANK[a.matcher.rule.severity] - SEVERITY_RANK[b.matcher.rule.severity] ||
        b.to - b.from - (a.to - a.from) ||
        a.from - b.from,
    );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (c.to <= c.from) continue;
    if (kept.some((k) => c.from < k.to && k.from < c.to)) continue;
    kept.push(c);
  }
  kept.push(...cands.filter(marker));
  return kept.sort((a, b) => a.from - b.from || a.to - b.to);
}

function sortFindings(findings: Finding[], units: readonly TextUnit[]): Finding[] {
  const rank = (f: Finding): number =>
    units.findIndex((u) =>
      f.field !== undefined ? u.field === f.field : u.field === undefined && u.block === f.block,
    );
  const indexed = findings.map((f) => ({ f, r: rank(f) }));
  indexed.sort((a, b) => a.r - b.r || a.f.from - b.f.from || a.f.to - b.f.to);
  return indexed.map((x) => x.f);
}

function spellingFindings(
  u: TextUnit,
  kept: readonly Raw[],
  spelling: SpellingProvider,
  settings: CheckSettings,
): Finding[] {
  const out: Finding[] = [];
  for (const w of words(u.text)) {
    if (!hasArabic(w.bare) || /\p{N}/u.test(w.word)) continue;
    if (kept.some((k) => w.from < k.to && k.from < w.to)) continue;
    if (spelling.isCorrect(w.word)) continue;
    out.push({
      ruleId: 'spelling.unknown',
      category: 'spelling',
      severity: 'warning',
      message: SPELLING_MESSAGE[settings.language],
      ...location(u),
      from: w.from,
      to: w.to,
      text: w.word,
      suggestions: spelling.suggest(w.word),
    });
  }
  return out;
}
