// Finding quoted passages: every quotation mark style Arabic copy uses, nesting, and marks left open.
import { describe, expect, it } from 'vitest';
import { findQuoteSpans, leadingOpener } from '../../../src/core/quotes/marks';

const quoted = (text: string): string[] => findQuoteSpans(text).map((s) => text.slice(s.from, s.to));

describe('findQuoteSpans', () => {
  it('finds guillemets, straight, English and German-style quotes', () => {
    expect(quoted('قال «أولاً» ثم "ثانياً" ثم “ثالثاً” ثم „رابعاً“.')).toEqual([
      'أولاً',
      'ثانياً',
      'ثالثاً',
      'رابعاً',
    ]);
  });

  it('reads ”…” as Arabic keyboards type it', () => {
    expect(quoted('وقال ”نحن هنا” للصحافيين')).toEqual(['نحن هنا']);
  });

  it('keeps nested quotes, the outer one first', () => {
    const text = 'قال: «نقلت وكالة "تاس" الخبر كاملاً» ثم سكت';
    const spans = findQuoteSpans(text);
    expect(spans.map((s) => [text.slice(s.from, s.to), s.depth])).toEqual([
      ['نقلت وكالة "تاس" الخبر كاملاً', 0],
      ['تاس', 1],
    ]);
  });

  it('tells an opening straight quote from a closing one by what stands around it', () => {
    expect(quoted('ذكرت وكالة "تاس" الروسية، وفقاً لما أوردت "تاس" .')).toEqual(['تاس', 'تاس']);
    expect(quoted('بحسب لـ"الشرق" اليوم')).toEqual(['الشرق']);
  });

  it('ignores a straight mark that can neither open nor close', () => {
    expect(quoted('الرقم 5"3 ليس اقتباساً')).toEqual([]);
  });

  it('marks a quote still open at the end of the block', () => {
    const spans = findQuoteSpans('وقال: «الفقرة الأولى من الكلام');
    expect(spans).toHaveLength(1);
    expect(spans[0]!.openAtEnd).toBe(true);
    expect(leadingOpener('  «الفقرة الثانية»')).toBe('«');
    expect(leadingOpener('نص عادي')).toBeNull();
  });

  it('closes an inner quote whose closing mark is missing when the outer one closes', () => {
    const text = '«قال "لا أحد هنا» وانتهى';
    const spans = findQuoteSpans(text);
    expect(spans[0]).toMatchObject({ depth: 0, openAtEnd: false });
    expect(text.slice(spans[0]!.from, spans[0]!.to)).toBe('قال "لا أحد هنا');
  });
});
