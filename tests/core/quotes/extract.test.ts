// Quote extraction on the seed article and on the sentence patterns Arabic news copy uses to report speech.
import { describe, expect, it } from 'vitest';
import { structureText } from '../../../src/core/import';
import { extractQuotes, Quote, type Quote as QuoteT } from '../../../src/core/quotes';
import { readSeed } from './shared';

const blocks = (...texts: string[]): { text: string }[] => texts.map((text) => ({ text }));
const speech = (qs: QuoteT[]): QuoteT[] => qs.filter((q) => q.kind === 'speech');

describe('the seed article', () => {
  const seed = readSeed();

  for (const [how, body] of [
    ['structured by import', structureText(seed).content.body],
    ['read line by line', blocks(...seed.split(/\r?\n/).filter((l) => l.trim()))],
  ] as const) {
    it(`yields exactly the three speech quotes with full speakers (${how})`, () => {
      const quotes = extractQuotes(body);
      const said = speech(quotes);
      expect(said.map((q) => [q.speaker, q.text.split(' ').slice(0, 3).join(' ')])).toEqual([
        ['سيرجي لافروف', 'التوقيع المرتقب على'],
        ['سيرجي لافروف', 'كما ذكرت فإن'],
        ['يوري أوشاكوف', 'تم التوصل إلى'],
      ]);
      // The second follows «وأضاف:», the third «وقال حينها»: neither names its speaker.
      expect(said.map((q) => q.attribution)).toEqual(['explicit', 'carried', 'carried']);
      const names = quotes.filter((q) => q.kind === 'naming').map((q) => q.text);
      expect(names).toEqual(['تاس', 'تاس']);
      for (const q of quotes) {
        expect(Quote.parse(q)).toEqual(q);
        expect(body[q.block]!.text.slice(q.from, q.to)).toBe(q.text);
      }
    });
  }

  it('lists the indirect statements as claims with their speakers', () => {
    const claims = extractQuotes(structureText(seed).content.body).filter((q) => q.kind === 'claim');
    const bySpeaker = claims.map((c) => [c.speaker, c.text.split(' ').slice(0, 2).join(' ')]);
    expect(bySpeaker).toContainEqual(['سيرجي لافروف', 'اتفاقية الشراكة']);
    expect(bySpeaker).toContainEqual(['فلاديمير بوتين', 'الاتفاق سيُبرم']);
    expect(bySpeaker).toContainEqual(['كاظم جلالي', 'الوثيقة ستُوقع']);
    expect(bySpeaker).toContainEqual(['يوري أوشاكوف', 'الرئيس الإيراني']);
    // The attribution after the statement (، حسبما ذكرت وكالة "تاس") is not part of it.
    const first = claims.find((c) => c.text.startsWith('اتفاقية'))!;
    expect(first.text.endsWith('في المستقبل القريب')).toBe(true);
  });

  it('gives ids that are unique and stable across runs', () => {
    const body = structureText(seed).content.body;
    const a = extractQuotes(body).map((q) => q.id);
    expect(new Set(a).size).toBe(a.length);
    expect(extractQuotes(body).map((q) => q.id)).toEqual(a);
  });

  it('keeps each id while text around the quote changes, and gives a new one when its words change', () => {
    const body = structureText(seed).content.body;
    const ids = (b: readonly { text: string }[]): Map<string, string> =>
      new Map(extractQuotes(b).map((q) => [q.text, q.id]));
    const before = ids(body);
    // A word added before the quote in its own paragraph, and a paragraph added above everything.
    const edited = [
      { text: 'فقرة جديدة في أول المقال.' },
      ...body.map((b) => ({ text: b.text.replace('وقال لافروف،', 'وقال لافروف أمس،') })),
    ];
    const after = ids(edited);
    for (const [text, id] of before) expect(after.get(text)).toBe(id);
    // A changed word inside the quote makes it another quote, to be checked again.
    const reworded = body.map((b) => ({ text: b.text.replace('التوقيع المرتقب', 'التوقيع القريب') }));
    const lavrov = [...before].find(([text]) => text.startsWith('التوقيع المرتقب'))!;
    expect([...ids(reworded).values()]).not.toContain(lavrov[1]);
  });

  it('numbers repeated quotes with the same words in reading order', () => {
    const q = extractQuotes(blocks('ذكرت وكالة "تاس" الروسية.', 'وفقاً لما أوردت "تاس".'));
    const tass = q.filter((x) => x.text === 'تاس').map((x) => x.id);
    expect(tass).toHaveLength(2);
    expect(tass[1]).toBe(`${tass[0]}.2`);
  });
});

describe('attribution', () => {
  const one = (...texts: string[]): QuoteT => {
    const s = speech(extractQuotes(blocks(...texts)));
    expect(s).toHaveLength(1);
    return s[0]!;
  };

  it('reads the verb before the speaker and the quote', () => {
    expect(one('قال وزير المالية محمد الجدعان: «الميزانية ستحقق فائضاً هذا العام»').speaker).toBe(
      'محمد الجدعان',
    );
  });

  it('reads the verb after the quote', () => {
    const q = one('«لن نتراجع عن مطالبنا مهما طال الزمن»، قال رئيس النقابة خالد العمري.');
    expect(q.speaker).toBe('خالد العمري');
    expect(q.attribution).toBe('explicit');
  });

  it('reads an aside between the speaker and إن', () => {
    expect(
      one('وقال المتحدث، خلال مؤتمر صحافي في جدة، إن "الرحلات ستستأنف الأسبوع المقبل بشكل كامل"').speaker,
    ).toBe('المتحدث');
  });

  it('reads the speaker written before the verb', () => {
    expect(one('المدرب خوسيه مورينيو قال إن "الفريق لم يكن في يومه على الإطلاق"').speaker).toBe(
      'خوسيه مورينيو',
    );
  });

  it('reads attribution phrases (بحسب، وفقاً لـ)', () => {
    expect(one('«الأسعار سترتفع في الربع المقبل بنسبة كبيرة»، بحسب المحلل فهد الشمري.').speaker).toBe(
      'فهد الشمري',
    );
  });

  it('accepts feminine and plural verbs and the ف proclitic', () => {
    expect(one('وأكدت الوزيرة سارة الأميري: «المهمة انطلقت في موعدها المحدد»').speaker).toBe('سارة الأميري');
    expect(one('فأوضح السفير ماجد القحطاني: "العلاقات بين البلدين في أفضل حالاتها"').speaker).toBe(
      'ماجد القحطاني',
    );
    expect(one('وأضاف المتظاهرون: «سنبقى هنا حتى تتحقق جميع المطالب»').speaker).toBe('المتظاهرون');
  });

  it('carries the last speaker to a verb without a subject (وأضاف، وتابع، وقال حينها)', () => {
    const qs = speech(
      extractQuotes(
        blocks(
          'وقال وزير الخارجية الأمير فيصل بن فرحان: «المملكة تدعم الحل السياسي في المنطقة»',
          'وتابع: «نعمل مع الشركاء كافة لتحقيق هذا الهدف المشترك»',
          'وقال حينها للصحافيين: «لا بديل عن الحوار بين جميع الأطراف»',
        ),
      ),
    );
    expect(qs.map((q) => [q.speaker, q.attribution])).toEqual([
      ['فيصل بن فرحان', 'explicit'],
      ['فيصل بن فرحان', 'carried'],
      ['فيصل بن فرحان', 'carried'],
    ]);
  });

  it('resolves a short name to the full name given earlier with a title', () => {
    const qs = speech(
      extractQuotes(
        blocks(
          'التقى الرئيس الفرنسي إيمانويل ماكرون نظيره المصري في باريس.',
          'وقال ماكرون: «فرنسا ستبقى شريكاً موثوقاً لمصر في كل الظروف»',
        ),
      ),
    );
    expect(qs[0]!.speaker).toBe('إيمانويل ماكرون');
  });

  it('keeps a short name when no full name came before', () => {
    expect(one('وقال ماكرون: «فرنسا ستبقى شريكاً موثوقاً لمصر»').speaker).toBe('ماكرون');
  });

  it('leaves a quote with no reporting word unattributed', () => {
    const q = one('«هذه الجملة المقتبسة لا يسبقها فعل قول ولا يتبعها»');
    expect(q.speaker).toBeNull();
    expect(q.attribution).toBe('none');
  });
});

describe('speech or naming', () => {
  const kinds = (text: string): [string, string][] =>
    extractQuotes(blocks(text))
      .filter((q) => q.kind !== 'claim')
      .map((q) => [q.text, q.kind]);

  it('reads a quoted party, newspaper or agency name as naming', () => {
    expect(kinds('فاز حزب «العدالة والتنمية» بالانتخابات، وفق ما نقلت صحيفة «حريت» التركية.')).toEqual([
      ['العدالة والتنمية', 'naming'],
      ['حريت', 'naming'],
    ]);
  });

  it('reads a short quote as speech when a colon or إن introduces it', () => {
    expect(kinds('وقال الوزير: «لا».')).toEqual([['لا', 'speech']]);
    expect(kinds('وأكد المتحدث أن «الاتفاق تاريخي».')).toEqual([['الاتفاق تاريخي', 'speech']]);
  });

  it('reads a quoted subject inside a reported clause as naming', () => {
    expect(kinds('وأكد المتحدث أن «النصرة» أفادت التنظيم في ذلك الهجوم.')).toEqual([['النصرة', 'naming']]);
  });

  it('keeps nested quotes with their parent', () => {
    const qs = extractQuotes(blocks('وقال المتحدث: «لقد نقلت وكالة "رويترز" الخبر كما هو دون تعديل»'));
    const outer = qs.find((q) => q.kind === 'speech')!;
    const inner = qs.find((q) => q.text === 'رويترز')!;
    expect(inner.kind).toBe('naming');
    expect(inner.parent).toBe(outer.id);
  });
});

describe('quotes over several paragraphs', () => {
  it('joins a paragraph left open to the next that opens the quote again', () => {
    const body = blocks(
      'وقال الأمين العام جاسم البديوي: «نحن أمام مرحلة جديدة من العمل الخليجي المشترك،',
      '«وسنعمل على تنفيذ كل القرارات في أقرب وقت ممكن».',
      'وفي شأن آخر قالت الأمانة إن الاجتماع القادم سيعقد في الرياض.',
    );
    const [q] = speech(extractQuotes(body));
    expect(q!.speaker).toBe('جاسم البديوي');
    expect(q!.parts.map((p) => p.block)).toEqual([0, 1]);
    expect(q!.unclosed).toBe(false);
    expect(q!.text).toBe(
      'نحن أمام مرحلة جديدة من العمل الخليجي المشترك،\nوسنعمل على تنفيذ كل القرارات في أقرب وقت ممكن',
    );
    for (const p of q!.parts) expect(p.to).toBeGreaterThan(p.from);
    expect(body[1]!.text.slice(q!.parts[1]!.from, q!.parts[1]!.to)).toBe(
      'وسنعمل على تنفيذ كل القرارات في أقرب وقت ممكن',
    );
  });

  it('reports a quote whose closing mark is missing', () => {
    const [q] = speech(
      extractQuotes(blocks('وقال المدير: «سننهي المشروع قبل نهاية العام الجاري', 'ثم غادر.')),
    );
    expect(q!.unclosed).toBe(true);
    expect(q!.parts).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('returns nothing for empty or quote-free text and never throws on stray marks', () => {
    expect(extractQuotes([])).toEqual([]);
    expect(extractQuotes(blocks('', '   ', 'نص بلا اقتباسات.'))).toEqual([]);
    expect(() => extractQuotes(blocks('«««', '»»»', '"', '„“”', 'قال: «', '»قال'))).not.toThrow();
  });
});
