// `sources add FILE [--article ID] [--title T] [--url U] …`, `sources list [--article ID]`,
// `sources search QUERY`: the fact-checking sources library from the command line.
import { basename } from 'node:path';
import type { SourceSummary } from '../../../core/factcheck';
import { addSourceFile, listSources, searchSources } from '../../services/factcheckSources';
import { UsageError, type CliCommand, type CommandContext } from '../command';

const KIND_AR: Record<SourceSummary['kind'], string> = {
  pasted: 'نص ملصق',
  text: 'نص',
  html: 'صفحة ويب',
  pdf: 'PDF',
  docx: 'Word',
};

function stringFlag(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.flags[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`sources: --${name} needs a value.`);
  return v;
}

function sourceLine(s: SourceSummary): string {
  const meta = [KIND_AR[s.kind], s.publisher, s.publishedAt, s.url].filter(Boolean).join(' · ');
  return `${s.id}  ${s.title}  (${meta})  الأحرف: ${s.chars}  المقالات: ${s.articles}`;
}

export const sourcesCommand: CliCommand = {
  name: 'sources',
  usage: 'sources add FILE [--article ID] [--title T] [--url U] | list [--article ID] | search QUERY',
  summary: 'مكتبة المصادر: إضافة وعرض وبحث — the sources library: add, list, search',
  positionals: ['ACTION', 'ARG?'],
  flags: {
    article: { type: 'string', help: 'المقال الذي يُرفق به المصدر — the article the source belongs to' },
    title: { type: 'string', help: 'عنوان المصدر — the source title (default: the file’s own)' },
    url: { type: 'string', help: 'رابط المصدر — the source URL' },
    publisher: { type: 'string', help: 'الناشر — the publisher' },
    language: { type: 'string', help: 'لغة المصدر (ar افتراضيًا) — language tag (default ar)' },
    date: { type: 'string', help: 'تاريخ النشر — publication date (2024-10-23)' },
  },
  async run(ctx) {
    const [action, arg] = ctx.args;
    const articleId = stringFlag(ctx, 'article');
    if (action === 'add') {
      if (arg === undefined) throw new UsageError('sources add: missing FILE.');
      const language = stringFlag(ctx, 'language');
      if (language !== undefined && !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(language)) {
        throw new UsageError(
          `sources add: --language must be a language tag such as ar or en, not "${language}".`,
        );
      }
      const added = await addSourceFile(ctx.db(), {
        bytes: await ctx.readFile(arg),
        fileName: basename(arg),
        articleId: articleId ?? null,
        title: stringFlag(ctx, 'title') ?? null,
        url: stringFlag(ctx, 'url') ?? null,
        publisher: stringFlag(ctx, 'publisher') ?? null,
        language: language ?? null,
        publishedAt: stringFlag(ctx, 'date') ?? null,
        author: ctx.author,
      });
      const head = added.reused ? 'المصدر موجود في المكتبة، أعيد استخدامه:' : 'أضيف المصدر:';
      return { json: added, text: `${head}\n${sourceLine(added.source)}` };
    }
    if (action === 'list') {
      if (arg !== undefined) throw new UsageError(`sources list: unexpected argument "${arg}".`);
      const sources = listSources(ctx.db(), { articleId: articleId ?? null });
      const text = sources.length ? sources.map(sourceLine).join('\n') : 'لا مصادر.';
      return { json: { sources }, text };
    }
    if (action === 'search') {
      if (arg === undefined) throw new UsageError('sources search: missing QUERY.');
      const hits = searchSources(ctx.db(), arg);
      const text = hits.length
        ? hits.map((h) => `${sourceLine(h)}\n    ${h.snippet}`).join('\n')
        : `لا نتائج لـ «${arg}».`;
      return { json: { query: arg, hits }, text };
    }
    throw new UsageError(`sources: unknown action "${action}" (add, list or search).`);
  },
};
