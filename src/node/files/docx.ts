// DOCX import: checks the ZIP package before anything unpacks it (a small file must not inflate to gigabytes),
// then converts the document to HTML with mammoth, which the HTML importer structures like any page.
import mammoth from 'mammoth';
import { AppError } from '../../core/ipc/contract';

/** Unpacked size a Word document may reach; far above any article, far below what would exhaust memory. */
export const MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024;

export const isZip = (b: Uint8Array): boolean =>
  b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** The old binary Word format (OLE2 compound file): .doc, sometimes renamed to .docx. */
const isOle2 = (b: Uint8Array): boolean =>
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((x, i) => b[i] === x);

/** Sum of the entries' unpacked sizes from the ZIP central directory, or null when there is none. */
function unpackedSize(b: Uint8Array): { total: number; entries: string[] } | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  let total = 0;
  const entries: string[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return null;
    total += view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    entries.push(new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { total, entries };
}

/** The document as HTML; AppError 'unsupported_file' or 'undecodable' with a message a user can act on. */
export async function docxToHtml(bytes: Uint8Array, fileName: string): Promise<string> {
  if (isOle2(bytes)) {
    throw new AppError(
      'unsupported_file',
      `${fileName}: this is an old Word document (.doc). Save it as .docx in Word and import that.`,
    );
  }
  if (!isZip(bytes)) {
    throw new AppError(
      'unsupported_file',
      `${fileName}: this is not a Word document (.docx): it is not a ZIP package.`,
    );
  }
  const zip = unpackedSize(bytes);
  if (!zip)
    throw new AppError(
      'undecodable',
      `${fileName}: the Word document is damaged (its ZIP directory is unreadable).`,
    );
  if (!zip.entries.includes('word/document.xml')) {
    throw new AppError(
      'unsupported_file',
      `${fileName}: this ZIP file is not a Word document (no word/document.xml).`,
    );
  }
  if (zip.total > MAX_DOCX_UNPACKED_BYTES) {
    throw new AppError('too_large', `${fileName}: the Word document unpacks to more than 200 MB.`);
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p.standfirst:fresh"],
        // Only text is imported; images would otherwise be inlined as base64 into the HTML.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    );
    return result.value;
  } catch (e) {
    throw new AppError(
      'undecodable',
      `${fileName}: the Word document could not be read (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
}
