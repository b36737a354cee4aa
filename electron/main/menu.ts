// The application menu. Its labels are the main process's only user-facing strings, kept here in both
// interface languages; menu commands are forwarded to the renderer as contract events.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppEvent } from '../../src/core/ipc/contract';

const LABELS = {
  ar: {
    file: 'ملف',
    import: 'استيراد مقال…',
    save: 'حفظ نسخة',
    history: 'سجل النسخ',
    edit: 'تحرير',
    view: 'عرض',
    quit: 'خروج',
  },
  en: {
    file: 'File',
    import: 'Import article…',
    save: 'Save revision',
    history: 'History',
    edit: 'Edit',
    view: 'View',
    quit: 'Quit',
  },
} as const;

export function buildMenu(
  language: 'ar' | 'en',
  getWindow: () => BrowserWindow | null,
  isDev: boolean,
): Menu {
  const l = LABELS[language];
  const send = (event: AppEvent) => () => getWindow()?.webContents.send(`tadqiq:event:${event}`);
  const template: MenuItemConstructorOptions[] = [
    {
      label: l.file,
      submenu: [
        { label: l.import, accelerator: 'CmdOrCtrl+O', click: send('menu:import') },
        { label: l.save, accelerator: 'CmdOrCtrl+S', click: send('menu:save') },
        { label: l.history, accelerator: 'CmdOrCtrl+H', click: send('menu:history') },
        { type: 'separator' },
        { label: l.quit, role: 'quit' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: l.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(isDev ? [{ role: 'toggleDevTools' } as const] : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
