// The real seed article must import into the structure the product is built around (PRODUCT.md).
import { describe, expect, it } from 'vitest';
import { structureText } from '../../../src/core/import';
import { ArticleContent } from '../../../src/core/article/model';
import { readSeed } from './sharedMaterial';

describe('structureText on the seed article', () => {
  const seed = readSeed();
  const { content, warnings } = structureText(seed);

  it('produces a valid article', () => {
    expect(() => ArticleContent.parse(content)).not.toThrow();
  });

  it('takes line 1 as the headline and finds no standfirst', () => {
    expect(content.headline).toBe('لافروف: روسيا وإيران توقعان اتفاقية الشراكة الاستراتيجية الشاملة قريباً');
    expect(content.standfirst).toBeNull();
  });

  it('keeps the repeated caption once, split into caption, date and credit', () => {
    expect(content.figures).toHaveLength(1);
    const f = content.figures[0]!;
    expect(f.caption.startsWith('وزير الخارجية الروسي سيرجي لافروف يحضر مؤتمراً صحافياً')).toBe(true);
    expect(f.caption.endsWith('في موسكو بروسيا.')).toBe(true);
    expect(f.date).toBe('27 أغسطس 2024');
    expect(f.credit).toBe('Reuters');
    expect(f.altText).toBe(f.caption);
    expect(warnings.map((w) => w.code)).toContain('caption_repeated');
  });

  it('splits the glued dateline into place and sources', () => {
    expect(content.dateline).toEqual({ place: 'دبي', sources: ['الشرق', 'رويترز'] });
    expect(warnings.map((w) => w.code)).toContain('dateline_glued');
  });

  it('has eight paragraphs and the one sub-heading, in order', () => {
    expect(content.body.filter((b) => b.type === 'paragraph')).toHaveLength(8);
    expect(content.body.filter((b) => b.type === 'subheading').map((b) => b.text)).toEqual(['اجتماع مرتقب']);
    expect(content.body[4]).toEqual({ type: 'subheading', text: 'اجتماع مرتقب' });
    expect(content.body[0]!.text.startsWith('أعلن وزير الخارجية الروسي')).toBe(true);
    expect(content.body.at(-1)!.text.endsWith('في الشرق الأوسط.')).toBe(true);
  });

  it('keeps web furniture out of the body; the empty تصنيفات section gives no tags', () => {
    const body = content.body.map((b) => b.text).join('\n');
    expect(body).not.toContain('تصنيفات');
    expect(body).not.toContain('قصص قد تهمك');
    expect(content.tags).toEqual([]);
    expect(content.related).toEqual([]);
  });

  it('never rewrites wording: the copy errors the checker must see are still there', () => {
    const body = content.body.map((b) => b.text);
    expect(body.some((t) => t.includes('"تاس" .'))).toBe(true);
    expect(body.some((t) => t.includes('لافروف\u00a0أن'))).toBe(true);
    expect(body.some((t) => t.endsWith('جداً.\u00a0'))).toBe(true);
    for (const b of content.body) expect(seed).toContain(b.text);
  });

  it('fills the tags and related stories when the page has them', () => {
    const filled =
      seed.replace('تصنيفات\n', 'تصنيفات\nروسيا\nإيران، سيرجي لافروف\n') +
      '\nبوتين يستقبل بزشكيان في موسكو\nhttps://asharq.example/politics/1234\nقمة البريكس في قازان تختتم أعمالها\n';
    const r = structureText(filled);
    expect(r.content.tags).toEqual(['روسيا', 'إيران', 'سيرجي لافروف']);
    expect(r.content.related).toEqual([
      { title: 'بوتين يستقبل بزشكيان في موسكو', url: 'https://asharq.example/politics/1234' },
      { title: 'قمة البريكس في قازان تختتم أعمالها', url: null },
    ]);
    expect(r.content.body).toEqual(content.body);
  });

  it('gives the same article with Windows line endings and with the caption given once', () => {
    expect(structureText(seed.replace(/\n/g, '\r\n')).content).toEqual(content);
    const lines = seed.split('\n');
    const once = structureText([...lines.slice(0, 2), ...lines.slice(3)].join('\n'));
    expect(once.content.figures).toEqual([{ ...content.figures[0]!, altText: '' }]);
    expect(once.warnings.map((w) => w.code)).not.toContain('caption_repeated');
    expect(once.content.body).toEqual(content.body);
  });
});
