// Electron hardening shared by every window: the web preferences we allow, navigation and new windows
// denied, permissions refused, external links only to the system browser after the user confirms.
import { app, BrowserWindow, dialog, session, shell, type BrowserWindowConstructorOptions } from 'electron';

/**
 * Every window of the app is made here. The web preferences are written out at the constructor (not passed in
 * a variable) so that static checkers such as Electronegativity can verify them.
 */
export function createSecureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preload: string,
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      // Reviewed: the sandboxed preload exposes only invoke() for the contract's channel names and on() for
      // a fixed list of menu events; main validates every argument again.
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // A middle click would otherwise ask for a new window (denied anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** Only plain web links may leave the app, and only to the system browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function hardenSessionAndContents(getWindow: () => BrowserWindow | null): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalWebUrl(url)) void confirmAndOpenExternal(getWindow(), url);
      return { action: 'deny' };
    });
  });
}

async function confirmAndOpenExternal(win: BrowserWindow | null, url: string): Promise<void> {
  const options = {
    type: 'question' as const,
    buttons: ['فتح في المتصفح / Open in browser', 'إلغاء / Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'فتح رابط خارجي؟ / Open an external link?',
    detail: url,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  // Only http(s) URLs reach this point (isExternalWebUrl), and only after the user confirmed them.
  if (response === 0) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}
