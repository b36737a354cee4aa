// `quotes FILE|--article ID [--source FILE]…`: lists an article's quotes and claims with their speakers; with
// sources, verifies each speech quote against them.
import { basename } from 'node:path';
import { AppError } from '../../../core/ipc/contract';
import { extractQuotes, verifyQuotes, type Quote, type SourceText } from '../../../core/quotes';
import { prepareDocument, showArticle } from '../../services';
import { UsageError, type CliCommand, type CommandContext } from '../command';

const KIND_AR: Record<Quote['kind'], string> = {
  speech: 'اقتباس',
  naming: 'تسمية',
  claim: 'تصريح غير مباشر',
};
const STATUS_AR = { verified: 'مطابق', discrepancy: 'مختلف', not_found: 'غير موجود' } as const;

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
  usage: 'quotes FILE|--article ID [--source FILE]…',
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
  },
  async run(ctx) {
    const body = await articleBody(ctx);
    const sources = await readSources(ctx);
    let quotes = extractQuotes(body);
    if (sources.length) quotes = verifyQuotes(quotes, sources);
    const text = quotes.length ? quotes.map(quoteLine).join('\n') : 'لا اقتباسات — no quotes';
    return { json: { quotes }, text };
  },
};
