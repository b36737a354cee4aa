// The general rules on their own: caption tails, datelines and openings, glued outlet names. Each case is a
// layout seen in Arabic newsrooms; the negative cases are ordinary text that must stay text.
import { describe, expect, it } from 'vitest';
import { parseCaptionLine } from '../../../src/core/import/caption';
import { parseDateline, splitOpeningDateline } from '../../../src/core/import/dateline';
import { lookupOutlet, splitGluedOutlets } from '../../../src/core/import/outlets';

describe('parseCaptionLine', () => {
  const cases: [string, { caption: string; date: string; credit: string; photographer: string }][] = [
    [
      'متظاهرون في ساحة التحرير بالقاهرة. 27 أغسطس 2024 (رويترز)',
      {
        caption: 'متظاهرون في ساحة التحرير بالقاهرة.',
        date: '27 أغسطس 2024',
        credit: 'رويترز',
        photographer: '',
      },
    ],
    [
      'متظاهرون في ساحة التحرير بالقاهرة، 27/08/2024 - أ ف ب',
      { caption: 'متظاهرون في ساحة التحرير بالقاهرة', date: '27/08/2024', credit: 'أ ف ب', photographer: '' },
    ],
    [
      'متظاهرون في ساحة التحرير بالقاهرة | 2024-08-27 | AFP',
      { caption: 'متظاهرون في ساحة التحرير بالقاهرة', date: '2024-08-27', credit: 'AFP', photographer: '' },
    ],
    [
      'الرئيس يتحدث في المؤتمر. 27 أغسطس 2024 - تصوير: محمد علي/رويترز',
      {
        caption: 'الرئيس يتحدث في المؤتمر.',
        date: '27 أغسطس 2024',
        credit: 'رويترز',
        photographer: 'محمد علي',
      },
    ],
    [
      'The president speaks. Aug 27, 2024 - AP Photo/Jane Doe',
      { caption: 'The president speaks.', date: 'Aug 27, 2024', credit: 'AP', photographer: 'Jane Doe' },
    ],
    [
      'حجاج على جبل عرفات. 15 ذو الحجة 1445 - واس',
      { caption: 'حجاج على جبل عرفات.', date: '15 ذو الحجة 1445', credit: 'واس', photographer: '' },
    ],
  ];
  for (const [line, expected] of cases) {
    it(`reads “${line.slice(0, 40)}…”`, () => {
      expect(parseCaptionLine(line)).toEqual(expected);
    });
  }

  it('accepts a credit without date only where a photo is expected, and only a known credit', () => {
    const line = 'متظاهرون في ساحة التحرير بالقاهرة. (أ ف ب)';
    expect(parseCaptionLine(line)).toBeNull();
    expect(parseCaptionLine(line, { creditOnly: true })?.credit).toBe('أ ف ب');
    expect(parseCaptionLine('قال إنه سيعود قريباً إلى بلاده. (الرئيس)', { creditOnly: true })).toBeNull();
  });

  it('leaves sentences that merely contain a date alone', () => {
    for (const line of [
      'وقّع الطرفان الاتفاق في 27 أغسطس 2024 - رويترز',
      'تنطلق البطولة في 27 أغسطس 2024 وتستمر حتى نهاية الشهر.',
      '27 أغسطس 2024 - Reuters',
      'أعلنت الشركة نتائجها. 27 أغسطس 2024 - وقالت إن الأرباح ارتفعت بنسبة كبيرة خلال الربع الثاني من العام.',
    ]) {
      expect(parseCaptionLine(line, { creditOnly: true })).toBeNull();
    }
  });
});

describe('datelines', () => {
  const lines: [string, { place: string; sources: string[]; glued: boolean } | null][] = [
    ['دمشق – سانا', { place: 'دمشق', sources: ['سانا'], glued: false }],
    ['غزة ـ «القدس العربي»', { place: 'غزة', sources: ['القدس العربي'], glued: false }],
    ['نيويورك/ سي إن إن', { place: 'نيويورك', sources: ['سي إن إن'], glued: false }],
    ['نيويورك - CNN', { place: 'نيويورك', sources: ['سي إن إن'], glued: false }],
    ['لندن - BBC', { place: 'لندن', sources: ['بي بي سي'], glued: false }],
    ['دبي - سكاي نيوز عربية', { place: 'دبي', sources: ['سكاي نيوز عربية'], glued: false }],
    ['أنقرة - الأناضول', { place: 'أنقرة', sources: ['الأناضول'], glued: false }],
    ['بكين - شينخوا', { place: 'بكين', sources: ['شينخوا'], glued: false }],
    ['موسكو - سبوتنيك', { place: 'موسكو', sources: ['سبوتنيك'], glued: false }],
    ['الكويت - كونا', { place: 'الكويت', sources: ['كونا'], glued: false }],
    ['الدوحة - قنا', { place: 'الدوحة', sources: ['قنا'], glued: false }],
    ['المنامة - بنا', { place: 'المنامة', sources: ['بنا'], glued: false }],
    ['أبوظبي - وام', { place: 'أبوظبي', sources: ['وام'], glued: false }],
    ['برلين - د ب أ', { place: 'برلين', sources: ['د ب أ'], glued: false }],
    ['واشنطن - أسوشيتد برس', { place: 'واشنطن', sources: ['أ ب'], glued: false }],
    ['دبي-الشرقرويترز', { place: 'دبي', sources: ['الشرق', 'رويترز'], glued: true }],
    ['بيروت-الشرقالأوسطأ ف ب', { place: 'بيروت', sources: ['الشرق الأوسط', 'أ ف ب'], glued: true }],
    ['القاهرةرويترز', { place: 'القاهرة', sources: ['رويترز'], glued: true }],
    ['مراسل رويترز', null],
    ['الرياض-الشرق الأوسطرويترز', { place: 'الرياض', sources: ['الشرق الأوسط', 'رويترز'], glued: true }],
    ['السعودية - مصر', null],
    ['الهلال - النصر', null],
    ['كرة القدم', null],
    ['الرياض -', null],
    ['قال الوزير - رويترز', null],
    ['موسكو - تاس.', null],
  ];
  for (const [line, expected] of lines) {
    it(`reads “${line}”`, () => {
      expect(parseDateline(line)).toEqual(expected);
    });
  }

  it('splits an opening dateline and keeps the rest verbatim', () => {
    expect(splitOpeningDateline('غزة (رويترز) - قالت وزارة الصحة إن  الحصيلة ارتفعت.')).toEqual({
      dateline: { place: 'غزة', sources: ['رويترز'], glued: false },
      rest: 'قالت وزارة الصحة إن  الحصيلة ارتفعت.',
    });
    expect(splitOpeningDateline('واشنطن - قال الرئيس الأمريكي إن بلاده ستدعم الاتفاق.')).toBeNull();
    expect(splitOpeningDateline('الرياض - واس أعلنت وزارة الصحة عن حالات جديدة.')).toBeNull();
  });
});

describe('outlet names', () => {
  it('finds an outlet by any of its forms', () => {
    for (const form of ['فرانس برس', 'AFP', 'أ.ف.ب', 'ا ف ب', '(أ ف ب)', 'وكالة رويترز', '«الشرق الأوسط»']) {
      expect(lookupOutlet(form), form).not.toBeNull();
    }
    expect(lookupOutlet('الوزير')).toBeNull();
  });

  it('splits glued names trying the longest name first and backtracking', () => {
    expect(splitGluedOutlets('الشرقالأوسطرويترز')?.map((o) => o.name)).toEqual(['الشرق الأوسط', 'رويترز']);
    expect(splitGluedOutlets('رويترزواس')?.map((o) => o.name)).toEqual(['رويترز', 'واس']);
    expect(splitGluedOutlets('رويترزفلان')).toBeNull();
  });
});
