// `revise ID FILE [--reason TEXT]`: a scripted edit or wire update becomes the article's next revision.
import { basename } from 'node:path';
import { reviseArticle } from '../../services';
import type { CliCommand } from '../command';
import { revisionLine } from '../format';

export const reviseCommand: CliCommand = {
  name: 'revise',
  usage: 'revise ID FILE [--reason TEXT]',
  summary: 'يحفظ نص الملف مراجعةً جديدة للمقال — stores FILE as a new revision of article ID',
  positionals: ['ID', 'FILE'],
  flags: { reason: { type: 'string', help: 'سبب التعديل — why (stored as the revision note)' } },
  async run(ctx) {
    const [id, file] = ctx.args as [string, string];
    const reason = typeof ctx.flags.reason === 'string' ? ctx.flags.reason : null;
    const bytes = await ctx.readFile(file);
    const db = ctx.db();
    const outcome = await reviseArticle(db, {
      id,
      bytes,
      fileName: basename(file),
      note: reason,
      author: ctx.author,
    });
    const text = outcome.saved
      ? `حُفظت مراجعة جديدة:\n${revisionLine(outcome.revision)}`
      : `لم يتغير شيء: النص مطابق للمراجعة ${outcome.revision.seq}.`;
    return { json: { id, ...outcome }, text };
  },
};
