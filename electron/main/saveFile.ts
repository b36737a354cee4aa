// 'app:saveFile': the user picks where an export goes; the bytes are written there (atomically) and nowhere
// else. The suggested name has already been made safe for every platform by the export service.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { AppError } from '../../src/core/ipc/contract';

export async function saveFileWithDialog(
  win: BrowserWindow | null,
  arg: { fileName: string; mimeType: string; dataBase64: string },
): Promise<{ saved: boolean; path: string | null }> {
  const ext = extname(arg.fileName).replace('.', '');
  const options = {
    defaultPath: basename(arg.fileName),
    filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
  };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return { saved: false, path: null };
  const tmp = `${r.filePath}.${randomBytes(4).toString('hex')}.part`;
  try {
    writeFileSync(tmp, Buffer.from(arg.dataBase64, 'base64'), { flag: 'wx' });
    renameSync(tmp, r.filePath);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'the folder cannot be written to'
          : (e as Error).message;
    throw new AppError('internal', `The file could not be saved to ${r.filePath}: ${why}.`);
  }
  return { saved: true, path: r.filePath };
}
