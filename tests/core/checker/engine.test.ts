// The engine's contracts: Arabic-aware boundaries and clitics, overlap resolution and order, fields,
// languages, settings, the safety of pattern rules, the spelling provider hook and rule-set validation.
import { describe, expect, it } from 'vitest';
import {
  Checker,
  RuleSetError,
  UnsafePatternError,
  checkBlock,
  checkDocument,
  parseRuleFiles,
  unsafeReason,
  type SpellingProvider,
} from '../../../src/core/checker';
import { Rule } from '../../../src/core/checker/ruleSchema';
import { MAX_PATTERN_INPUT } from '../../../src/core/checker/safeRegex';

const base = {
  category: 'hamza',
  severity: 'error',
  default: 'on',
  message: { ar: 'رسالة', en: 'message' },
  examples: [{ incorrect: 'x', expected: 'y' }, { correct: 'z' }],
} as const;

const make = (r: Record<string, unknown>): Rule => Rule.parse({ ...base, ...r });

const fix = (text: string, findings: { from: number; to: number; suggestions: string[] }[]): string =>
  [...findings]
    .sort((a, b) => b.from - a.from)
    .reduce((t, f) => t.slice(0, f.from) + (f.suggestions[0] ?? t.slice(f.from, f.to)) + t.slice(f.to), text);

describe('word rules', () => {
  const ila = new Checker([
    make({ id: 'test.ila', kind: 'words', words: { الى: ['إلى'] }, clitics: 'conj' }),
  ]);
  const region = new Checker([
    make({
      id: 'test.region',
      kind: 'words',
      words: { منطقه: ['منطقة'] },
      clitics: 'all',
      article: 'required',
    }),
  ]);

  it('keeps the proclitics in the suggestion', () => {
    const text = 'ذهب الى الرياض والى جدة فالى مكة.';
    expect(fix(text, ila.checkBlock(text))).toBe('ذهب إلى الرياض وإلى جدة فإلى مكة.');
  });

  it('uses Arabic letters as boundaries, not \\b', () => {
    expect(ila.checkBlock('قال تعالى في كتابه، والىها.')).toEqual([]);
    expect(ila.checkBlock('(الى) «الى»').map((f) => f.text)).toEqual(['الى', 'الى']);
  });

  it('keeps the article and its prepositions: بالمنطقه → بالمنطقة, للمنطقه → للمنطقة', () => {
    const text = 'في المنطقه وبالمنطقه وللمنطقه، وعرض منطقه.';
    expect(fix(text, region.checkBlock(text))).toBe('في المنطقة وبالمنطقة وللمنطقة، وعرض منطقه.');
  });

  it('matches a word written with diacritics and keeps a final shadda', () => {
    const anna = new Checker([make({ id: 'test.an', kind: 'words', words: { ان: ['أن'] } })]);
    const [f] = anna.checkBlock('يجب انّ نعود');
    expect(f?.text).toBe('انّ');
    expect(f?.suggestions).toEqual(['أنّ']);
  });
});

describe('the shipped rule set', () => {
  it('lets the context rule win over the bare hamza rule on the same word', () => {
    const findings = checkBlock('وقال الوزير ان الاتفاق قريب.');
    expect(findings.map((f) => [f.ruleId, f.text, f.suggestions])).toEqual([
      ['grammar.inna-after-qala', 'ان', ['إن']],
    ]);
  });

  it('offers both readings of a bare ان where no context decides', () => {
    const [f] = checkBlock('ويرى مراقبون ان الاتفاق قريب.');
    expect(f?.ruleId).toBe('hamza.an');
    expect(f?.severity).toBe('warning');
    expect(f?.suggestions).toEqual(['أن', 'إن']);
  });

  it('returns findings in order, never overlapping, each with its own text', () => {
    const text = ' وقال الوزير ان  الوفد وصل الى الرياض في في الصباح ,وعقد اجتماعاً "مهماً» .\u00a0';
    const findings = checkBlock(text, { block: 3 });
    expect(findings.length).toBeGreaterThan(6);
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      expect(f.block).toBe(3);
      expect(f.text).toBe(text.slice(f.from, f.to));
      if (i > 0) expect(f.from).toBeGreaterThanOrEqual(findings[i - 1]!.to);
    }
  });

  it('writes messages in the requested language, Arabic by default', () => {
    const [ar] = checkBlock('ذهب الى الرياض');
    const [en] = checkBlock('ذهب الى الرياض', { settings: { language: 'en' } });
    expect(ar?.message).toMatch(/[\u0600-\u06FF]/u);
    expect(en?.message).toMatch(/preposition/);
  });

  it('reports the headline and captions by field, the body by block index', () => {
    const findings = checkDocument({
      headline: 'الوزير يصل الى الرياض',
      figures: [
        {
          image: null,
          caption: 'الوزير لدى وصوله الى المطار',
          credit: '',
          photographer: '',
          date: '',
          altText: '',
        },
      ],
      body: [
        { type: 'paragraph', text: 'وصل الوزير.' },
        { type: 'paragraph', text: 'ثم انتقل الى جدة.' },
      ],
    });
    expect(findings.map((f) => [f.field ?? f.block, f.text])).toEqual([
      ['headline', 'الى'],
      ['figures.0.caption', 'الى'],
      [1, 'الى'],
    ]);
    expect(findings[0]).not.toHaveProperty('block');
  });

  it('runs document rules only on a whole document', () => {
    const units = [
      { text: 'قُتل 12 شخصاً.', block: 0 },
      { text: 'وأصيب ٣٠ آخرون.', block: 1 },
    ];
    expect(checkBlock(units[1]!.text, { block: 1 })).toEqual([]);
    const [f] = checkDocument(units);
    expect([f?.ruleId, f?.block, f?.suggestions]).toEqual(['numbers.consistency', 1, ['30']]);
  });

  it('demotes per-word hamza findings when a whole article is written without hamza', () => {
    const paragraph = 'قال الوزير ان الوفد وصل الى الرياض امس، واكد ان الاجتماع الاول سيكون اكثر اهمية.';
    const findings = checkDocument([0, 1, 2].map((block) => ({ text: paragraph, block })));
    const hamza = findings.filter((f) => f.category === 'hamza');
    expect(hamza.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toEqual(['hamza.convention']);
    expect(hamza.length).toBeGreaterThan(10);
    // A single slip in a hamzated article stays an error.
    const one = checkDocument([{ text: 'أكد الوزير أن الوفد وصل الى الرياض أمس.', block: 0 }]);
    expect(one.map((f) => [f.ruleId, f.severity])).toEqual([['hamza.ila', 'error']]);
  });
});

describe('settings', () => {
  it('turns rules on and off by id, and strict mode turns on the opt-in rules', () => {
    const text = 'هذا قرار هام.';
    expect(checkBlock(text)).toEqual([]);
    expect(checkBlock(text, { settings: { strictness: 'strict' } }).map((f) => f.ruleId)).toEqual([
      'style.hamm',
    ]);
    expect(
      checkBlock(text, { settings: { rules: { 'style.hamm': true } } }).map((f) => f.suggestions),
    ).toEqual([['مهم']]);
    expect(checkBlock('ذهب الى الرياض', { settings: { rules: { 'hamza.ila': false } } })).toEqual([]);
  });

  it('applies the house choices only when chosen', () => {
    const text = 'قال إن "الاتفاق قريب".';
    expect(checkBlock(text)).toEqual([]);
    const fixed = fix(text, checkBlock(text, { settings: { quotes: 'guillemets' } }));
    expect(fixed).toBe('قال إن «الاتفاق قريب».');
    expect(checkBlock('بحسب Reuters.', { settings: { agencyNames: 'latin' } })).toEqual([]);
    expect(checkBlock('بحسب Reuters.').map((f) => f.suggestions)).toEqual([['رويترز']]);
  });

  it('refuses a bad setting with a message naming it', () => {
    expect(() => checkBlock('نص', { settings: { digits: 'roman' as never } })).toThrow(/digits/);
  });
});

describe('pattern safety', () => {
  it.each([
    ['(a+)+b', 'nested quantifier'],
    ['(\\p{L}*)*x', 'nested quantifier'],
    ['(a|ab)*c', 'quantified alternation'],
    ['(\\w)\\1', 'backreference'],
    ['(?<w>a)\\k<w>', 'backreference'],
    ['a{1,5000}', 'counted repeat above 100'],
  ])('refuses %s (%s)', (pattern, reason) => {
    expect(unsafeReason(pattern)).toBe(reason);
    expect(() => new Checker([make({ id: 'test.bad', kind: 'pattern', pattern, replace: [] })])).toThrow(
      UnsafePatternError,
    );
  });

  it.each(['{<}([\\u0621-\\u064A]+)ىء{>}', '(?<![.])\\.\\s*$', '[«(]\\s+', 'a{2,5}(?:b|c)'])(
    'accepts %s',
    (p) => {
      expect(unsafeReason(p.replace(/\{[<>]\}/g, ''))).toBeNull();
    },
  );

  it('reads a block longer than the length box in windows, finding each match once', () => {
    const checker = new Checker([make({ id: 'test.x', kind: 'pattern', pattern: 'xyz', replace: ['x'] })]);
    const text = 'xyz ' + 'ا'.repeat(MAX_PATTERN_INPUT * 2) + ' xyz ' + 'ب'.repeat(700) + ' xyz';
    expect(checker.checkBlock(text).map((f) => f.from)).toEqual([
      0,
      text.indexOf(' xyz ') + 1,
      text.length - 3,
    ]);
  });

  it('sets aside a rule that runs past its time budget for the rest of the check', () => {
    let now = 0;
    const checker = new Checker(
      [
        make({ id: 'test.slow', kind: 'words', words: { الى: ['إلى'] } }),
        make({ id: 'test.fast', kind: 'words', words: { اذا: ['إذا'] } }),
      ],
      { clock: () => (now += 60), ruleTimeBudgetMs: 50 },
    );
    const units = [0, 1, 2, 3].map((block) => ({ text: 'الى اذا', block }));
    const report = checker.checkDocumentReport(units);
    expect(report.skipped).toEqual(['test.slow', 'test.fast']);
    // A run cannot be interrupted; each rule ran on the first unit, went over its budget there, and was
    // not run again.
    expect(report.findings.map((f) => [f.ruleId, f.block])).toEqual([
      ['test.slow', 0],
      ['test.fast', 0],
    ]);
  });
});

describe('spelling provider', () => {
  it('flags unknown words through the provider, leaving words other rules already flagged', () => {
    const known = new Set(['ذهب', 'الوزير', 'إلى']);
    const provider: SpellingProvider = {
      isCorrect: (w) => known.has(w),
      suggest: (w) => (w === 'الرياظ' ? ['الرياض'] : []),
    };
    const checker = new Checker([make({ id: 'test.ila', kind: 'words', words: { الى: ['إلى'] } })]);
    const report = checker.checkDocumentReport(
      [{ text: 'ذهب الوزير الى الرياظ 2024', block: 0 }],
      {},
      provider,
    );
    expect(report.findings.map((f) => [f.ruleId, f.text, f.suggestions])).toEqual([
      ['test.ila', 'الى', ['إلى']],
      ['spelling.unknown', 'الرياظ', ['الرياض']],
    ]);
  });
});

describe('rule files', () => {
  it('names the file, the rule and the field of a bad rule', () => {
    const bad = { rules: [{ ...base, id: 'test.broken', kind: 'words', words: {}, severity: 'fatal' }] };
    expect(() => parseRuleFiles({ 'broken.json': bad })).toThrow(RuleSetError);
    expect(() => parseRuleFiles({ 'broken.json': bad })).toThrow(
      /broken\.json: rule test\.broken rules\.0\.severity/,
    );
  });

  it('refuses two rules with one id', () => {
    const r = make({ id: 'test.twice', kind: 'words', words: { الى: ['إلى'] } });
    expect(() => new Checker([r, r])).toThrow(/test\.twice is defined twice/);
  });
});
