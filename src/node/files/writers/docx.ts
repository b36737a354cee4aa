// Word export: every paragraph right-to-left (w:bidi) with right-to-left runs (w:rtl) and Arabic as the
// complex-script language, so Word lays the article out as an Arabic reader expects.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import type { ArticleContent, Figure } from '../../../core/article/model';
import {
  datelineText,
  xmlSafe,
  type ExportImage,
  type ExportImages,
  type ExportMeta,
} from '../../../core/export';

const FONT = 'Arial';

function run(text: string, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    rightToLeft: true,
    font: { ascii: FONT, hAnsi: FONT, cs: FONT },
    language: { value: 'ar-SA', bidirectional: 'ar-SA' },
    ...extra,
  });
}

function para(
  text: string,
  opts: {
    heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
    style?: string;
    bold?: boolean;
    italics?: boolean;
    size?: number;
    indent?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    bidirectional: true,
    alignment: AlignmentType.START,
    ...(opts.heading ? { heading: opts.heading } : {}),
    ...(opts.style ? { style: opts.style } : {}),
    ...(opts.indent ? { indent: { start: 720 } } : {}),
    children: [
      run(text, {
        ...(opts.bold ? { bold: true, boldComplexScript: true } : {}),
        ...(opts.italics ? { italics: true, italicsComplexScript: true } : {}),
        ...(opts.size ? { size: opts.size, sizeComplexScript: opts.size } : {}),
      }),
    ],
  });
}

/** The widest a photo is drawn, in pixels at 96 to the inch: the text width of an A4 page. */
const PHOTO_MAX_WIDTH = 600;

function photo(f: Figure, image: ExportImage): Paragraph {
  const scale = Math.min(1, PHOTO_MAX_WIDTH / image.width);
  const alt = xmlSafe(f.altText.trim() || f.caption.trim());
  return new Paragraph({
    bidirectional: true,
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: image.mimeType === 'image/png' ? 'png' : 'jpg',
        data: Buffer.from(image.base64, 'base64'),
        transformation: {
          width: Math.round(image.width * scale),
          height: Math.round(image.height * scale),
        },
        altText: { name: 'photo', title: alt, description: alt },
      }),
    ],
  });
}

export async function buildDocx(
  c: ArticleContent,
  meta: ExportMeta,
  images: ExportImages = new Map(),
): Promise<Uint8Array> {
  const children: Paragraph[] = [para(c.headline, { heading: HeadingLevel.TITLE, bold: true, size: 36 })];
  if (c.standfirst) children.push(para(c.standfirst, { bold: true, size: 26 }));
  for (const f of c.figures) {
    const image = f.image === null ? undefined : images.get(f.image);
    if (image) children.push(photo(f, image));
    const tail = [f.date, f.photographer, f.credit]
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' - ');
    children.push(para([f.caption.trim(), tail].filter(Boolean).join(' — '), { italics: true, size: 20 }));
  }
  const dl = datelineText(c);
  if (dl) children.push(para(dl, { bold: true }));
  for (const b of c.body) {
    if (b.type === 'subheading') children.push(para(b.text, { heading: HeadingLevel.HEADING_2, bold: true }));
    else if (b.type === 'blockquote') children.push(para(b.text, { indent: true, italics: true }));
    else children.push(para(b.text));
  }
  const tags = c.tags.filter((t) => t.trim());
  if (tags.length) children.push(para(`الوسوم: ${tags.join('، ')}`, { size: 20 }));
  const doc = new Document({
    creator: xmlSafe(meta.by ?? 'Tadqiq'),
    title: xmlSafe(c.headline),
    description: `Tadqiq article ${meta.id}, revision ${meta.revisionSeq}`,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONT, hAnsi: FONT, cs: FONT },
            size: 24,
            sizeComplexScript: 24,
            rightToLeft: true,
          },
        },
      },
    },
    sections: [{ properties: {}, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
