// The renderer's only door to the services: window.tadqiq (the preload in the app, the harness in e2e
// tests). Failures come back as values; `call` turns them into a typed error the UI can show.
import type {
  AppEvent,
  Channel,
  ChannelArg,
  ChannelResult,
  IpcError,
  TadqiqBridge,
} from '../core/ipc/contract';

declare global {
  interface Window {
    tadqiq?: TadqiqBridge;
  }
}

export class BridgeError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'BridgeError';
  }
}

export function hasBridge(): boolean {
  return typeof window.tadqiq === 'object' && window.tadqiq !== null;
}

function bridge(): TadqiqBridge {
  if (!window.tadqiq) throw new BridgeError({ code: 'internal', message: 'window.tadqiq is not available' });
  return window.tadqiq;
}

export async function call<C extends Channel>(channel: C, arg: ChannelArg<C>): Promise<ChannelResult<C>> {
  const result = await bridge().invoke(channel, arg);
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}

export function onAppEvent(event: AppEvent, listener: () => void): () => void {
  if (!window.tadqiq) return () => {};
  return window.tadqiq.on(event, listener);
}
