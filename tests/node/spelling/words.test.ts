// Which words of a text the spelling checker asks about, and how prefixed words find newsroom entries.
import { describe, expect, it } from 'vitest';
import { inNewsroomList } from '../../../src/node/spelling/provider';
import { procliticForms, spellingKey, spellingTokens } from '../../../src/node/spelling/words';

describe('spelling tokens', () => {
  it('keep Arabic words with their offsets and skip Latin words, numbers and web addresses', () => {
    const text =
      'قال لافروف (Lavrov) إن 2024 عامٌ صعب، راجع https://example.com/عربي وكوفيد19 و tass@tass.ru.';
    const tokens = spellingTokens(text);
    expect(tokens.map((t) => t.word)).toEqual(['قال', 'لافروف', 'إن', 'عامٌ', 'صعب', 'راجع', 'و']);
    for (const t of tokens) expect(text.slice(t.from, t.to)).toBe(t.word);
  });

  it('look words up without diacritics, tatweel or invisible characters', () => {
    expect(spellingKey('الشـــراكةُ')).toBe('الشراكة');
    expect(spellingKey('مُدَّة')).toBe('مدة');
    expect(spellingKey('لافـ\u200Cروف')).toBe('لافروف');
    // Presentation forms (old PDFs, pasted text) become ordinary letters.
    expect(spellingKey('\uFEFB')).toBe('لا');
  });
});

describe('proclitics', () => {
  it('strip the conjunction, a preposition and the article, in that order', () => {
    expect(procliticForms('ولافروف')).toEqual(['ولافروف', 'لافروف', 'افروف']);
    expect(procliticForms('وللحوثيين')).toEqual(['وللحوثيين', 'للحوثيين', 'الحوثيين', 'حوثيين', 'لحوثيين']);
    expect(procliticForms('بالزمالك')).toEqual(['بالزمالك', 'الزمالك', 'زمالك']);
    expect(procliticForms('ود')).toEqual(['ود']);
  });

  it('let a newsroom entry cover its prefixed forms, and nothing else', () => {
    const list = new Set(['لافروف', 'حوثيين', 'الزمالك']);
    for (const w of [
      'لافروف',
      'ولافروف',
      'فلافروف',
      'بلافروف',
      'كلافروف',
      'للحوثيين',
      'والحوثيين',
      'والزمالك',
    ])
      expect(inNewsroomList(w, list), w).toBe(true);
    for (const w of ['لافروفي', 'سلافروف', 'زمالك', 'حوثي']) expect(inNewsroomList(w, list), w).toBe(false);
  });
});
