// The approval gates: what must hold before an editor approves an article, computed from plain inputs (the
// latest content, the checker's findings, the quotes and their stored reviews, the open comment threads) so
// the same rules serve the services, the CLI and the UI. Each problem names its target so the UI can jump to it.
import { z } from 'zod';
import type { ArticleContent } from '../article/model';
import { HEADLINE_BLOCK, suggestionsOf } from '../suggestions/suggestions';

export const GATE_IDS = [
  'checker',
  'quotes',
  'figures',
  'tags',
  'headline',
  'comments',
  'suggestions',
] as const;
export const GateId = z.enum(GATE_IDS);
export type GateId = z.infer<typeof GateId>;

export const Message = z.object({ ar: z.string(), en: z.string() });
export type Message = z.infer<typeof Message>;

/** Where a problem sits: a body block (with offsets when known), another field, a quote or a comment thread. */
export const GateTarget = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('block'),
    block: z.number().int().nonnegative(),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
  }),
  z.object({ kind: z.literal('field'), field: z.string() }),
  z.object({ kind: z.literal('quote'), quote: z.string(), block: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('thread'), thread: z.string() }),
]);
export type GateTarget = z.infer<typeof GateTarget>;

export const GateItem = z.object({
  /** Stable within one evaluation: the gate id and what it is about (`figures:0:credit`, `quotes:q-…`). */
  id: z.string(),
  ok: z.boolean(),
  message: Message,
  target: GateTarget.nullable(),
});
export type GateItem = z.infer<typeof GateItem>;

export const GateResult = z.object({
  id: GateId,
  ok: z.boolean(),
  /** True when the gate could not be evaluated (e.g. no checker here); it then does not block. */
  skipped: z.boolean(),
  message: Message,
  /** The problems (ok: false); empty when the gate passes. */
  items: z.array(GateItem),
});
export type GateResult = z.infer<typeof GateResult>;

export const HeadlineLimits = z.object({
  min: z.number().int().nonnegative(),
  max: z.number().int().positive(),
});
export type HeadlineLimits = z.infer<typeof HeadlineLimits>;
export const DEFAULT_HEADLINE_LIMITS: HeadlineLimits = { min: 10, max: 120 };

/** A checker finding as the gate needs it (the checker's Finding has these fields and more). */
export type FindingInput = {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  block?: number;
  field?: string;
  from: number;
  to: number;
  text: string;
};

export type QuoteInput = { id: string; kind: string; text: string; block: number; from: number; to: number };

/** A stored quote review: `verified`, or `waived` with a written reason, clears a speech quote. */
export type QuoteReviewInput = { quoteKey: string; status: string; reason: string | null };

export type ThreadInput = { id: string; block?: number | null; excerpt?: string };

export type GateInputs = {
  content: ArticleContent;
  /** null when no checker ran (the gate is then reported as skipped). */
  findings: readonly FindingInput[] | null;
  quotes: readonly QuoteInput[];
  reviews: readonly QuoteReviewInput[];
  /** Unresolved comment threads; a number when only the count is known. */
  openThreads: readonly ThreadInput[] | number;
  headline?: HeadlineLimits;
};

const CLEARED = new Set(['verified']);

function short(s: string, n = 40): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

function gate(id: GateId, items: GateItem[], pass: Message, fail: Message, skipped = false): GateResult {
  const ok = items.every((i) => i.ok);
  return { id, ok, skipped, message: ok ? pass : fail, items };
}

function checkerGate(findings: readonly FindingInput[] | null): GateResult {
  if (findings === null) {
    return {
      id: 'checker',
      ok: true,
      skipped: true,
      message: { ar: 'لم يُشغَّل المدقق على هذا المقال.', en: 'The checker was not run on this article.' },
      items: [],
    };
  }
  const items = findings
    .filter((f) => f.severity === 'error')
    .map((f, i): GateItem => ({
      id: `checker:${i}:${f.ruleId}`,
      ok: false,
      message: { ar: `${f.message} («${short(f.text)}»)`, en: `${f.ruleId}: “${short(f.text)}”` },
      target:
        f.block !== undefined
          ? { kind: 'block', block: f.block, from: f.from, to: f.to }
          : { kind: 'field', field: f.field ?? 'headline' },
    }));
  return gate(
    'checker',
    items,
    { ar: 'لا أخطاء لغوية مفتوحة.', en: 'No open checker errors.' },
    {
      ar: `أخطاء لغوية مفتوحة: ${items.length}.`,
      en: `${items.length} open checker error(s).`,
    },
  );
}

/** How an unfinished quote review reads in each language (a waiver without a reason is not finished). */
const QUOTE_STATE: Record<string, { ar: string; en: string }> = {
  unchecked: { ar: 'لم يُدقَّق', en: 'unchecked' },
  pending: { ar: 'قيد التدقيق', en: 'pending' },
  discrepancy: { ar: 'فيه اختلاف عن المصدر', en: 'differs from the source' },
  not_found: { ar: 'لم يُعثر عليه في المصادر', en: 'not found in the sources' },
  waived: { ar: 'أُعفي دون سبب', en: 'waived without a reason' },
};

function quotesGate(quotes: readonly QuoteInput[], reviews: readonly QuoteReviewInput[]): GateResult {
  const byKey = new Map(reviews.map((r) => [r.quoteKey, r]));
  const items: GateItem[] = [];
  for (const q of quotes) {
    if (q.kind !== 'speech') continue;
    const r = byKey.get(q.id);
    const cleared = r && (CLEARED.has(r.status) || (r.status === 'waived' && (r.reason ?? '').trim() !== ''));
    if (cleared) continue;
    const state = QUOTE_STATE[r ? r.status : 'unchecked'] ?? { ar: r!.status, en: r!.status };
    items.push({
      id: `quotes:${q.id}`,
      ok: false,
      message: {
        ar: `اقتباس غير موثَّق (${state.ar}): «${short(q.text)}»`,
        en: `Quote not verified (${state.en}): “${short(q.text)}”`,
      },
      target: { kind: 'quote', quote: q.id, block: q.block },
    });
  }
  return gate(
    'quotes',
    items,
    { ar: 'كل الاقتباسات موثَّقة أو مُعفاة بسبب.', en: 'Every quote is verified or waived with a reason.' },
    { ar: `اقتباسات لم تُوثَّق: ${items.length}.`, en: `${items.length} quote(s) not verified.` },
  );
}

const FIGURE_FIELDS = [
  ['caption', 'التعليق', 'caption'],
  ['credit', 'الحقوق', 'credit'],
  ['altText', 'النص البديل', 'alt text'],
] as const;

function figuresGate(content: ArticleContent): GateResult {
  const items: GateItem[] = [];
  content.figures.forEach((f, i) => {
    for (const [key, ar, en] of FIGURE_FIELDS) {
      if (f[key].trim() !== '') continue;
      items.push({
        id: `figures:${i}:${key}`,
        ok: false,
        message: { ar: `الصورة ${i + 1} بلا ${ar}.`, en: `Figure ${i + 1} has no ${en}.` },
        target: { kind: 'field', field: `figures.${i}.${key}` },
      });
    }
  });
  return gate(
    'figures',
    items,
    { ar: 'لكل صورة تعليق وحقوق ونص بديل.', en: 'Every figure has a caption, credit and alt text.' },
    { ar: 'بيانات صور ناقصة.', en: 'Figures lack a caption, credit or alt text.' },
  );
}

function tagsGate(content: ArticleContent): GateResult {
  const has = content.tags.some((t) => t.trim() !== '');
  const items: GateItem[] = has
    ? []
    : [
        {
          id: 'tags:none',
          ok: false,
          message: { ar: 'لا وسوم للمقال.', en: 'The article has no tags.' },
          target: { kind: 'field', field: 'tags' },
        },
      ];
  return gate(
    'tags',
    items,
    { ar: 'للمقال وسم واحد على الأقل.', en: 'The article has at least one tag.' },
    { ar: 'أضف وسمًا واحدًا على الأقل.', en: 'Add at least one tag.' },
  );
}

/** Characters as a reader counts them: code points, surrounding spaces excluded. */
export function headlineLength(headline: string): number {
  return [...headline.trim()].length;
}

function headlineGate(content: ArticleContent, limits: HeadlineLimits): GateResult {
  const n = headlineLength(content.headline);
  const items: GateItem[] = [];
  if (n < limits.min || n > limits.max) {
    items.push({
      id: n < limits.min ? 'headline:short' : 'headline:long',
      ok: false,
      message:
        n < limits.min
          ? {
              ar: `العنوان قصير: ${n} حرفًا (الحد الأدنى ${limits.min}).`,
              en: `Headline too short: ${n} characters (minimum ${limits.min}).`,
            }
          : {
              ar: `العنوان طويل: ${n} حرفًا (الحد الأقصى ${limits.max}).`,
              en: `Headline too long: ${n} characters (maximum ${limits.max}).`,
            },
      target: { kind: 'field', field: 'headline' },
    });
  }
  return gate(
    'headline',
    items,
    { ar: `طول العنوان مناسب (${n} حرفًا).`, en: `Headline length is within limits (${n} characters).` },
    items[0]?.message ?? { ar: '', en: '' },
  );
}

function commentsGate(open: readonly ThreadInput[] | number): GateResult {
  const items: GateItem[] =
    typeof open === 'number'
      ? Array.from({ length: open }, (_, i) => ({
          id: `comments:${i}`,
          ok: false,
          message: { ar: 'نقاش تعليقات لم يُحسم.', en: 'Unresolved comment thread.' },
          target: null,
        }))
      : open.map((t) => ({
          id: `comments:${t.id}`,
          ok: false,
          message: {
            ar: `نقاش تعليقات لم يُحسم${t.excerpt ? `: «${short(t.excerpt)}»` : '.'}`,
            en: `Unresolved comment thread${t.excerpt ? `: “${short(t.excerpt)}”` : '.'}`,
          },
          target: { kind: 'thread', thread: t.id },
        }));
  return gate(
    'comments',
    items,
    { ar: 'لا نقاشات تعليقات مفتوحة.', en: 'No unresolved comment threads.' },
    { ar: `نقاشات تعليقات مفتوحة: ${items.length}.`, en: `${items.length} unresolved comment thread(s).` },
  );
}

/** Tracked changes nobody has accepted or rejected: the approved text must be the text that is published. */
function suggestionsGate(content: ArticleContent): GateResult {
  const items: GateItem[] = suggestionsOf(content).map((sg) => ({
    id: `suggestions:${sg.block}:${sg.from}`,
    ok: false,
    message:
      sg.type === 'insertion'
        ? {
            ar: `إضافة مقترحة من ${sg.author}: «${short(sg.text)}»`,
            en: `Insertion suggested by ${sg.author}: “${short(sg.text)}”`,
          }
        : {
            ar: `حذف مقترح من ${sg.author}: «${short(sg.text)}»`,
            en: `Deletion suggested by ${sg.author}: “${short(sg.text)}”`,
          },
    target:
      sg.block === HEADLINE_BLOCK
        ? { kind: 'field', field: 'headline' }
        : { kind: 'block', block: sg.block, from: sg.from, to: sg.to },
  }));
  return gate(
    'suggestions',
    items,
    { ar: 'لا اقتراحات معلّقة.', en: 'No pending suggestions.' },
    {
      ar: `اقتراحات لم تُقبل أو تُرفض: ${items.length}.`,
      en: `${items.length} suggestion(s) not accepted or rejected.`,
    },
  );
}

/** Evaluates every gate, in the order an editor reads them. */
export function evaluateGates(input: GateInputs): GateResult[] {
  const limits = input.headline ?? DEFAULT_HEADLINE_LIMITS;
  return [
    checkerGate(input.findings),
    quotesGate(input.quotes, input.reviews),
    figuresGate(input.content),
    tagsGate(input.content),
    headlineGate(input.content, limits),
    commentsGate(input.openThreads),
    suggestionsGate(input.content),
  ];
}

export const GateOverride = z.object({
  gate: GateId,
  reason: z.string().trim().min(3).max(2000),
});
export type GateOverride = z.infer<typeof GateOverride>;

/**
 * Which overrides an approval needs and whether the given ones cover them: every failing gate must be
 * overridden with a written reason. Overrides for gates that pass are dropped (nothing to override).
 */
export function resolveOverrides(
  gates: readonly GateResult[],
  given: readonly GateOverride[],
): { missing: GateResult[]; used: GateOverride[] } {
  const byGate = new Map(given.map((o) => [o.gate, o]));
  const failing = gates.filter((g) => !g.ok);
  const missing = failing.filter((g) => !byGate.has(g.id) || byGate.get(g.id)!.reason.trim() === '');
  const used = failing.flatMap((g) => {
    const o = byGate.get(g.id);
    return o ? [{ gate: g.id, reason: o.reason.trim() }] : [];
  });
  return { missing, used };
}
