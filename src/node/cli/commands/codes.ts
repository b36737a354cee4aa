// `codes list`, `codes import FILE.tsv [--replace]`, `codes export`: the code replacement table.
import { AppError } from '../../../core/ipc/contract';
import { exportCodesTsv, importCodesTsv, listCodeEntries } from '../../services/tags';
import { UsageError, type CliCommand } from '../command';

export const codesCommand: CliCommand = {
  name: 'codes',
  usage: 'codes list | import FILE.tsv [--replace] | export',
  summary: 'رموز الاستبدال: عرض واستيراد وتصدير — code replacements: list, import, export',
  positionals: ['ACTION', 'FILE?'],
  flags: {
    replace: { type: 'boolean', help: 'يستبدل الجدول كله — replace the whole table instead of adding to it' },
  },
  async run(ctx) {
    const [action, file] = ctx.args;
    if (action === 'list') {
      const codes = listCodeEntries(ctx.db());
      return {
        json: { codes },
        text: codes.length ? codes.map((c) => `${c.code}\t${c.expansion}`).join('\n') : 'لا رموز.',
      };
    }
    if (action === 'export') {
      const { tsv } = exportCodesTsv(ctx.db());
      return { json: { tsv }, text: tsv.replace(/\n$/, '') };
    }
    if (action === 'import') {
      if (file === undefined) throw new UsageError('codes import: missing FILE.tsv.');
      const bytes = await ctx.readFile(file);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new AppError('undecodable', `${file}: not UTF-8 text; save the table as UTF-8 TSV.`);
      }
      const r = importCodesTsv(ctx.db(), text, { replace: ctx.flags.replace === true });
      if (r.imported === 0) {
        const first = r.problems[0]!;
        throw new AppError(
          'bad_request',
          `${file}: no valid line (line ${first.line}: ${first.message}; ${r.problems.length} bad lines).`,
        );
      }
      const lines = [`استُورد ${r.imported} رمزاً.`, ...r.problems.map((p) => `السطر ${p.line}: ${p.message}`)];
      return { json: r, text: lines.join('\n') };
    }
    throw new UsageError(`codes: unknown action "${action}" (usage: ${codesCommand.usage})`);
  },
};
