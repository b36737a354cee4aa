// Structure detection on plain text laid out in ways other than the seed: the rules are general (a caption is
// known by its date and credit tail, a dateline by its outlets), so invented stories must import as well.
import { describe, expect, it } from 'vitest';
import { structureText } from '../../../src/core/import';

const P1 =
  'أعلنت وزارة الطاقة أمس عن خطة جديدة لخفض استهلاك الكهرباء في المباني الحكومية بنسبة عشرين في المئة خلال ثلاث سنوات.';
const P2 =
  'وقال المتحدث باسم الوزارة إن الخطة تشمل تركيب ألواح شمسية على أسطح المدارس والمستشفيات في المدن الكبرى قبل نهاية العام.';
const P3 =
  'وأشار إلى أن الوزارة ستنشر تقريراً دورياً كل ثلاثة أشهر يبين ما تحقق من أهداف الخطة وما تأخر منها ولماذا.';
const HEADLINE = 'الطاقة تطلق خطة لخفض استهلاك الكهرباء في المباني الحكومية';
const CAPTION = 'ألواح شمسية على سطح مدرسة في عمّان. 3 مارس 2025 - أ ف ب';

const codes = (r: ReturnType<typeof structureText>): string[] => r.warnings.map((w) => w.code);
const texts = (r: ReturnType<typeof structureText>): string[] => r.content.body.map((b) => b.text);

describe('figures', () => {
  it('reads a caption that appears once, with an Arabic credit', () => {
    const r = structureText([HEADLINE, '', CAPTION, 'عمّان - رويترز', '', P1, '', P2].join('\n'));
    expect(r.content.figures).toEqual([
      {
        image: null,
        caption: 'ألواح شمسية على سطح مدرسة في عمّان.',
        date: '3 مارس 2025',
        credit: 'أ ف ب',
        photographer: '',
        altText: '',
      },
    ]);
    expect(codes(r)).not.toContain('caption_repeated');
    expect(r.content.dateline).toEqual({ place: 'عمّان', sources: ['رويترز'] });
    expect(texts(r)).toEqual([P1, P2]);
  });

  it('imports a story without any photo', () => {
    const r = structureText([HEADLINE, '', P1, '', P2, '', P3].join('\n'));
    expect(r.content.figures).toEqual([]);
    expect(r.content.standfirst).toBeNull();
    expect(texts(r)).toEqual([P1, P2, P3]);
  });

  it('recognises other date forms, Arabic-Indic digits and a photographer credit', () => {
    const lines = [
      HEADLINE,
      'متظاهرون أمام مبنى البرلمان في بيروت. ١٢ نيسان ٢٠٢٣ - تصوير: حسن عمار',
      'A solar farm outside the city. August 27, 2024 - John Smith/Reuters',
      P1,
    ];
    const r = structureText(lines.join('\n'));
    expect(r.content.figures.map((f) => [f.caption, f.date, f.credit, f.photographer])).toEqual([
      ['متظاهرون أمام مبنى البرلمان في بيروت.', '١٢ نيسان ٢٠٢٣', 'حسن عمار', 'حسن عمار'],
      ['A solar farm outside the city.', 'August 27, 2024', 'Reuters', 'John Smith'],
    ]);
  });

  it('keeps an alt-text line followed by the same caption once and records the alt text', () => {
    const r = structureText(
      [HEADLINE, 'ألواح شمسية على سطح مدرسة في عمّان', CAPTION, 'عمّان - رويترز', P1, P2].join('\n'),
    );
    expect(r.content.figures).toHaveLength(1);
    expect(r.content.figures[0]!.altText).toBe('ألواح شمسية على سطح مدرسة في عمّان');
    expect(codes(r)).toContain('caption_repeated');
    expect(texts(r)).toEqual([P1, P2]);
  });

  it('keeps a caption once when the page repeats it further down', () => {
    const r = structureText([HEADLINE, CAPTION, P1, P2, CAPTION, P3].join('\n'));
    expect(r.content.figures).toHaveLength(1);
    expect(texts(r)).toEqual([P1, P2, P3]);
    expect(codes(r)).toContain('caption_repeated');
  });

  it('does not take a body sentence that mentions a date for a caption', () => {
    const sentence =
      'وقّع الطرفان الاتفاق في الرياض يوم 27 أغسطس 2024 بحضور وزراء الخارجية والدفاع من البلدين.';
    const r = structureText([HEADLINE, P1, sentence, P2].join('\n'));
    expect(r.content.figures).toEqual([]);
    expect(texts(r)).toContain(sentence);
  });
});

describe('datelines', () => {
  const cases: [string, { place: string; sources: string[] }][] = [
    ['موسكو - تاس', { place: 'موسكو', sources: ['تاس'] }],
    ['القاهرة (أ ف ب) -', { place: 'القاهرة', sources: ['أ ف ب'] }],
    ['باريس (فرانس برس)', { place: 'باريس', sources: ['أ ف ب'] }],
    ['الرياض - واس', { place: 'الرياض', sources: ['واس'] }],
    ['بيروت - «الشرق الأوسط»', { place: 'بيروت', sources: ['الشرق الأوسط'] }],
    ['London - Reuters', { place: 'London', sources: ['رويترز'] }],
    ['واشنطن - أ ب، رويترز', { place: 'واشنطن', sources: ['أ ب', 'رويترز'] }],
  ];
  for (const [line, expected] of cases) {
    it(`reads “${line}” on its own line`, () => {
      const r = structureText([HEADLINE, '', line, '', P1, '', P2].join('\n'));
      expect(r.content.dateline).toEqual(expected);
      expect(texts(r)).toEqual([P1, P2]);
      expect(codes(r)).not.toContain('dateline_glued');
    });
  }

  it('splits a dateline off the first paragraph and keeps the rest of it verbatim', () => {
    const r = structureText([HEADLINE, '', `القاهرة - رويترز - ${P1}`, '', P2].join('\n'));
    expect(r.content.dateline).toEqual({ place: 'القاهرة', sources: ['رويترز'] });
    expect(texts(r)).toEqual([P1, P2]);
    expect(codes(r)).toContain('dateline_in_paragraph');
  });

  it('reads a writer–outlet–place opening that ends in a colon', () => {
    const r = structureText([HEADLINE, `سعود الدعجاني - سبق - عسير: ${P1}`, P2].join('\n'));
    expect(r.content.dateline).toEqual({ place: 'عسير', sources: ['سبق'] });
    expect(texts(r)[0]).toBe(P1);
  });

  it('splits a dateline glued to its place too', () => {
    const r = structureText([HEADLINE, 'القاهرةرويترز', P1].join('\n'));
    expect(r.content.dateline).toEqual({ place: 'القاهرة', sources: ['رويترز'] });
    expect(codes(r)).toContain('dateline_glued');
  });

  it('leaves a paragraph alone when its opening names no outlet', () => {
    const p = 'منتزه الحبلة السياحي - الواقع جنوب شرقي مدينة أبها - مكان يقصده الزوار في الصيف من كل مكان.';
    const r = structureText([HEADLINE, p, P2].join('\n'));
    expect(r.content.dateline).toEqual({ place: '', sources: [] });
    expect(texts(r)[0]).toBe(p);
  });

  it('does not take a reporting sentence after the agency for the place', () => {
    const r = structureText([HEADLINE, `القاهرة - رويترز - قال الوزير: ${P1}`, P2].join('\n'));
    expect(r.content.dateline).toEqual({ place: 'القاهرة', sources: ['رويترز'] });
    expect(texts(r)[0]).toBe(`قال الوزير: ${P1}`);
  });
});

describe('standfirst', () => {
  const STANDFIRST = 'خطة تمتد ثلاث سنوات وتشمل المدارس والمستشفيات وتقارير فصلية عن التقدم';
  it('is the single line between the headline and the dateline', () => {
    const r = structureText([HEADLINE, '', STANDFIRST, '', 'عمّان - رويترز', '', P1, '', P2].join('\n'));
    expect(r.content.standfirst).toBe(STANDFIRST);
    expect(texts(r)).toEqual([P1, P2]);
  });

  it('is the single line between the headline and the photo', () => {
    const r = structureText([HEADLINE, STANDFIRST, CAPTION, P1, P2].join('\n'));
    expect(r.content.standfirst).toBe(STANDFIRST);
    expect(r.content.figures).toHaveLength(1);
    expect(texts(r)).toEqual([P1, P2]);
  });

  it('is the line before a paragraph that opens with a dateline', () => {
    const r = structureText([HEADLINE, STANDFIRST, `عمّان (أ ف ب) - ${P1}`, P2].join('\n'));
    expect(r.content.standfirst).toBe(STANDFIRST);
    expect(r.content.dateline).toEqual({ place: 'عمّان', sources: ['أ ف ب'] });
    expect(texts(r)).toEqual([P1, P2]);
  });

  it('is not taken from a lead paragraph that a photo follows, nor from a byline', () => {
    const lead = structureText([HEADLINE, P1, CAPTION, P2, P3].join('\n'));
    expect(lead.content.standfirst).toBeNull();
    expect(texts(lead)).toEqual([P1, P2, P3]);
    const byline = structureText([HEADLINE, 'بقلم: سارة أحمد', 'عمّان - رويترز', P1, P2].join('\n'));
    expect(byline.content.standfirst).toBeNull();
    const late = structureText(
      [HEADLINE, CAPTION, P1, 'صورة أخرى للألواح. 4 مارس 2025 - رويترز', P2].join('\n'),
    );
    expect(late.content.standfirst).toBeNull();
    expect(texts(late)).toEqual([P1, P2]);
  });

  it('is not invented when the layout has none', () => {
    expect(structureText([HEADLINE, P1, P2, P3].join('\n')).content.standfirst).toBeNull();
  });
});

describe('body blocks', () => {
  it('makes a paragraph that is one «» quotation a block quote, but not one that only contains quotes', () => {
    const quote = '«لن نتراجع عن هذه الخطة مهما كانت الصعوبات، فهي استثمار في مستقبل أبنائنا».';
    const mixed = '«لن نتراجع» قال الوزير، مضيفاً: «هذه الخطة استثمار في المستقبل».';
    const r = structureText([HEADLINE, P1, quote, mixed, P2].join('\n'));
    expect(r.content.body.map((b) => b.type)).toEqual(['paragraph', 'blockquote', 'paragraph', 'paragraph']);
    expect(r.content.body[1]!.text).toBe(quote);
  });

  it('finds sub-headings between paragraphs but not in a list of short lines', () => {
    const r = structureText(
      [HEADLINE, P1, 'ألواح على أسطح المدارس', P2, 'الرياض', 'جدة', 'الدمام', P3, 'خطوة أولى'].join('\n'),
    );
    expect(r.content.body.map((b) => [b.type, b.text.slice(0, 12)])).toEqual([
      ['paragraph', P1.slice(0, 12)],
      ['subheading', 'ألواح على أس'],
      ['paragraph', P2.slice(0, 12)],
      ['paragraph', 'الرياض'],
      ['paragraph', 'جدة'],
      ['paragraph', 'الدمام'],
      ['paragraph', P3.slice(0, 12)],
      ['paragraph', 'خطوة أولى'],
    ]);
  });
});

describe('web furniture', () => {
  it('turns tag and related sections into tags and related stories', () => {
    const r = structureText(
      [
        HEADLINE,
        P1,
        P2,
        'الكلمات المفتاحية',
        'الطاقة، الكهرباء، الطاقة الشمسية',
        'اقرأ أيضاً',
        'الأردن يوقع اتفاقية لشراء الغاز - https://example.com/news/123',
        'انخفاض أسعار الوقود في الخليج',
        'شارك',
        'فيسبوك تويتر واتساب',
      ].join('\n'),
    );
    expect(r.content.tags).toEqual(['الطاقة', 'الكهرباء', 'الطاقة الشمسية']);
    expect(r.content.related).toEqual([
      { title: 'الأردن يوقع اتفاقية لشراء الغاز', url: 'https://example.com/news/123' },
      { title: 'انخفاض أسعار الوقود في الخليج', url: null },
    ]);
    expect(texts(r)).toEqual([P1, P2]);
    expect(codes(r)).toContain('furniture_removed');
  });

  it('reads tags written on the marker line and an “اقرأ أيضا” link inside the story', () => {
    const r = structureText(
      [HEADLINE, P1, 'اقرأ أيضا: الأردن يوقع اتفاقية لشراء الغاز', P2, 'وسوم: الطاقة | المدارس'].join('\n'),
    );
    expect(texts(r)).toEqual([P1, P2]);
    expect(r.content.related).toEqual([{ title: 'الأردن يوقع اتفاقية لشراء الغاز', url: null }]);
    expect(r.content.tags).toEqual(['الطاقة', 'المدارس']);
  });

  it('reads related links written as Markdown links or hashtags in plain text', () => {
    const r = structureText(
      [
        HEADLINE,
        P1,
        P2,
        'اقرأ أيضاً',
        '- [الأردن يوقع اتفاقية](https://example.com/1)',
        'وسوم',
        '#الطاقة #الكهرباء',
      ].join('\n'),
    );
    expect(r.content.related).toEqual([{ title: 'الأردن يوقع اتفاقية', url: 'https://example.com/1' }]);
    expect(r.content.tags).toEqual(['الطاقة', 'الكهرباء']);
  });

  it('keeps a marker word that opens real paragraphs in the body', () => {
    const r = structureText([HEADLINE, P1, 'المزيد', P2, P3].join('\n'));
    expect(texts(r)).toContain(P3);
    expect(texts(r)).toContain(P2);
  });
});

describe('line endings and untouched text', () => {
  it('reads Windows and old Mac line endings like Unix ones', () => {
    const lines = [
      HEADLINE,
      '',
      CAPTION,
      CAPTION,
      'عمّان-الشرقرويترز',
      '',
      P1,
      '',
      'خطة الطاقة',
      '',
      P2,
      '',
      P3,
    ];
    const unix = structureText(lines.join('\n'));
    expect(structureText(lines.join('\r\n'))).toEqual(unix);
    expect(structureText(lines.join('\r'))).toEqual(unix);
    expect(structureText('\uFEFF' + lines.join('\r\n'))).toEqual(unix);
    expect(unix.content.body.map((b) => b.type)).toEqual([
      'paragraph',
      'subheading',
      'paragraph',
      'paragraph',
    ]);
    for (const b of unix.content.body) expect(b.text).not.toMatch(/[\r\n]/);
  });

  it('joins the lines of hard-wrapped wire copy into paragraphs, and says so', () => {
    const wrap = (p: string): string[] => p.match(/.{1,60}(\s|$)/gu)!.map((l) => l.trimEnd());
    const wire = [HEADLINE, '', 'عمّان - رويترز', '', ...wrap(P1), '', ...wrap(P2), '', ...wrap(P3)];
    const r = structureText(wire.join('\r\n'));
    expect(r.content.headline).toBe(HEADLINE);
    expect(r.content.dateline).toEqual({ place: 'عمّان', sources: ['رويترز'] });
    expect(texts(r)).toEqual([P1, P2, P3]);
    expect(codes(r)).toContain('lines_joined');
    // One paragraph per line, as scrapers write, is never joined.
    expect(codes(structureText([HEADLINE, P1, P2, P3, P1, P2].join('\n')))).not.toContain('lines_joined');
  });

  it('keeps leading, trailing and no-break spaces inside paragraphs', () => {
    const odd = ` ${P1.replace(' ', '\u00a0')}  `;
    const r = structureText([HEADLINE, odd, P2].join('\n'));
    expect(texts(r)[0]).toBe(odd);
  });

  it('reports an empty document and a headline-only document instead of failing', () => {
    expect(structureText('').warnings.map((w) => w.code)).toEqual(['empty']);
    expect(structureText(' \n\u00a0\n').content.body).toEqual([]);
    const only = structureText(HEADLINE);
    expect(only.content.headline).toBe(HEADLINE);
    expect(codes(only)).toContain('empty_body');
  });
});
