// `export ID --format F [--out PATH] [--override TEXT] [--ninjs-version 2.2]` and
// `export --all-approved --format F --out DIR`: writes exactly where --out says (a file, or a folder that
// receives the generated safe file name) and nowhere else; without --out, text formats go to stdout.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_FORMATS, ExportFormat, NinjsVersion } from '../../../core/export';
import { AppError } from '../../../core/ipc/contract';
import { approvedArticleIds, prepareExport, recordExport, type PreparedExport } from '../../services/export';
import { UsageError, type CliCommand, type CommandContext } from '../command';

const BINARY = new Set<ExportFormat>(['docx', 'pdf']);

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

async function writeOut(target: string, p: PreparedExport): Promise<string> {
  const file = (await isDirectory(target)) ? path.join(target, p.fileName) : target;
  try {
    await writeFile(file, p.bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('bad_request', `Cannot write ${file}: ${code ?? (e as Error).message}.`);
  }
  return file;
}

function flagString(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `export ID --format ${EXPORT_FORMATS.join('|')} [--out PATH] [--override TEXT] [--ninjs-version 2.2] | export --all-approved --format F --out DIR`,
  summary: 'يصدّر مقالًا معتمدًا — exports an approved article (or all of them) in a news format',
  positionals: ['ID?'],
  flags: {
    format: { type: 'string', help: `الصيغة — format: ${EXPORT_FORMATS.join(', ')}` },
    out: { type: 'string', help: 'ملف أو مجلد الإخراج — output file, or folder for the generated name' },
    override: {
      type: 'string',
      help: 'سبب تصدير مقال غير معتمد (للمحرر) — an editor’s reason to export unapproved',
    },
    'ninjs-version': { type: 'string', help: 'إصدار ninjs — ninjs version: 3.1 (default) or 2.2' },
    'all-approved': {
      type: 'boolean',
      help: 'كل المقالات المعتمدة إلى مجلد --out — every approved article into --out',
    },
  },
  async run(ctx) {
    const format = ExportFormat.safeParse(flagString(ctx, 'format'));
    if (!format.success) {
      throw new UsageError(`export: --format is required, one of: ${EXPORT_FORMATS.join(', ')}.`);
    }
    const ninjs = NinjsVersion.safeParse(flagString(ctx, 'ninjs-version') ?? '3.1');
    if (!ninjs.success) throw new UsageError('export: --ninjs-version is 3.1 or 2.2.');
    const out = flagString(ctx, 'out');
    if (out === '') throw new UsageError('export: --out needs a path.');
    const override = flagString(ctx, 'override');
    if (override !== undefined && override.trim().length < 3) {
      throw new UsageError('export: --override needs a written reason.');
    }
    const cwdOut = out === undefined ? undefined : path.resolve(out);
    const db = ctx.db();
    const all = ctx.flags['all-approved'] === true;

    if (all) {
      if (ctx.args.length) throw new UsageError('export: give either ID or --all-approved, not both.');
      if (!cwdOut) throw new UsageError('export: --all-approved needs --out DIR.');
      if (override !== undefined)
        throw new UsageError(
          'export: --all-approved exports approved articles only; --override is per article.',
        );
      await mkdir(cwdOut, { recursive: true });
      const done: { id: string; file: string }[] = [];
      for (const id of approvedArticleIds(db)) {
        const p = await prepareExport(db, {
          id,
          format: format.data,
          ninjsVersion: ninjs.data,
          author: ctx.author,
        });
        const file = await writeOut(cwdOut, p);
        recordExport(db, p, file);
        done.push({ id, file });
      }
      return {
        json: { format: format.data, exported: done },
        text: done.length
          ? [`صُدّر ${done.length} مقال:`, ...done.map((d) => `  ${d.id}  ${d.file}`)].join('\n')
          : 'لا مقالات معتمدة للتصدير.',
      };
    }

    const id = ctx.args[0];
    if (!id) throw new UsageError(`export: missing ID (usage: ${exportCommand.usage})`);
    if (!cwdOut && BINARY.has(format.data)) {
      throw new UsageError(`export: --format ${format.data} writes a binary file; give --out PATH.`);
    }
    const p = await prepareExport(db, {
      id,
      format: format.data,
      override: override ?? null,
      ninjsVersion: ninjs.data,
      author: ctx.author,
    });
    const meta = {
      id,
      format: format.data,
      fileName: p.fileName,
      mimeType: p.mimeType,
      revision: p.revisionSeq,
      override: p.overrideReason,
    };
    if (cwdOut) {
      const file = await writeOut(cwdOut, p);
      const { status } = recordExport(db, p, file);
      return {
        json: { ...meta, path: file, bytes: p.bytes.length, status },
        text: `صُدّر المقال ${id} إلى ${file}`,
      };
    }
    const { status } = recordExport(db, p, null);
    const content = new TextDecoder().decode(p.bytes);
    return { json: { ...meta, path: null, status, content }, text: content.replace(/\n$/, '') };
  },
};
