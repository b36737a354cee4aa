// PDF through Chromium's print engine (playwright-core driving a Chromium binary): the exported HTML page,
// with the app's Arabic font embedded, printed to A4. The Electron app prints with printToPDF instead; both
// lay out the same HTML, so the pages match.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AppError } from '../../../core/ipc/contract';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags that keep a headless Chromium quiet on a machine without network (no updates, sync or QUIC). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary to print with: $CHROMIUM_PATH, else a system Chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.CHROMIUM_PATH?.trim();
  if (given) {
    if (!existsSync(given))
      throw new AppError('internal', `CHROMIUM_PATH points to ${given}, which does not exist.`);
    return given;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new AppError(
      'internal',
      'PDF export needs Chromium: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

let fontCss: string | null = null;

/** @font-face rules embedding Noto Naskh Arabic as data: URLs (the export's CSP allows fonts from data: only). */
export function embeddedFontCss(): string {
  if (fontCss !== null) return fontCss;
  const require = createRequire(import.meta.url);
  const rules: string[] = [];
  for (const weight of [400, 700]) {
    try {
      const file = require.resolve(
        `@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-${weight}-normal.woff2`,
      );
      const data = readFileSync(file).toString('base64');
      rules.push(
        `@font-face { font-family: "Noto Naskh Arabic"; font-style: normal; font-weight: ${weight}; ` +
          `src: url(data:font/woff2;base64,${data}) format("woff2"); }`,
      );
    } catch {
      // Without the bundled font Chromium falls back to a system Arabic font; the PDF is still correct.
      continue;
    }
  }
  fontCss = rules.join('\n');
  return fontCss;
}

/** Prints a complete HTML document to PDF bytes. */
export type HtmlPrinter = (html: string) => Promise<Uint8Array>;

let hostPrinter: HtmlPrinter | null = null;

/**
 * The Electron app registers its own printer (webContents.printToPDF), so a desk without Chromium installed
 * still exports PDF; the command line and the tests print with a Chromium binary through playwright-core.
 */
export function setHtmlPrinter(printer: HtmlPrinter | null): void {
  hostPrinter = printer;
}

/** Prints a complete HTML document to PDF bytes. */
export async function htmlToPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Uint8Array> {
  if (hostPrinter) return hostPrinter(html);
  const executablePath = chromiumPath(env);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false, offline: true });
    await page.setContent(html, { waitUntil: 'load' });
    // Web fonts load asynchronously; print only once they are in (a string: no DOM types in Node code).
    await page.evaluate('document.fonts.ready.then(() => true)');
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
