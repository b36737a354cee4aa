// Verification against sources: orthographic variation, word diffs in original spelling, long sources.
import { describe, expect, it } from 'vitest';
import { structureText } from '../../../src/core/import';
import { extractQuotes, prepareSource, verifyQuotes, verifyText } from '../../../src/core/quotes';
import { readCorpus, readSeed } from './shared';

const QUOTE =
  'التوقيع المرتقب على معاهدة الشراكة الاستراتيجية الشاملة بين روسيا وإيران من شأنه أن يعزز العلاقات الروسية الإيرانية بشكل كبير';

describe('verifyText', () => {
  it('verifies a source that spells the words with other hamza forms, ى/ي, ة/ه and no diacritics', () => {
    const source =
      'وقال لافروف ان «التوقيع المرتقب علي معاهده الشراكه الاستراتيجيه الشامله بين روسيا وايران من شانه ان ' +
      'يعزز العلاقات الروسيه الايرانيه بشكل كبير»، واضاف ان الموعد لم يحدد.';
    const v = verifyText(QUOTE, [{ id: 'tass.txt', text: source }]);
    expect(v.status).toBe('verified');
    expect(v.score).toBe(1);
    expect(v.source).toBe('tass.txt');
    expect(source.slice(v.sourceFrom, v.sourceTo)).toBe(v.sourceText);
    expect(v.sourceText.startsWith('التوقيع المرتقب علي')).toBe(true);
    expect(v.sourceText.endsWith('بشكل كبير')).toBe(true);
    expect(v.diff).toEqual([{ op: 'equal', text: QUOTE }]);
  });

  it('ignores punctuation, quotation marks, tatweel, spacing and the digits used', () => {
    const v = verifyText('قال: "سنبني ٢٣ مدرسة، في عام 2025!"', [
      { id: 's', text: 'قـــال   «سنبني 23 مدرسة في عام ٢٠٢٥»' },
    ]);
    expect(v.status).toBe('verified');
  });

  it('verifies a quote cut from a longer sentence of the source', () => {
    const v = verifyText('المعاهدة قيد الإعداد للتوقيع عليها', [
      { id: 's', text: 'وأضاف: كما ذكرت فإن المعاهدة قيد الإعداد للتوقيع عليها في المستقبل القريب.' },
    ]);
    expect(v.status).toBe('verified');
    expect(v.sourceText).toBe('المعاهدة قيد الإعداد للتوقيع عليها');
  });

  it('names a word the article added as insert, in the article’s spelling', () => {
    const source = QUOTE.replace(' المرتقب', '');
    const v = verifyText(QUOTE, [{ id: 's', text: source }]);
    expect(v.status).toBe('discrepancy');
    expect(v.score).toBeGreaterThan(0.5);
    expect(v.score).toBeLessThan(1);
    expect(v.diff.filter((d) => d.op !== 'equal')).toEqual([{ op: 'insert', text: 'المرتقب' }]);
    expect(v.diff.map((d) => d.text).join(' ')).toBe(QUOTE);
  });

  it('names a word the article dropped as delete and a changed word as delete + insert', () => {
    // Words dropped at the end make a shorter quote of the same sentence, not a discrepancy.
    const cut = verifyText(QUOTE.replace(' بشكل كبير', ''), [{ id: 's', text: QUOTE }]);
    expect(cut.status).toBe('verified');
    const inside = verifyText(QUOTE.replace(' الشاملة', ''), [{ id: 's', text: QUOTE }]);
    expect(inside.diff.filter((d) => d.op !== 'equal')).toEqual([{ op: 'delete', text: 'الشاملة' }]);
    const changed = verifyText(QUOTE.replace('كبير', 'ملحوظ'), [{ id: 's', text: QUOTE }]);
    expect(changed.status).toBe('discrepancy');
    expect(changed.diff.filter((d) => d.op !== 'equal')).toEqual([
      { op: 'delete', text: 'كبير' },
      { op: 'insert', text: 'ملحوظ' },
    ]);
  });

  it('gives not_found when no source holds the quote', () => {
    const v = verifyText(QUOTE, [
      { id: 'a', text: 'ارتفعت أسعار النفط اليوم بعد قرار أوبك خفض الإنتاج في الأشهر المقبلة.' },
      { id: 'b', text: '' },
    ]);
    expect(v.status).toBe('not_found');
    expect(v.score).toBeLessThan(0.5);
    expect(v.diff).toEqual([]);
    expect(verifyText(QUOTE, []).status).toBe('not_found');
    expect(verifyText('', [{ id: 'a', text: QUOTE }]).status).toBe('not_found');
  });

  it('picks the source that holds the quote among several', () => {
    const v = verifyText(QUOTE, [
      { id: 'other', text: 'العلاقات الروسية الإيرانية تشهد تطوراً كبيراً منذ سنوات.' },
      { id: 'transcript', text: `مقدمة طويلة. ${QUOTE}. خاتمة.` },
    ]);
    expect(v).toMatchObject({ status: 'verified', source: 'transcript' });
  });

  it('finds the passage buried in a 1 MB source built from real articles', () => {
    const parts: string[] = [];
    let size = 0;
    for (const a of readCorpus()) {
      parts.push(a.content);
      size += a.content.length;
      if (size > 1_100_000) break;
    }
    const half = Math.floor(parts.length / 2);
    const passage =
      'وقال لافروف إن «التوقيع المرتقب على معاهدة الشراكة الاستراتيجية الشاملة بين روسيا وايران من شانه ان يعزز ' +
      'العلاقات الروسية الايرانية بشكل كبير».';
    const text = [...parts.slice(0, half), passage, ...parts.slice(half)].join('\n');
    expect(text.length).toBeGreaterThan(1_000_000);
    const source = prepareSource({ id: 'big', text });
    const v = verifyText(QUOTE, [source]);
    expect(v.status).toBe('verified');
    const at = text.indexOf(passage);
    expect(v.sourceFrom).toBeGreaterThan(at);
    expect(v.sourceTo).toBeLessThan(at + passage.length);
    expect(text.slice(v.sourceFrom, v.sourceTo)).toBe(v.sourceText);
    // The same big source also tells a changed quote and an absent one.
    expect(verifyText(QUOTE.replace('كبير', 'ملحوظ'), [source]).status).toBe('discrepancy');
    expect(verifyText('هذه العبارة المختلقة تماما لم ترد في أي مكان من النصوص', [source]).status).toBe(
      'not_found',
    );
  });
});

describe('verifyQuotes', () => {
  it('verifies the speech quotes of the seed and leaves names and claims alone', () => {
    const body = structureText(readSeed()).content.body;
    const quotes = extractQuotes(body);
    const source = {
      id: 'tass',
      text:
        'وقال لافروف: "التوقيع المرتقب على معاهدة الشراكة الاستراتيجية الشاملة بين روسيا وايران من شانه ان يعزز ' +
        'العلاقات الروسية الايرانية بشكل كبير". وأضاف: "المعاهدة قيد الإعداد للتوقيع عليها في المستقبل القريب".',
    };
    const checked = verifyQuotes(quotes, [source]);
    const speech = checked.filter((q) => q.kind === 'speech');
    expect(speech.map((q) => q.verification?.status)).toEqual(['verified', 'discrepancy', 'not_found']);
    // The article's second quote begins with words the source lacks.
    expect(speech[1]!.verification!.diff[0]).toEqual({ op: 'insert', text: 'كما ذكرت فإن' });
    expect(checked.filter((q) => q.kind !== 'speech').every((q) => q.verification === null)).toBe(true);
  });
});
