// Caption rules on the seed article (its real caption: an Arabic text with a Latin credit, repeated as alt
// text) and on variants that each break one rule, with the correct form staying silent.
import { describe, expect, it } from 'vitest';
import type { ArticleContent, Figure } from '../../../src/core/article/model';
import { emptyContent } from '../../../src/core/article/model';
import { checkCaptions, type CaptionFinding } from '../../../src/core/captions';
import { structureText } from '../../../src/core/import';
import { readSeed } from '../import/sharedMaterial';

const seed = structureText(readSeed()).content;

function withFigure(
  patch: Partial<Figure>,
  body: string[] = ['نص المقال عن وزير الخارجية سيرجي لافروف.'],
): ArticleContent {
  const figure: Figure = {
    image: null,
    caption: 'وزير الخارجية الروسي سيرجي لافروف في موسكو.',
    credit: 'رويترز',
    photographer: '',
    date: '27 أغسطس 2024',
    altText: 'رجل يتحدث أمام ميكروفون',
    ...patch,
  };
  return {
    ...emptyContent(),
    headline: 'لافروف في موسكو',
    figures: [figure],
    body: body.map((text) => ({ type: 'paragraph' as const, text })),
  };
}

const ids = (fs: CaptionFinding[]): string[] => fs.map((f) => f.ruleId).sort();

describe('caption rules', () => {
  it('the seed figure carries its caption, date and credit', () => {
    expect(seed.figures).toHaveLength(1);
    const f = seed.figures[0]!;
    expect(f.caption.startsWith('وزير الخارجية الروسي سيرجي لافروف يحضر مؤتمراً صحافياً')).toBe(true);
    expect(f.date).toBe('27 أغسطس 2024');
    expect(f.credit).toBe('Reuters');
  });

  it('flags the seed’s Latin `Reuters` in an Arabic caption and suggests رويترز', () => {
    const findings = checkCaptions(seed, { agencyNames: 'arabic' });
    const latin = findings.filter((f) => f.ruleId === 'caption.agency-latin');
    expect(latin).toHaveLength(1);
    expect(latin[0]).toMatchObject({
      field: 'figures.0.credit',
      text: 'Reuters',
      from: 0,
      to: 7,
      suggestions: ['رويترز'],
      severity: 'warning',
      category: 'captions',
    });
    expect(latin[0]!.message).toContain('رويترز');
    expect(latin[0]!.messages.en).toContain('Latin script');
  });

  it('leaves Latin agency names alone when the house style keeps them', () => {
    expect(ids(checkCaptions(seed, { agencyNames: 'latin' }))).not.toContain('caption.agency-latin');
  });

  it('flags the seed’s alt text that only repeats the caption, and the person the article never mentions', () => {
    const findings = checkCaptions(seed);
    const alt = findings.find((f) => f.ruleId === 'caption.same-as-alt');
    expect(alt?.field).toBe('figures.0.altText');
    const people = findings.filter((f) => f.ruleId === 'caption.person-not-in-article');
    // لافروف is all over the article; the Yemeni minister in the photo is not.
    expect(people.map((p) => p.text)).toEqual(['شايع الزنداني']);
    expect(seed.figures[0]!.caption.slice(people[0]!.from, people[0]!.to)).toBe('شايع الزنداني');
    // The date is already in the house format, and the caption is of a normal length.
    expect(ids(findings)).not.toContain('caption.date-format');
    expect(ids(findings)).not.toContain('caption.too-long');
  });

  it('a well-formed figure is silent', () => {
    expect(checkCaptions(withFigure({}))).toEqual([]);
  });

  it('missing credit, caption and alt text', () => {
    expect(ids(checkCaptions(withFigure({ credit: '' })))).toEqual(['caption.credit-missing']);
    expect(ids(checkCaptions(withFigure({ caption: '' })))).toEqual(['caption.missing']);
    expect(ids(checkCaptions(withFigure({ altText: ' ' })))).toEqual(['caption.alt-missing']);
    expect(checkCaptions(withFigure({ altText: '' }), { requireAltText: false })).toEqual([]);
  });

  it('a credit at the end of the caption is written in the house format', () => {
    const paren = withFigure({ caption: 'وزير الخارجية الروسي سيرجي لافروف في موسكو (رويترز)', credit: '' });
    const dashStyle = checkCaptions(paren, { creditFormat: 'dash' });
    expect(ids(dashStyle)).toEqual(['caption.credit-format']);
    expect(dashStyle[0]!.text).toBe(' (رويترز)');
    expect(dashStyle[0]!.suggestions).toEqual([' - رويترز']);
    // The same caption is right for a desk that writes credits in parentheses (and the credit is present).
    expect(checkCaptions(paren, { creditFormat: 'parentheses' })).toEqual([]);
    const dash = withFigure({ caption: 'وزير الخارجية الروسي سيرجي لافروف في موسكو - Reuters', credit: '' });
    const fs = checkCaptions(dash, { creditFormat: 'parentheses' });
    expect(fs.find((f) => f.ruleId === 'caption.credit-format')?.suggestions).toEqual([' (رويترز)']);
    expect(fs.find((f) => f.ruleId === 'caption.agency-latin')?.text).toBe('Reuters');
  });

  it('a credit field holds the name alone', () => {
    const fs = checkCaptions(withFigure({ credit: '(رويترز)' }));
    expect(ids(fs)).toEqual(['caption.credit-punctuation']);
    expect(fs[0]!.suggestions).toEqual(['رويترز']);
  });

  it('dates: other formats get the house form as suggestion; what is not a date is reported', () => {
    const iso = checkCaptions(withFigure({ date: '2024-08-27' }));
    expect(iso.map((f) => [f.ruleId, f.suggestions])).toEqual([['caption.date-format', ['27 أغسطس 2024']]]);
    const syriac = checkCaptions(withFigure({ date: '27/08/2024' }), { months: 'syriac' });
    expect(syriac[0]!.suggestions).toEqual(['27 آب 2024']);
    expect(checkCaptions(withFigure({ date: '27 آب 2024' }), { months: 'syriac' })).toEqual([]);
    expect(
      checkCaptions(withFigure({ date: '27 أغسطس 2024' }), { dateFormat: 'numeric' })[0]!.suggestions,
    ).toEqual(['27/08/2024']);
    expect(ids(checkCaptions(withFigure({ date: '31 فبراير 2024' })))).toEqual(['caption.date-unreadable']);
    expect(ids(checkCaptions(withFigure({ date: 'أمس' })))).toEqual(['caption.date-unreadable']);
  });

  it('a caption repeated in the body or in another figure', () => {
    const caption = 'وزير الخارجية الروسي سيرجي لافروف في موسكو.';
    const inBody = withFigure({}, [`قال التقرير إن ${caption.slice(0, -1)} اليوم.`]);
    expect(ids(checkCaptions(inBody))).toEqual(['caption.repeated']);
    const twice = withFigure({});
    twice.figures.push({ ...twice.figures[0]!, altText: 'صورة أخرى' });
    const fs = checkCaptions(twice);
    expect(fs.map((f) => [f.ruleId, f.figure])).toEqual([['caption.repeated', 1]]);
  });

  it('an over-long caption', () => {
    const long = withFigure({ caption: `${'كلمة '.repeat(50)}سيرجي لافروف` });
    const fs = checkCaptions(long, { maxCaptionWords: 40 });
    expect(ids(fs)).toEqual(['caption.too-long']);
    expect(fs[0]!.messages.en).toContain('52 words');
    expect(checkCaptions(long, { maxCaptionWords: 60 })).toEqual([]);
  });

  it('messages follow the style’s language', () => {
    const [f] = checkCaptions(withFigure({ credit: '' }), { language: 'en' });
    expect(f!.message).toBe(f!.messages.en);
    const [g] = checkCaptions(withFigure({ credit: '' }));
    expect(g!.message).toBe(g!.messages.ar);
  });
});
