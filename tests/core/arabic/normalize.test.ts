// Arabic folding for search and matching: the variants a newsroom treats as one word meet, others do not.
import { describe, expect, it } from 'vitest';
import {
  normalizeArabic,
  procliticForms,
  westernDigits,
  wordTokens,
} from '../../../src/core/arabic/normalize';

const same = (a: string, b: string): boolean => normalizeArabic(a) === normalizeArabic(b);

describe('normalizeArabic', () => {
  it.each([
    ['الاستراتيجية', 'الإستراتيجية'],
    ['اتفاقية', 'اتفاقيه'],
    ['على', 'علي'],
    ['مسؤول', 'مسئول'],
    ['شؤون', 'شئون'],
    ['آخر', 'اخر'],
    ['سأل', 'سال'],
    ['سيُبرم', 'سيبرم'],
    ['مُحَمَّد', 'محمد'],
    ['الـعـربـيـة', 'العربية'],
    ['٢٠٢٤', '2024'],
    ['۲۰۲۴', '2024'],
    ['Reuters', 'REUTERS'],
    ['ﻻ', 'لا'],
    ['لا\u200Fفروف', 'لافروف'],
  ])('folds %s and %s to the same form', (a, b) => {
    expect(same(a, b)).toBe(true);
  });

  it.each([
    ['قال', 'قالت'],
    ['وزير', 'وزيرة'],
    ['النفط', 'النفطية'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(same(a, b)).toBe(false);
  });

  it('turns Arabic-Indic and Persian digits into Western ones and leaves others alone', () => {
    expect(westernDigits('٢٧ أغسطس ۱۴۰۳ و 12')).toBe('27 أغسطس 1403 و 12');
  });

  it('splits normalised text into words without punctuation or quotation marks', () => {
    expect(wordTokens(normalizeArabic('قال: «التوقيع المرتقب»، 2024.'))).toEqual([
      'قال',
      'التوقيع',
      'المرتقب',
      '2024',
    ]);
  });
});

describe('procliticForms', () => {
  it.each([
    ['والنفط', ['والنفط', 'النفط', 'نفط']],
    ['بالنفط', ['بالنفط', 'النفط', 'نفط']],
    ['للنفط', ['للنفط', 'النفط', 'نفط']],
    ['فالاتفاق', ['فالاتفاق', 'الاتفاق', 'اتفاق']],
  ])('strips the proclitics of %s', (word, forms) => {
    expect(procliticForms(word)).toEqual(forms);
  });

  it('does not shred short words that merely start like a clitic', () => {
    expect(procliticForms('وزن')).toEqual(['وزن']);
    expect(procliticForms('بلد')).toEqual(['بلد']);
  });
});
