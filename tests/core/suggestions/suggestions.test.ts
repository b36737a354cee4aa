// Accept / reject on the article model: the text and every other span follow the removed characters.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/core/article/model';
import { resolveBlock, suggestionsOf } from '../../../src/core/suggestions/suggestions';

const by = (author: string) => ({ author, at: '2026-11-29T10:00:00.000Z' });
// "في 27 أغسطسآب 2024": أغسطس struck, آب inserted, a quote span over the whole date.
const block: Block = {
  type: 'paragraph',
  text: 'في 27 أغسطسآب 2024',
  marks: [
    { type: 'quote', from: 3, to: 18, attrs: { speaker: 'لافروف' } },
    { type: 'deletion', from: 6, to: 11, attrs: by('ليلى') },
    { type: 'insertion', from: 11, to: 13, attrs: by('ليلى') },
  ],
};

describe('resolveBlock', () => {
  it('accept removes the struck text and keeps the inserted text; spans follow', () => {
    expect(resolveBlock(block, 0, 'accept')).toEqual({
      type: 'paragraph',
      text: 'في 27 آب 2024',
      marks: [{ type: 'quote', from: 3, to: 13, attrs: { speaker: 'لافروف' } }],
    });
  });

  it('reject removes the inserted text and keeps the struck text', () => {
    expect(resolveBlock(block, 0, 'reject').text).toBe('في 27 أغسطس 2024');
  });

  it('a filter by author leaves other authors’ suggestions alone', () => {
    expect(resolveBlock(block, 0, 'accept', { author: 'سامي' })).toBe(block);
  });

  it('lists suggestions with their text', () => {
    const c = {
      headline: '',
      standfirst: null,
      dateline: { place: '', sources: [] },
      figures: [],
      body: [block],
      tags: [],
      related: [],
    };
    expect(suggestionsOf(c).map((s) => [s.type, s.text, s.author])).toEqual([
      ['deletion', 'أغسطس', 'ليلى'],
      ['insertion', 'آب', 'ليلى'],
    ]);
  });
});
