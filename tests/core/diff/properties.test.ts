// Properties of the article diff on real corpus articles under random editorial edits: the diff of A→B applied
// to A gives B exactly, A against itself is all equal, vowelling is invisible with ignoreDiacritics, and the
// summary's word counts add up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/core/article/model';
import {
  applyArticleDiff,
  applyTextDiff,
  diffArticles,
  diffText,
  tokenize,
  type ArticleDiff,
  type DiffOptions,
  type WordOp,
} from '../../../src/core/diff';
import { contentOf, multiParagraph } from './corpusArticles';

const articles = multiParagraph(4);
const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u064C', '\u064D'];
const HAMZA_SWAP: Record<string, string> = { ا: 'أ', أ: 'ا', إ: 'ا', ه: 'ة', ة: 'ه', ى: 'ي', ي: 'ى' };

type Edit =
  | {
      kind: 'insertWord' | 'deleteWord' | 'replaceWord' | 'hamza' | 'punct';
      p: number;
      w: number;
      word: string;
    }
  | { kind: 'vowel'; p: number; seed: number }
  | { kind: 'swap' | 'insertParagraph' | 'deleteParagraph'; p: number; q: number }
  | { kind: 'headline' | 'caption' | 'type'; w: number; word: string };

const word = fc.constantFrom(
  'الحكومة',
  'وقال',
  'إن',
  'أن',
  'بالمملكة',
  'للمواطنين',
  'مسؤول',
  'مسئول',
  '٢٠١٥',
  'جديدة',
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('insertWord', 'deleteWord', 'replaceWord', 'hamza', 'punct'),
    p: fc.nat(),
    w: fc.nat(),
    word,
  }),
  fc.record({ kind: fc.constant('vowel'), p: fc.nat(), seed: fc.nat() }),
  fc.record({
    kind: fc.constantFrom('swap', 'insertParagraph', 'deleteParagraph'),
    p: fc.nat(),
    q: fc.nat(),
  }),
  fc.record({ kind: fc.constantFrom('headline', 'caption', 'type'), w: fc.nat(), word }),
) as fc.Arbitrary<Edit>;

/** Applies an edit to one word list (split on spaces, so punctuation stays on its word as in real text). */
function editWords(text: string, e: Extract<Edit, { w: number }>): string {
  const ws = text.split(' ');
  const i = e.w % Math.max(ws.length, 1);
  switch (e.kind) {
    case 'insertWord':
      ws.splice(i, 0, e.word);
      break;
    case 'deleteWord':
      ws.splice(i, 1);
      break;
    case 'hamza': {
      const w = ws[i] ?? '';
      const j = [...w].findIndex((ch) => ch in HAMZA_SWAP);
      if (j >= 0) ws[i] = w.slice(0, j) + HAMZA_SWAP[w[j]!] + w.slice(j + 1);
      break;
    }
    case 'punct':
      ws[i] = `${ws[i] ?? ''}،`;
      break;
    default:
      ws[i] = e.word;
  }
  return ws.join(' ');
}

/** Puts harakat on letters of a text, at positions chosen by `seed`. */
function vowel(text: string, seed: number): string {
  let s = seed;
  return text.replace(/[\u0621-\u064A]/g, (ch) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % 3 === 0 ? ch + HARAKAT[s % HARAKAT.length]! : ch;
  });
}

function applyEdits(a: ArticleContent, edits: readonly Edit[]): ArticleContent {
  const c = structuredClone(a);
  for (const e of edits) {
    const n = c.body.length;
    switch (e.kind) {
      case 'headline':
        c.headline = editWords(c.headline, { ...e, kind: 'replaceWord', p: 0 });
        break;
      case 'caption':
        c.figures[0]!.caption = editWords(c.figures[0]!.caption, { ...e, kind: 'insertWord', p: 0 });
        break;
      case 'type':
        if (n > 0) c.body[e.w % n]!.type = c.body[e.w % n]!.type === 'paragraph' ? 'subheading' : 'paragraph';
        break;
      case 'vowel':
        if (n > 0) c.body[e.p % n]!.text = vowel(c.body[e.p % n]!.text, e.seed);
        break;
      case 'swap':
        if (n > 1) [c.body[e.p % n], c.body[e.q % n]] = [c.body[e.q % n]!, c.body[e.p % n]!];
        break;
      case 'insertParagraph':
        c.body.splice(e.p % (n + 1), 0, {
          ...(c.body[e.q % Math.max(n, 1)] ?? { type: 'paragraph', text: 'فقرة' }),
        });
        break;
      case 'deleteParagraph':
        if (n > 0) c.body.splice(e.p % n, 1);
        break;
      default:
        if (n > 0) c.body[e.p % n]!.text = editWords(c.body[e.p % n]!.text, e);
    }
  }
  return c;
}

const wordsIn = (c: ArticleContent): number =>
  [
    c.headline,
    c.standfirst ?? '',
    ...c.figures.flatMap((f) => [f.caption, f.credit, f.photographer, f.date, f.altText]),
    c.dateline.place,
    ...c.dateline.sources,
    ...c.body.map((b) => b.text),
    ...c.tags,
    ...c.related.map((r) => r.title),
  ]
    .flatMap(tokenize)
    .filter((t) => t.kind === 'word').length;

const allEqual = (d: ArticleDiff): boolean => d.blocks.every((b) => b.op === 'equal');

const options: fc.Arbitrary<DiffOptions> = fc.record(
  { ignoreDiacritics: fc.boolean(), ignoreTatweel: fc.boolean(), foldLetters: fc.boolean() },
  { requiredKeys: [] },
);

describe('diffArticles on corpus articles with random edits', () => {
  const article = fc.integer({ min: 0, max: articles.length - 1 }).map((i) => contentOf(articles[i]!));

  it('applying the diff of A→B to A gives B exactly, whatever is ignored', () => {
    fc.assert(
      fc.property(article, fc.array(edit, { minLength: 1, maxLength: 12 }), options, (a, edits, opts) => {
        const b = applyEdits(a, edits);
        const d = diffArticles(a, b, opts);
        expect(applyArticleDiff(a, d)).toEqual(b);
        expect(d.summary.wordsAdded - d.summary.wordsRemoved).toBe(wordsIn(b) - wordsIn(a));
      }),
      { numRuns: 300, seed: 20150723 },
    );
  });

  it('the diff of A→A is all equal, with nothing counted', () => {
    fc.assert(
      fc.property(article, options, (a, opts) => {
        const d = diffArticles(a, structuredClone(a), opts);
        expect(allEqual(d)).toBe(true);
        expect(d.summary).toEqual({ wordsAdded: 0, wordsRemoved: 0, wordsChanged: 0 });
      }),
      { numRuns: 100, seed: 1 },
    );
  });

  it('with ignoreDiacritics, A against A with diacritics is all equal; without, the words show as changed', () => {
    fc.assert(
      fc.property(article, fc.nat(), (a, seed) => {
        const b = structuredClone(a);
        b.headline = vowel(b.headline, seed);
        for (const block of b.body) block.text = vowel(block.text, seed);
        const ignoring = diffArticles(a, b, { ignoreDiacritics: true });
        expect(allEqual(ignoring)).toBe(true);
        expect(applyArticleDiff(a, ignoring)).toEqual(b);
        const strict = diffArticles(a, b);
        expect(strict.summary.wordsAdded + strict.summary.wordsRemoved).toBe(0);
        expect(strict.summary.wordsChanged).toBeGreaterThan(0);
      }),
      { numRuns: 60, seed: 2 },
    );
  });
});

describe('diffText word ops', () => {
  const side = (ops: readonly WordOp[], keep: 'delete' | 'insert'): string =>
    ops
      .map((o) =>
        o.op === 'equal' ? (keep === 'delete' ? (o.oldText ?? o.text) : o.text) : o.op === keep ? o.text : '',
      )
      .join('');

  it('spell out both texts, and a changed word’s letters spell out both forms of the word', () => {
    const para = fc
      .integer({ min: 0, max: articles.length - 1 })
      .map((i) => contentOf(articles[i]!).body[0]!.text);
    fc.assert(
      fc.property(para, fc.array(edit, { maxLength: 8 }), (a, edits) => {
        let b = a;
        for (const e of edits) if ('w' in e && 'p' in e) b = editWords(b, e);
        const { words } = diffText(a, b);
        expect(side(words, 'delete')).toBe(a);
        expect(side(words, 'insert')).toBe(b);
        expect(applyTextDiff(a, words)).toBe(b);
        words.forEach((o, i) => {
          if (o.op !== 'insert' || !o.chars) return;
          expect(words[i - 1]!.op).toBe('delete');
          expect(
            o.chars
              .filter((c) => c.op !== 'insert')
              .map((c) => c.text)
              .join(''),
          ).toBe(words[i - 1]!.text);
          expect(
            o.chars
              .filter((c) => c.op !== 'delete')
              .map((c) => c.text)
              .join(''),
          ).toBe(o.text);
        });
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
