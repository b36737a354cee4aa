// Turns a table of service functions into the single IPC entry point used by Electron main and the e2e
// harness alike: unknown channels and malformed arguments are refused with a typed error, service failures
// come back as values, and unexpected exceptions are reported (never swallowed) and returned as 'internal'.
import { z } from 'zod';
import {
  AppError,
  contract,
  isChannel,
  type Channel,
  type ChannelResult,
  type Contract,
  type IpcResult,
  type ServiceChannel,
  type WindowChannel,
} from './contract';

type Handler<C extends Channel> = (
  arg: z.output<Contract[C]['arg']>,
) => ChannelResult<C> | Promise<ChannelResult<C>>;

/** What the data services implement: every channel but the window host's. */
export type ServiceTable = { [C in ServiceChannel]: Handler<C> };
/** What only a window host (Electron main) can answer. */
export type WindowTable = { [C in WindowChannel]: Handler<C> };

export type Dispatch = (channel: unknown, arg: unknown) => Promise<IpcResult<unknown>>;

export function createDispatch(
  table: ServiceTable & Partial<WindowTable>,
  onInternalError: (channel: string, e: unknown) => void,
): Dispatch {
  return async (channel, arg) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'bad_request', message: `Unknown channel: ${String(channel).slice(0, 80)}` },
      };
    }
    const parsed = contract[channel].arg.safeParse(arg === undefined ? {} : arg);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'bad_request', message: z.prettifyError(parsed.error).slice(0, 2000) },
      };
    }
    try {
      const fn = (table as Partial<Record<Channel, (a: unknown) => unknown>>)[channel];
      if (!fn)
        return { ok: false, error: { code: 'bad_request', message: `Not available here: ${channel}` } };
      const value: unknown = await fn(parsed.data);
      return { ok: true, value: contract[channel].result.parse(value) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message } };
      onInternalError(channel, e);
      return {
        ok: false,
        error: { code: 'internal', message: e instanceof Error ? e.message : 'Unexpected error' },
      };
    }
  };
}
