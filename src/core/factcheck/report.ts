// The fact-check report of an article: every speech quote and reviewed claim with its speaker, status,
// source passage, word diff, notes and who checked it when, plus counts per status. Built as data (JSON) and
// rendered as a standalone HTML document whose every piece of text is escaped: nothing an article or a source
// holds is ever read as markup, and a strict Content-Security-Policy forbids scripts, frames and requests.
import { z } from 'zod';
import { safeUrl } from '../import/furniture';
import { DiffOp } from '../quotes/model';
import {
  type QuoteReviewItem,
  REVIEW_STATUSES,
  ReviewStatus,
  type ReportFormat,
  type SourceSummary,
} from './model';

const ReportSource = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type ReportSource = z.infer<typeof ReportSource>;

export const ReportQuote = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  speaker: z.string().nullable(),
  detectedSpeaker: z.string().nullable(),
  block: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
  status: ReviewStatus,
  score: z.number().nullable(),
  source: ReportSource.nullable(),
  /** The matching passage as the source writes it ('' when none). */
  passage: z.string(),
  diff: z.array(DiffOp),
  note: z.string().nullable(),
  waivedReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type ReportQuote = z.infer<typeof ReportQuote>;

export const FactcheckReport = z.object({
  report: z.literal('tadqiq-factcheck'),
  version: z.literal(1),
  generatedAt: z.string(),
  article: z.object({
    id: z.string(),
    headline: z.string(),
    revision: z.number().int(),
    status: z.string(),
  }),
  summary: z.object({
    total: z.number().int(),
    byStatus: z.record(ReviewStatus, z.number().int()),
    /** Quotes still needing a decision: pending, discrepancy or not found. */
    open: z.number().int(),
  }),
  quotes: z.array(ReportQuote),
  sources: z.array(ReportSource),
});
export type FactcheckReport = z.infer<typeof FactcheckReport>;

export type ReportInput = {
  article: { id: string; headline: string; revision: number; status: string };
  quotes: readonly QuoteReviewItem[];
  /** The sources attached to the article (and any other the reviews name). */
  sources: readonly Pick<SourceSummary, 'id' | 'title' | 'url' | 'publisher' | 'publishedAt'>[];
  generatedAt: string;
};

/** Speech quotes, and claims once someone reviewed them (a claim marked by hand always has a review). */
function reported(q: QuoteReviewItem): boolean {
  return q.kind === 'speech' || (q.kind === 'claim' && q.decidedBy !== null);
}

export function buildFactcheckReport(input: ReportInput): FactcheckReport {
  const sources = input.sources.map((s) => ({
    id: s.id,
    title: s.title,
    url: s.url,
    publisher: s.publisher,
    publishedAt: s.publishedAt,
  }));
  const byId = new Map(sources.map((s) => [s.id, s]));
  const quotes: ReportQuote[] = input.quotes
    .filter(reported)
    .slice()
    .sort((a, b) => a.block - b.block || a.from - b.from)
    .map((q) => {
      const v = q.verification;
      const sourceId = q.sourceId ?? v?.source ?? null;
      const source =
        sourceId === null
          ? null
          : (byId.get(sourceId) ?? {
              id: sourceId,
              title: q.sourceTitle ?? sourceId,
              url: null,
              publisher: null,
              publishedAt: null,
            });
      return {
        id: q.id,
        kind: q.kind,
        text: q.text,
        speaker: q.speaker,
        detectedSpeaker: q.detectedSpeaker,
        block: q.block,
        from: q.from,
        to: q.to,
        status: q.status,
        score: v?.score ?? null,
        source,
        passage: v?.sourceText ?? '',
        diff: v?.diff ?? [],
        note: q.note,
        waivedReason: q.waivedReason,
        decidedBy: q.decidedBy,
        checkedBy: q.checkedBy,
        checkedAt: q.checkedAt,
      };
    });
  const byStatus = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  for (const q of quotes) byStatus[q.status]++;
  return {
    report: 'tadqiq-factcheck',
    version: 1,
    generatedAt: input.generatedAt,
    article: { ...input.article },
    summary: {
      total: quotes.length,
      byStatus,
      open: byStatus.pending + byStatus.discrepancy + byStatus.not_found,
    },
    quotes,
    sources,
  };
}

export function renderReportJson(report: FactcheckReport): string {
  return JSON.stringify(report, null, 2);
}

const STATUS_AR: Record<ReviewStatus, string> = {
  pending: 'بانتظار التحقق',
  verified: 'مطابق للمصدر',
  discrepancy: 'مختلف عن المصدر',
  not_found: 'غير موجود في المصادر',
  waived: 'مُعفى من التحقق',
};

const KIND_AR: Record<string, string> = { speech: 'اقتباس', claim: 'تصريح', naming: 'تسمية' };

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** Only plain web links become links; anything else (javascript:, data: …) is shown as text. */
const webUrl = safeUrl;

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

const STYLE = `
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", serif; margin: 2rem auto;
  max-width: 60rem; line-height: 1.7; color: #1b1b1b; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
.meta { color: #555; font-size: 0.9rem; }
table.summary { border-collapse: collapse; margin: 1rem 0; }
table.summary th, table.summary td { border: 1px solid #ccc; padding: 0.25rem 0.75rem; text-align: start; }
section.quote { border: 1px solid #ddd; border-inline-start: 0.4rem solid #999; border-radius: 4px;
  padding: 0.75rem 1rem; margin: 1rem 0; }
section.quote.verified { border-inline-start-color: #2e7d32; }
section.quote.discrepancy { border-inline-start-color: #c62828; }
section.quote.not_found { border-inline-start-color: #ef6c00; }
section.quote.waived { border-inline-start-color: #6a1b9a; }
blockquote { margin: 0.5rem 0; font-size: 1.1rem; }
.label { font-weight: bold; }
ins { background: #e3f4e1; color: #1b5e20; text-decoration: underline; }
del { background: #fbe3e3; color: #b71c1c; text-decoration: line-through; }
.diff, .passage { background: #fafafa; padding: 0.5rem; border-radius: 4px; }
`;

function row(label: string, value: string): string {
  return `<p><span class="label">${escapeHtml(label)}:</span> ${value}</p>`;
}

function diffHtml(diff: readonly DiffOp[]): string {
  return diff
    .map((d) =>
      d.op === 'equal'
        ? escapeHtml(d.text)
        : d.op === 'insert'
          ? `<ins>${escapeHtml(d.text)}</ins>`
          : `<del>${escapeHtml(d.text)}</del>`,
    )
    .join(' ');
}

function sourceHtml(s: ReportSource): string {
  const href = webUrl(s.url);
  const title = escapeHtml(s.title);
  const parts = [href ? `<a href="${escapeHtml(href)}" rel="noreferrer noopener">${title}</a>` : title];
  if (s.publisher) parts.push(escapeHtml(s.publisher));
  if (s.publishedAt) parts.push(escapeHtml(s.publishedAt));
  if (s.url && !href) parts.push(escapeHtml(s.url));
  return parts.join(' — ');
}

function quoteHtml(q: ReportQuote, n: number): string {
  const out: string[] = [];
  out.push(`<section class="quote ${q.status}" id="quote-${n}">`);
  out.push(
    `<h3>${n}. ${escapeHtml(KIND_AR[q.kind] ?? q.kind)} — ${escapeHtml(STATUS_AR[q.status])}</h3>`,
    `<blockquote>«${escapeHtml(q.text)}»</blockquote>`,
  );
  const speaker = q.speaker ?? 'غير معروف';
  const corrected =
    q.detectedSpeaker !== null && q.speaker !== q.detectedSpeaker
      ? ` (صُحّح من: ${escapeHtml(q.detectedSpeaker)})`
      : '';
  out.push(row('القائل', escapeHtml(speaker) + corrected));
  if (q.source) out.push(row('المصدر', sourceHtml(q.source)));
  if (q.score !== null) out.push(row('درجة التطابق', escapeHtml(q.score.toFixed(2))));
  if (q.passage) out.push(row('النص في المصدر', `<span class="passage">${escapeHtml(q.passage)}</span>`));
  if (q.diff.some((d) => d.op !== 'equal'))
    out.push(row('الفروق', `<span class="diff">${diffHtml(q.diff)}</span>`));
  if (q.waivedReason) out.push(row('سبب الإعفاء', escapeHtml(q.waivedReason)));
  if (q.note) out.push(row('ملاحظة', escapeHtml(q.note)));
  if (q.checkedBy || q.checkedAt) {
    const who = q.decidedBy === 'auto' ? `${q.checkedBy ?? ''} (تحقق آلي)` : (q.checkedBy ?? '');
    out.push(row('دقّقه', `${escapeHtml(who)} — <time dir="ltr">${escapeHtml(q.checkedAt ?? '')}</time>`));
  }
  out.push('</section>');
  return out.join('\n');
}

/** The report as one HTML document that opens offline in any browser, right to left, in Arabic. */
export function renderReportHtml(report: FactcheckReport): string {
  const a = report.article;
  const s = report.summary;
  const summaryRows = REVIEW_STATUSES.map(
    (st) => `<tr><th>${escapeHtml(STATUS_AR[st])}</th><td>${s.byStatus[st]}</td></tr>`,
  ).join('\n');
  const body = report.quotes.length
    ? report.quotes.map((q, i) => quoteHtml(q, i + 1)).join('\n')
    : '<p>لا اقتباسات في هذا المقال.</p>';
  const sources = report.sources.length
    ? `<ul>${report.sources.map((x) => `<li>${sourceHtml(x)}</li>`).join('\n')}</ul>`
    : '<p>لا مصادر مرفقة.</p>';
  return `<!DOCTYPE html>
<html dir="rtl" lang="ar">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>تقرير التحقق — ${escapeHtml(a.headline)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>تقرير التحقق من الاقتباسات</h1>
<p class="meta">${escapeHtml(a.headline)}</p>
<p class="meta">المقال ${escapeHtml(a.id)} — المراجعة ${a.revision} — أُعدّ في <time dir="ltr">${escapeHtml(report.generatedAt)}</time></p>
</header>
<h2>الخلاصة</h2>
<table class="summary">
<tr><th>المجموع</th><td>${s.total}</td></tr>
${summaryRows}
<tr><th>بحاجة إلى قرار</th><td>${s.open}</td></tr>
</table>
<h2>الاقتباسات</h2>
<p class="meta">في الفروق: <ins>كلمات في المقال ليست في المصدر</ins>، <del>كلمات في المصدر ليست في المقال</del>.</p>
${body}
<h2>المصادر</h2>
${sources}
</body>
</html>
`;
}

export function renderReport(report: FactcheckReport, format: ReportFormat): string {
  return format === 'json' ? renderReportJson(report) : renderReportHtml(report);
}
