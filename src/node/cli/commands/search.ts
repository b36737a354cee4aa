// `search QUERY`: full-text search over the library (Arabic spelling variants and clitics folded).
import { search } from '../../services';
import type { CliCommand } from '../command';
import { searchText } from '../format';

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search QUERY',
  summary: 'يبحث في نصوص المكتبة — searches the library',
  positionals: ['QUERY'],
  flags: {},
  run(ctx) {
    const query = ctx.args[0]!;
    const hits = search(ctx.db(), query);
    return { json: { query, hits }, text: searchText(query, hits) };
  },
};
