// PDF export in the app: the export's HTML printed by Electron's own Chromium (webContents.printToPDF) in a
// hidden, sandboxed window with JavaScript off — the same layout the command line gets from Chromium.
import { BrowserWindow } from 'electron';

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      javascript: false,
      webviewTag: false,
      spellcheck: false,
      // Like the main window: no middle-click new-window requests (the window is hidden and script-less anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      margins: { top: 0.79, bottom: 0.79, left: 0.71, right: 0.71 },
    });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}
