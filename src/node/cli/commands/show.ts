// `show ID`: one article's current content.
import { showArticle } from '../../services';
import type { CliCommand } from '../command';
import { articleJson, articleText } from '../format';

export const showCommand: CliCommand = {
  name: 'show',
  usage: 'show ID',
  summary: 'يعرض مقالاً — shows an article',
  positionals: ['ID'],
  flags: {},
  run(ctx) {
    const { article } = showArticle(ctx.db(), ctx.args[0]!);
    const json = articleJson(article, article);
    return { json, text: articleText(json) };
  },
};
