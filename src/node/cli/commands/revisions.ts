// `revisions ID`: an article's history, newest first.
import { listRevisions } from '../../services';
import type { CliCommand } from '../command';
import { revisionsText } from '../format';

export const revisionsCommand: CliCommand = {
  name: 'revisions',
  usage: 'revisions ID',
  summary: 'يعرض سجل مراجعات المقال — lists an article’s revisions',
  positionals: ['ID'],
  flags: {},
  run(ctx) {
    const id = ctx.args[0]!;
    const revisions = listRevisions(ctx.db(), id);
    return { json: { id, revisions }, text: revisionsText(id, revisions) };
  },
};
