// Diffs of two revisions of an article: every field an editor changes shows up as the right kind of block,
// paragraphs are matched before words, and applying the diff rebuilds the new revision.
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/core/article/model';
import { applyArticleDiff, diffArticles, type BlockDiff } from '../../../src/core/diff';
import { AppError } from '../../../src/core/ipc/contract';

const base: ArticleContent = {
  headline: 'لافروف: ان موسكو مستعدة للحوار',
  standfirst: null,
  dateline: { place: 'دبي', sources: ['الشرق', 'رويترز'] },
  figures: [
    {
      image: null,
      caption: 'وزير الخارجية الروسي خلال مؤتمر صحفي',
      credit: 'Reuters',
      photographer: '',
      date: '2015-07-23',
      altText: '',
    },
  ],
  body: [
    { type: 'paragraph', text: 'قال وزير الخارجية الروسي إن بلاده مستعدة للحوار مع واشنطن.' },
    { type: 'subheading', text: 'اجتماع مرتقب' },
    { type: 'paragraph', text: 'وأضاف أن الاجتماع سيعقد الشهر المقبل في جنيف.' },
    { type: 'paragraph', text: 'ونقلت وكالة "تاس" عن مسؤول قوله إن الموعد لم يحدد بعد.' },
  ],
  tags: ['روسيا'],
  related: [{ title: 'قمة مرتقبة', url: 'https://example.com/a' }],
};

const revise = (f: (c: ArticleContent) => void): ArticleContent => {
  const c = structuredClone(base);
  f(c);
  return c;
};
const notEqual = (blocks: BlockDiff[]): BlockDiff[] => blocks.filter((b) => b.op !== 'equal');

describe('diffArticles', () => {
  it('finds nothing to show between a revision and itself', () => {
    const d = diffArticles(base, structuredClone(base));
    expect(notEqual(d.blocks)).toEqual([]);
    expect(d.summary).toEqual({ wordsAdded: 0, wordsRemoved: 0, wordsChanged: 0 });
    expect(d.blocks.filter((b) => b.field === 'body')).toHaveLength(4);
  });

  it('compares the headline, the caption and the dateline as well as the body', () => {
    const b = revise((c) => {
      c.headline = 'لافروف: إن موسكو مستعدة للحوار';
      c.figures[0]!.caption = 'وزير الخارجية الروسي سيرغي لافروف خلال مؤتمر صحفي';
      c.figures[0]!.credit = 'رويترز';
      c.dateline.sources = ['رويترز'];
    });
    const d = diffArticles(base, b);
    const changed = notEqual(d.blocks);
    expect(changed.map((x) => `${x.op} ${x.field}`)).toEqual([
      'changed headline',
      'changed figure.caption',
      'delete figure.credit',
      'insert figure.credit',
      'delete dateline.source',
    ]);
    const headline = changed[0] as Extract<BlockDiff, { op: 'changed' }>;
    expect(headline.words.filter((w) => w.op !== 'equal')).toMatchObject([
      { op: 'delete', text: 'ان' },
      {
        op: 'insert',
        text: 'إن',
        chars: [
          { op: 'delete', text: 'ا' },
          { op: 'insert', text: 'إ' },
          { op: 'equal', text: 'ن' },
        ],
      },
    ]);
    expect(d.summary).toEqual({ wordsAdded: 3, wordsRemoved: 2, wordsChanged: 1 });
    expect(applyArticleDiff(base, d)).toEqual(b);
  });

  it('matches paragraphs first: an inserted paragraph is one insert, not a cascade of word changes', () => {
    const b = revise((c) => {
      c.body.splice(1, 0, { type: 'paragraph', text: 'وتأتي التصريحات بعد أسبوع من التوتر.' });
      c.body[3]!.text = 'وأضاف أن الاجتماع سيعقد الشهر المقبل في فيينا.';
    });
    const d = diffArticles(base, b);
    expect(notEqual(d.blocks)).toMatchObject([
      { op: 'insert', field: 'body', b: 1, text: 'وتأتي التصريحات بعد أسبوع من التوتر.' },
      {
        op: 'changed',
        field: 'body',
        a: 2,
        b: 3,
        words: [
          { op: 'equal', text: 'وأضاف أن الاجتماع سيعقد الشهر المقبل في ' },
          { op: 'delete', text: 'جنيف' },
          { op: 'insert', text: 'فيينا' },
          { op: 'equal', text: '.' },
        ],
      },
    ]);
    expect(d.summary).toEqual({ wordsAdded: 7, wordsRemoved: 1, wordsChanged: 0 });
    expect(applyArticleDiff(base, d)).toEqual(b);
  });

  it('shows swapped paragraphs as one moved out and in, with the others equal', () => {
    const b = revise((c) => {
      [c.body[2], c.body[3]] = [c.body[3]!, c.body[2]!];
    });
    const d = diffArticles(base, b);
    expect(
      notEqual(d.blocks)
        .map((x) => x.op)
        .sort(),
    ).toEqual(['delete', 'insert']);
    expect(applyArticleDiff(base, d)).toEqual(b);
  });

  it('notes a block whose type changed, and a standfirst, tag and link added or removed', () => {
    const b = revise((c) => {
      c.body[1]!.type = 'paragraph';
      c.standfirst = 'موجز الخبر';
      c.tags.push('الولايات المتحدة');
      c.related[0]!.url = null;
    });
    const d = diffArticles(base, b);
    expect(notEqual(d.blocks)).toMatchObject([
      { op: 'insert', field: 'standfirst', text: 'موجز الخبر' },
      {
        op: 'changed',
        field: 'body',
        type: 'paragraph',
        oldType: 'subheading',
        words: [{ op: 'equal', text: 'اجتماع مرتقب' }],
      },
      { op: 'insert', field: 'tag', b: 1 },
      { op: 'delete', field: 'related.url', a: 0 },
    ]);
    expect(applyArticleDiff(base, d)).toEqual(b);
  });

  it('with ignoreDiacritics, a vowelled revision is all equal and still applies exactly', () => {
    const b = revise((c) => {
      c.body[0]!.text = 'قالَ وزيرُ الخارجيةِ الروسيُّ إنَّ بلادَه مستعدةٌ للحوارِ مع واشنطن.';
    });
    expect(diffArticles(base, b).summary.wordsChanged).toBe(8);
    const d = diffArticles(base, b, { ignoreDiacritics: true });
    expect(notEqual(d.blocks)).toEqual([]);
    expect(d.blocks.find((x) => x.field === 'body')).toMatchObject({
      op: 'equal',
      text: b.body[0]!.text,
      oldText: base.body[0]!.text,
    });
    expect(applyArticleDiff(base, d)).toEqual(b);
  });

  it('carries inline marks along when their words are kept', () => {
    const quote = 'إن الموعد لم يحدد بعد';
    const text = base.body[3]!.text;
    const from = text.indexOf(quote);
    const a = revise((c) => {
      c.body[3]!.marks = [{ type: 'speech', from, to: from + quote.length, attrs: { speaker: 'مسؤول' } }];
    });
    const b = revise((c) => {
      c.body[3]!.text = 'ونقلت وكالة "تاس" عن مسؤول روسي قوله إن الموعد لم يحدد بعد.';
    });
    const after = applyArticleDiff(a, diffArticles(a, b));
    const mark = after.body[3]!.marks![0]!;
    expect(after.body[3]!.text.slice(mark.from, mark.to)).toBe(quote);
    expect(mark.attrs).toEqual({ speaker: 'مسؤول' });
  });

  it('refuses to apply a diff to a revision it was not made from', () => {
    const b = revise((c) => {
      c.body[0]!.text = 'قال وزير الخارجية الروسي إن بلاده مستعدة للحوار.';
    });
    const d = diffArticles(base, b);
    const other = revise((c) => {
      c.body[0]!.text = 'نص آخر تماما.';
    });
    expect(() => applyArticleDiff(other, d)).toThrow(AppError);
    const shorter = revise((c) => {
      c.tags = [];
    });
    expect(() => applyArticleDiff(shorter, d)).toThrow(/does not fit/);
  });

  it('falls back to whole-block replacement past the cap and still rebuilds the new revision', () => {
    const b = revise((c) => {
      c.body[0]!.text =
        'قال وزير الخارجية الروسي سيرغي لافروف إن بلاده مستعدة تماما للحوار المباشر مع واشنطن.';
    });
    const d = diffArticles(base, b, { maxEdits: 4 });
    expect(d.coarse).toBe(true);
    expect(notEqual(d.blocks)).toMatchObject([{ op: 'changed', coarse: true }]);
    expect(applyArticleDiff(base, d)).toEqual(b);
    expect(diffArticles(base, b).coarse).toBe(false);
  });
});
