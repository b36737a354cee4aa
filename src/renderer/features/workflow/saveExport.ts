// Puts an exported file where the user wants it: the window host's save dialog in the app, a browser download
// where there is no window host (the channel answers "not available here").
import { BridgeError, call } from '../../bridge';

export type SavedExport =
  { kind: 'saved'; path: string | null } | { kind: 'cancelled' } | { kind: 'downloaded' };

function isUnavailable(e: unknown): boolean {
  return e instanceof BridgeError && e.error.code === 'bad_request' && /not available/i.test(e.error.message);
}

export function downloadFile(fileName: string, mimeType: string, dataBase64: string): void {
  const bin = atob(dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click is handled; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function saveExport(file: {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}): Promise<SavedExport> {
  try {
    const { fileName, mimeType, dataBase64 } = file;
    const r = await call('app:saveFile', { fileName, mimeType, dataBase64 });
    return r.saved ? { kind: 'saved', path: r.path } : { kind: 'cancelled' };
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    downloadFile(file.fileName, file.mimeType, file.dataBase64);
    return { kind: 'downloaded' };
  }
}
