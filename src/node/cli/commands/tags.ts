// `tags list`, `tags suggest ID`, `tags search PREFIX`: the tag vocabulary with its usage, and suggestions.
import { listTags, searchTags, suggestTagsForArticle } from '../../services/tags';
import { UsageError, type CliCommand } from '../command';

const TYPE_AR = { person: 'شخص', organisation: 'منظمة', place: 'مكان', topic: 'موضوع' } as const;

export const tagsCommand: CliCommand = {
  name: 'tags',
  usage: 'tags list | suggest ID | search PREFIX',
  summary: 'الوسوم: القائمة والاقتراحات والبحث — tags: the vocabulary, suggestions, search',
  positionals: ['ACTION', 'ARG?'],
  flags: {},
  run(ctx) {
    const [action, arg] = ctx.args;
    if (action === 'list') {
      if (arg !== undefined) throw new UsageError('tags list: takes no argument.');
      const list = listTags(ctx.db());
      const lines = list.tags
        .filter((t) => t.usage > 0)
        .sort((a, b) => b.usage - a.usage)
        .map((t) => `${t.label}  (${TYPE_AR[t.type]})  المقالات: ${t.usage}`);
      lines.push(`الوسوم في المعجم: ${list.tags.length}`);
      if (list.unlisted.length) {
        lines.push('وسوم في المقالات خارج المعجم:');
        for (const u of list.unlisted) lines.push(`${u.label}  المقالات: ${u.usage}`);
      }
      return { json: list, text: lines.join('\n') };
    }
    if (action === 'suggest') {
      if (arg === undefined) throw new UsageError('tags suggest: missing ID.');
      const suggestions = suggestTagsForArticle(ctx.db(), arg);
      const text = suggestions.length
        ? suggestions.map((s) => `${s.label}  (${TYPE_AR[s.type]})  ${s.count}×`).join('\n')
        : 'لا اقتراحات.';
      return { json: { suggestions }, text };
    }
    if (action === 'search') {
      if (arg === undefined) throw new UsageError('tags search: missing PREFIX.');
      const tags = searchTags(ctx.db(), arg);
      return {
        json: { tags },
        text: tags.length ? tags.map((t) => `${t.label}  (${TYPE_AR[t.type]})`).join('\n') : 'لا نتائج.',
      };
    }
    throw new UsageError(`tags: unknown action "${action}" (usage: ${tagsCommand.usage})`);
  },
};
