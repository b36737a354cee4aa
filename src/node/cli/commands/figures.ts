// `figures add ID PHOTO [--figure N]`, `figures read PHOTO`, `figures check ID`, `figures prune [--dry-run]`:
// photos and their captions from the command line — insert a photo into an article (or put it on its figure N,
// keeping what the figure says), read a photo's IPTC/XMP/EXIF without storing it, run the caption rules, and
// remove the stored photos no revision of any article shows.
import { basename } from 'node:path';
import { figureFromMetadata } from '../../../core/captions/metadata';
import { readImage } from '../../files/images';
import { addMedia, checkArticleCaptions, getCaptionStyle, pruneMedia } from '../../services/media';
import { UsageError, type CliCommand } from '../command';

const SEVERITY_AR = { error: 'خطأ', warning: 'تنبيه', info: 'ملاحظة' } as const;
const USAGE = 'figures add ID PHOTO [--figure N] | read PHOTO | check ID | prune [--dry-run]';

export const figuresCommand: CliCommand = {
  name: 'figures',
  usage: USAGE,
  summary: 'الصور وتعليقاتها: إضافة وقراءة وتدقيق — photos and captions: add, read, check',
  positionals: ['ACTION', 'ARG?', 'PHOTO?'],
  flags: {
    figure: {
      type: 'string',
      help: 'يرفق الصورة بالشكل رقم N بدل إضافة شكل جديد — puts the photo on figure N (from 1) instead of adding one',
    },
    'dry-run': {
      type: 'boolean',
      help: 'مع prune: يعدّ الصور ولا يحذف شيئاً — with prune: count the photos, remove nothing',
    },
  },
  async run(ctx) {
    const [action, arg, photo] = ctx.args;
    if (action === 'prune') {
      if (arg !== undefined) throw new UsageError(`figures prune: unexpected argument "${arg}".`);
      const r = pruneMedia(ctx.db(), { dryRun: ctx.flags['dry-run'] === true });
      const mb = (r.bytes / 1_048_576).toFixed(1);
      const text = [
        r.dryRun
          ? `صور لا تظهر في أي نسخة من أي مقال: ${r.removed.length} (${mb} ميغابايت) — لم يُحذف شيء.`
          : `حُذفت ${r.removed.length} صورة لا تظهر في أي نسخة من أي مقال (${mb} ميغابايت).`,
        `بقيت ${r.kept} صورة.`,
        ...r.removed.map((x) => `  ${x.fileName}  ${x.hash.slice(0, 12)}`),
      ].join('\n');
      return { json: r, text };
    }
    if (arg === undefined)
      throw new UsageError(`figures ${action ?? ''}: missing argument (usage: ${USAGE}).`);
    const figureFlag = ctx.flags.figure;
    if (ctx.flags['dry-run'] !== undefined) throw new UsageError('figures: --dry-run goes with prune only.');
    if (figureFlag !== undefined && action !== 'add')
      throw new UsageError(`figures ${action}: --figure goes with add only.`);
    if (action === 'add') {
      if (photo === undefined)
        throw new UsageError('figures add: missing PHOTO (usage: figures add ID PHOTO [--figure N]).');
      let figure: number | null = null;
      if (typeof figureFlag === 'string') {
        if (!/^[1-9]\d*$/.test(figureFlag))
          throw new UsageError(`figures add: --figure takes a figure number from 1, not "${figureFlag}".`);
        figure = Number(figureFlag) - 1;
      }
      const added = await addMedia(ctx.db(), {
        bytes: await ctx.readFile(photo),
        fileName: basename(photo),
        articleId: arg!,
        figure,
        author: ctx.author,
      });
      const text = [
        figure === null
          ? `أُضيفت الصورة ${added.fileName} (${added.width}×${added.height}) إلى المقال ${arg}.`
          : `أُرفقت الصورة ${added.fileName} (${added.width}×${added.height}) بالشكل ${figure + 1} في المقال ${arg}.`,
        `التعليق: ${added.figure.caption || '—'}`,
        `المصدر: ${added.figure.credit || '—'}    المصور: ${added.figure.photographer || '—'}    التاريخ: ${added.figure.date || '—'}`,
        ...added.warnings,
      ].join('\n');
      return { json: added, text };
    }
    if (photo !== undefined) throw new UsageError(`figures ${action}: unexpected argument "${photo}".`);
    if (action === 'read') {
      const img = await readImage(await ctx.readFile(arg!), basename(arg!));
      const figure = figureFromMetadata(img.metadata, img.hash, getCaptionStyle(ctx.db()));
      const json = {
        hash: img.hash,
        mimeType: img.mimeType,
        width: img.width,
        height: img.height,
        metadata: img.metadata,
        figure,
        warnings: img.warnings,
      };
      const m = img.metadata;
      const text = [
        `${img.mimeType} ${img.width}×${img.height}`,
        `التعليق: ${m.caption || '—'}`,
        `العنوان: ${m.headline || '—'}`,
        `المصدر: ${m.credit || '—'}    المصور: ${m.creator || '—'}    الحقوق: ${m.copyright || '—'}`,
        `التاريخ: ${figure.date || '—'}    المكان: ${[m.city, m.country].filter(Boolean).join('، ') || '—'}`,
        `النص البديل: ${m.altText || '—'}`,
        `الكلمات المفتاحية: ${m.keywords.join('، ') || '—'}`,
      ].join('\n');
      return { json, text };
    }
    if (action === 'check') {
      const { findings } = checkArticleCaptions(ctx.db(), arg!);
      const text = findings.length
        ? findings
            .map(
              (f) =>
                `${f.field}  ${SEVERITY_AR[f.severity]}: ${f.message}${f.suggestions.length ? ` ← ${f.suggestions.join(' | ')}` : ''}`,
            )
            .join('\n')
        : 'لا ملاحظات على التعليقات.';
      return { json: { findings }, text };
    }
    throw new UsageError(`figures: unknown action "${action}" (usage: ${figuresCommand.usage})`);
  },
};
