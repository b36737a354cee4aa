// The content the crash test's writer saves for counter n: deterministic, so the test can check what every
// acknowledged revision must hold, and of varying size (a few hundred bytes to ~200 KB) so kills land
// inside small and large transactions and inside WAL checkpoints.
import { emptyContent, type ArticleContent } from '../../../src/core/article/model';

const WORDS = [
  'وزير',
  'الخارجية',
  'الروسي',
  'اتفاقية',
  'الشراكة',
  'الإستراتيجية',
  'الشاملة',
  'روسيا',
  'وإيران',
  'بالنفط',
  'للنفط',
  'والنفط',
  'قريباً',
  'المؤتمر',
  'الدولي',
  'للأمن',
  'مُوسكو',
  'طهران',
  'الزيارة',
  'المستقبل',
  'القريب',
  'جداً',
  'العلاقات',
  'الرئيس',
  '٢٠٢٤',
  '"تاس"',
  '،',
  '.',
  'ـــ',
];

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

export function crashContent(n: number): ArticleContent {
  const rnd = prng(n * 2654435761);
  const paragraphs = n % 10 === 0 ? 400 : 1 + Math.floor(rnd() * 20);
  const body = Array.from({ length: paragraphs }, (_, p) => {
    const len = 10 + Math.floor(rnd() * 60);
    const words = Array.from({ length: len }, () => WORDS[Math.floor(rnd() * WORDS.length)]!);
    return { type: p % 7 === 3 ? ('subheading' as const) : ('paragraph' as const), text: words.join(' ') };
  });
  return { ...emptyContent(), headline: `مراجعة رقم ${n}`, body, tags: [`n${n}`] };
}
