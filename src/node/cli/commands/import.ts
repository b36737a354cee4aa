// `import FILE [--dry-run] [--allow-duplicate]`: structures a file and stores it as a new draft.
import { basename } from 'node:path';
import { AppError } from '../../../core/ipc/contract';
import { prepareDocument, showArticle, storeImport } from '../../services';
import type { CliCommand } from '../command';
import { articleJson, articleText } from '../format';

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import FILE [--dry-run] [--allow-duplicate]',
  summary: 'يستورد مقالاً ويطبع بنيته — imports an article and prints its structure',
  positionals: ['FILE'],
  flags: {
    'dry-run': { type: 'boolean', help: 'لا يُحفظ شيء — store nothing, only print the structure' },
    'allow-duplicate': {
      type: 'boolean',
      help: 'يستورد حتى لو وُجد المحتوى نفسه — import even if already there',
    },
  },
  async run(ctx) {
    const file = ctx.args[0]!;
    const prepared = await prepareDocument(await ctx.readFile(file), basename(file));
    if (ctx.flags['dry-run'] === true) {
      const json = articleJson(
        { ...prepared.content, warnings: prepared.warnings },
        { id: null, status: 'draft' },
      );
      return { json, text: articleText(json) };
    }
    const db = ctx.db();
    const outcome = storeImport(db, prepared, {
      allowDuplicate: ctx.flags['allow-duplicate'] === true,
      author: ctx.author,
    });
    if (outcome.kind === 'duplicate') {
      throw new AppError(
        'conflict',
        `${file}: already in the library as ${outcome.existingId} («${outcome.existingHeadline}»); ` +
          'use --allow-duplicate to import it again.',
      );
    }
    const { article } = showArticle(db, outcome.id);
    const json = articleJson({ ...article, warnings: outcome.warnings }, article);
    return { json, text: articleText(json) };
  },
};
