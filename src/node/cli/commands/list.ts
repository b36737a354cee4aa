// `list [--trash]`: the library, most recently changed first.
import { listArticles } from '../../services';
import type { CliCommand } from '../command';
import { articleListText } from '../format';

export const listCommand: CliCommand = {
  name: 'list',
  usage: 'list [--trash]',
  summary: 'يعرض مقالات المكتبة — lists the library',
  positionals: [],
  flags: { trash: { type: 'boolean', help: 'المقالات المحذوفة فقط — only the articles in the trash' } },
  run(ctx) {
    const articles = listArticles(ctx.db(), { trash: ctx.flags.trash === true });
    return { json: { articles }, text: articleListText(articles) };
  },
};
