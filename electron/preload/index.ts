// The sandboxed preload: exposes window.tadqiq with the contract's channels only. No logic beyond the
// allow-list — validation happens in main, which never trusts the renderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_EVENTS, CHANNELS, type AppEvent } from '../../src/core/ipc/contract';

const channels = new Set<string>(CHANNELS);
const events = new Set<string>(APP_EVENTS);

contextBridge.exposeInMainWorld('tadqiq', {
  invoke(channel: string, arg: unknown): Promise<unknown> {
    if (!channels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'bad_request', message: `Unknown channel: ${channel}` },
      });
    }
    return ipcRenderer.invoke('tadqiq:invoke', channel, arg);
  },
  on(event: AppEvent, listener: () => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    const handler = (_e: IpcRendererEvent): void => listener();
    ipcRenderer.on(`tadqiq:event:${event}`, handler);
    return () => {
      ipcRenderer.removeListener(`tadqiq:event:${event}`, handler);
    };
  },
});
