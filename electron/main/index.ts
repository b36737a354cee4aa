// Electron main: app lifecycle, the one window, the menu and the IPC registration. Thin by design — every
// operation is a service from src/node, the same ones the command line and the e2e harness call.
import { join } from 'node:path';
import { app, dialog, ipcMain, Menu, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { createDispatch } from '../../src/core/ipc/dispatch';
import { AppError } from '../../src/core/ipc/contract';
import { openDatabase } from '../../src/node/store/db';
import { createServices } from '../../src/node/services';
import { buildMenu } from './menu';
import { createSecureWindow, hardenSessionAndContents } from './security';
import { electronSqliteBinding } from './nativeBinding';
import { saveFileWithDialog } from './saveFile';
import { printHtmlToPdf } from './printPdf';
import { setHtmlPrinter } from '../../src/node/files/writers/pdf';

app.setName('Tadqiq');
const isDev = !app.isPackaged && Boolean(process.env.ELECTRON_RENDERER_URL);
let mainWindow: BrowserWindow | null = null;
let closeAllowed = false;

function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? `file://${join(__dirname, '../renderer/index.html')}`;
}

/** Only our own top frame may call the services. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!mainWindow || event.sender !== mainWindow.webContents || !frame || frame.parent !== null) return false;
  const expected = new URL(rendererUrl());
  const actual = new URL(frame.url);
  return (
    actual.protocol === expected.protocol &&
    actual.host === expected.host &&
    actual.pathname === expected.pathname
  );
}

function createWindow(language: 'ar' | 'en'): void {
  mainWindow = createSecureWindow(
    {
      width: 1360,
      height: 880,
      minWidth: 900,
      minHeight: 600,
      title: 'تدقيق — Tadqiq',
      show: false,
      backgroundColor: '#f7f6f2',
    },
    join(__dirname, '../preload/index.cjs'),
  );
  Menu.setApplicationMenu(buildMenu(language, () => mainWindow, isDev));
  mainWindow.once('ready-to-show', () => mainWindow?.show());

  // Closing waits for the renderer to flush its last edit (it answers with 'app:closeReady'), at most 5 s.
  mainWindow.on('close', (e) => {
    if (closeAllowed || !mainWindow) return;
    e.preventDefault();
    mainWindow.webContents.send('tadqiq:event:app:before-close');
    setTimeout(() => {
      closeAllowed = true;
      mainWindow?.close();
    }, 5000).unref();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(rendererUrl());
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  hardenSessionAndContents(() => mainWindow);

  const dbPath = process.env.TADQIQ_DB ?? join(app.getPath('userData'), 'tadqiq.db');
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(dbPath, { nativeBinding: electronSqliteBinding() });
  } catch (e) {
    const message = e instanceof AppError || e instanceof Error ? e.message : String(e);
    dialog.showErrorBox('تعذّر فتح قاعدة البيانات / The database cannot be opened', `${dbPath}\n\n${message}`);
    app.exit(1);
    return;
  }

  setHtmlPrinter(printHtmlToPdf);
  const services = createServices(db);
  const dispatch = createDispatch(
    {
      ...services,
      'app:saveFile': (arg) => saveFileWithDialog(mainWindow, arg),
      'app:closeReady': () => {
        closeAllowed = true;
        setImmediate(() => mainWindow?.close());
        return { ok: true as const };
      },
    },
    (channel, e) => console.error(`[ipc] ${channel} failed:`, e),
  );
  ipcMain.handle('tadqiq:invoke', async (event, channel: unknown, arg: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'bad_request', message: 'Untrusted sender' } };
    }
    return dispatch(channel, arg);
  });

  const settings = await dispatch('settings:get', {});
  const language =
    settings.ok && (settings.value as { language: 'ar' | 'en' }).language === 'en' ? 'en' : 'ar';
  createWindow(language);

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    db.close();
    app.quit();
  });
}

main().catch((e: unknown) => {
  console.error(e);
  dialog.showErrorBox('Tadqiq', e instanceof Error ? e.message : String(e));
  app.exit(1);
});
