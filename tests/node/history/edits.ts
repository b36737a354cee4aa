// Random editing of real articles for the history tests: each step is the kind of change an editor makes
// between two saves (a word replaced, inserted or removed, a paragraph split, joined, retyped or dropped, the
// headline or tags touched, a speech mark added), plus the characters a storage format is most likely to get
// wrong (quotes and backslashes that JSON escapes, newlines, harakat, a character outside the BMP).
import type { ArticleContent, Block } from '../../../src/core/article/model';

const WORDS = ['الحكومة', 'أمس', 'إعلان', 'مسؤول', 'شؤون', 'وقال', 'الاقتصاد', 'جديدة', 'الرياض', '٢٠١٥'];
const ODD = ['"اقتباس"', 'a\\b', 'سطر\nجديد', 'مُحَمَّد', 'ـــ', '😀', '«قال»', '\t'];

export type Random = () => number;

/** mulberry32, so a failing case replays from its seed. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One editor's change between two saves; the input is not modified. */
export function randomEdit(c: ArticleContent, random: Random): ArticleContent {
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const word = (): string => (random() < 0.1 ? pick(ODD) : pick(WORDS));
  const body: Block[] = c.body.map((b) => ({ ...b }));
  const r = random();
  if (body.length === 0 || r < 0.05) {
    body.splice(int(body.length + 1), 0, { type: 'paragraph', text: `${word()} ${word()}` });
    return { ...c, body };
  }
  const at = int(body.length);
  const block = body[at]!;
  const words = block.text.split(' ');
  const w = int(words.length);
  if (r < 0.35) words[w] = word();
  else if (r < 0.55) words.splice(w, 0, word());
  else if (r < 0.7) words.splice(w, 1);
  else if (r < 0.75 && words.length > 2) {
    // Split the paragraph.
    body.splice(
      at,
      1,
      { type: block.type, text: words.slice(0, w).join(' ') },
      { type: block.type, text: words.slice(w).join(' ') },
    );
    return { ...c, body };
  } else if (r < 0.8 && at + 1 < body.length) {
    // Join it with the next one.
    body.splice(at, 2, { type: block.type, text: `${block.text} ${body[at + 1]!.text}` });
    return { ...c, body };
  } else if (r < 0.83) {
    body.splice(at, 1);
    return { ...c, body };
  } else if (r < 0.87) {
    body[at] = { ...block, type: pick(['paragraph', 'subheading', 'blockquote'] as const) };
    return { ...c, body };
  } else if (r < 0.92) {
    return { ...c, headline: `${c.headline} ${word()}`.slice(-120) };
  } else if (r < 0.95) {
    return { ...c, tags: random() < 0.5 || c.tags.length === 0 ? [...c.tags, pick(WORDS)] : c.tags.slice(1) };
  } else if (block.text.length > 2) {
    // A speech mark over part of the paragraph (the editor's quote marks are stored as spans).
    const from = int(block.text.length - 1);
    const to = from + 1 + int(block.text.length - from - 1);
    body[at] = { ...block, marks: [{ type: 'quote', from, to, attrs: { speaker: pick(WORDS), n: int(9) } }] };
    return { ...c, body };
  }
  // Words changed: the old spans' offsets no longer fit, so the edited block drops them.
  body[at] = { type: block.type, text: words.join(' ') };
  return { ...c, body };
}
