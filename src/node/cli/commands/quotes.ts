// `quotes FILE|--article ID [--source FILE]… [--verify]`: lists an article's quotes and claims with their
// speakers; with sources, verifies each speech quote against them. For a library article the stored reviews
// (status, corrected speaker, notes) come with each quote, and --verify checks the quotes against the
// article's attached sources and stores the results.
import { basename } from 'node:path';
import { AppError } from '../../../core/ipc/contract';
import { extractQuotes, verifyQuotes, type Quote, type SourceText } from '../../../core/quotes';
import type { QuoteReviewItem, ReviewStatus } from '../../../core/factcheck';
import { prepareDocument, showArticle } from '../../services';
import { listQuoteReviews, verifyArticleQuotes } from '../../services/factcheck';
import { articleSourceTexts } from '../../store/sources';
import { UsageError, type CliCommand, type CommandContext } from '../command';

const KIND_AR: Record<Quote['kind'], string> = {
  speech: 'اقتباس',
  naming: 'تسمية',
  claim: 'تصريح غير مباشر',
};
const STATUS_AR = { verified: 'مطابق', discrepancy: 'مختلف', not_found: 'غير موجود' } as const;
const REVIEW_AR: Record<ReviewStatus, string> = {
  pending: 'بانتظار التحقق',
  verified: 'مطابق',
  discrepancy: 'مختلف',
  not_found: 'غير موجود',
  waived: 'مُعفى',
};

/** Source files are plain text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
export function decodeSource(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new AppError('empty_file', `${name}: the source file is empty.`);
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (!text.trim()) throw new AppError('empty_file', `${name}: the source file holds no text.`);
    return text;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('undecodable', `${name}: the source is not UTF-8 or UTF-16 text.`);
  }
}

async function articleBody(ctx: CommandContext): Promise<{ text: string }[]> {
  const file = ctx.args[0];
  const id = ctx.flags.article;
  if (file !== undefined && id !== undefined)
    throw new UsageError('quotes: give FILE or --article ID, not both.');
  if (typeof id === 'string') {
    if (!id.trim()) throw new UsageError('quotes: --article needs an article id.');
    return showArticle(ctx.db(), id).article.body;
  }
  if (file === undefined) throw new UsageError('quotes: give FILE or --article ID.');
  return (await prepareDocument(await ctx.readFile(file), basename(file))).content.body;
}

async function readSources(ctx: CommandContext): Promise<SourceText[]> {
  const given = ctx.flags.source;
  const files = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
  const out: SourceText[] = [];
  for (const f of files) out.push({ id: f, text: decodeSource(await ctx.readFile(f), f) });
  return out;
}

function quoteLine(q: Quote): string {
  const lines = [
    `[${q.block}:${q.from}-${q.to}] ${KIND_AR[q.kind]}${q.speaker ? ` — ${q.speaker}` : ''}: «${q.text}»`,
  ];
  const v = q.verification;
  if (v) {
    lines.push(`    ${STATUS_AR[v.status]} (${v.score.toFixed(2)})${v.source ? ` — ${v.source}` : ''}`);
    const changes = v.diff.filter((d) => d.op !== 'equal');
    for (const d of changes) lines.push(`    ${d.op === 'insert' ? '+' : '-'} ${d.text}`);
  }
  return lines.join('\n');
}

export const quotesCommand: CliCommand = {
  name: 'quotes',
  usage: 'quotes FILE|--article ID [--source FILE]… [--verify]',
  summary:
    'يستخرج الاقتباسات وقائليها ويتحقق منها — lists quotes with speakers, verifies them against sources',
  positionals: ['FILE?'],
  flags: {
    article: { type: 'string', help: 'مقال من المكتبة — an article of the library' },
    source: {
      type: 'string',
      multiple: true,
      help: 'نص مصدر للتحقق (يتكرر) — a source text to verify against (repeatable)',
    },
    verify: {
      type: 'boolean',
      help: 'يتحقق من مصادر المقال المرفقة ويحفظ النتائج — verifies against the attached sources and stores the results',
    },
  },
  async run(ctx) {
    const id = ctx.flags.article;
    const sources = await readSources(ctx);
    if (ctx.flags.verify === true) {
      if (typeof id !== 'string') throw new UsageError('quotes: --verify needs --article ID.');
      if (sources.length) {
        throw new UsageError(
          'quotes: --verify checks the sources attached to the article; attach files with `sources add FILE --article ID`.',
        );
      }
    }
    if (typeof id === 'string' && ctx.args[0] === undefined) {
      if (!id.trim()) throw new UsageError('quotes: --article needs an article id.');
      const db = ctx.db();
      let quotes: QuoteReviewItem[] =
        ctx.flags.verify === true
          ? verifyArticleQuotes(db, id, { author: ctx.author })
          : listQuoteReviews(db, id);
      if (sources.length) {
        // Files given on the command line are checked together with the attached sources, and not stored.
        const all = [...articleSourceTexts(db, id).map((s) => ({ id: s.id, text: s.text })), ...sources];
        const checked = new Map(verifyQuotes(quotes, all).map((q) => [q.id, q.verification]));
        quotes = quotes.map((q) =>
          q.kind === 'speech' ? { ...q, verification: checked.get(q.id) ?? null } : q,
        );
      }
      const text = quotes.length ? quotes.map(reviewLine).join('\n') : 'لا اقتباسات — no quotes';
      return { json: { quotes }, text };
    }
    const body = await articleBody(ctx);
    let quotes = extractQuotes(body);
    if (sources.length) quotes = verifyQuotes(quotes, sources);
    const text = quotes.length ? quotes.map(quoteLine).join('\n') : 'لا اقتباسات — no quotes';
    return { json: { quotes }, text };
  },
};

function reviewLine(q: QuoteReviewItem): string {
  const lines = [quoteLine(q), `    الحالة: ${REVIEW_AR[q.status]}${q.checkedBy ? ` — ${q.checkedBy}` : ''}`];
  if (q.speakerCorrected) lines.push(`    القائل مصحّح (كان: ${q.detectedSpeaker ?? '—'})`);
  if (q.waivedReason) lines.push(`    سبب الإعفاء: ${q.waivedReason}`);
  if (q.note) lines.push(`    ملاحظة: ${q.note}`);
  return lines.join('\n');
}
