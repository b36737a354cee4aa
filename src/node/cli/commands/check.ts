// `check FILE|--article ID [--plain]`: runs the house-style checker over an article (a file, structured as
// import would, or an article of the library) and prints its findings; --plain reads every line of FILE as
// one paragraph, with no structure detection, so block N is line N + 1.
import { basename } from 'node:path';
import {
  checkerFor,
  documentUnits,
  effectiveSettings,
  findingKey,
  type Finding,
  type TextUnit,
} from '../../../core/checker';
import { AppError } from '../../../core/ipc/contract';
import { MAX_IMPORT_BYTES } from '../../files/readDocument';
import { decodeText } from '../../files/encoding';
import { prepareDocument, showArticle } from '../../services';
import { checkForCli, type SpelledCheck } from '../../spelling/check';
import { sharedSpeller } from '../../spelling';
import { spellingForCheck } from '../../spelling/provider';
import { dictionaryKeys } from '../../store/dictionary';
import { readHouseStyle, readIgnores } from '../../store/checkerConfig';
import { UsageError, type CliCommand, type CommandContext } from '../command';

const SEVERITY_AR: Record<Finding['severity'], string> = { error: 'خطأ', warning: 'تنبيه', info: 'ملاحظة' };

const FIELD_AR: Record<string, string> = { headline: 'العنوان', standfirst: 'الموجز' };

function where(f: Finding): string {
  if (f.block !== undefined) return `الفقرة ${f.block + 1}`;
  const caption = /^figures\.(\d+)\.(caption|altText)$/.exec(f.field ?? '');
  if (caption)
    return `${caption[2] === 'caption' ? 'تعليق الصورة' : 'النص البديل للصورة'} ${Number(caption[1]) + 1}`;
  return FIELD_AR[f.field ?? ''] ?? f.field ?? '';
}

export function findingsText(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'لا ملاحظات: النص مطابق لأسلوب الدار.';
  const lines = [`${findings.length} ملاحظة:`];
  for (const f of findings) {
    const fix = f.suggestions.length ? ` ← ${f.suggestions.map((s) => `«${s}»`).join(' أو ')}` : '';
    lines.push(`  ${where(f)} [${f.from}-${f.to}] ${SEVERITY_AR[f.severity]} «${f.text}»${fix}`);
    lines.push(`    ${f.message} (${f.ruleId})`);
  }
  return lines.join('\n');
}

/** Every line of the file is one paragraph; line breaks (\n, \r\n, \r) are not part of any paragraph. */
function plainParagraphs(bytes: Uint8Array, name: string): { text: string; block: number }[] {
  if (bytes.length === 0) throw new AppError('empty_file', `${name}: the file is empty.`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError('too_large', `${name}: the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  const { text } = decodeText(bytes, name);
  return text.split(/\r\n|\r|\n/).map((line, block) => ({ text: line, block }));
}

/** A library article is checked as the desk set it up: its house style, its rules, the article's ignores. */
async function checkArticle(ctx: CommandContext, id: string): Promise<SpelledCheck> {
  const db = ctx.db();
  const article = showArticle(db, id).article;
  const style = readHouseStyle(db);
  const ignores = readIgnores(db, id);
  const units: TextUnit[] = documentUnits(article);
  const setup =
    ctx.flags['no-spelling'] === true
      ? { provider: null, warning: null }
      : await spellingForCheck(
          sharedSpeller(),
          units.map((u) => u.text),
          dictionaryKeys(db),
        );
  const report = checkerFor(style.customRules).checkDocumentReport(
    units,
    effectiveSettings(style, 'ar', ignores),
    setup.provider ?? undefined,
  );
  const textOf = (f: Finding): string =>
    units.find((u) =>
      f.field !== undefined ? u.field === f.field : u.field === undefined && u.block === f.block,
    )?.text ?? '';
  const ignored = new Set(ignores.findings);
  return {
    findings: report.findings.filter((f) => !ignored.has(findingKey(f, textOf(f)))),
    warning: setup.warning,
  };
}

async function findings(ctx: CommandContext): Promise<SpelledCheck> {
  const file = ctx.args[0];
  const id = ctx.flags.article;
  const plain = ctx.flags.plain === true;
  if (file !== undefined && id !== undefined)
    throw new UsageError('check: give FILE or --article ID, not both.');
  if (typeof id === 'string') {
    if (!id.trim()) throw new UsageError('check: --article needs an article id.');
    if (plain) throw new UsageError('check: --plain reads a FILE; a library article is already structured.');
    return checkArticle(ctx, id);
  }
  if (file === undefined) throw new UsageError('check: give FILE or --article ID.');
  const bytes = await ctx.readFile(file);
  if (plain) return checkForCli(ctx, plainParagraphs(bytes, basename(file)));
  return checkForCli(ctx, (await prepareDocument(bytes, basename(file))).content);
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check FILE|--article ID [--plain]',
  summary: 'يدقق النص وفق أسلوب الدار — checks an article against the house style',
  positionals: ['FILE?'],
  flags: {
    article: { type: 'string', help: 'مقال من المكتبة — an article of the library' },
    plain: {
      type: 'boolean',
      help: 'كل سطر فقرة، بلا تحليل للبنية — every line is one paragraph, no structure detection',
    },
    'no-spelling': { type: 'boolean', help: 'بلا تدقيق إملائي — house style only, no spelling' },
  },
  async run(ctx) {
    const { findings: list, warning } = await findings(ctx);
    const json = { findings: list, ...(warning ? { warnings: [warning] } : {}) };
    return { json, text: findingsText(list) + (warning ? `\n${warning}` : '') };
  },
};
