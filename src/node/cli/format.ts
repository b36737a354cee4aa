// Renders services' results for the command line: the JSON shapes of PRODUCT.md (fields may be added, never
// renamed) and readable Arabic text for people.
import type { Article, ArticleContent, ArticleStatus } from '../../core/article/model';
import type { ArticleSummary, RevisionReason, RevisionSummary, SearchHit } from '../../core/ipc/contract';

export type ArticleJson = {
  id: string | null;
  headline: string;
  standfirst: string | null;
  dateline: { place: string; sources: string[] };
  figures: { caption: string; credit: string; photographer: string; date: string; altText: string }[];
  body: { type: string; text: string }[];
  tags: string[];
  suggestedTags: string[];
  related: { title: string; url: string | null }[];
  status: ArticleStatus;
  warnings: { code: string; message: string }[];
};

/** The article JSON of PRODUCT.md; `id` is null for an article that was not stored (--dry-run). */
export function articleJson(
  a: ArticleContent & Partial<Pick<Article, 'suggestedTags' | 'warnings'>>,
  meta: {
    id: string | null;
    status: ArticleStatus;
  },
): ArticleJson {
  return {
    id: meta.id,
    headline: a.headline,
    standfirst: a.standfirst,
    dateline: { place: a.dateline.place, sources: [...a.dateline.sources] },
    figures: a.figures.map((f) => ({
      caption: f.caption,
      credit: f.credit,
      photographer: f.photographer,
      date: f.date,
      altText: f.altText,
    })),
    body: a.body.map((b) => ({ type: b.type, text: b.text })),
    tags: [...a.tags],
    suggestedTags: [...(a.suggestedTags ?? [])],
    related: a.related.map((r) => ({ title: r.title, url: r.url })),
    status: meta.status,
    warnings: (a.warnings ?? []).map((w) => ({ code: w.code, message: w.message })),
  };
}

const STATUS_AR: Record<ArticleStatus, string> = {
  draft: 'مسودة',
  'copy-editing': 'تدقيق لغوي',
  'fact-checking': 'تدقيق حقائق',
  ready: 'جاهز',
  approved: 'معتمد',
  'changed-after-approval': 'عُدّل بعد الاعتماد',
  exported: 'مُصدَّر',
};

const REASON_AR: Record<RevisionReason, string> = {
  import: 'استيراد',
  manual: 'حفظ يدوي',
  autosave: 'حفظ تلقائي',
  restore: 'استعادة',
  revise: 'تحديث',
};

const NONE = '—';
const list = (xs: readonly string[]): string => (xs.length ? xs.join('، ') : NONE);

export function statusText(s: ArticleStatus): string {
  return STATUS_AR[s] ?? s;
}

export function articleText(a: ArticleJson): string {
  const lines: string[] = [];
  lines.push(`العنوان: ${a.headline || NONE}`);
  lines.push(`المعرّف: ${a.id ?? '(لم يُحفظ)'}    الحالة: ${statusText(a.status)}`);
  if (a.standfirst) lines.push(`الموجز: ${a.standfirst}`);
  lines.push(`المكان: ${a.dateline.place || NONE}    المصادر: ${list(a.dateline.sources)}`);
  lines.push(`الصور: ${a.figures.length}`);
  for (const f of a.figures) {
    lines.push(`  • ${f.caption || f.altText || NONE}`);
    lines.push(
      `    الحقوق: ${f.credit || NONE}    المصوّر: ${f.photographer || NONE}    التاريخ: ${f.date || NONE}`,
    );
  }
  lines.push(`عدد الفقرات: ${a.body.length}`);
  for (const b of a.body) {
    const mark = b.type === 'subheading' ? '## ' : b.type === 'blockquote' ? '> ' : '';
    lines.push(`  ${mark}${b.text}`);
  }
  lines.push(`الوسوم: ${list(a.tags)}`);
  if (a.related.length) {
    lines.push('قصص ذات صلة:');
    for (const r of a.related) lines.push(`  • ${r.title}${r.url ? ` <${r.url}>` : ''}`);
  }
  if (a.warnings.length) {
    lines.push('تنبيهات:');
    for (const w of a.warnings) lines.push(`  • ${w.message} [${w.code}]`);
  }
  return lines.join('\n');
}

export function articleListText(rows: readonly ArticleSummary[]): string {
  if (rows.length === 0) return 'لا مقالات في المكتبة.';
  return rows
    .map(
      (r) =>
        `${r.id}  ${statusText(r.status)}  ${r.updatedAt.slice(0, 16).replace('T', ' ')}  الكلمات: ${r.words}  ${r.headline}`,
    )
    .join('\n');
}

export function searchText(query: string, hits: readonly SearchHit[]): string {
  if (hits.length === 0) return `لا نتائج لـ «${query}».`;
  const out = [`نتائج البحث عن «${query}»: ${hits.length}`];
  for (const h of hits) out.push(`${h.id}  ${h.headline}`, `    ${h.snippet}`);
  return out.join('\n');
}

export function revisionLine(r: RevisionSummary): string {
  const note = r.note ? `  (${r.note})` : '';
  return `#${r.seq}  ${r.createdAt.slice(0, 19).replace('T', ' ')}  ${r.author}  ${REASON_AR[r.reason] ?? r.reason}  الكلمات: ${r.words}${note}`;
}

export function revisionsText(id: string, revs: readonly RevisionSummary[]): string {
  return [`مراجعات المقال ${id}: ${revs.length}`, ...revs.map(revisionLine)].join('\n');
}
