// The text of a PDF source, through PDF.js (legacy build: runs in plain Node without a DOM or a worker
// thread). Arabic set in presentation forms is folded back to ordinary letters; a damaged file, a file
// protected by a password and a scan without a text layer are refused with a message a user can act on.
import { AppError } from '../../core/ipc/contract';

export const isPdf = (b: Uint8Array): boolean =>
  b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d; // %PDF-

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;

type TextItemLike = { str?: unknown; hasEOL?: unknown };

export type PdfText = { text: string; title: string | null; pages: number };

export async function pdfToText(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  if (!isPdf(bytes)) {
    throw new AppError(
      'unsupported_file',
      `${fileName}: this is not a PDF file (it does not start with %PDF-).`,
    );
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextItemLike[]) {
        if (typeof item.str === 'string') text += item.str;
        if (item.hasEOL === true) text += '\n';
      }
      pages.push(text.trim());
      page.cleanup();
    }
    let title: string | null = null;
    try {
      const meta = await doc.getMetadata();
      const t = (meta.info as { Title?: unknown } | undefined)?.Title;
      if (typeof t === 'string' && t.trim()) title = t.trim();
    } catch {
      // The document information dictionary is optional and often broken; the text is what matters.
    }
    const text = pages
      .join('\n\n')
      .replace(PRESENTATION_FORMS, (s) => s.normalize('NFKC'))
      .replace(/[ \t\u00A0]+\n/g, '\n');
    if (!text.trim()) {
      throw new AppError(
        'empty_file',
        `${fileName}: the PDF holds no text (a scanned image?). Paste the source's text instead.`,
      );
    }
    return { text, title, pages: doc.numPages };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') {
      throw new AppError('unsupported_file', `${fileName}: the PDF is protected by a password.`);
    }
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError('undecodable', `${fileName}: the PDF is damaged and cannot be read (${why}).`);
  } finally {
    await task.destroy();
  }
}
