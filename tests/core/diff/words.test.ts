// The word diff on Arabic examples an editor recognises: tokens keep clitics, changed words show their letters,
// ignore options hide what they promise to hide, and applying a diff is checked against the old text.
import { describe, expect, it } from 'vitest';
import {
  applyTextDiff,
  diffChars,
  diffText,
  graphemes,
  mapOffset,
  tokenize,
  type WordOp,
} from '../../../src/core/diff';
import { AppError } from '../../../src/core/ipc/contract';

const ops = (a: string, b: string, opts = {}): WordOp[] => diffText(a, b, opts).words;
/** The changed-word pairs of a diff as "old→new". */
const changed = (w: WordOp[]): string[] =>
  w.flatMap((op, i) => (op.op === 'insert' && op.chars ? [`${w[i - 1]!.text}→${op.text}`] : []));

describe('tokenize', () => {
  it('keeps clitics and attached pronouns on the word and splits off spaces and punctuation', () => {
    const t = tokenize('وقال لافروف، إنّه «سيزورها» بالطائرة.');
    expect(t.map((x) => x.text)).toEqual([
      'وقال',
      ' ',
      'لافروف',
      '،',
      ' ',
      'إنّه',
      ' ',
      '«',
      'سيزورها',
      '»',
      ' ',
      'بالطائرة',
      '.',
    ]);
    expect(t.map((x) => x.kind).filter((k) => k === 'word')).toHaveLength(5);
  });

  it('is lossless on text with tatweel, no-break spaces, digits and emoji', () => {
    const s = 'الـــرياض\u00a0 ٢٠١٥ 3.5% 👍🏽 ok\n\tتم';
    expect(
      tokenize(s)
        .map((x) => x.text)
        .join(''),
    ).toBe(s);
    expect(tokenize(s)[0]).toEqual({ kind: 'word', text: 'الـــرياض' });
  });

  it('keeps a letter and its harakat together as one grapheme', () => {
    expect(graphemes('إنَّ')).toEqual(['إ', 'نَّ']);
  });
});

describe('diffText', () => {
  it('shows an added hamza as a changed word with a letter-level sub-diff', () => {
    const w = ops('وقال الوزير ان الاتفاق', 'وقال الوزير إن الاتفاق');
    expect(w).toEqual([
      { op: 'equal', text: 'وقال الوزير ' },
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
      { op: 'equal', text: ' الاتفاق' },
    ]);
    expect(diffText('وقال الوزير ان الاتفاق', 'وقال الوزير إن الاتفاق').summary).toEqual({
      wordsAdded: 0,
      wordsRemoved: 0,
      wordsChanged: 1,
    });
  });

  it('shows ة for ه and a clitic added as changed words, not as a deletion and an addition', () => {
    const w = ops('زيارة رسميه للرئيس', 'زيارة رسمية وللرئيس');
    expect(changed(w)).toEqual(['رسميه→رسمية', 'للرئيس→وللرئيس']);
    const ta = w.find((op) => op.op === 'insert' && op.text === 'رسمية');
    expect(ta).toMatchObject({
      chars: [
        { op: 'equal', text: 'رسمي' },
        { op: 'delete', text: 'ه' },
        { op: 'insert', text: 'ة' },
      ],
    });
  });

  it('reads a rewritten phrase as one replacement, and pairs only words that are alike', () => {
    const a = 'أعلنت الوزارة أمس عن خطة جديدة';
    const b = 'كشفت الحكومة أمس عن خطة جديدة';
    const w = ops(a, b);
    expect(w).toEqual([
      { op: 'delete', text: 'أعلنت الوزارة' },
      { op: 'insert', text: 'كشفت الحكومة' },
      { op: 'equal', text: ' أمس عن خطة جديدة' },
    ]);
    expect(diffText(a, b).summary).toEqual({ wordsAdded: 2, wordsRemoved: 2, wordsChanged: 0 });
  });

  it('counts punctuation and spaces as separate tokens, not as words', () => {
    const d = diffText('قال الوزير "تاس" .', 'قال الوزير "تاس".');
    expect(d.words).toEqual([
      { op: 'equal', text: 'قال الوزير "تاس"' },
      { op: 'delete', text: ' ' },
      { op: 'equal', text: '.' },
    ]);
    expect(d.summary).toEqual({ wordsAdded: 0, wordsRemoved: 0, wordsChanged: 0 });
  });

  it('ignores diacritics and tatweel only when asked, and keeps the new text in equal ops', () => {
    const a = 'إن الاتفاق تم';
    const b = 'إنَّ الاتــفاقَ تمّ';
    expect(diffText(a, b).summary.wordsChanged).toBe(3);
    const ignoring = diffText(a, b, { ignoreDiacritics: true, ignoreTatweel: true });
    expect(ignoring.words).toEqual([{ op: 'equal', text: b, oldText: a }]);
    expect(applyTextDiff(a, ignoring.words)).toBe(b);
    // Diacritics alone ignored: the tatweel still counts.
    expect(changed(diffText(a, b, { ignoreDiacritics: true }).words)).toEqual(['الاتفاق→الاتــفاقَ']);
  });

  it('folds hamza, alef maqsura and taa marbuta only with foldLetters', () => {
    const a = 'ذهب الى مدرسه ان شاء';
    const b = 'ذهب إلى مدرسة إن شاء';
    expect(diffText(a, b).summary.wordsChanged).toBe(3);
    const folded = diffText(a, b, { foldLetters: true });
    expect(folded.summary).toEqual({ wordsAdded: 0, wordsRemoved: 0, wordsChanged: 0 });
    expect(applyTextDiff(a, folded.words)).toBe(b);
  });

  it('diffs empty and identical texts', () => {
    expect(ops('', '')).toEqual([]);
    expect(ops('', 'نص جديد')).toEqual([{ op: 'insert', text: 'نص جديد' }]);
    expect(ops('نص قديم', '')).toEqual([{ op: 'delete', text: 'نص قديم' }]);
    expect(ops('نص واحد', 'نص واحد')).toEqual([{ op: 'equal', text: 'نص واحد' }]);
  });

  it('gives a coarse but exact result past the edit cap or the deadline', () => {
    const a = 'الأول الثاني الثالث الرابع الخامس';
    const b = 'واحد اثنان ثلاثة أربعة خمسة';
    const capped = diffText(a, b, { maxEdits: 2 });
    expect(capped.coarse).toBe(true);
    expect(capped.words).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
    const late = diffText(`${a} ثم`, `${b} ثم`, { timeoutMs: 0 });
    expect(late.coarse).toBe(true);
    expect(applyTextDiff(`${a} ثم`, late.words)).toBe(`${b} ثم`);
    expect(diffText(a, b).coarse).toBe(false);
  });
});

describe('diffChars', () => {
  it('shows as many letters out as in letter against letter', () => {
    expect(diffChars('أن', 'إنّ')).toEqual([
      { op: 'delete', text: 'أ' },
      { op: 'insert', text: 'إ' },
      { op: 'delete', text: 'ن' },
      { op: 'insert', text: 'نّ' },
    ]);
  });

  it('spells out letters in order and rebuilds both words', () => {
    const c = diffChars('مسؤول', 'مسئول');
    expect(c).toEqual([
      { op: 'equal', text: 'مس' },
      { op: 'delete', text: 'ؤ' },
      { op: 'insert', text: 'ئ' },
      { op: 'equal', text: 'ول' },
    ]);
  });
});

describe('applyTextDiff', () => {
  it('refuses a diff made from another text, naming where it stopped fitting', () => {
    const w = ops('قال الوزير', 'قال الرئيس');
    expect(() => applyTextDiff('قال المتحدث', w)).toThrow(AppError);
    expect(() => applyTextDiff('قال المتحدث', w)).toThrow(/offset 4/);
    expect(() => applyTextDiff('قال الوزير أمس', w)).toThrow(/not covered/);
  });
});

describe('mapOffset', () => {
  it('moves offsets past insertions and onto the edge of deletions', () => {
    const a = 'قال الوزير ان الاتفاق';
    const b = 'قال الوزير أمس إن الاتفاق';
    const w = ops(a, b);
    expect(applyTextDiff(a, w)).toBe(b);
    const at = (s: string, word: string): number => s.indexOf(word);
    // A word after the edits keeps pointing at itself.
    expect(mapOffset(w, at(a, 'الاتفاق'), 1)).toBe(at(b, 'الاتفاق'));
    expect(mapOffset(w, 0, 1)).toBe(0);
    expect(mapOffset(w, a.length, -1)).toBe(b.length);
  });
});
