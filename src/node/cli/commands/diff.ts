// `diff ID REV_A REV_B`: what changed in an article between two of its revisions, word by word (JSON: the
// article diff plus { article, from, to }; text: the changed blocks with deletions and insertions marked inline).
import {
  diffArticles,
  type ArticleDiff,
  type BlockDiff,
  type DiffField,
  type DiffOptions,
  type WordOp,
} from '../../../core/diff';
import { getRevision } from '../../services';
import { UsageError, type CliCommand } from '../command';

export const diffCommand: CliCommand = {
  name: 'diff',
  usage: 'diff ID REV_A REV_B [--ignore-diacritics] [--ignore-tatweel] [--fold]',
  summary: 'يعرض الفروق بين مراجعتين للمقال كلمةً كلمة — word diff between two revisions',
  positionals: ['ID', 'REV_A', 'REV_B'],
  flags: {
    'ignore-diacritics': { type: 'boolean', help: 'تجاهل التشكيل — diacritics do not count as changes' },
    'ignore-tatweel': { type: 'boolean', help: 'تجاهل التطويل — tatweel does not count as a change' },
    fold: {
      type: 'boolean',
      help: 'توحيد الهمزات والتاء المربوطة والألف المقصورة — hamza, ة/ه and ى/ي variants count as the same word',
    },
  },
  run(ctx) {
    const [id, revA, revB] = ctx.args as [string, string, string];
    const from = revisionNumber(revA, 'REV_A');
    const to = revisionNumber(revB, 'REV_B');
    const opts: DiffOptions = {
      ignoreDiacritics: ctx.flags['ignore-diacritics'] === true,
      ignoreTatweel: ctx.flags['ignore-tatweel'] === true,
      foldLetters: ctx.flags.fold === true,
    };
    const db = ctx.db();
    const a = getRevision(db, id, from);
    const b = getRevision(db, id, to);
    const diff = diffArticles(a.content, b.content, opts);
    return { json: { article: id, from, to, ...diff }, text: diffReport(id, from, to, diff) };
  },
};

function revisionNumber(s: string, name: string): number {
  if (!/^[0-9]+$/.test(s) || Number(s) < 1 || !Number.isSafeInteger(Number(s))) {
    throw new UsageError(
      `diff: ${name} must be a revision number (1, 2, …; see \`revisions ID\`), not "${s}".`,
    );
  }
  return Number(s);
}

const FIELD_AR: Record<DiffField, string> = {
  headline: 'العنوان',
  standfirst: 'الموجز',
  'figure.caption': 'تعليق الصورة',
  'figure.credit': 'حقوق الصورة',
  'figure.photographer': 'المصوّر',
  'figure.date': 'تاريخ الصورة',
  'figure.altText': 'النص البديل للصورة',
  'figure.image': 'ملف الصورة',
  'dateline.place': 'مكان الخبر',
  'dateline.source': 'المصدر',
  body: 'الفقرة',
  tag: 'الوسم',
  'related.title': 'قصة ذات صلة',
  'related.url': 'رابط القصة',
};

const BLOCK_AR = { paragraph: 'الفقرة', subheading: 'العنوان الفرعي', blockquote: 'الاقتباس' } as const;

/** Fields that come in lists are numbered from 1, as a reader counts. */
const SINGLE: ReadonlySet<DiffField> = new Set(['headline', 'standfirst', 'dateline.place']);

function label(d: BlockDiff): string {
  const name = d.field === 'body' && d.type ? BLOCK_AR[d.type] : FIELD_AR[d.field];
  const n = d.op === 'delete' ? d.a : d.b;
  return SINGLE.has(d.field) ? name : `${name} ${n + 1}`;
}

/** Inline rendering: [-deleted-] {+inserted+}, and {~old→new~} for a word that was changed. */
export function inlineWords(words: readonly WordOp[]): string {
  let out = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w.op === 'delete' && next?.op === 'insert' && next.chars) {
      out += `{~${w.text}→${next.text}~}`;
      i++;
    } else if (w.op === 'delete') out += `[-${w.text}-]`;
    else if (w.op === 'insert') out += `{+${w.text}+}`;
    else out += w.text;
  }
  return out;
}

export function diffReport(id: string, from: number, to: number, diff: ArticleDiff): string {
  const s = diff.summary;
  const lines = [
    `الفروق في المقال ${id} من المراجعة ${from} إلى المراجعة ${to}:`,
    `كلمات مضافة: ${s.wordsAdded}    محذوفة: ${s.wordsRemoved}    معدّلة: ${s.wordsChanged}`,
  ];
  const changes = diff.blocks.filter((d) => d.op !== 'equal');
  if (changes.length === 0) {
    lines.push('لا فروق بين المراجعتين.');
    return lines.join('\n');
  }
  for (const d of changes) {
    lines.push('');
    if (d.op === 'insert') lines.push(`+ ${label(d)} (أضيفت):`, `  {+${d.text}+}`);
    else if (d.op === 'delete') lines.push(`- ${label(d)} (حُذفت):`, `  [-${d.text}-]`);
    else if (d.op === 'changed') {
      const retyped = d.oldType && d.type ? ` (كانت ${BLOCK_AR[d.oldType]})` : '';
      const coarse = d.coarse ? ' (استُبدلت كلها: الفروق أكثر من أن تُعرض كلمةً كلمة)' : '';
      lines.push(`~ ${label(d)}${retyped}${coarse}:`, `  ${inlineWords(d.words)}`);
    }
  }
  lines.push('', 'المفتاح: [-محذوف-] {+مضاف+} {~قبل→بعد~}');
  return lines.join('\n');
}
